import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import { createCluster } from '../cluster.ts';
import type { Cluster } from '../cluster.ts';

const PODS = typeForKind('Pod')!;
const RS = typeForKind('ReplicaSet')!;

function withReplicaSet(): Cluster {
  const c = createCluster({ seed: 5 });
  c.api.create(
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    },
    'default',
    { actor: 'kubectl' },
  );
  c.advance(10_000);
  return c;
}

const pods = (c: Cluster): KubeObject[] => c.api.list(PODS, 'default');

describe('garbage collector', () => {
  it('background: the owner goes at once, then its dependents are deleted', () => {
    const c = withReplicaSet();
    c.api.delete(RS, 'default', 'web', { actor: 'kubectl', propagationPolicy: 'Background' });
    expect(c.api.get(RS, 'default', 'web')).toBeUndefined();
    expect(pods(c)).toHaveLength(2);
    c.advance(20);
    expect(pods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(40_000);
    expect(pods(c)).toHaveLength(0);
  });

  it('foreground: the owner waits with a finalizer until its blocking dependents are gone', () => {
    const c = withReplicaSet();
    c.api.delete(RS, 'default', 'web', { actor: 'kubectl', propagationPolicy: 'Foreground' });
    const held = c.api.get(RS, 'default', 'web')!;
    expect(held.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(held.metadata.deletionTimestamp).toBeDefined();
    c.advance(20);
    expect(pods(c)).toHaveLength(2);
    expect(pods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(c.api.get(RS, 'default', 'web')).toBeDefined();
    c.runUntil(() => pods(c).length === 0, 60_000);
    expect(c.api.get(RS, 'default', 'web')).toBeDefined();
    c.advance(50);
    expect(c.api.get(RS, 'default', 'web')).toBeUndefined();
  });

  it('orphan: dependents lose the owner reference and keep running', () => {
    const c = withReplicaSet();
    const names = pods(c).map((p) => p.metadata.name);
    c.api.delete(RS, 'default', 'web', { actor: 'kubectl', propagationPolicy: 'Orphan' });
    expect(c.api.get(RS, 'default', 'web')!.metadata.finalizers).toEqual(['orphan']);
    c.advance(100);
    expect(c.api.get(RS, 'default', 'web')).toBeUndefined();
    expect(pods(c).map((p) => p.metadata.name)).toEqual(names);
    expect(pods(c).every((p) => !p.metadata.ownerReferences && !p.metadata.deletionTimestamp)).toBe(true);
  });

  it('deletes a dependent whose owner does not exist, but not one owned by an unknown kind', () => {
    const c = createCluster({ seed: 5 });
    const pod = (name: string, ref: Record<string, unknown>): Record<string, unknown> => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, ownerReferences: [ref] },
      spec: { containers: [{ name: 'x', image: 'nginx:1.27' }] },
    });
    c.api.create(pod('dangling', { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: '0000-gone' }), 'default', { actor: 'kubectl' });
    c.api.create(pod('custom', { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: '0000-w' }), 'default', { actor: 'kubectl' });
    c.advance(40_000);
    expect(pods(c).map((p) => p.metadata.name)).toEqual(['custom']);
  });

  it('keeps a dependent that still has another owner, dropping only the dangling reference', () => {
    const c = withReplicaSet();
    const cm = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keeper' } }, 'default', { actor: 'kubectl' });
    if (!cm.ok) throw new Error(cm.error.message);
    const other = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'temp' } }, 'default', { actor: 'kubectl' });
    if (!other.ok) throw new Error(other.error.message);
    const owners = [cm.value, other.value].map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name, uid: o.metadata.uid }));
    c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', ownerReferences: owners }, data: {} }, 'default', { actor: 'kubectl' });
    c.api.delete(typeForKind('ConfigMap')!, 'default', 'temp', { actor: 'kubectl' });
    c.advance(100);
    const secret = c.api.get(typeForKind('Secret')!, 'default', 's')!;
    expect(secret.metadata.ownerReferences?.map((r) => r.name)).toEqual(['keeper']);
  });
});
