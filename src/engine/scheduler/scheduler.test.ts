import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { lab } from './testLab.ts';

const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };
const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const PIN_TO_CONTROL_PLANE = { nodeSelector: { 'kubernetes.io/hostname': 'kubelab-control-plane' } };

const cordon = (n: Stored<Node>, on = true): Stored<Node> => ({ ...n, spec: { ...n.spec, unschedulable: on } });

describe('the scheduler', () => {
  describe('when a pod fits', () => {
    it('binds it to a worker, marks it PodScheduled and records the Scheduled event', () => {
      const { create, nodeOf, events, scheduledCondition, settle } = lab();
      create('web');
      settle(100);
      const node = nodeOf('web');
      expect(node).toMatch(/^kubelab-worker\d?$/);
      expect(scheduledCondition('web')).toMatchObject({ type: 'PodScheduled', status: 'True' });
      const [scheduled] = events('web', 'Scheduled');
      expect(scheduled).toMatchObject({ type: 'Normal', message: `Successfully assigned default/web to ${node}`, source: { component: 'default-scheduler' } });
      expect(events('web', 'FailedScheduling')).toEqual([]);
    });
  });

  describe('taints and tolerations', () => {
    it('keeps pods off the control plane, whose taint they do not tolerate', () => {
      const { create, settle, placement } = lab({ seed: 3 });
      for (let i = 0; i < 20; i++) create(`p${i}`);
      settle();
      expect(Object.values(placement()).filter((n) => n === 'kubelab-control-plane')).toEqual([]);
    });

    it('lets a pod that tolerates the taint onto the control plane', () => {
      const { create, nodeOf, settle } = lab();
      create('admin', { spec: { tolerations: [CONTROL_PLANE_TOLERATION], ...PIN_TO_CONTROL_PLANE } });
      settle();
      expect(nodeOf('admin')).toBe('kubelab-control-plane');
    });

    it('explains a pod pinned to the control plane without the toleration', () => {
      const { create, nodeOf, scheduledCondition, settle } = lab();
      create('admin', { spec: PIN_TO_CONTROL_PLANE });
      settle();
      expect(nodeOf('admin')).toBeUndefined();
      expect(scheduledCondition('admin')?.message).toBe(
        `0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
      );
    });
  });

  describe('node selection', () => {
    it('follows a nodeSelector on the hostname label', () => {
      const { create, settle, placement } = lab();
      for (let i = 0; i < 6; i++) create(`p${i}`, { spec: { nodeSelector: { 'kubernetes.io/hostname': 'kubelab-worker2' } } });
      settle();
      expect(new Set(Object.values(placement()))).toEqual(new Set(['kubelab-worker2']));
    });

    it('follows required node affinity, In and NotIn', () => {
      const { create, nodeOf, settle } = lab();
      const affinity = (operator: string, values: string[]) => ({
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator, values }] }] } } },
      });
      create('in', { spec: affinity('In', ['kubelab-worker3']) });
      for (let i = 0; i < 6; i++) create(`notin${i}`, { spec: affinity('NotIn', ['kubelab-worker', 'kubelab-worker2']) });
      settle();
      expect(nodeOf('in')).toBe('kubelab-worker3');
      for (let i = 0; i < 6; i++) expect(nodeOf(`notin${i}`)).toBe('kubelab-worker3');
    });

    it('leaves a pod whose selector matches no node Pending, with the reason', () => {
      const { create, nodeOf, scheduledCondition, settle } = lab();
      create('lost', { spec: { nodeSelector: { disktype: 'ssd' } } });
      settle();
      expect(nodeOf('lost')).toBeUndefined();
      expect(scheduledCondition('lost')?.message).toBe(
        `0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
      );
    });
  });

  describe('host ports', () => {
    const port8080 = [{ containerPort: 80, hostPort: 8080 }];
    const conflict =
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
      'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';

    it('will not put two pods wanting the same host port on one node', () => {
      const { create, nodeOf, scheduledCondition, events, settle } = lab({ nodes: 2 });
      create('first', { ports: port8080 });
      settle(100);
      create('second', { ports: port8080 });
      settle();
      expect(nodeOf('first')).toBe('kubelab-worker');
      expect(nodeOf('second')).toBeUndefined();
      expect(scheduledCondition('second')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: conflict });
      expect(events('second', 'FailedScheduling')[0]).toMatchObject({ type: 'Warning', message: conflict });
    });

    it('places the second pod once the first has gone', () => {
      const { cluster, create, nodeOf, pod, remove, settle } = lab({ nodes: 2 });
      create('first', { ports: port8080 });
      settle(100);
      create('second', { ports: port8080 });
      settle();
      remove('first');
      expect(cluster.runUntil(() => nodeOf('second') !== undefined, 120_000)).toBe(true);
      expect(pod('first')).toBeUndefined();
      expect(nodeOf('second')).toBe('kubelab-worker');
    });

    it('lets pods share a port number on other protocols or other host ports', () => {
      const { create, nodeOf, settle } = lab({ nodes: 2 });
      create('tcp', { ports: port8080 });
      create('udp', { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'UDP' }] });
      create('other', { ports: [{ containerPort: 80, hostPort: 9090 }] });
      settle();
      expect([nodeOf('tcp'), nodeOf('udp'), nodeOf('other')]).toEqual(['kubelab-worker', 'kubelab-worker', 'kubelab-worker']);
    });

    it('treats a host port on one address as clashing with the same port on all addresses', () => {
      const { create, nodeOf, settle } = lab({ nodes: 2 });
      create('local', { ports: [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1' }] });
      settle(100);
      create('any', { ports: port8080 });
      create('other-ip', { ports: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }] });
      settle();
      expect(nodeOf('local')).toBe('kubelab-worker');
      expect(nodeOf('any')).toBeUndefined();
      expect(nodeOf('other-ip')).toBe('kubelab-worker');
    });

    it("counts a hostNetwork pod's container ports as host ports", () => {
      const { create, nodeOf, scheduledCondition, settle } = lab({ nodes: 2 });
      create('net1', { ports: [{ containerPort: 8080 }], spec: { hostNetwork: true } });
      settle(100);
      create('net2', { ports: [{ containerPort: 8080 }], spec: { hostNetwork: true } });
      create('plain', { ports: [{ containerPort: 8080 }] });
      settle();
      expect(nodeOf('net1')).toBe('kubelab-worker');
      expect(nodeOf('net2')).toBeUndefined();
      expect(scheduledCondition('net2')?.message).toBe(conflict);
      expect(nodeOf('plain')).toBe('kubelab-worker');
    });
  });

  describe('cordoned nodes', () => {
    it('get no new pods', () => {
      const { create, replaceNode, settle, placement } = lab();
      replaceNode('kubelab-worker', (n) => cordon(n));
      for (let i = 0; i < 12; i++) create(`p${i}`);
      settle();
      const nodes = Object.values(placement());
      expect(nodes).toHaveLength(12);
      expect(nodes.every((n) => n === 'kubelab-worker2' || n === 'kubelab-worker3')).toBe(true);
    });

    it('leave a pod Pending when no other node can take it, until uncordoned', () => {
      const { create, nodeOf, scheduledCondition, replaceNode, settle } = lab({ nodes: 2 });
      replaceNode('kubelab-worker', (n) => cordon(n));
      create('web');
      settle();
      expect(nodeOf('web')).toBeUndefined();
      expect(scheduledCondition('web')?.message).toBe(
        `0/2 nodes are available: ${TAINT}, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.`,
      );
      replaceNode('kubelab-worker', (n) => cordon(n, false));
      settle(100);
      expect(nodeOf('web')).toBe('kubelab-worker');
    });
  });

  describe('CPU and memory requests', () => {
    const tooMuch = (what: string): string =>
      `0/4 nodes are available: ${TAINT}, ${what}. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`;

    it('leave a pod that asks for more CPU than any worker has Pending, saying why', () => {
      const { create, pod, scheduledCondition, events, settle } = lab();
      create('big', { cpu: '5' });
      settle();
      expect(pod('big')?.spec?.nodeName).toBeUndefined();
      expect(pod('big')?.status?.phase).toBe('Pending');
      expect(scheduledCondition('big')).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: tooMuch('3 Insufficient cpu') });
      const [failed] = events('big', 'FailedScheduling');
      expect(failed).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message: tooMuch('3 Insufficient cpu'), source: { component: 'default-scheduler' } });
    });

    it('are reported for memory, and for both, the same way', () => {
      const { create, scheduledCondition, settle } = lab();
      create('mem', { memory: '9Gi' });
      create('both', { cpu: '4001m', memory: '8023405Ki' });
      settle();
      expect(scheduledCondition('mem')?.message).toBe(tooMuch('3 Insufficient memory'));
      expect(scheduledCondition('both')?.message).toBe(tooMuch('3 Insufficient cpu, 3 Insufficient memory'));
    });

    it('may take exactly what a worker has', () => {
      const { create, nodeOf, settle } = lab({ nodes: 2 });
      create('exact', { cpu: '4', memory: '8023404Ki' });
      settle();
      expect(nodeOf('exact')).toBe('kubelab-worker');
    });

    it('come with a count of pods, held against allocatable pods', () => {
      const { create, nodeOf, scheduledCondition, replaceNode, settle } = lab({ nodes: 2 });
      replaceNode('kubelab-worker', (n) => ({ ...n, status: { ...n.status, allocatable: { ...n.status!.allocatable, pods: '1' } } }));
      create('one');
      settle(100);
      create('two');
      settle();
      expect(nodeOf('one')).toBe('kubelab-worker');
      expect(scheduledCondition('two')?.message).toBe(
        `0/2 nodes are available: 1 Too many pods, ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.`,
      );
    });
  });

  describe('spreading', () => {
    it('balances identical pods across the workers (LeastAllocated)', () => {
      const { create, settle, placement } = lab({ seed: 5 });
      for (let i = 0; i < 30; i++) create(`p${i}`);
      settle();
      const counts = new Map<string, number>();
      for (const n of Object.values(placement())) counts.set(n, (counts.get(n) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual(['kubelab-worker', 'kubelab-worker2', 'kubelab-worker3']);
      for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(9);
    });

    it('prefers the emptier node for a pod with requests', () => {
      const { create, nodeOf, settle } = lab();
      create('heavy1', { cpu: '2', spec: { nodeSelector: { 'kubernetes.io/hostname': 'kubelab-worker' } } });
      create('heavy2', { cpu: '2', spec: { nodeSelector: { 'kubernetes.io/hostname': 'kubelab-worker2' } } });
      settle(100);
      create('next', { cpu: '1' });
      settle(100);
      expect(nodeOf('next')).toBe('kubelab-worker3');
    });
  });

  describe('determinism', () => {
    it('places the same pods on the same nodes for the same seed', () => {
      const run = (seed: number): Record<string, string> => {
        const { create, settle, placement } = lab({ seed });
        for (let i = 0; i < 15; i++) create(`p${i}`, i % 3 === 0 ? { cpu: '500m' } : {});
        settle();
        return placement();
      };
      expect(run(11)).toEqual(run(11));
    });
  });
});
