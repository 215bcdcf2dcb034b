import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import { lab } from './testLab.ts';

const PODS = typeForKind('Pod')!;
const NODES = typeForKind('Node')!;
const PIN_TO_CONTROL_PLANE = { nodeSelector: { 'kubernetes.io/hostname': 'kubelab-control-plane' } };

const asNew = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, uid: '', resourceVersion: '', creationTimestamp: '' } });

describe('a Pending pod', () => {
  describe('is retried when the cluster changes in a way that could help it', () => {
    it('when another pod is deleted and frees room, after its back-off', () => {
      const { cluster, create, nodeOf, remove, failures, settle } = lab({ nodes: 2 });
      create('a', { cpu: '3' });
      settle(100);
      create('b', { cpu: '3' });
      settle(100);
      expect(failures('b')).toBe(1);
      remove('a');
      expect(cluster.runUntil(() => nodeOf('b') !== undefined, 120_000)).toBe(true);
      expect(nodeOf('b')).toBe('kubelab-worker');
      expect(failures('b')).toBe(1);
    });

    it('when a pod on its node finishes (Succeeded pods hold nothing)', () => {
      const { cluster, create, nodeOf, pod, settle } = lab({ nodes: 2 });
      create('job', { cpu: '3', image: 'busybox', spec: { restartPolicy: 'Never' } });
      settle(100);
      create('next', { cpu: '3' });
      expect(cluster.runUntil(() => pod('job')?.status?.phase === 'Succeeded', 120_000)).toBe(true);
      settle();
      expect(nodeOf('next')).toBe('kubelab-worker');
    });

    it('when it gains the toleration it lacked', () => {
      const { cluster, create, pod, nodeOf, settle } = lab();
      create('admin', { spec: PIN_TO_CONTROL_PLANE });
      settle(30_000);
      const live = structuredClone(pod('admin')!);
      live.spec!.tolerations!.push({ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' });
      expect(cluster.api.update(live as unknown as KubeObject, 'default', { actor: 'kubectl' }).ok).toBe(true);
      settle(100);
      expect(nodeOf('admin')).toBe('kubelab-control-plane');
    });

    it('when a node gets the label it wants (its back-off long over)', () => {
      const { create, nodeOf, replaceNode, settle } = lab();
      create('lost', { spec: { nodeSelector: { disktype: 'ssd' } } });
      settle(20_000);
      replaceNode('kubelab-worker2', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: 'ssd' } } }));
      settle(100);
      expect(nodeOf('lost')).toBe('kubelab-worker2');
    });
  });

  it('waits out its back-off: 1 s after the first attempt, then 2 s', () => {
    const { cluster, create, remove, failures, settle } = lab({ nodes: 2 });
    create('a', { cpu: '3' });
    create('filler', { cpu: '500m' });
    settle(100);
    create('b', { cpu: '3' });
    settle(20); // the first attempt comes 15 ms after the pod
    expect(failures('b')).toBe(1);
    remove('filler', 0);
    cluster.advance(900);
    expect(failures('b')).toBe(1);
    // Pod a still holds 3 CPUs, so the retry fails again.
    cluster.advance(200);
    expect(failures('b')).toBe(2);
    remove('a', 0);
    cluster.advance(1_700);
    expect(failures('b')).toBe(2);
    expect((cluster.api.get(PODS, 'default', 'b') as unknown as Pod).spec?.nodeName).toBeUndefined();
    cluster.advance(400);
    expect((cluster.api.get(PODS, 'default', 'b') as unknown as Pod).spec?.nodeName).toBe('kubelab-worker');
  });

  it('is not retried for a change that cannot help it', () => {
    const { create, remove, failures, settle } = lab();
    create('pinned', { spec: PIN_TO_CONTROL_PLANE });
    create('other');
    settle();
    expect(failures('pinned')).toBe(1);
    remove('other');
    settle(60_000);
    expect(failures('pinned')).toBe(1);
  });

  it('is retried every five minutes or so anyway (podMaxInUnschedulablePodsDuration)', () => {
    const { create, failures, scheduledCondition, settle } = lab();
    create('big', { cpu: '5' });
    settle(1_000);
    expect(failures('big')).toBe(1);
    const since = scheduledCondition('big')?.lastTransitionTime;
    // The leftover flush runs every 30 s and takes pods waiting more than 5 minutes.
    settle(299_000);
    expect(failures('big')).toBe(1);
    settle(31_000);
    expect(failures('big')).toBe(2);
    settle(330_000);
    expect(failures('big')).toBe(3);
    // The same verdict leaves the condition as it was.
    expect(scheduledCondition('big')?.lastTransitionTime).toBe(since);
  });

  it('held back by scheduling gates gets no FailedScheduling events until they are removed', () => {
    const { cluster, create, pod, nodeOf, failures, settle } = lab();
    create('gated', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    settle();
    expect(nodeOf('gated')).toBeUndefined();
    expect(failures('gated')).toBe(0);
    const live = pod('gated')!;
    cluster.api.replace(PODS, { ...live, spec: { ...live.spec!, schedulingGates: [] } } as unknown as KubeObject, 'kubectl');
    settle(100);
    expect(nodeOf('gated')).toMatch(/^kubelab-worker/);
  });
});

describe('when nodes leave and come back', () => {
  it('the cache still counts the pods bound to them', () => {
    const { cluster, create, node, settle } = lab({ nodes: 2 });
    create('a', { cpu: '1', memory: '1Gi' });
    settle();
    const saved = node('kubelab-worker') as unknown as KubeObject;
    cluster.api.remove(NODES, saved, 'kubectl');
    expect(cluster.scheduler.cache.nodes.get('kubelab-worker')).toBeUndefined();
    cluster.api.createTrusted(NODES, asNew(saved), 'kubectl');
    const info = cluster.scheduler.cache.nodes.get('kubelab-worker')!;
    expect(info).toMatchObject({ pods: 1, requestedMilliCpu: 1000, requestedMemory: 1024 ** 3 });
    cluster.api.remove(PODS, cluster.api.get(PODS, 'default', 'a')!, 'kubectl');
    expect(info).toMatchObject({ pods: 0, requestedMilliCpu: 0, requestedMemory: 0 });
  });

  it('a pod waits with "no nodes available" while there are none, and is placed when one registers', () => {
    const { cluster, create, node, nodeOf, scheduledCondition, settle } = lab({ nodes: 2 });
    const saved = [node('kubelab-control-plane'), node('kubelab-worker')] as unknown as KubeObject[];
    for (const n of saved) cluster.api.remove(NODES, n, 'kubectl');
    create('web');
    settle();
    expect(scheduledCondition('web')).toMatchObject({ status: 'False', reason: 'SchedulerError', message: 'no nodes available to schedule pods' });
    cluster.api.createTrusted(NODES, asNew(saved[1]!), 'kubectl');
    settle(20_000);
    expect(nodeOf('web')).toBe('kubelab-worker');
  });
});
