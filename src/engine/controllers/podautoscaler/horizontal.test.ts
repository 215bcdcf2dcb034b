import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster.ts';
import { createCluster } from '../../cluster.ts';
import { typeForKind } from '../../api/resources.ts';

const HPAS = typeForKind('HorizontalPodAutoscaler')!;
const DEPLOYMENTS = typeForKind('Deployment')!;

function clusterWith(opts: { cpu?: string; replicas?: number; behavior?: unknown; target?: string } = {}): Cluster {
  const c = createCluster({ seed: 1 });
  const resources = opts.cpu === undefined ? {} : { resources: { requests: { cpu: opts.cpu } } };
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ...resources }] } };
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: opts.replicas ?? 1, selector: { matchLabels: { app: 'web' } }, template } };
  expect(c.api.create(d, 'default', { actor: 'kubectl' }).ok).toBe(true);
  const spec = { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: opts.target ?? 'web' }, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], ...(opts.behavior ? { behavior: opts.behavior } : {}) };
  expect(c.api.create({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec }, 'default', { actor: 'kubectl' }).ok).toBe(true);
  return c;
}

const hpa = (c: Cluster): HorizontalPodAutoscaler => c.api.get(HPAS, 'default', 'web') as unknown as HorizontalPodAutoscaler;
const replicas = (c: Cluster): number => (c.api.get(DEPLOYMENTS, 'default', 'web')!['spec'] as { replicas: number }).replicas;
const condition = (c: Cluster, type: string): [string, string, string] | undefined => {
  const x = hpa(c).status?.conditions?.find((k) => k.type === type);
  return x ? [x.status, x.reason ?? '', x.message ?? ''] : undefined;
};
const events = (c: Cluster): string[] => c.api.store.byIndex('events', 'involvedObject', 'HorizontalPodAutoscaler/default/web').map((e) => `${String(e['reason'])}: ${String(e['message'])}`);

describe('the HorizontalPodAutoscaler controller', () => {
  it('is defaulted by the API server: minReplicas 1', () => {
    expect(hpa(clusterWith({ cpu: '100m' })).spec?.minReplicas).toBe(1);
  });

  it('syncs every 15 s, one clock task per HPA', () => {
    const c = clusterWith({ cpu: '100m' });
    c.advance(14_000);
    expect(hpa(c).status).toBeUndefined();
    c.advance(1_000);
    expect(condition(c, 'AbleToScale')).toEqual(['True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale"]);
  });

  it('scales up under load, at most max(2×, 4) per sync, and down after the stabilisation window', () => {
    const c = clusterWith({ cpu: '100m' });
    c.advance(60_000);
    c.metrics.setLoad('Deployment', 'default', 'web', 400);
    // 1 pod at 400% of its request against a 50% target asks for 8: the first sync allows 4.
    c.advance(15_000);
    expect(replicas(c)).toBe(4);
    expect(condition(c, 'ScalingLimited')?.[1]).toBe('ScaleUpLimit');
    // The 3 new pods have no metrics yet: counted as idle, 400/4 per pod still asks for 8.
    c.advance(15_000);
    expect(replicas(c)).toBe(8);
    c.advance(15_000);
    expect(replicas(c)).toBe(10);
    expect(condition(c, 'ScalingLimited')?.[1]).toBe('TooManyReplicas');
    c.metrics.setLoad('Deployment', 'default', 'web', undefined);
    // The last high recommendation came at the sync just after the load stopped (its window
    // still held 400%); the count stays up until 300 s after it.
    c.advance(299_000);
    expect(replicas(c)).toBe(10);
    expect(condition(c, 'AbleToScale')?.[1]).toBe('ScaleDownStabilized');
    // The first idle sync still counted the 2 newest pods (no metrics yet) at 100%: 4 pods.
    c.advance(30_000);
    expect(replicas(c)).toBe(4);
    c.advance(15_000);
    expect(replicas(c)).toBe(1);
    expect(events(c)).toContain('SuccessfulRescale: New size: 1; reason: All metrics below target');
  });

  it('names the metric it used even when idle pods propose no replicas at all', () => {
    const c = clusterWith({ cpu: '100m' });
    c.advance(30_000);
    expect(condition(c, 'ScalingActive')).toEqual(['True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)']);
    expect(condition(c, 'AbleToScale')?.[1]).toBe('ScaleDownStabilized');
    expect(hpa(c).status?.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0, averageValue: '0' } } }]);
  });

  it('reports FailedGetResourceMetric when a container has no CPU request', () => {
    const c = clusterWith({});
    c.advance(60_000);
    const podName = c.api.store.list('pods', 'default')[0]!.metadata.name;
    const why = `failed to get cpu utilization: missing request for cpu in container nginx of Pod ${podName}`;
    expect(condition(c, 'ScalingActive')).toEqual(['False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${why}`]);
    expect(events(c)).toContain(`FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: ${why}`);
    expect(hpa(c).status?.currentMetrics).toEqual([{ type: '' }]);
  });

  it('reports FailedGetScale when the target does not exist', () => {
    const c = clusterWith({ cpu: '100m', target: 'nope' });
    c.advance(15_000);
    expect(condition(c, 'AbleToScale')).toEqual(['False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: deployments.apps "nope" not found`]);
  });

  it('follows spec.behavior: one pod down per minute', () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } };
    const c = clusterWith({ cpu: '100m', replicas: 4, behavior });
    expect(hpa(c).spec?.behavior?.scaleUp?.policies).toHaveLength(2);
    // First metrics at the second sync (t+30 s): idle pods ask for the minimum, 1.
    c.advance(30_000);
    expect(replicas(c)).toBe(3);
    expect(condition(c, 'ScalingLimited')?.[1]).toBe('ScaleDownLimit');
    c.advance(59_000);
    expect(replicas(c)).toBe(3);
    c.advance(1_000);
    expect(replicas(c)).toBe(2);
  });
});
