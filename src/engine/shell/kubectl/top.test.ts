import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

const DEPLOY = `kubectl apply -f - >/dev/null <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests:
            cpu: 200m
YAML
`;

describe('kubectl top', () => {
  it('says metrics are not ready while pods have not run for a whole window', () => {
    const { run } = testShell();
    run(DEPLOY);
    expect(run('sleep 5; kubectl top pods')).toEqual({ out: '', err: 'error: metrics not available yet\n', code: 1 });
  });

  it('prints usage per pod in millicores and MiB, sorted by name', () => {
    const { run } = testShell();
    run(`${DEPLOY}sleep 40`);
    const { out } = run('kubectl top pods');
    const lines = out.split('\n');
    expect(lines[0]).toBe('NAME                   CPU(cores)   MEMORY(bytes)   ');
    expect(lines.slice(1, 3).every((l) => /^web-[a-z0-9]+-[a-z0-9]{5} {3}0m {11}3Mi {13}$/.test(l))).toBe(true);
  });

  it('shows a stopped node as <unknown>, after the nodes with metrics', () => {
    const { run } = testShell();
    run('kubelab node stop kubelab-worker');
    const { out } = run('kubectl top nodes --no-headers');
    expect(out.split('\n').at(-2)).toMatch(/^kubelab-worker +<unknown> {3}<unknown> {3}<unknown> {3}<unknown> {3}$/);
  });

  it('says there are no resources when there are no pods', () => {
    const { run } = testShell();
    expect(run('kubectl top pods')).toEqual({ out: '', err: 'No resources found in default namespace.\n', code: 0 });
  });
});

describe('kubectl autoscale', () => {
  it('needs --max', () => {
    const { run } = testShell();
    run(DEPLOY);
    expect(run('kubectl autoscale deployment web').err).toBe('error: --max=MAXPODS is required and must be at least 1, max: -1\n');
  });

  it('creates an autoscaling/v2 HPA with the server defaults', () => {
    const { run } = testShell();
    run(DEPLOY);
    expect(run('kubectl autoscale deploy/web --max=5').out).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect(run("kubectl get hpa web -o jsonpath='{.spec.minReplicas} {.spec.metrics[0].resource.target.averageUtilization}'").out).toBe('1 80');
    expect(run('kubectl autoscale deploy/web --max=5').err).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n');
  });
});

describe('kubelab load', () => {
  it('loads a deployment and says how the figures follow', () => {
    const { run } = testShell();
    run(DEPLOY);
    expect(run('kubelab load deployment/web --cpu=150').out).toContain('the pods of deployment/web now use 150% of their CPU request');
    expect(run('kubelab load deployment/nope --cpu=150').err).toBe('kubelab: there is no deployment "nope" in namespace "default"\n');
    expect(run('kubelab load deployment/web').err).toMatch(/^Usage: kubelab load/);
  });
});
