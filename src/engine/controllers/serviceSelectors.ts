// The informer-side bookkeeping the Endpoints and EndpointSlice controllers share
// (pkg/controller/endpoint, staging/src/k8s.io/endpointslice): which Services select a pod,
// found through each Service's first selector pair so a pod no Service selects costs one map
// miss per label, and the pods a Service selects, through the pod label index.

import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/objects.ts';
import type { Store, WatchEvent } from '../api/store.ts';
import type { Labels } from './indexes.ts';
import { LABEL_INDEX, hasAllLabels, labelKey } from './indexes.ts';
import { isPodReady } from './podRanking.ts';
import type { ClusterContext } from '../context.ts';
import { WorkQueue, objectKey } from './workQueue.ts';

interface Cached {
  readonly selector: Readonly<Record<string, string>>;
  readonly bucket: string;
}

export class ServiceSelectors {
  readonly #store: Store;
  readonly #byKey = new Map<string, Cached>();
  /** `ns/key=value` → keys of Services whose selector's first pair that is */
  readonly #byPair = new Map<string, Set<string>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Keeps the cache in step with a Service watch event. Services without a selector are not cached. */
  observe(e: WatchEvent): void {
    const svc = e.object as unknown as Service;
    const key = objectKey(svc.metadata?.namespace, svc.metadata?.name ?? '');
    const selector = svc.spec?.selector ?? {};
    const cached = this.#byKey.get(key);
    if (e.type !== 'DELETED' && cached?.selector === selector) return;
    if (cached) {
      this.#byKey.delete(key);
      const set = this.#byPair.get(cached.bucket);
      if (set?.delete(key) && set.size === 0) this.#byPair.delete(cached.bucket);
    }
    const first = Object.entries(selector)[0];
    if (e.type === 'DELETED' || !first) return;
    const bucket = labelKey(svc.metadata?.namespace, first[0], first[1]);
    this.#byKey.set(key, { selector, bucket });
    let set = this.#byPair.get(bucket);
    if (!set) this.#byPair.set(bucket, (set = new Set()));
    set.add(key);
  }

  /** Keys of the Services in `namespace` whose selector the labels satisfy. */
  servicesFor(namespace: string | undefined, labels: Labels, into: Set<string>): void {
    if (this.#byPair.size === 0 || !labels) return;
    for (const k in labels) {
      const keys = this.#byPair.get(labelKey(namespace, k, labels[k]!));
      if (!keys) continue;
      for (const key of keys) if (hasAllLabels(this.#byKey.get(key)!.selector, labels)) into.add(key);
    }
  }

  /** The Service keys a pod watch event concerns: those selecting it before or after, when it changed in a way endpoints see. */
  servicesForPodEvent(e: WatchEvent): Set<string> {
    const keys = new Set<string>();
    // No Service selects anything: a pod event costs nothing (the bench's clusters, most lessons' start).
    if (this.#byPair.size === 0) return keys;
    const pod = e.object;
    const old = e.old;
    if (e.type === 'MODIFIED' && old && old.metadata.labels === pod.metadata.labels && endpointView(old) === endpointView(pod)) return keys;
    this.servicesFor(pod.metadata.namespace, pod.metadata.labels, keys);
    if (old && old.metadata.labels !== pod.metadata.labels) this.servicesFor(old.metadata.namespace, old.metadata.labels, keys);
    return keys;
  }

  /** The pods in the Service's namespace its selector matches (none without a selector). */
  selectedPods(svc: Service): Pod[] {
    const selector = svc.spec?.selector ?? {};
    const first = Object.entries(selector)[0];
    if (!first) return [];
    const candidates = this.#store.byIndex('pods', LABEL_INDEX, labelKey(svc.metadata?.namespace, first[0], first[1]));
    return candidates.filter((p) => hasAllLabels(selector, p.metadata.labels)) as unknown as Pod[];
  }
}

/** What about a pod endpoints depend on (endpointslice util podEndpointsChanged). */
function endpointView(o: KubeObject): string {
  const pod = o as unknown as Pod;
  return `${pod.status?.podIP ?? ''}|${pod.spec?.nodeName ?? ''}|${pod.metadata?.deletionTimestamp ?? ''}|${isPodReady(pod as never)}|${pod.status?.phase ?? ''}|${pod.spec?.hostname ?? ''}`;
}

/** ShouldPodBeInEndpoints: an IP, not finished, and (unless terminating ones are wanted) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  const phase = pod.status.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** podutil.FindPort: a number as is; a name looked up among the containers' ports with the same protocol. */
export function findPort(pod: Pod, target: number | string | undefined, protocol: string, port: number): number | undefined {
  if (target === undefined) return port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/**
 * The watches both service controllers start with: every Service change queues that Service,
 * every pod change queues the Services that select it. Returns the selector cache and queue.
 */
export function watchServicesAndPods(ctx: ClusterContext, controller: string, reconcile: (key: string) => void): { selectors: ServiceSelectors; queue: WorkQueue } {
  const selectors = new ServiceSelectors(ctx.api.store);
  const queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, controller, reconcile, ctx.trace);
  ctx.api.store.watch('services', (e) => {
    selectors.observe(e);
    queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name));
  });
  ctx.api.store.watch('pods', (e) => {
    for (const key of selectors.servicesForPodEvent(e)) queue.add(key);
  });
  return { selectors, queue };
}
