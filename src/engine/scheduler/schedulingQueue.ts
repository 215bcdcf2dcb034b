// The scheduling queue's unschedulable pods (pkg/scheduler/backend/queue): a pod that did
// not fit waits until a cluster event could help it, as judged by the queueing hints of the
// plugins that rejected it, then retries once its back-off (1 s doubling to 10 s after its
// last attempt) is over. Pods left waiting 5 minutes are retried anyway.

import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { Clock, ScheduledTask } from '../clock.ts';
import type { Timings } from '../config.ts';
import type { WorkQueue } from '../controllers/workQueue.ts';
import type { FilterPlugin, PodFilter } from './filters.ts';
import { checkAffinity, checkResources, checkTaints, checkUnschedulable, portsConflict } from './filters.ts';
import type { PodRequest } from './podResources.ts';
import { nodeInfoOf } from './nodeInfo.ts';

/** podMaxInUnschedulablePodsDuration, checked by flushUnschedulablePodsLeftover every 30 s */
const MAX_UNSCHEDULABLE_MS = 300_000;
const LEFTOVER_FLUSH_PERIOD_MS = 30_000;

/** The cluster changes the default plugins register for (EventsToRegister). */
export type ClusterEvent =
  | { readonly kind: 'AssignedPodDelete'; readonly request: PodRequest }
  | { readonly kind: 'NodeAdd'; readonly node: Stored<Node> }
  | { readonly kind: 'NodeUpdate'; readonly old: Stored<Node>; readonly node: Stored<Node> };

interface Waiting {
  attempts: number;
  lastAttempt: number;
  /** the plugins that rejected it (UnschedulablePlugins); empty after a scheduler error */
  plugins: ReadonlySet<FilterPlugin>;
  filter: PodFilter | undefined;
  /** back in the active or back-off queue, no longer among the unschedulable pods */
  queued: boolean;
  flush: ScheduledTask | undefined;
}

export class SchedulingQueue {
  readonly #clock: Clock;
  readonly #timings: Timings;
  readonly #queue: WorkQueue;
  readonly #waiting = new Map<string, Waiting>();

  constructor(clock: Clock, timings: Timings, queue: WorkQueue) {
    this.#clock = clock;
    this.#timings = timings;
    this.#queue = queue;
  }

  /** Whether the pod has failed an attempt and not been bound or deleted since. */
  has(key: string): boolean {
    return this.#waiting.has(key);
  }

  /** The pod failed to fit: it waits for an event its rejecting plugins care about. */
  unschedulable(key: string, filter: PodFilter, plugins: ReadonlySet<FilterPlugin>): void {
    const w = this.#attempted(key, filter, plugins);
    const at = (Math.floor((w.lastAttempt + MAX_UNSCHEDULABLE_MS) / LEFTOVER_FLUSH_PERIOD_MS) + 1) * LEFTOVER_FLUSH_PERIOD_MS;
    const lastAttempt = w.lastAttempt;
    w.flush = this.#clock.schedule(at, 'scheduler: flush unschedulable pods left over', () => {
      const now = this.#waiting.get(key);
      if (now && !now.queued && now.lastAttempt === lastAttempt) this.#move(key, now);
    });
  }

  /** The attempt failed with an error (no nodes at all): straight to the back-off queue. */
  error(key: string): void {
    this.#move(key, this.#attempted(key, undefined, new Set()));
  }

  /** Bound or deleted: forget its attempts. */
  forget(key: string): void {
    const w = this.#waiting.get(key);
    if (w?.flush) w.flush.cancelled = true;
    this.#waiting.delete(key);
  }

  /** The pending pod itself changed (a toleration added, a scheduling gate removed). */
  podUpdated(key: string): void {
    const w = this.#waiting.get(key);
    if (w && !w.queued) this.#move(key, w);
  }

  /** Moves every waiting pod for which a rejecting plugin's hint says the event may help. */
  onEvent(event: ClusterEvent): void {
    for (const [key, w] of this.#waiting) {
      if (w.queued) continue;
      if (w.plugins.size === 0 || [...w.plugins].some((p) => w.filter && worthRequeuing(p, event, w.filter))) this.#move(key, w);
    }
  }

  #attempted(key: string, filter: PodFilter | undefined, plugins: ReadonlySet<FilterPlugin>): Waiting {
    const prev = this.#waiting.get(key);
    if (prev?.flush) prev.flush.cancelled = true;
    const w: Waiting = { attempts: (prev?.attempts ?? 0) + 1, lastAttempt: this.#clock.now, plugins, filter, queued: false, flush: undefined };
    this.#waiting.set(key, w);
    return w;
  }

  /** To the active queue, or to the back-off queue until lastAttempt + backoff(attempts). */
  #move(key: string, w: Waiting): void {
    w.queued = true;
    if (w.flush) w.flush.cancelled = true;
    const { schedulerBackoffInitialMs: initial, schedulerBackoffMaxMs: max } = this.#timings;
    const backoff = Math.min(initial * 2 ** Math.max(0, w.attempts - 1), max);
    const wait = w.lastAttempt + backoff - this.#clock.now;
    if (wait > 0) this.#queue.addAfter(key, wait);
    else this.#queue.add(key);
  }
}

const passes = (check: typeof checkResources, f: PodFilter, node: Stored<Node>): boolean => check(f, nodeInfoOf(node)) === undefined;

const NODE_CHECKS: Partial<Record<FilterPlugin, typeof checkResources>> = {
  NodeUnschedulable: checkUnschedulable,
  TaintToleration: checkTaints,
  NodeAffinity: checkAffinity,
};

/** Each plugin's QueueingHintFn, reduced to what this scheduler models. */
function worthRequeuing(plugin: FilterPlugin, event: ClusterEvent, f: PodFilter): boolean {
  if (event.kind === 'AssignedPodDelete') {
    if (plugin === 'NodeResourcesFit') return true;
    // Only a pod that held one of the wanted host ports frees anything for NodePorts.
    if (plugin === 'NodePorts') return portsConflict(f.req.hostPorts, new Set(event.request.hostPorts));
    return false;
  }
  if (plugin === 'NodePorts') return event.kind === 'NodeAdd';
  if (plugin === 'NodeResourcesFit') {
    if (!passes(checkResources, f, event.node)) return false;
    return event.kind === 'NodeAdd' || requestedAllocatableIncreased(f.req, event.old, event.node);
  }
  const check = NODE_CHECKS[plugin]!;
  // A node update helps only when the node rejected the pod before and accepts it now.
  return passes(check, f, event.node) && (event.kind === 'NodeAdd' || !passes(check, f, event.old));
}

/** haveAnyRequestedResourcesIncreased: pods always count; cpu and memory only if requested. */
function requestedAllocatableIncreased(req: PodRequest, old: Stored<Node>, node: Stored<Node>): boolean {
  const a = nodeInfoOf(old);
  const b = nodeInfoOf(node);
  return (
    b.allocatablePods > a.allocatablePods ||
    (req.milliCpu > 0 && b.allocatableMilliCpu > a.allocatableMilliCpu) ||
    (req.memory > 0 && b.allocatableMemory > a.allocatableMemory)
  );
}
