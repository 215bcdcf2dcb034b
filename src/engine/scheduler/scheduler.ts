// kube-scheduler: watches for pods without a node, filters the nodes that cannot take them,
// scores the rest and binds the pod to the best one. When nothing fits the pod stays
// Pending with a FailedScheduling event, and is retried when the cluster changes in a way
// that could help it (pkg/scheduler/schedule_one.go, eventhandlers.go).

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { WorkQueue, objectKey, splitKey } from '../controllers/workQueue.ts';
import type { FilterFailure, FilterPlugin, PodFilter } from './filters.ts';
import { filterNode, fitErrorMessage, passesFilters, preparePodFilter } from './filters.ts';
import { SchedulerCache } from './nodeInfo.ts';
import type { PodRequest } from './podResources.ts';
import { podRequest } from './podResources.ts';
import { SchedulingQueue } from './schedulingQueue.ts';
import { feasibleNodesToFind, scoreNode } from './score.ts';

const PODS = typeForKind('Pod')!;
const SOURCE = { component: 'default-scheduler' };

const terminal = (p: Stored<Pod>): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** Unbound, alive, ours, and not held back by scheduling gates (the SchedulingGates PreEnqueue plugin). */
const needsScheduling = (p: Stored<Pod>): boolean =>
  !p.spec?.nodeName && !p.metadata.deletionTimestamp && (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
  !terminal(p) && !(p.spec?.schedulingGates?.length);

type Choice = { node: string; request: PodRequest } | { message: string; filter: PodFilter; plugins: Set<FilterPlugin> | undefined };

export class Scheduler {
  readonly cache = new SchedulerCache();
  #ctx: ClusterContext;
  #queue: WorkQueue;
  #pending: SchedulingQueue;
  #nextStart = 0;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.schedulerLatencyMs, 'scheduler', (key) => this.#schedule(key), ctx.trace);
    this.#pending = new SchedulingQueue(ctx.clock, ctx.timings, this.#queue);
    const store = ctx.api.store;
    store.watch('pods', (e) => {
      const pod = e.object as Stored<Pod>;
      const old = e.old as Stored<Pod> | undefined;
      const key = objectKey(pod.metadata.namespace, pod.metadata.name);
      this.cache.updatePod(key, e.type === 'DELETED' ? undefined : pod);
      // The scheduler's informer lists only non-terminal pods: turning terminal is a delete.
      const wasCounted = old?.spec?.nodeName && !terminal(old);
      if (wasCounted && (e.type === 'DELETED' || terminal(pod))) this.#pending.onEvent({ kind: 'AssignedPodDelete', request: podRequest(old) });
      if (e.type === 'DELETED') {
        this.#pending.forget(key);
        return;
      }
      if (!needsScheduling(pod)) return;
      if (!this.#pending.has(key)) this.#queue.add(key);
      else if (old && !deepEqual(old.spec, pod.spec)) this.#pending.podUpdated(key);
    });
    store.watch('nodes', (e) => {
      const node = e.object as Stored<Node>;
      if (e.type === 'DELETED') {
        this.cache.removeNode(node.metadata.name);
        return;
      }
      this.cache.setNode(node);
      const old = e.old as Stored<Node> | undefined;
      if (!old) this.#pending.onEvent({ kind: 'NodeAdd', node });
      else if (schedulingPropertiesChanged(old, node)) this.#pending.onEvent({ kind: 'NodeUpdate', old, node });
    });
  }

  #schedule(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.#ctx.api.get(PODS, ns, name) as Stored<Pod> | undefined;
    if (!pod || !needsScheduling(pod)) {
      this.#pending.forget(key);
      return;
    }
    const { trace } = this.#ctx;
    const seen = trace.emit({ component: 'scheduler', action: 'schedule', object: { kind: 'Pod', namespace: ns ?? 'default', name }, why: `pod ${name} has no node yet: finding one` });
    trace.within(seen.id, () => {
      const choice = this.#pickNode(pod);
      if ('node' in choice) this.#bind(key, pod, choice.node, choice.request);
      else this.#markUnschedulable(key, pod, choice);
    });
  }

  #pickNode(pod: Stored<Pod>): Choice {
    const req = podRequest(pod);
    const filter = preparePodFilter(pod, req);
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    const order = this.cache.nodeOrder;
    const total = order.length;
    if (total === 0) return { message: fitErrorMessage(0, []), filter, plugins: undefined };
    const want = feasibleNodesToFind(total);
    const failures: FilterFailure[] = [];
    let best: string | undefined;
    let bestScore = -1;
    let ties = 0;
    let found = 0;
    let i = 0;
    for (; i < total && found < want; i++) {
      let at = this.#nextStart + i;
      if (at >= total) at -= total;
      const info = order[at]!;
      if (!passesFilters(filter, info)) {
        failures.push(filterNode(filter, info)!);
        continue;
      }
      found++;
      const score = scoreNode(containers, req, info, this.cache.imageNodes, total);
      if (score > bestScore) {
        best = info.node.metadata.name;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore) {
        // Reservoir sampling among equal best scores, as selectHost does.
        ties++;
        if (this.#ctx.random.int(ties) === 0) best = info.node.metadata.name;
      }
    }
    this.#nextStart = (this.#nextStart + i) % total;
    if (best !== undefined) return { node: best, request: req };
    return { message: fitErrorMessage(total, failures), filter, plugins: new Set(failures.map((f) => f.plugin)) };
  }

  /** `request` is the pod's, already worked out for the filters (the spec is the same). */
  #bind(key: string, pod: Stored<Pod>, nodeName: string, request: PodRequest): void {
    const { api, trace, events, clock } = this.#ctx;
    this.#pending.forget(key);
    this.cache.assume(key, pod, nodeName, request);
    // The binding subresource sets nodeName and PodScheduled=True in one write.
    const bound: KubeObject = {
      ...(pod as unknown as KubeObject),
      spec: { ...pod.spec, nodeName },
      status: { ...pod.status, conditions: withScheduledCondition(pod, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: clock.iso() }) },
    };
    trace.emit({ component: 'scheduler', action: 'bind', object: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name }, why: `${nodeName} has room for ${pod.metadata.name} and scored best: binding it there` });
    const stored = api.replace(PODS, bound, 'scheduler', `the scheduler bound pod ${pod.metadata.name} to ${nodeName}`);
    events.record(stored, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE);
  }

  /** handleSchedulingFailure: the PodScheduled=False condition, the event, and the wait. */
  #markUnschedulable(key: string, pod: Stored<Pod>, choice: Extract<Choice, { message: string }>): void {
    const { api, trace, events, clock } = this.#ctx;
    const { message, plugins } = choice;
    if (plugins) this.#pending.unschedulable(key, choice.filter, plugins);
    else this.#pending.error(key);
    trace.emit({ component: 'scheduler', action: 'unschedulable', object: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name }, why: `no node can take ${pod.metadata.name}: ${message}` });
    const reason = plugins ? 'Unschedulable' : 'SchedulerError';
    const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (prev?.status !== 'False' || prev.reason !== reason || prev.message !== message) {
      // UpdatePodCondition keeps lastTransitionTime while the status stays the same.
      const since = prev?.status === 'False' && prev.lastTransitionTime ? prev.lastTransitionTime : clock.iso();
      const condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: since, reason, message };
      const next: KubeObject = { ...(pod as unknown as KubeObject), status: { ...pod.status, conditions: withScheduledCondition(pod, condition) } };
      api.replace(PODS, next, 'scheduler', `pod ${pod.metadata.name} is unschedulable: ${message}`);
    }
    events.record(pod as unknown as KubeObject, 'Warning', 'FailedScheduling', message, SOURCE);
  }
}

/** podutil.UpdatePodCondition: the PodScheduled condition replaced where it stands, or appended. */
function withScheduledCondition(pod: Stored<Pod>, condition: Record<string, unknown>): unknown[] {
  const conditions: unknown[] = [...(pod.status?.conditions ?? [])];
  const i = pod.status?.conditions?.findIndex((c) => c.type === 'PodScheduled') ?? -1;
  if (i >= 0) conditions[i] = condition;
  else conditions.push(condition);
  return conditions;
}

/** nodeSchedulingPropertiesChange: what in a node update could make a pod fit. */
function schedulingPropertiesChanged(old: Stored<Node>, node: Stored<Node>): boolean {
  return (
    old.spec?.unschedulable !== node.spec?.unschedulable ||
    !deepEqual(old.spec?.taints, node.spec?.taints) ||
    !deepEqual(old.metadata.labels, node.metadata.labels) ||
    !deepEqual(old.status?.allocatable, node.status?.allocatable)
  );
}
