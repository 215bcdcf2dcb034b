import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { TerminalPage } from './fixtures/terminal.ts';

/** The manifest editor, found by its region name; Monaco's text area is its textbox. */
class EditorPanel {
  readonly region: Locator;
  readonly text: Locator;
  readonly output: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Manifest editor' });
    this.text = this.region.getByRole('textbox', { name: 'Manifest text' });
    this.output = this.region.getByRole('status', { name: 'Apply output' });
  }

  /** waits for Monaco (loaded lazily) to take over from the plain preview */
  async ready(): Promise<void> {
    await expect(this.text).toBeAttached({ timeout: 30_000 });
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }
}

test.describe('the manifest editor', () => {
  test('applies the starter hello-pod as kubectl apply -f pod.yml', async ({ page }, testInfo) => {
    await page.goto('/');
    const editor = new EditorPanel(page);
    const terminal = new TerminalPage(page);
    await expect(editor.region.getByRole('tab', { name: 'pod.yml', selected: true })).toBeVisible();
    await editor.ready();
    await editor.button('Apply').click();
    await expect(editor.output).toContainText('pod/hello-pod created');
    await expect.poll(() => terminal.text()).toContain('kubectl apply -f pod.yml');
    await expect.poll(() => terminal.text()).toContain('pod/hello-pod created');
    await terminal.type('sleep 10; kubectl get pods');
    await expect.poll(() => terminal.text(), { timeout: 30_000 }).toMatch(/hello-pod\s+1\/1\s+Running/);
    await testInfo.attach('editor-light', { body: await page.screenshot(), contentType: 'image/png' });
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    await testInfo.attach('editor-dark', { body: await page.screenshot(), contentType: 'image/png' });
  });

  test('marks invalid YAML on the line kubectl names', async ({ page }) => {
    await page.goto('/');
    const editor = new EditorPanel(page);
    await editor.ready();
    await editor.text.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('a: b: c');
    // the YAML language service flags it while typing …
    const squiggle = editor.region.locator('.squiggly-error').first();
    await expect(squiggle).toBeVisible();
    // … and Apply (Ctrl+Enter) shows kubectl's error, naming line 5, with a marker there
    await page.keyboard.press('Control+Enter');
    await expect(editor.output).toContainText('yaml: line 5:');
    await expect(editor.output.getByRole('button', { name: 'Go to line 5' })).toBeVisible();
    const lineFive = editor.region.getByText('a: b: c');
    const [mark, line] = await Promise.all([squiggle.boundingBox(), lineFive.boundingBox()]);
    expect(mark && line && Math.abs(mark.y + mark.height / 2 - (line.y + line.height / 2))).toBeLessThan(line!.height);
  });

  test('opens a file the terminal writes and does not flag numeric ports', async ({ page }) => {
    await page.goto('/');
    const editor = new EditorPanel(page);
    const terminal = new TerminalPage(page);
    await editor.ready();
    await terminal.type("echo -e 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: web\\nspec:\\n  selector:\\n    app: web\\n  ports:\\n    - port: 80\\n      targetPort: 8080' > svc.yml");
    await editor.region.getByRole('tab', { name: 'svc.yml' }).click();
    await expect(editor.region.getByText('targetPort: 8080')).toBeVisible();
    // the YAML worker has validated once the schema's hover answers; then nothing is flagged
    await editor.region.getByText('kind', { exact: true }).hover();
    await expect(page.getByText(/Kind is the type of object this manifest describes/)).toBeVisible();
    await expect(editor.region.locator('.squiggly-error')).toHaveCount(0);
  });

  test('converts pod.yml to JSON in a new tab', async ({ page }) => {
    await page.goto('/');
    const editor = new EditorPanel(page);
    await editor.ready();
    await editor.button('Convert to JSON').click();
    await expect(editor.region.getByRole('tab', { name: 'pod.json', selected: true })).toBeVisible();
    await expect(editor.region).toContainText('"kind": "Pod"');
    await expect(editor.button('Convert to YAML')).toBeVisible();
    const terminal = new TerminalPage(page);
    await terminal.type('cat pod.json');
    await expect.poll(() => terminal.text()).toContain('"containerPort": 8080');
  });

  test('falls back to a plain editor that still applies when Monaco cannot load', async ({ page }) => {
    await page.route(/\/assets\/(setup|editor\.api)-[^/]*\.js$/, (route) => route.abort());
    await page.goto('/');
    const editor = new EditorPanel(page);
    await expect(editor.region.getByRole('note')).toContainText('could not be loaded');
    await editor.text.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n    - name: c\n      image: nginx\n');
    await editor.button('Apply').click();
    await expect(editor.output).toContainText('pod/plain created');
    await expect.poll(() => new TerminalPage(page).text()).toContain('pod/plain created');
  });
});
