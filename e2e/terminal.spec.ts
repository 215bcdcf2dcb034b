import { expect, test } from '@playwright/test';
import { TerminalPage } from './fixtures/terminal.ts';

// The terminal shares the bottom row with the editor: give it room for a table's rows and columns.
test.use({ viewport: { width: 1600, height: 1000 } });

test.describe('the terminal on the first page', () => {
  test('answers kubectl get nodes from the simulated cluster', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await expect(terminal.region).toBeVisible();
    await terminal.type('kubectl get nodes');
    await expect.poll(() => terminal.text()).toContain('kubelab-control-plane');
    const text = await terminal.text();
    expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(text).toMatch(/kubelab-worker3\s+Ready\s+<none>/);
    await page.screenshot({ path: 'test-results/first-page.png' });
  });

  test('runs a pod and shows it Running as simulated time plays', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl run hello --image=nginx');
    await expect.poll(() => terminal.text()).toContain('pod/hello created');
    await terminal.type('sleep 5; kubectl get pods');
    await expect.poll(() => terminal.text(), { timeout: 20_000 }).toMatch(/hello\s+1\/1\s+Running/);
  });

  test('reports an unknown command and keeps working', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl gett pods');
    await expect.poll(() => terminal.text()).toContain('Error: unknown command "gett" for "kubectl"');
    await terminal.type('kubectl get ns');
    await expect.poll(() => terminal.text()).toContain('kube-system');
  });
});

test.describe('the terminal as a shell', () => {
  test('completes a resource type with Tab', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.typePartial('kubectl get po');
    await terminal.press('Tab');
    await expect.poll(() => terminal.lastLine()).toMatch(/\$ kubectl get pods\s*$/);
    await terminal.press('Enter');
    await expect.poll(() => terminal.text()).toContain('No resources found in default namespace.');
  });

  test('lists the candidates on a second Tab and keeps the line', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.typePartial('kubectl des');
    await terminal.press('Tab');
    await terminal.press('Enter');
    await terminal.typePartial('kubectl get nodes kubelab-w');
    await terminal.press('Tab');
    await terminal.press('Tab');
    await expect.poll(() => terminal.text()).toMatch(/kubelab-worker\s+kubelab-worker2\s+kubelab-worker3/);
    await expect.poll(() => terminal.lastLine()).toMatch(/\$ kubectl get nodes kubelab-worker\s*$/);
  });

  test('clears the screen with Ctrl-L and keeps the line being typed', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl get ns');
    await expect.poll(() => terminal.text()).toContain('kube-system');
    await terminal.typePartial('kubectl get no');
    await terminal.press('Control+L');
    await expect.poll(() => terminal.text()).not.toContain('kube-system');
    const text = await terminal.text();
    expect(text.trim()).toMatch(/^learner@kubelab:~\$ kubectl get no$/);
  });

  test('recalls the previous command with ↑, also after a reload', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl get ns');
    await expect.poll(() => terminal.text()).toContain('kube-system');
    await terminal.typePartial('');
    await terminal.press('ArrowUp');
    await expect.poll(() => terminal.lastLine()).toMatch(/\$ kubectl get ns\s*$/);
    // Wait for the lab to save (it saves within a second or two of a command) then reload.
    await page.waitForTimeout(2500);
    await page.reload();
    await terminal.typePartial('');
    await terminal.press('ArrowUp');
    await expect.poll(() => terminal.lastLine()).toMatch(/\$ kubectl get ns\s*$/);
  });

  test('edits in the middle of the line', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.typePartial('kubectl nodes');
    for (let i = 0; i < 5; i++) await terminal.press('ArrowLeft');
    await page.keyboard.type('get ');
    await terminal.press('Enter');
    await expect.poll(() => terminal.text()).toContain('kubelab-control-plane');
  });

  test('shows errors from the API server', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl get pod nosuch');
    await expect.poll(() => terminal.text()).toContain('Error from server (NotFound): pods "nosuch" not found');
  });

  test("echoes the editor's Apply as a typed command and keeps the line being typed", async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.typePartial('kubectl ge');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => terminal.text()).toMatch(/\$ kubectl apply -f \S+\n.+ (created|configured|unchanged)/);
    await expect.poll(() => terminal.lastLine()).toMatch(/\$ kubectl ge\s*$/);
  });
});
