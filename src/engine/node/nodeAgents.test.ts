import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';

describe('when a node registers', () => {
  it('records what a starting kubelet, the node controller and kube-proxy record', () => {
    const cluster = createCluster({ seed: 1 });
    const events = cluster.api.store
      .byIndex('events', 'involvedObject', 'Node//kubelab-worker')
      .map((e) => `${String(e['reason'])} (${String((e['source'] as { component?: string }).component)}): ${String(e['message'])}`);
    expect(events).toEqual([
      'Starting (kubelet): Starting kubelet.',
      'NodeHasSufficientMemory (kubelet): Node kubelab-worker status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure (kubelet): Node kubelab-worker status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID (kubelet): Node kubelab-worker status is now: NodeHasSufficientPID',
      'NodeAllocatableEnforced (kubelet): Updated Node Allocatable limit across pods',
      'RegisteredNode (node-controller): Node kubelab-worker event: Registered Node kubelab-worker in Controller',
      'Starting (kube-proxy): ',
      'NodeReady (kubelet): Node kubelab-worker status is now: NodeReady',
    ]);
  });
});
