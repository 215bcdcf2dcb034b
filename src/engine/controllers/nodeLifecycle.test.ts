import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';
import { typeForKind } from '../api/resources.ts';
import type { KubeObject } from '../api/objects.ts';

const NODES = typeForKind('Node')!;

function clusterWithReplicaSet(): Cluster {
  const cluster = createCluster({ seed: 1 });
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template } };
  expect(cluster.api.create(rs, 'default', { actor: 'kubectl' }).ok).toBe(true);
  const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { nodeName: 'kubelab-worker2', containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
  expect(cluster.api.create(bare, 'default', { actor: 'kubectl' }).ok).toBe(true);
  cluster.advance(10_000);
  return cluster;
}

const node = (c: Cluster, name: string): Node => c.api.get(NODES, undefined, name) as unknown as Node;
const ready = (c: Cluster, name: string): string | undefined => node(c, name).status?.conditions?.find((x) => x.type === 'Ready')?.status;
const pods = (c: Cluster): Pod[] => c.api.store.list('pods', 'default') as unknown as Pod[];
const podsOn = (c: Cluster, name: string): Pod[] => pods(c).filter((p) => p.spec?.nodeName === name);
const eventsOf = (c: Cluster, key: string): string[] =>
  c.api.store.byIndex('events', 'involvedObject', key).map((e) => `${String(e['reason'])}: ${String(e['message'])}`);

describe('when a node stops heartbeating', () => {
  it('becomes Unknown once its lease is older than the grace period, not before', () => {
    const c = clusterWithReplicaSet();
    c.nodes.stopNode('kubelab-worker2');
    c.advance(50_000);
    expect(ready(c, 'kubelab-worker2')).toBe('True');
    c.advance(15_000);
    const conditions = node(c, 'kubelab-worker2').status?.conditions ?? [];
    expect(conditions.map((x) => [x.type, x.status, x.reason, x.message])).toEqual(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((t) => [t, 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']),
    );
    expect(eventsOf(c, 'Node//kubelab-worker2')).toContain('NodeNotReady: Node kubelab-worker2 status is now: NodeNotReady');
  });

  it('is tainted unreachable and its pods are marked not ready', () => {
    const c = clusterWithReplicaSet();
    c.nodes.stopNode('kubelab-worker2');
    c.advance(65_000);
    const taints = node(c, 'kubelab-worker2').spec?.taints ?? [];
    expect(taints.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(taints.every((t) => t.timeAdded)).toBe(true);
    const onNode = podsOn(c, 'kubelab-worker2');
    expect(onNode.length).toBeGreaterThan(1);
    for (const p of onNode) {
      expect(p.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
      expect(eventsOf(c, `Pod/default/${p.metadata!.name!}`)).toContain('NodeNotReady: Node is not ready');
    }
  });

  it('evicts its pods after the toleration and the ReplicaSet recreates them elsewhere', () => {
    const c = clusterWithReplicaSet();
    const before = podsOn(c, 'kubelab-worker2').map((p) => p.metadata!.name!);
    c.nodes.stopNode('kubelab-worker2');
    c.advance(65_000);
    c.advance(290_000);
    expect(podsOn(c, 'kubelab-worker2').every((p) => !p.metadata?.deletionTimestamp)).toBe(true);
    c.advance(20_000);
    const stuck = podsOn(c, 'kubelab-worker2');
    expect(stuck.map((p) => p.metadata!.name).sort()).toEqual(before.sort());
    // Nobody confirms the deletion on a dead node: the pods stay Terminating, bare pod included.
    expect(stuck.every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    for (const p of stuck) expect(eventsOf(c, `Pod/default/${p.metadata!.name!}`)).toContain(`TaintManagerEviction: Marking for deletion Pod default/${p.metadata!.name!}`);
    const live = pods(c).filter((p) => !p.metadata?.deletionTimestamp && p.metadata?.labels?.['app'] === 'web');
    expect(live).toHaveLength(6);
    expect(live.every((p) => p.spec?.nodeName !== 'kubelab-worker2')).toBe(true);
    c.advance(600_000);
    expect(podsOn(c, 'kubelab-worker2')).toHaveLength(stuck.length);
  });

  it('is Ready again without taints when the kubelet returns, which finishes the deletions', () => {
    const c = clusterWithReplicaSet();
    c.nodes.stopNode('kubelab-worker2');
    c.advance(400_000);
    expect(c.nodes.startNode('kubelab-worker2')).toBe(true);
    c.advance(5_000);
    expect(ready(c, 'kubelab-worker2')).toBe('True');
    expect(node(c, 'kubelab-worker2').spec?.taints).toBeUndefined();
    expect(podsOn(c, 'kubelab-worker2')).toEqual([]);
    const nodeReady = c.api.store.byIndex('events', 'involvedObject', 'Node//kubelab-worker2').find((e) => e['reason'] === 'NodeReady');
    expect(nodeReady?.['count']).toBe(2);
  });

  it('cancels the evictions when the node returns within the toleration', () => {
    const c = clusterWithReplicaSet();
    c.nodes.stopNode('kubelab-worker2');
    c.advance(100_000);
    c.nodes.startNode('kubelab-worker2');
    c.advance(400_000);
    const onNode = podsOn(c, 'kubelab-worker2');
    expect(onNode.length).toBeGreaterThan(1);
    expect(onNode.every((p) => !p.metadata?.deletionTimestamp && p.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'True')).toBe(true);
    expect(eventsOf(c, `Pod/default/bare`)).toContain('TaintManagerEviction: Cancelling deletion of Pod default/bare');
  });
});

describe('when a node has a NoExecute taint its pods do not tolerate', () => {
  it('evicts them at once', () => {
    const c = clusterWithReplicaSet();
    const n = c.api.get(NODES, undefined, 'kubelab-worker3')!;
    const tainted = { ...n, spec: { ...(n['spec'] as object), taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } } as unknown as KubeObject;
    c.api.replace(NODES, tainted, 'kubectl');
    c.advance(1_000);
    expect(podsOn(c, 'kubelab-worker3')).toEqual([]);
  });
});
