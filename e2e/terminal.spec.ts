import { expect, test } from '@playwright/test';
import { TerminalPage } from './fixtures/terminal.ts';

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
