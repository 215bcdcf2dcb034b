// One sync of a ReplicaSet once its pods are claimed (replica_set.go manageReplicas,
// calculateStatus, updateReplicaSetStatus; controller_utils.go CreatePods/DeletePod,
// slowStartBatch): create or delete the difference, record the events, write the status.

import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import type { Expectations } from './expectations.ts';
import { OWNER_INDEX, controllerOf } from './indexes.ts';
import { isPodAvailable, isPodReady, podsToDelete, readySince } from './podRanking.ts';
import type { RS } from './replicaset.ts';
import type { ClaimCounts } from './replicaSetTally.ts';
import { hasPairs } from './replicaSetTally.ts';
import { objectKey } from './workQueue.ts';

type P = Stored<Pod>;

const PODS = typeForKind('Pod')!;
const REPLICA_SETS = typeForKind('ReplicaSet')!;
const ACTOR = 'replicaset-controller';
const SOURCE = { component: ACTOR };
/** burstReplicas: at most this many creates or deletes per sync */
const BURST = 500;

export interface SyncResult {
  /** manageReplicas failed: retry with back-off */
  readonly failed: boolean;
  readonly requeueAfterMs?: number;
}

const pods = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;

export class ReplicaSetSync {
  readonly #ctx: ClusterContext;
  readonly #expectations: Expectations;

  constructor(ctx: ClusterContext, expectations: Expectations) {
    this.#ctx = ctx;
    this.#expectations = expectations;
  }

  /** `claimed`: the claimed pods, or just their counts when the controller vouches that is all this sync reads. */
  sync(key: string, rs: RS, claimed: P[] | ClaimCounts): SyncResult {
    // Counted before manageReplicas writes anything, as calculateStatus counts the pods claimed before it.
    const counts = Array.isArray(claimed) ? this.#count(rs, claimed) : claimed;
    const pods = Array.isArray(claimed) ? claimed : [];
    let error: string | undefined;
    if (this.#expectations.satisfied(key) && !rs.metadata.deletionTimestamp) error = this.#manage(key, rs, counts.count, pods);
    const status = this.#status(rs, counts, error);
    const updated = this.#writeStatus(rs, status);
    if (error !== undefined) return { failed: true };
    const wait = this.#untilNextAvailable(updated, pods);
    return { failed: false, ...(wait !== undefined ? { requeueAfterMs: wait } : {}) };
  }

  /** manageReplicas: returns the first error, as the Go code does. */
  #manage(key: string, rs: RS, count: number, claimed: P[]): string | undefined {
    const want = rs.spec?.replicas ?? 1;
    const diff = count - want;
    const name = rs.metadata.name;
    const why = (verb: string, n: number): string => `ReplicaSet ${name} wants ${pods(want)} and has ${count}: ${verb} ${n}`;
    const { trace } = this.#ctx;
    if (diff < 0) {
      const n = Math.min(-diff, BURST);
      this.#expectations.expectCreations(key, n);
      const rec = trace.emit({ component: ACTOR, action: 'reconcile', object: rsRef(rs), why: why('creating', n) });
      return trace.within(rec.id, () => {
        const { successes, error } = slowStartBatch(n, () => this.#createPod(rs));
        for (let i = successes; i < n; i++) this.#expectations.creationObserved(key);
        return error;
      });
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST);
      const victims = podsToDelete(claimed, this.#relatedPods(rs, claimed), n, this.#ctx.clock.now);
      this.#expectations.expectDeletions(key, victims.map((p) => objectKey(p.metadata.namespace, p.metadata.name)));
      const rec = trace.emit({ component: ACTOR, action: 'reconcile', object: rsRef(rs), why: `${why('deleting', n)} (${victims.map((p) => p.metadata.name).join(', ')})` });
      return trace.within(rec.id, () => {
        let error: string | undefined;
        for (const p of victims) error ??= this.#deletePod(key, rs, p);
        return error;
      });
    }
    return undefined;
  }

  /** CreatePods / GetPodFromTemplate: `<rs>-` plus five generated characters. */
  #createPod(rs: RS): string | undefined {
    const t = rs.spec?.template;
    const meta = t?.metadata;
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        ...(meta?.labels ? { labels: { ...meta.labels } } : {}),
        ...(meta?.annotations ? { annotations: { ...meta.annotations } } : {}),
        ...(meta?.finalizers ? { finalizers: [...meta.finalizers] } : {}),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      // No copy of the spec here: the API server decodes the manifest without touching it and stores its own copy.
      spec: t?.spec ?? {},
    };
    const r = this.#ctx.api.create(manifest, rs.metadata.namespace, { actor: ACTOR, trusted: true });
    if (!r.ok) {
      this.#ctx.events.record(rs as unknown as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, SOURCE);
      return r.error.message;
    }
    this.#ctx.events.record(rs as unknown as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`, SOURCE);
    return undefined;
  }

  #deletePod(key: string, rs: RS, pod: P): string | undefined {
    const r = this.#ctx.api.delete(PODS, pod.metadata.namespace, pod.metadata.name, { actor: ACTOR });
    if (!r.ok) {
      this.#expectations.deletionObserved(key, objectKey(pod.metadata.namespace, pod.metadata.name));
      if (r.error.reason === 'NotFound') return undefined;
      this.#ctx.events.record(rs as unknown as KubeObject, 'Warning', 'FailedDelete', `Error deleting: ${r.error.message}`, SOURCE);
      return `unable to delete pods: ${r.error.message}`;
    }
    this.#ctx.events.record(rs as unknown as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    return undefined;
  }

  /** getIndirectlyRelatedPods: the pods of every ReplicaSet the same Deployment controls. */
  #relatedPods(rs: RS, own: P[]): P[] {
    const owner = controllerOf(rs as unknown as KubeObject);
    if (!owner) return own;
    const store = this.#ctx.api.store;
    const out: P[] = [];
    for (const sibling of store.byIndex('replicasets', OWNER_INDEX, owner.uid)) {
      if (controllerOf(sibling)?.uid !== owner.uid) continue;
      for (const p of store.byIndex('pods', OWNER_INDEX, sibling.metadata.uid)) if (controllerOf(p)?.uid === sibling.metadata.uid) out.push(p as unknown as P);
    }
    return out;
  }

  /** calculateStatus's counting: the claimed pods, fully labeled, ready and available. */
  #count(rs: RS, claimed: P[]): ClaimCounts & { readonly available: number } {
    // The template's pairs once per sync, not a for-in per pod (this loop sees every pod on every sync).
    const want = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    const now = this.#ctx.clock.now;
    const minReady = rs.spec?.minReadySeconds ?? 0;
    let fully = 0;
    let ready = 0;
    let available = 0;
    for (const p of claimed) {
      if (hasPairs(want, p.metadata.labels)) fully++;
      if (isPodReady(p)) {
        ready++;
        if (isPodAvailable(p, minReady, now)) available++;
      }
    }
    return { count: claimed.length, fully, ready, available };
  }

  /** calculateStatus; without minReadySeconds every ready pod is available. */
  #status(rs: RS, counts: ClaimCounts & { readonly available?: number }, error: string | undefined): ReplicaSetStatus {
    const { fully, ready } = counts;
    const available = counts.available ?? ready;
    let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
    const failure = conditions.find((c) => c.type === 'ReplicaFailure');
    if (error !== undefined && !failure) {
      const diff = counts.count - (rs.spec?.replicas ?? 1);
      const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
      conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: this.#ctx.clock.iso(), reason, message: error });
    } else if (error === undefined && failure) conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    // Zero counts are omitted, as the Go struct's omitempty tags leave them out (replicas stays).
    return {
      replicas: counts.count,
      ...(fully ? { fullyLabeledReplicas: fully } : {}),
      ...(ready ? { readyReplicas: ready } : {}),
      ...(available ? { availableReplicas: available } : {}),
      ...(rs.metadata.generation ? { observedGeneration: rs.metadata.generation } : {}),
      ...(conditions.length ? { conditions } : {}),
    };
  }

  /** updateReplicaSetStatus: writes only when something changed. */
  #writeStatus(rs: RS, status: ReplicaSetStatus): RS {
    if (deepEqual(rs.status, status)) return rs;
    const next = { ...rs, status } as unknown as KubeObject;
    const why = `ReplicaSet ${rs.metadata.name} has ${pods(status.replicas)}, ${status.readyReplicas ?? 0} ready, ${status.availableReplicas ?? 0} available: updating its status`;
    return this.#ctx.api.replace(REPLICA_SETS, next, ACTOR, why) as unknown as RS;
  }

  /**
   * When a ready pod will have been ready for minReadySeconds, so the sync runs again then
   * (the Go code requeues after the full minReadySeconds once every pod is ready; waiting for
   * exactly the first pod's moment keeps availableReplicas current pod by pod).
   */
  #untilNextAvailable(rs: RS, claimed: P[]): number | undefined {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady <= 0) return undefined;
    const now = this.#ctx.clock.now;
    let next: number | undefined;
    for (const p of claimed) {
      if (!isPodReady(p) || isPodAvailable(p, minReady, now)) continue;
      const since = readySince(p) ?? now;
      const at = since + minReady * 1000 + 1;
      if (next === undefined || at < next) next = at;
    }
    return next === undefined ? undefined : Math.max(1, next - now);
  }
}

/** slowStartBatch: batches of 1, 2, 4, … until one has a failure; returns the successes. */
export function slowStartBatch(count: number, fn: () => string | undefined): { successes: number; error?: string } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: string | undefined;
    for (let i = 0; i < batch; i++) {
      const e = fn();
      if (e === undefined) successes++;
      else error ??= e;
    }
    if (error !== undefined) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

const rsRef = (rs: RS): { kind: string; namespace: string; name: string } => ({ kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name });
