import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import { createCluster } from '../cluster.ts';
import type { Cluster } from '../cluster.ts';
import { slowStartBatch } from './replicaSetSync.ts';

const PODS = typeForKind('Pod')!;
const RS = typeForKind('ReplicaSet')!;

function replicaSet(replicas: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

function setup(replicas: number, extra?: Record<string, unknown>): Cluster {
  const c = createCluster({ seed: 3 });
  const r = c.api.create(replicaSet(replicas, extra), 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
  return c;
}

const pods = (c: Cluster): Stored<Pod>[] => c.api.list(PODS, 'default') as unknown as Stored<Pod>[];
const active = (c: Cluster): Stored<Pod>[] => pods(c).filter((p) => !p.metadata.deletionTimestamp);
const rs = (c: Cluster): KubeObject => c.api.get(RS, 'default', 'web')!;
const status = (c: Cluster): Record<string, number> => rs(c)['status'] as Record<string, number>;

function scale(c: Cluster, replicas: number): void {
  const cur = rs(c);
  const r = c.api.update({ ...cur, spec: { ...(cur['spec'] as object), replicas } }, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
}

describe('ReplicaSet controller', () => {
  it('creates the missing pods with generated names, template labels and a controller reference', () => {
    const c = setup(3);
    c.advance(100);
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    const uid = rs(c).metadata.uid;
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'front' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid, controller: true, blockOwnerDeletion: true }]);
    }
    const events = c.api.list(typeForKind('Event')!, 'default').filter((e) => e['reason'] === 'SuccessfulCreate');
    expect(events.map((e) => String(e['message'])).sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(c.trace.records().some((r) => r.why === 'ReplicaSet web wants 3 pods and has 0: creating 3')).toBe(true);
  });

  it('reports replicas, ready, available and the observed generation once the pods run', () => {
    const c = setup(2);
    c.advance(10_000);
    expect(status(c)).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('replaces a deleted pod', () => {
    const c = setup(3);
    c.advance(10_000);
    const victim = pods(c)[0]!;
    c.api.delete(PODS, 'default', victim.metadata.name, { actor: 'kubectl' });
    c.advance(100);
    expect(active(c)).toHaveLength(3);
    expect(active(c).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('scales up, then down deleting a Pending pod before Running ones', () => {
    const c = setup(2);
    c.advance(10_000);
    const running = pods(c).map((p) => p.metadata.name);
    scale(c, 3);
    c.advance(11); // the new pod exists but has not been scheduled or started
    const fresh = pods(c).find((p) => !running.includes(p.metadata.name))!;
    expect(fresh.status?.phase).toBe('Pending');
    scale(c, 2);
    c.advance(11);
    expect(c.api.get(PODS, 'default', fresh.metadata.name)?.metadata.deletionTimestamp ?? 'gone').toBeTruthy();
    expect(active(c).map((p) => p.metadata.name).sort()).toEqual([...running].sort());
    scale(c, 0);
    c.advance(60_000);
    expect(pods(c)).toHaveLength(0);
    expect(status(c)).toEqual({ replicas: 0, observedGeneration: 4 });
  });

  it('adopts a matching orphan pod instead of creating one', () => {
    const c = createCluster({ seed: 3 });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'x', image: 'nginx:1.27' }] } }, 'default', { actor: 'kubectl' });
    c.api.create(replicaSet(2), 'default', { actor: 'kubectl' });
    c.advance(100);
    expect(pods(c)).toHaveLength(2);
    const stray = c.api.get(PODS, 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
  });

  it('releases a relabelled pod and creates a replacement', () => {
    const c = setup(2);
    c.advance(10_000);
    const p = pods(c)[0]!;
    c.api.update({ ...(p as unknown as KubeObject), metadata: { ...p.metadata, labels: { app: 'debug' } } }, 'default', { actor: 'kubectl' });
    c.advance(100);
    expect(c.api.get(PODS, 'default', p.metadata.name)!.metadata.ownerReferences).toBeUndefined();
    expect(pods(c).filter((x) => x.metadata.labels?.['app'] === 'web')).toHaveLength(2);
    expect(pods(c)).toHaveLength(3);
  });

  it('counts a pod available only after minReadySeconds', () => {
    const c = setup(1, { minReadySeconds: 20 });
    c.runUntil(() => (status(c)?.['readyReplicas'] ?? 0) === 1, 30_000);
    expect(status(c)['availableReplicas']).toBeUndefined();
    c.advance(10_000);
    expect(status(c)['availableReplicas']).toBeUndefined();
    c.advance(12_000);
    expect(status(c)['availableReplicas']).toBe(1);
  });

  it('sets ReplicaFailure and records FailedCreate when pods cannot be created', () => {
    const c = createCluster({ seed: 3 });
    const bad = replicaSet(3);
    (bad['spec'] as { template: { spec: unknown } }).template.spec = { containers: [{ name: 'x' }] };
    c.api.create(bad, 'default', { actor: 'kubectl' });
    c.advance(100);
    expect(pods(c)).toHaveLength(0);
    const cond = (status(c)['conditions'] as unknown as { type: string; reason: string; message: string }[])[0]!;
    expect(cond).toMatchObject({ type: 'ReplicaFailure', reason: 'FailedCreate' });
    expect(cond.message).toMatch(/^Pod "web-\w{5}" is invalid: spec.containers\[0\].image: Required value/);
    const failed = c.api.list(typeForKind('Event')!, 'default').filter((e) => e['reason'] === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(String(failed[0]!['message'])).toMatch(/^Error creating: Pod "web-/);
  });

  it('creates in slow-start batches of 1, 2, 4 and stops at the first failing batch', () => {
    let calls = 0;
    expect(slowStartBatch(10, () => (++calls, undefined))).toEqual({ successes: 10 });
    calls = 0;
    expect(slowStartBatch(10, () => (++calls > 2 ? 'boom' : undefined))).toEqual({ successes: 2, error: 'boom' });
    expect(calls).toBe(3);
  });

  it('does not create again while earlier creates are unobserved', () => {
    const c = setup(3);
    c.replicaSets.expectations.expectCreations('default/web', 3);
    c.advance(100);
    expect(pods(c)).toHaveLength(0);
  });
});
