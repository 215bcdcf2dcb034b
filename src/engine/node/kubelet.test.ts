import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster.ts';
import { typeForKind } from '../api/resources.ts';
import type { KubeObject } from '../api/objects.ts';

const PODS = typeForKind('Pod')!;

function podManifest(name: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'web-ctr', image, ports: [{ containerPort: 8080 }] }], ...extra } };
}

function start(manifest: Record<string, unknown>) {
  const cluster = createCluster({ seed: 1 });
  const r = cluster.api.create(manifest, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
  const name = r.value.metadata.name;
  const pod = (): Pod => cluster.api.get(PODS, 'default', name) as unknown as Pod;
  const events = (): string[] =>
    cluster.api.store.byIndex('events', 'involvedObject', `Pod/default/${name}`).map((e) => `${String(e['reason'])}: ${String(e['message'])}`);
  return { cluster, pod, events, name };
}

describe('when a pod is created', () => {
  it('is scheduled to a worker, pulls its image and runs', () => {
    const { cluster, pod, events } = start(podManifest('hello-pod', 'nigelpoulton/getting-started-k8s:1.0'));
    expect(pod().status?.phase).toBe('Pending');
    cluster.runUntil(() => pod().status?.phase === 'Running', 60_000);
    const p = pod();
    expect(p.spec?.nodeName).toMatch(/^kubelab-worker/);
    expect(p.status?.podIP).toMatch(/^10\.244\.[1-3]\.\d+$/);
    expect(p.status?.containerStatuses?.[0]?.ready).toBe(true);
    expect(p.status?.containerStatuses?.[0]?.image).toBe('docker.io/nigelpoulton/getting-started-k8s:1.0');
    const ev = events();
    expect(ev[0]).toMatch(/^Scheduled: Successfully assigned default\/hello-pod to kubelab-worker/);
    expect(ev).toContain('Pulling: Pulling image "nigelpoulton/getting-started-k8s:1.0"');
    expect(ev.some((e) => e.startsWith('Pulled: Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in '))).toBe(true);
    expect(ev).toContain('Created: Created container: web-ctr');
    expect(ev).toContain('Started: Started container web-ctr');
  });

  it('never lands on the tainted control plane', () => {
    const cluster = createCluster({ seed: 3 });
    for (let i = 0; i < 30; i++) cluster.api.create(podManifest(`p${i}`, 'nginx:1.27'), 'default', { actor: 'kubectl' });
    cluster.advance(30_000);
    const nodes = cluster.api.list(PODS, 'default').map((p) => (p as unknown as Pod).spec?.nodeName);
    expect(nodes.every((n) => n && n !== 'kubelab-control-plane')).toBe(true);
  });

  it('with a misspelled image fails to pull and backs off', () => {
    const { cluster, pod, events } = start(podManifest('typo', 'nigelpulton/getting-started-k8s:1.0'));
    cluster.advance(5_000);
    expect(pod().status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ImagePullBackOff');
    expect(events().some((e) => e.startsWith('Failed: Failed to pull image "nigelpulton/getting-started-k8s:1.0"'))).toBe(true);
    expect(events()).toContain('Failed: Error: ErrImagePull');
  });

  it('with a private image runs only with its pull secret', () => {
    const { cluster, pod } = start(podManifest('bibbleweb-pod', 'bibble235/bibbleweb:0.0.1'));
    cluster.advance(5_000);
    expect(pod().status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ImagePullBackOff');
  });

  it('that exits at once is restarted with back-off (CrashLoopBackOff)', () => {
    const { cluster, pod } = start({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox' }] } });
    cluster.advance(20_000);
    const s = pod().status?.containerStatuses?.[0];
    expect(s?.restartCount).toBeGreaterThanOrEqual(1);
    cluster.advance(2_000);
    const states = [] as string[];
    for (let i = 0; i < 60; i++) {
      cluster.advance(1_000);
      const st = pod().status?.containerStatuses?.[0]?.state;
      states.push(st?.waiting?.reason ?? (st?.running ? 'Running' : (st?.terminated?.reason ?? '?')));
    }
    expect(states).toContain('CrashLoopBackOff');
  });
});

describe('when a pod has several containers', () => {
  it('starts them one after another in spec order, each after its own pull', () => {
    const { cluster, pod, events } = start({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two' },
      spec: { containers: [{ name: 'first', image: 'nginx:1.27' }, { name: 'second', image: 'busybox', command: ['sleep', '3600'] }] },
    });
    cluster.runUntil(() => pod().status?.containerStatuses?.every((c) => c.ready) ?? false, 60_000);
    const flow = events().filter((e) => !e.startsWith('Scheduled')).map((e) => e.replace(/ in .*$/, ''));
    expect(flow).toEqual([
      'Pulling: Pulling image "nginx:1.27"',
      'Pulled: Successfully pulled image "nginx:1.27"',
      'Created: Created container: first',
      'Started: Started container first',
      'Pulling: Pulling image "busybox"',
      'Pulled: Successfully pulled image "busybox"',
      'Created: Created container: second',
      'Started: Started container second',
    ]);
  });

  it('goes on to the next container when one cannot pull its image', () => {
    const { cluster, pod } = start({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'half' },
      spec: { containers: [{ name: 'typo', image: 'nigelpulton/getting-started-k8s:1.0' }, { name: 'web', image: 'nginx:1.27' }] },
    });
    cluster.advance(10_000);
    const byName = new Map(pod().status?.containerStatuses?.map((c) => [c.name, c]));
    expect(byName.get('typo')?.state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
    expect(byName.get('web')?.state?.running).toBeDefined();
  });
});

describe('when a volume\'s ConfigMap or Secret is missing', () => {
  it('reports FailedMount for each such volume, retrying with back-off until they exist', () => {
    const volumes = [
      { name: 'config', configMap: { name: 'web-config' } },
      { name: 'creds', secret: { secretName: 'web-creds' } },
    ];
    const { cluster, pod } = start({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vol' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], volumes } });
    cluster.advance(5_000);
    const failed = cluster.api.store
      .byIndex('events', 'involvedObject', 'Pod/default/vol')
      .filter((e) => e['reason'] === 'FailedMount')
      .map((e) => [e['message'], e['count']]);
    // Attempts 0.5 s, then 0.5, 1, 2 s apart (nestedpendingoperations' exponential back-off).
    expect(failed).toEqual([
      ['MountVolume.SetUp failed for volume "config" : configmap "web-config" not found', 4],
      ['MountVolume.SetUp failed for volume "creds" : secret "web-creds" not found', 4],
    ]);
    expect(pod().status?.podIP).toBeUndefined();
    cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { a: 'b' } }, 'default', { actor: 'kubectl' });
    cluster.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-creds' }, data: { a: 'Yg==' } }, 'default', { actor: 'kubectl' });
    cluster.runUntil(() => pod().status?.phase === 'Running', 60_000);
    expect(cluster.clock.now).toBeLessThan(300_000 + 20_000);
  });
});

describe('when a running pod is deleted', () => {
  it('terminates gracefully and is gone after its grace period', () => {
    const { cluster, pod, name } = start(podManifest('hello-pod', 'nigelpoulton/getting-started-k8s:1.0'));
    cluster.runUntil(() => pod().status?.phase === 'Running', 60_000);
    const r = cluster.api.delete(PODS, 'default', name, { actor: 'kubectl' });
    expect(r.ok).toBe(true);
    expect((cluster.api.get(PODS, 'default', name) as KubeObject | undefined)?.metadata.deletionTimestamp).toBeDefined();
    const t0 = cluster.clock.now;
    cluster.runUntil(() => !cluster.api.get(PODS, 'default', name), 120_000);
    expect(cluster.api.get(PODS, 'default', name)).toBeUndefined();
    // A node app as PID 1 ignores SIGTERM: it lasts the whole 30 s grace period.
    expect(cluster.clock.now - t0).toBeGreaterThanOrEqual(30_000);
  });
});

describe('when the image of a running pod is changed', () => {
  it('kills the container and starts it again with the new image', () => {
    const { cluster, pod, events, name } = start(podManifest('web', 'nginx:1.25'));
    cluster.runUntil(() => pod().status?.phase === 'Running', 60_000);
    const live = cluster.api.get(PODS, 'default', name)!;
    const spec = live['spec'] as { containers: { image: string }[] };
    const updated = { ...live, spec: { ...spec, containers: spec.containers.map((c) => ({ ...c, image: 'nginx:1.27' })) } };
    expect(cluster.api.update(updated, 'default', { actor: 'kubectl' }).ok).toBe(true);
    cluster.advance(10_000);
    const status = pod().status?.containerStatuses?.[0];
    expect(status?.image).toBe('docker.io/library/nginx:1.27');
    expect(status?.restartCount).toBe(1);
    expect(status?.ready).toBe(true);
    expect(events()).toContain('Killing: Container web-ctr definition changed, will be restarted');
  });
});
