// The arithmetic of one rolling-update sync: how big the new ReplicaSet may grow and how
// many old pods may go, on plain counts (no store). Imitates kube-controller-manager's
// pkg/controller/deployment/rolling.go (reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate) and NewRSNewReplicas.

import type { RolloutSpec, Scaled } from './fenceposts.ts';
import { maxUnavailable, scaledValue } from './fenceposts.ts';

/** What the rollout reads of one ReplicaSet. */
export interface ReplicaSetCounts {
  readonly name: string;
  /** spec.replicas */
  readonly replicas: number;
  /** status.availableReplicas (may lag spec: the controller acts on what status says) */
  readonly availableReplicas: number;
  /** RFC3339; orders old ReplicaSets oldest first, ties broken by name. */
  readonly creationTimestamp: string;
}

/** One `scaleReplicaSetAndRecordEvent`: a ScalingReplicaSet event when from !== to. */
export interface ScaleAction {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** controller.ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: ReplicaSetCounts, b: ReplicaSetCounts): number {
  if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp < b.creationTimestamp ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export const sumReplicas = (rss: readonly { readonly replicas: number }[]): number =>
  rss.reduce((n, rs) => n + rs.replicas, 0);

export const sumAvailable = (rss: readonly { readonly availableReplicas: number }[]): number =>
  rss.reduce((n, rs) => n + rs.availableReplicas, 0);

/** controller.FilterActiveReplicaSets: the ones that still want pods. */
export const activeReplicaSets = <T extends { readonly replicas: number }>(rss: readonly T[]): T[] =>
  rss.filter((rs) => rs.replicas > 0);

/**
 * deploymentutil.NewRSNewReplicas: grow the new ReplicaSet while the total stays within
 * replicas + maxSurge, never past spec.replicas, never shrinking it. Recreate jumps straight
 * to spec.replicas. allRSs normally includes newRS itself.
 */
export function newRSNewReplicas(
  spec: RolloutSpec,
  allRSs: readonly { readonly replicas: number }[],
  newRS: { readonly replicas: number },
): Scaled {
  if (spec.strategy === 'Recreate') return { ok: true, value: spec.replicas };
  const surge = scaledValue(spec.maxSurge ?? 0, spec.replicas, true);
  if (!surge.ok) return surge;
  const current = sumReplicas(allRSs);
  const maxTotal = spec.replicas + surge.value;
  if (current >= maxTotal) return { ok: true, value: newRS.replicas };
  const scaleUp = Math.min(maxTotal - current, spec.replicas - newRS.replicas);
  return { ok: true, value: newRS.replicas + scaleUp };
}

/**
 * reconcileNewReplicaSet: shrink an oversized new ReplicaSet to spec.replicas, otherwise
 * grow it by NewRSNewReplicas. undefined when nothing changes.
 */
export function reconcileNewReplicaSet(
  spec: RolloutSpec,
  allRSs: readonly ReplicaSetCounts[],
  newRS: ReplicaSetCounts,
): ScaleAction | undefined {
  if (newRS.replicas === spec.replicas) return undefined;
  if (newRS.replicas > spec.replicas) return { name: newRS.name, from: newRS.replicas, to: spec.replicas };
  const target = newRSNewReplicas(spec, allRSs, newRS);
  if (!target.ok || target.value === newRS.replicas) return undefined;
  return { name: newRS.name, from: newRS.replicas, to: target.value };
}

const scaled = (rs: ReplicaSetCounts, to: number): ReplicaSetCounts => ({ ...rs, replicas: to });

/**
 * cleanupUnhealthyReplicas: from the oldest old ReplicaSet on, remove pods that are not
 * available (the ReplicaSet controller deletes not-ready pods first), up to maxCleanupCount.
 * Returns the old ReplicaSets with their new spec (status untouched, as upstream).
 * Status lags spec: just after a scale-down, status.availableReplicas can exceed spec.replicas,
 * and spec - available is negative. Upstream refuses that "scale down" (it would grow the
 * ReplicaSet) with an error, keeping the scales already issued; so does this, in `error`.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSetCounts[],
  maxCleanupCount: number,
): { oldRSs: ReplicaSetCounts[]; cleanupCount: number; actions: ScaleAction[]; error?: string } {
  const sorted = [...oldRSs].sort(byCreation);
  const actions: ScaleAction[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i]!;
    if (total >= maxCleanupCount) break;
    if (rs.replicas === 0 || rs.replicas === rs.availableReplicas) continue;
    const count = Math.min(maxCleanupCount - total, rs.replicas - rs.availableReplicas);
    const to = rs.replicas - count;
    if (to > rs.replicas) {
      const error = `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.name} ${rs.replicas} -> ${to}`;
      return { oldRSs: sorted, cleanupCount: total, actions, error };
    }
    actions.push({ name: rs.name, from: rs.replicas, to });
    sorted[i] = scaled(rs, to);
    total += count;
  }
  return { oldRSs: sorted, cleanupCount: total, actions };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: remove available old pods, oldest ReplicaSet
 * first, while the available pods of all ReplicaSets stay at or above minAvailable.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  spec: RolloutSpec,
  allRSs: readonly ReplicaSetCounts[],
  oldRSs: readonly ReplicaSetCounts[],
): { scaledDown: number; actions: ScaleAction[] } {
  const minAvailable = spec.replicas - maxUnavailable(spec);
  const available = sumAvailable(allRSs);
  if (available <= minAvailable) return { scaledDown: 0, actions: [] };
  const budget = available - minAvailable;
  const actions: ScaleAction[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (rs.replicas === 0) continue;
    const count = Math.min(rs.replicas, budget - total);
    actions.push({ name: rs.name, from: rs.replicas, to: rs.replicas - count });
    total += count;
  }
  return { scaledDown: total, actions };
}

/** The most old pods one sync may remove: Σ spec - minAvailable - new pods not yet available. */
export function maxScaledDown(spec: RolloutSpec, allRSs: readonly ReplicaSetCounts[], newRS: ReplicaSetCounts): number {
  const minAvailable = spec.replicas - maxUnavailable(spec);
  return sumReplicas(allRSs) - minAvailable - (newRS.replicas - newRS.availableReplicas);
}

/**
 * reconcileOldReplicaSets: oldRSs are the active old ReplicaSets, allRSs every owned one
 * (new included). Unhealthy old pods go first, then available ones down to minAvailable.
 * When the cleanup refuses (see cleanupUnhealthyReplicas), upstream swallows the error and
 * reports "not scaled" for this pass; the next ReplicaSet status update brings another sync.
 */
export function reconcileOldReplicaSets(
  spec: RolloutSpec,
  allRSs: readonly ReplicaSetCounts[],
  oldRSs: readonly ReplicaSetCounts[],
  newRS: ReplicaSetCounts,
): { scaled: boolean; actions: ScaleAction[]; error?: string } {
  if (sumReplicas(oldRSs) === 0) return { scaled: false, actions: [] };
  const budget = maxScaledDown(spec, allRSs, newRS);
  if (budget <= 0) return { scaled: false, actions: [] };
  const cleanup = cleanupUnhealthyReplicas(oldRSs, budget);
  if (cleanup.error !== undefined) return { scaled: false, actions: cleanup.actions, error: cleanup.error };
  const scaleDown = scaleDownOldReplicaSetsForRollingUpdate(spec, [...cleanup.oldRSs, newRS], cleanup.oldRSs);
  return {
    scaled: cleanup.cleanupCount + scaleDown.scaledDown > 0,
    actions: [...cleanup.actions, ...scaleDown.actions],
  };
}

export interface RollingSyncPlan {
  /** Set when the new ReplicaSet did not exist: it is created with this many replicas. */
  readonly createReplicas?: number;
  /** Scale operations in the order the controller issues them. */
  readonly actions: readonly ScaleAction[];
  /** Why reconcileOldReplicaSets gave up part-way; the pass then counts as "nothing scaled". */
  readonly error?: string;
}

/**
 * One rolloutRolling pass: create the new ReplicaSet already sized by NewRSNewReplicas
 * (creating is not scaling, so the same pass may scale old ones down), then either grow
 * the new ReplicaSet and stop, or shrink the old ones.
 */
export function planRollingSync(
  spec: RolloutSpec,
  oldRSs: readonly ReplicaSetCounts[],
  newRS: ReplicaSetCounts | undefined,
  newRSName: string,
): { ok: true; plan: RollingSyncPlan } | { ok: false; error: string } {
  let current = newRS;
  let createReplicas: number | undefined;
  if (!current) {
    const size = newRSNewReplicas(spec, [...oldRSs, { replicas: 0 }], { replicas: 0 });
    if (!size.ok) return size;
    createReplicas = size.value;
    current = { name: newRSName, replicas: size.value, availableReplicas: 0, creationTimestamp: '' };
  }
  const created = createReplicas === undefined ? {} : { createReplicas };
  const allRSs = [...oldRSs, current];
  const grow = reconcileNewReplicaSet(spec, allRSs, current);
  if (grow) return { ok: true, plan: { ...created, actions: [grow] } };
  const old = reconcileOldReplicaSets(spec, allRSs, activeReplicaSets(oldRSs), current);
  return { ok: true, plan: { ...created, actions: old.actions, ...(old.error !== undefined ? { error: old.error } : {}) } };
}
