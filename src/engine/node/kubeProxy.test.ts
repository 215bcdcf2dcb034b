// kube-proxy's routing: NodePort traffic spread uniformly over the ready endpoints, ClientIP
// affinity, endpoints that leave (not ready, deleted) getting no more requests, the REJECT of a
// service without endpoints, and pods reaching services by DNS name.

import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';
import type { PresetName } from '../presets.ts';
import { Shell } from '../shell/shell.ts';
import type { Client, ProxyResult } from './kubeProxy.ts';

const PODS = typeForKind('Pod')!;
const OUTSIDE: Client = { kind: 'outside', ip: '172.18.0.1' };

function service(affinity: boolean): string {
  return [
    "cat > svc.yml <<'EOF'",
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  type: NodePort',
    ...(affinity ? ['  sessionAffinity: ClientIP'] : []),
    '  ports:',
    '  - port: 80',
    '    targetPort: 8080',
    '    nodePort: 31111',
    '  selector:',
    '    app: web',
    'EOF',
    'kubectl apply -f svc.yml',
    '',
  ].join('\n');
}

function setUp(replicas: number, opts: { affinity?: boolean; preset?: PresetName } = {}): Cluster {
  const cluster = createCluster({ seed: 7, preset: opts.preset ?? 'kind' });
  let out = '';
  const script = `kubectl create deployment web --image=nigelpoulton/getting-started-k8s:2.0 --replicas=${replicas} --port=8080\n${service(opts.affinity ?? false)}sleep 30\n`;
  new Shell(cluster).transcript(script, (t) => void (out += t));
  expect(out).toContain('service/web created');
  return cluster;
}

const webPods = (c: Cluster): Pod[] => (c.api.store.list('pods', 'default') as unknown as Pod[]).filter((p) => p.metadata!.name!.startsWith('web-'));
const nodeIP = (c: Cluster, i = 1): string => [...c.nodes.kubelets.values()][i % c.nodes.kubelets.size]!.nodeIP;
const podName = (r: ProxyResult): string => (r.outcome === 'response' ? (r.pod?.name ?? '?') : r.outcome);

/** Requests to the NodePort, round the worker nodes: how many each pod (or failure) got. */
function tally(c: Cluster, n: number, client: (i: number) => Client = () => OUTSIDE): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const name = podName(c.kubeProxy.request({ client: client(i), host: nodeIP(c, 1 + (i % 3)), port: 31111 }));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const lastRoute = (c: Cluster) => c.trace.records().filter((x) => x.action === 'route-request').at(-1);

describe('when requests reach a NodePort service', () => {
  it('spreads 1,000 requests over 5 ready pods, each getting 200 ± 60', () => {
    const c = setUp(5);
    const counts = tally(c, 1000);
    expect([...counts.keys()].sort()).toEqual(webPods(c).map((p) => p.metadata!.name!).sort());
    for (const n of counts.values()) expect(Math.abs(n - 200)).toBeLessThanOrEqual(60);
  });

  it('answers with the page of the pod it picked, and the trace says why', () => {
    const c = setUp(2);
    const r = c.kubeProxy.request({ client: OUTSIDE, host: nodeIP(c), port: 31111 });
    expect(r.outcome).toBe('response');
    if (r.outcome === 'response') expect(r.response.body).toContain(`<td>${r.pod!.name}</td>`);
    expect(lastRoute(c)).toMatchObject({ component: `kube-proxy/${[...c.nodes.kubelets.keys()][1]!}`, object: { kind: 'Service', name: 'web' } });
    expect(lastRoute(c)!.why).toContain('at random, 1 in 2 ready endpoint(s)');
  });

  it('pins every request of one client to one pod with sessionAffinity ClientIP', () => {
    const c = setUp(5, { affinity: true });
    // One node's rules: the `recent` table is per node, as iptables keeps it.
    const pinned = new Set<string>();
    for (let i = 0; i < 100; i++) pinned.add(podName(c.kubeProxy.request({ client: { kind: 'outside', ip: '172.18.0.99' }, host: nodeIP(c), port: 31111 })));
    expect(pinned.size).toBe(1);
    expect(tally(c, 200, (i) => ({ kind: 'outside', ip: `172.18.1.${i}` })).size).toBeGreaterThan(1);
  });

  it('sends nothing more to a pod that turns not-ready', () => {
    const c = setUp(5);
    const victim = webPods(c)[0]!;
    const stored = c.api.get(PODS, 'default', victim.metadata!.name!)!;
    const conditions = [{ type: 'Ready', status: 'False', lastTransitionTime: '2026-01-01T09:00:00Z' }];
    c.api.replace(PODS, { ...stored, status: { ...(stored['status'] as object), conditions } } as KubeObject, `kubelet/${victim.spec!.nodeName!}`);
    c.advance(2000);
    const counts = tally(c, 300);
    expect(counts.has(victim.metadata!.name!)).toBe(false);
    expect(counts.size).toBe(4);
  });

  it('sends nothing more to a deleted pod', () => {
    const c = setUp(5);
    const victim = webPods(c)[0]!.metadata!.name!;
    new Shell(c).transcript(`kubectl delete pod ${victim} --wait=false\nsleep 2\n`, () => undefined);
    const counts = tally(c, 300);
    expect(counts.has(victim)).toBe(false);
    expect(counts.has('refused')).toBe(false);
  });

  it('refuses the connection when the service has no endpoints', () => {
    const c = setUp(0);
    expect(c.kubeProxy.request({ client: OUTSIDE, host: nodeIP(c), port: 31111 })).toEqual({ outcome: 'refused', ip: nodeIP(c) });
    expect(lastRoute(c)!.why).toContain('no ready endpoints');
  });
});

describe('when a pod calls a service', () => {
  it('resolves short and full DNS names to the ClusterIP and reaches a pod', () => {
    const c = setUp(2, { preset: 'microk8s' });
    const client: Client = { kind: 'pod', namespace: 'default', name: webPods(c)[0]!.metadata!.name! };
    for (const host of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local']) {
      expect(c.kubeProxy.request({ client, host, port: 80 }).outcome).toBe('response');
    }
    expect(c.kubeProxy.request({ client, host: 'web.other', port: 80 }).outcome).toBe('unresolved');
  });

  it('is refused on a port no container listens on', () => {
    const c = setUp(1, { preset: 'microk8s' });
    const ip = webPods(c)[0]!.status!.podIP!;
    const client: Client = { kind: 'node', node: 'kubelab' };
    expect(c.kubeProxy.request({ client, host: ip, port: 8080 }).outcome).toBe('response');
    expect(c.kubeProxy.request({ client, host: ip, port: 9090 }).outcome).toBe('refused');
  });
});
