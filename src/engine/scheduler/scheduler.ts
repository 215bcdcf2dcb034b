// kube-scheduler: watches for pods without a node, filters the nodes that cannot take them,
// scores the rest and binds the pod to the best one. When nothing fits the pod stays
// Pending with a FailedScheduling event, and is retried when the cluster changes.

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { WorkQueue, objectKey, splitKey } from '../controllers/workQueue.ts';
import type { FilterFailure } from './filters.ts';
import { filterNode, fitErrorMessage, preparePodFilter } from './filters.ts';
import { SchedulerCache } from './nodeInfo.ts';
import { podRequest } from './podResources.ts';
import { feasibleNodesToFind, scoreNode } from './score.ts';

const PODS = typeForKind('Pod')!;
const SOURCE = { component: 'default-scheduler' };

const needsScheduling = (p: Stored<Pod>): boolean =>
  !p.spec?.nodeName && !p.metadata.deletionTimestamp && (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
  p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export class Scheduler {
  readonly cache = new SchedulerCache();
  #ctx: ClusterContext;
  #queue: WorkQueue;
  #unschedulable = new Map<string, number>();
  #nextStart = 0;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.schedulerLatencyMs, 'scheduler', (key) => this.#schedule(key), ctx.trace);
    const store = ctx.api.store;
    store.watch('pods', (e) => {
      const pod = e.object as Stored<Pod>;
      const key = objectKey(pod.metadata.namespace, pod.metadata.name);
      this.cache.updatePod(key, e.type === 'DELETED' ? undefined : pod);
      if (e.type === 'DELETED') {
        this.#unschedulable.delete(key);
        if (pod.spec?.nodeName) this.#retryUnschedulable();
        return;
      }
      if (needsScheduling(pod) && !this.#unschedulable.has(key)) this.#queue.add(key);
    });
    store.watch('nodes', (e) => {
      const node = e.object as Stored<Node>;
      if (e.type === 'DELETED') this.cache.removeNode(node.metadata.name);
      else this.cache.setNode(node);
      if (e.type !== 'DELETED' && nodeChangeMayHelp(e.old as Stored<Node> | undefined, node)) this.#retryUnschedulable();
    });
  }

  /** Unschedulable pods go back to the queue when a node appears or frees up (with back-off). */
  #retryUnschedulable(): void {
    for (const [key, attempts] of this.#unschedulable) {
      const backoff = Math.min(this.#ctx.timings.schedulerBackoffInitialMs * 2 ** Math.max(0, attempts - 1), this.#ctx.timings.schedulerBackoffMaxMs);
      this.#queue.addAfter(key, backoff);
    }
  }

  #schedule(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.#ctx.api.get(PODS, ns, name) as Stored<Pod> | undefined;
    if (!pod || !needsScheduling(pod)) {
      this.#unschedulable.delete(key);
      return;
    }
    const { trace } = this.#ctx;
    const seen = trace.emit({ component: 'scheduler', action: 'schedule', object: { kind: 'Pod', namespace: ns ?? 'default', name }, why: `pod ${name} has no node yet: finding one` });
    trace.within(seen.id, () => {
      const choice = this.#pickNode(pod);
      if (typeof choice === 'string') this.#bind(key, pod, choice);
      else this.#markUnschedulable(key, pod, choice.message);
    });
  }

  #pickNode(pod: Stored<Pod>): string | { message: string } {
    const req = podRequest(pod);
    const filter = preparePodFilter(pod, req);
    const images = (pod.spec?.containers ?? []).flatMap((c) => (c.image ? [c.image] : []));
    const order = this.cache.nodeOrder;
    const total = order.length;
    const want = feasibleNodesToFind(total);
    const failures: FilterFailure[] = [];
    let best: string | undefined;
    let bestScore = -1;
    let ties = 0;
    let found = 0;
    let i = 0;
    for (; i < total && found < want; i++) {
      const info = order[(this.#nextStart + i) % total]!;
      const nodeName = info.node.metadata.name;
      const failure = filterNode(filter, info);
      if (failure) {
        failures.push(failure);
        continue;
      }
      found++;
      const score = scoreNode(images, req, info);
      if (score > bestScore) {
        best = nodeName;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore) {
        ties++;
        if (this.#ctx.random.int(ties) === 0) best = nodeName;
      }
    }
    if (total > 0) this.#nextStart = (this.#nextStart + i) % total;
    return best ?? { message: fitErrorMessage(total, failures) };
  }

  #bind(key: string, pod: Stored<Pod>, nodeName: string): void {
    const { api, trace, events, clock } = this.#ctx;
    this.#unschedulable.delete(key);
    this.cache.assume(key, pod, nodeName);
    const now = clock.iso();
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const bound: KubeObject = {
      ...(pod as unknown as KubeObject),
      spec: { ...pod.spec, nodeName },
      status: { ...pod.status, conditions: [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }] },
    };
    trace.emit({ component: 'scheduler', action: 'bind', object: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name }, why: `${nodeName} has room for ${pod.metadata.name} and scored best: binding it there` });
    const stored = api.replace(PODS, bound, 'scheduler', `the scheduler bound pod ${pod.metadata.name} to ${nodeName}`);
    events.record(stored, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE);
  }

  #markUnschedulable(key: string, pod: Stored<Pod>, message: string): void {
    const { api, trace, events, clock } = this.#ctx;
    this.#unschedulable.set(key, (this.#unschedulable.get(key) ?? 0) + 1);
    trace.emit({ component: 'scheduler', action: 'unschedulable', object: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name }, why: `no node can take ${pod.metadata.name}: ${message}` });
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (prev?.status !== 'False' || prev.message !== message) {
      const next: KubeObject = {
        ...(pod as unknown as KubeObject),
        status: {
          ...pod.status,
          conditions: [...conditions, { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: clock.iso(), reason: 'Unschedulable', message }],
        },
      };
      api.replace(PODS, next, 'scheduler', `pod ${pod.metadata.name} is unschedulable: ${message}`);
    }
    events.record(pod as unknown as KubeObject, 'Warning', 'FailedScheduling', message, SOURCE);
  }
}

function nodeChangeMayHelp(old: Stored<Node> | undefined, node: Stored<Node>): boolean {
  if (!old) return true;
  return (
    JSON.stringify(old.spec) !== JSON.stringify(node.spec) ||
    JSON.stringify(old.metadata.labels) !== JSON.stringify(node.metadata.labels) ||
    JSON.stringify(old.status?.allocatable) !== JSON.stringify(node.status?.allocatable)
  );
}
