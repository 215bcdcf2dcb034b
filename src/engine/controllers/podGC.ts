// The pod garbage collector (kube-controller-manager pkg/controller/podgc/gc_controller.go),
// the part that deletes orphaned pods: pods bound to a node that no longer exists. Every
// gcCheckPeriod it notices missing nodes, waits out a quarantine, checks the node is still gone,
// then marks each pod Failed with a DisruptionTarget condition and deletes it at once.

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';

const NODES = typeForKind('Node')!;
const PODS = typeForKind('Pod')!;
export const POD_GC_CONTROLLER = 'pod-garbage-collector-controller';

export class PodGarbageCollector {
  readonly #ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    // The periodic pass only finds something after a node is deleted; so look only then.
    ctx.api.store.watch('nodes', (e) => {
      if (e.type === 'DELETED') this.#nodeGone(e.object.metadata.name);
    });
  }

  /** The next gc pass sees the node missing and queues it for the quarantine; a later pass acts. */
  #nodeGone(name: string): void {
    const { clock, timings } = this.#ctx;
    const period = timings.podGCPeriodMs;
    const noticed = Math.ceil((clock.now + 1) / period) * period;
    clock.schedule(noticed + timings.podGCQuarantineMs, `${POD_GC_CONTROLLER}: orphans of ${name}`, () => this.#gcOrphans(name));
  }

  /** gcOrphaned: the node must still be missing when the quarantine ends. */
  #gcOrphans(nodeName: string): void {
    const { api, clock, trace } = this.#ctx;
    if (api.get(NODES, undefined, nodeName)) return;
    for (const o of api.store.byIndex('pods', 'node', nodeName)) {
      const pod = o as unknown as Stored<Pod>;
      const name = pod.metadata.name;
      trace.emit({ component: POD_GC_CONTROLLER, action: 'delete', object: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name }, why: `pod ${name} is bound to node ${nodeName}, which no longer exists: deleting it` });
      const phase = pod.status?.phase;
      const terminal = phase === 'Succeeded' || phase === 'Failed';
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      const condition = { lastProbeTime: null, lastTransitionTime: clock.iso(), message: 'PodGC: node no longer exists', reason: 'DeletionByPodGC', status: 'True', type: 'DisruptionTarget' };
      const status = { ...pod.status, ...(terminal ? {} : { phase: 'Failed' }), conditions: [...conditions, condition] };
      api.replace(PODS, { ...o, status } as unknown as KubeObject, POD_GC_CONTROLLER, `pod ${name} is marked Failed: its node ${nodeName} no longer exists`);
      api.delete(PODS, pod.metadata.namespace, name, { actor: POD_GC_CONTROLLER, gracePeriodSeconds: 0 });
    }
  }
}
