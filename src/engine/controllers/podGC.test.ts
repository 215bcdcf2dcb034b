import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import { typeForKind } from '../api/resources.ts';

const NODES = typeForKind('Node')!;

describe('when a node is deleted', () => {
  it('deletes the pods bound to it once the quarantine has passed', () => {
    const c = createCluster({ seed: 1 });
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { nodeName: 'kubelab-worker', containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
    expect(c.api.create(bare, 'default', { actor: 'kubectl' }).ok).toBe(true);
    c.advance(10_000);
    expect(c.api.delete(NODES, undefined, 'kubelab-worker', { actor: 'kubectl' }).ok).toBe(true);
    const pods = (): Pod[] => c.api.store.list('pods', 'default') as unknown as Pod[];
    c.advance(39_000);
    expect(pods()).toHaveLength(1);
    c.advance(21_000);
    expect(pods()).toEqual([]);
  });

  it('leaves pods alone when the node is back before the check', () => {
    const c = createCluster({ seed: 1 });
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { nodeName: 'kubelab-worker', containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
    c.api.create(bare, 'default', { actor: 'kubectl' });
    c.advance(10_000);
    const node = c.api.get(NODES, undefined, 'kubelab-worker')!;
    c.api.delete(NODES, undefined, 'kubelab-worker', { actor: 'kubectl' });
    c.api.createTrusted(NODES, { ...node, metadata: { ...node.metadata, uid: '', resourceVersion: '' } }, 'kubelet/kubelab-worker');
    c.advance(120_000);
    expect(c.api.store.list('pods', 'default')).toHaveLength(1);
  });
});
