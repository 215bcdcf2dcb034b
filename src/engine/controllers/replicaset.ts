// The ReplicaSet controller (kube-controller-manager pkg/controller/replicaset/replica_set.go):
// watches ReplicaSets and pods, and per ReplicaSet key claims the pods it should own (adopting
// matching orphans, releasing owned pods that stopped matching), creates the missing ones from
// the template in slow-start batches or deletes the cheapest extras, then writes the status.

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import type { WatchEvent } from '../api/store.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { Expectations } from './expectations.ts';
import type { Selector } from './indexes.ts';
import { LABEL_INDEX, ORPHAN_LABEL_INDEX, OWNER_INDEX, compileSelector, controllerOf, labelKey } from './indexes.ts';
import { isPodActive, isPodReady } from './podRanking.ts';
import { ReplicaSetSync } from './replicaSetSync.ts';
import type { ClaimCounts } from './replicaSetTally.ts';
import { ReplicaSetTally } from './replicaSetTally.ts';
import { WorkQueue, objectKey, splitKey } from './workQueue.ts';

export type RS = Stored<ReplicaSet>;
type P = Stored<Pod>;

const PODS = typeForKind('Pod')!;
const REPLICA_SETS = typeForKind('ReplicaSet')!;
export const RS_CONTROLLER = 'replicaset-controller';

/** workqueue.DefaultControllerRateLimiter's per-item back-off: 5 ms doubling, capped at 1000 s. */
const backOffMs = (failures: number): number => Math.min(5 * 2 ** failures, 1_000_000);

export class ReplicaSetController {
  readonly expectations: Expectations;
  readonly #ctx: ClusterContext;
  readonly #queue: WorkQueue;
  readonly #sync: ReplicaSetSync;
  readonly #tally: ReplicaSetTally;
  /** each ReplicaSet's compiled selector, and where orphan pods look their ReplicaSets up */
  readonly #selectors = new Map<string, { source: unknown; selector: Selector; bucket: string }>();
  /** `ns/key=value` (or `ns/` for selectors without matchLabels) → ReplicaSet keys */
  readonly #byPair = new Map<string, Set<string>>();
  readonly #failures = new Map<string, number>();

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.expectations = new Expectations(ctx.clock);
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, RS_CONTROLLER, (key) => this.#reconcile(key), ctx.trace);
    this.#sync = new ReplicaSetSync(ctx, this.expectations);
    this.#tally = new ReplicaSetTally(ctx.api.store);
    ctx.api.store.watch('replicasets', (e) => this.#onReplicaSet(e));
    ctx.api.store.watch('pods', (e) => this.#onPod(e));
  }

  #onReplicaSet(e: WatchEvent): void {
    const rs = e.object as unknown as RS;
    const key = objectKey(rs.metadata.namespace, rs.metadata.name);
    this.#tally.replicaSetChanged(e);
    if (e.type === 'DELETED') {
      this.#forgetSelector(key);
      this.expectations.delete(key);
    } else this.#cacheSelector(key, rs);
    this.#queue.add(key);
  }

  #cacheSelector(key: string, rs: RS): void {
    const cached = this.#selectors.get(key);
    if (cached?.source === rs.spec?.selector) return;
    this.#forgetSelector(key);
    const selector = compileSelector(rs.spec?.selector);
    if (selector.empty) return;
    const bucket = selector.anyPair ? labelKey(rs.metadata.namespace, ...selector.anyPair) : `${rs.metadata.namespace ?? ''}/`;
    this.#selectors.set(key, { source: rs.spec?.selector, selector, bucket });
    let set = this.#byPair.get(bucket);
    if (!set) this.#byPair.set(bucket, (set = new Set()));
    set.add(key);
  }

  #forgetSelector(key: string): void {
    const cached = this.#selectors.get(key);
    if (!cached) return;
    this.#selectors.delete(key);
    const set = this.#byPair.get(cached.bucket);
    if (set?.delete(key) && set.size === 0) this.#byPair.delete(cached.bucket);
  }

  /** addPod / updatePod / deletePod of replica_set.go. A pod with no owner costs a lookup per label. */
  #onPod(e: WatchEvent): void {
    this.#tally.podChanged(e);
    const pod = e.object as unknown as P;
    if (e.type === 'DELETED' || (e.type === 'ADDED' && pod.metadata.deletionTimestamp)) {
      this.#podGone(pod);
      return;
    }
    const cur = controllerOf(e.object);
    if (e.type === 'ADDED') {
      if (cur) {
        const key = this.#resolve(pod, cur);
        if (key) {
          this.expectations.creationObserved(key);
          this.#queue.add(key);
        }
      } else this.#enqueueMatching(pod);
      return;
    }
    const old = e.old as unknown as P;
    const labelsChanged = old.metadata.labels !== pod.metadata.labels && !deepEqual(old.metadata.labels, pod.metadata.labels);
    if (pod.metadata.deletionTimestamp) {
      // A pod being deleted counts as gone now: its replacement need not wait for the grace period.
      this.#podGone(pod);
      if (labelsChanged) this.#podGone(old);
      return;
    }
    const prev = controllerOf(e.old!);
    const refChanged = cur?.uid !== prev?.uid;
    if (refChanged && prev) {
      const key = this.#resolve(old, prev);
      if (key) this.#queue.add(key);
    }
    if (cur) {
      const key = this.#resolve(pod, cur);
      if (!key) return;
      this.#queue.add(key);
      const rs = this.#ctx.api.get(REPLICA_SETS, pod.metadata.namespace, cur.name) as unknown as RS;
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.#queue.addAfter(key, minReady * 1000 + 1000);
      return;
    }
    if (labelsChanged || refChanged) this.#enqueueMatching(pod);
  }

  #podGone(pod: P): void {
    const ref = controllerOf(pod as unknown as KubeObject);
    if (!ref) return;
    const key = this.#resolve(pod, ref);
    if (!key) return;
    this.expectations.deletionObserved(key, objectKey(pod.metadata.namespace, pod.metadata.name));
    this.#queue.add(key);
  }

  /** resolveControllerRef: the ReplicaSet a controller reference names, if it is still that one. */
  #resolve(pod: P, ref: OwnerReference): string | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.#ctx.api.get(REPLICA_SETS, pod.metadata.namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? objectKey(pod.metadata.namespace, ref.name) : undefined;
  }

  /** GetPodReplicaSets: an orphan wakes every ReplicaSet in its namespace whose selector matches it. */
  #enqueueMatching(pod: P): void {
    const ns = pod.metadata.namespace;
    const labels = pod.metadata.labels;
    const wake = (bucket: string): void => {
      const keys = this.#byPair.get(bucket);
      if (!keys) return;
      for (const key of keys) if (this.#selectors.get(key)!.selector.matches(labels)) this.#queue.add(key);
    };
    if (this.#byPair.size === 0) return;
    for (const k in labels) wake(labelKey(ns, k, labels[k]!));
    wake(`${ns ?? ''}/`);
  }

  #reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.#ctx.api.get(REPLICA_SETS, ns, name) as unknown as RS | undefined;
    if (!rs) {
      this.expectations.delete(key);
      this.#failures.delete(key);
      return;
    }
    const selector = this.#selectors.get(key)?.selector ?? compileSelector(rs.spec?.selector);
    const result = this.#sync.sync(key, rs, this.#countsOnly(key, rs, selector) ?? this.#claimPods(rs, selector));
    if (result.requeueAfterMs !== undefined) this.#queue.addAfter(key, result.requeueAfterMs);
    if (result.failed) {
      const n = this.#failures.get(key) ?? 0;
      this.#failures.set(key, n + 1);
      this.#queue.addAfter(key, backOffMs(n));
    } else this.#failures.delete(key);
  }

  /**
   * The claimed pods' counts without walking them, when that is all the sync will read: nothing
   * to release or adopt, no pods to pick for deletion, and no minReadySeconds clock to watch.
   */
  #countsOnly(key: string, rs: RS, selector: Selector): ClaimCounts | undefined {
    if (rs.metadata.deletionTimestamp || selector.empty || !selector.anyPair || (rs.spec?.minReadySeconds ?? 0) !== 0) return undefined;
    if (this.#ctx.api.store.countByIndex('pods', ORPHAN_LABEL_INDEX, labelKey(rs.metadata.namespace, ...selector.anyPair)) !== 0) return undefined;
    const counts = this.#tally.counts(rs);
    if (!counts) return undefined;
    if (counts.count > (rs.spec?.replicas ?? 1) && this.expectations.satisfied(key)) return undefined;
    return counts;
  }

  /** claimPods (ControllerRefManager.ClaimPods) over the owner and label indexes, not the namespace. */
  #claimPods(rs: RS, selector: Selector): P[] {
    const store = this.#ctx.api.store;
    const uid = rs.metadata.uid;
    const ns = rs.metadata.namespace;
    const claimed: P[] = [];
    const deleting = !!rs.metadata.deletionTimestamp;
    for (const o of store.byIndex('pods', OWNER_INDEX, uid)) {
      const pod = o as unknown as P;
      if (controllerOf(o)?.uid !== uid || !isPodActive(pod)) continue;
      if (selector.matches(pod.metadata.labels)) claimed.push(pod);
      else if (!deleting) this.#release(rs, pod);
    }
    if (deleting || selector.empty) return claimed;
    // Only orphans can be adopted: with none carrying the selector's first pair, the scan below would find nothing.
    if (selector.anyPair && store.countByIndex('pods', ORPHAN_LABEL_INDEX, labelKey(ns, ...selector.anyPair)) === 0) return claimed;
    const candidates = selector.anyPair ? store.byIndex('pods', LABEL_INDEX, labelKey(ns, ...selector.anyPair)) : store.list('pods', ns);
    for (const o of candidates) {
      const pod = o as unknown as P;
      if (controllerOf(o) || !isPodActive(pod) || !selector.matches(pod.metadata.labels)) continue;
      claimed.push(this.#adopt(rs, pod));
    }
    return claimed;
  }

  #adopt(rs: RS, pod: P): P {
    const ref: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true };
    const next = { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ref] } };
    this.#ctx.trace.emit({ component: RS_CONTROLLER, action: 'reconcile', object: podRef(pod), why: `pod ${pod.metadata.name} has no owner and matches the selector of ReplicaSet ${rs.metadata.name}: adopting it` });
    return this.#ctx.api.replace(PODS, next as unknown as KubeObject, RS_CONTROLLER, `ReplicaSet ${rs.metadata.name} adopted pod ${pod.metadata.name}`) as unknown as P;
  }

  #release(rs: RS, pod: P): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
    const { ownerReferences: _dropped, ...meta } = pod.metadata;
    const next = { ...pod, metadata: { ...meta, ...(refs.length ? { ownerReferences: refs } : {}) } };
    this.#ctx.trace.emit({ component: RS_CONTROLLER, action: 'reconcile', object: podRef(pod), why: `pod ${pod.metadata.name} no longer matches the selector of ReplicaSet ${rs.metadata.name}: releasing it` });
    this.#ctx.api.replace(PODS, next as unknown as KubeObject, RS_CONTROLLER, `ReplicaSet ${rs.metadata.name} released pod ${pod.metadata.name}`);
  }
}

const podRef = (pod: P): { kind: string; namespace: string; name: string } => ({ kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name });
