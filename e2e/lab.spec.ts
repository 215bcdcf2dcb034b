import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TerminalPage } from './fixtures/terminal.ts';

test.describe('the lab page', () => {
  test('shows the hello-pod applied from the editor landing on a node and running, across a reload', async ({ page }) => {
    await page.goto('/');
    const editor = page.getByRole('region', { name: 'Manifest editor' });
    const diagram = page.getByRole('region', { name: 'Cluster diagram' });
    await expect(editor.getByRole('tab', { name: 'pod.yml', selected: true })).toBeVisible();
    await editor.getByRole('button', { name: 'Apply', exact: true }).click();

    // The pod appears in the diagram, is bound to a worker, and turns Running as time plays.
    const pod = diagram.getByRole('img', { name: 'Pod hello-pod' });
    await expect(pod).toBeVisible();
    const onNode = diagram.getByRole('group', { name: /^Node kubelab-worker/ }).getByRole('img', { name: 'Pod hello-pod' });
    await expect(onNode).toHaveAccessibleDescription(/^Running, 1\/1 ready, on kubelab-worker\d?/, { timeout: 30_000 });
    const home = diagram.getByRole('group', { name: /^Node / }).filter({ has: page.getByRole('img', { name: 'Pod hello-pod' }) });
    const node = (await home.getAttribute('aria-label'))!.replace('Node ', '');

    const terminal = new TerminalPage(page);
    await terminal.type('kubectl get pods');
    await expect.poll(() => terminal.text()).toMatch(/hello-pod\s+1\/1\s+Running\s+0\s/);
    await terminal.type("kubectl get pod hello-pod -o jsonpath='{.spec.nodeName}{\"\\n\"}'");
    await expect.poll(() => terminal.text()).toMatch(new RegExp(`\\n${node}\\n`));

    await page.reload();
    await expect(page.getByRole('region', { name: 'Manifest editor' }).getByRole('tab', { name: 'pod.yml' })).toBeVisible();
    await expect(page.getByRole('group', { name: `Node ${node}` }).getByRole('img', { name: 'Pod hello-pod' })).toHaveAccessibleDescription(/^Running/);
  });

  test('plays, pauses and steps simulated time', async ({ page }) => {
    await page.goto('/');
    const clock = page.getByLabel('Simulated time');
    const pause = page.getByRole('button', { name: 'Pause' });
    await expect(pause).toBeVisible();
    await pause.click();
    const play = page.getByRole('button', { name: 'Play' });
    await expect(play).toBeVisible();
    const frozen = await clock.textContent();
    await page.waitForTimeout(1500);
    await expect(clock).toHaveText(frozen!);

    // While paused, a command that waits on the cluster waits; Step moves time one record on.
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl run hello --image=nginx');
    await expect.poll(() => terminal.text()).toContain('pod/hello created');
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(/hello/);

    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await page.keyboard.press('End');
    await expect(speed).toHaveAttribute('aria-valuetext', '20×');
    await play.click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(clock).not.toHaveText(frozen!);
  });

  test('keeps the cluster, the files and the history across a reload', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl create deployment web --image=nginx --replicas=2');
    await expect.poll(() => terminal.text()).toContain('deployment.apps/web created');
    await terminal.type("echo 'kind: Pod' > notes.yml");
    await terminal.type('sleep 5; kubectl get pods');
    await expect.poll(() => terminal.text(), { timeout: 20_000 }).toMatch(/web-\w+-\w+\s+1\/1\s+Running/);
    const before = (await terminal.text()).match(/web-\w+-\w{5}/g)!.slice(0, 2).sort();

    await page.reload();
    const again = new TerminalPage(page);
    await expect.poll(() => again.text()).toContain('Restored from this browser: 3 commands replayed');
    await again.type('kubectl get pods -o name; cat notes.yml');
    await expect.poll(() => again.text()).toContain('kind: Pod');
    const after = (await again.text()).match(/web-\w+-\w{5}/g)!.slice(0, 2).sort();
    expect(after).toEqual(before);
  });

  test('reports a save it cannot read and starts fresh', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('kubelab.lab', '{"version":1,"seed":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: 'could not be restored' })).toContainText('it is not valid JSON');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl get nodes');
    await expect.poll(() => terminal.text()).toContain('kubelab-control-plane');
    expect(await page.evaluate(() => localStorage.getItem('kubelab.lab.unreadable'))).toBe('{"version":1,"seed":');
  });

  test('asks before resetting the cluster', async ({ page }) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl create deployment web --image=nginx');
    await expect.poll(() => terminal.text()).toContain('deployment.apps/web created');
    await page.getByRole('button', { name: 'Reset cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the cluster?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await terminal.type('kubectl get deploy -o name');
    await expect.poll(() => terminal.text()).toContain('deployment.apps/web');
    await page.getByRole('button', { name: 'Reset cluster' }).click();
    await dialog.getByRole('button', { name: 'Reset cluster' }).click();
    await terminal.type('kubectl get deploy');
    await expect.poll(() => terminal.text()).toContain('No resources found in default namespace.');
  });

  test('lists its keyboard shortcuts on ?', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Cluster diagram' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Play or pause simulated time');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('has no serious accessibility violations, in either theme', async ({ page }, testInfo) => {
    await page.goto('/');
    const terminal = new TerminalPage(page);
    await terminal.type('kubectl create deployment web --image=nginx --replicas=3');
    await page.waitForTimeout(3000);
    for (const theme of ['light', 'dark'] as const) {
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark')) await toggle.click();
      await page.waitForTimeout(500);
      await testInfo.attach(`${theme} theme`, { body: await page.screenshot(), contentType: 'image/png' });
      await page.screenshot({ path: `test-results/lab-${theme}.png` });
      const scan = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').analyze();
      const bad = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${theme} theme`).toEqual([]);
    }
  });
});
