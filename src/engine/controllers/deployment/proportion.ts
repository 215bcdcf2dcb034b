// Proportional scaling: when spec.replicas changes mid-rollout (kubectl scale, an HPA),
// every active ReplicaSet grows or shrinks in proportion to its size. Imitates
// pkg/controller/deployment/sync.go scale() / isScalingEvent and deployment util
// GetProportion, getReplicaSetFraction, IsSaturated and FindActiveOrLatest.

import type { RolloutSpec } from './fenceposts.ts';
import { atoi, maxSurge } from './fenceposts.ts';
import type { ReplicaSetCounts, ScaleAction } from './rollingMath.ts';
import { activeReplicaSets, byCreation, sumReplicas } from './rollingMath.ts';

export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

export interface ScalableReplicaSet extends ReplicaSetCounts {
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ScalingDeployment extends RolloutSpec {
  /** status.replicas: the fallback when a ReplicaSet lost its max-replicas annotation. */
  readonly statusReplicas: number;
}

/** getIntFromAnnotation: strconv.Atoi of the annotation, undefined when missing or not a number. */
export function intAnnotation(rs: ScalableReplicaSet, key: string): number | undefined {
  const value = rs.annotations?.[key];
  return value === undefined ? undefined : atoi(value);
}

/** The desired-replicas / max-replicas values the controller writes on every ReplicaSet it scales. */
export function replicasAnnotations(spec: RolloutSpec): Record<string, string> {
  return {
    [DESIRED_REPLICAS_ANNOTATION]: String(spec.replicas),
    [MAX_REPLICAS_ANNOTATION]: String(spec.replicas + maxSurge(spec)),
  };
}

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas. */
export function isScalingEvent(spec: { readonly replicas: number }, rss: readonly ScalableReplicaSet[]): boolean {
  return activeReplicaSets(rss).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    return desired !== undefined && desired !== spec.replicas;
  });
}

/** IsSaturated: the new ReplicaSet alone already runs everything, all of it available. */
export function isSaturated(spec: { readonly replicas: number }, rs: ScalableReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  return rs.replicas === spec.replicas && desired === spec.replicas && rs.availableReplicas === spec.replicas;
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest<T extends ReplicaSetCounts>(newRS: T | undefined, oldRSs: readonly T[]): T | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets(newRS ? [...newestFirst, newRS] : newestFirst);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** integer.RoundToInt32: Go's math.Round, halves away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/**
 * getReplicaSetFraction: the change that keeps this ReplicaSet's share of
 * (replicas + maxSurge) the same as its share of the max-replicas it was sized for.
 * A missing or 0 annotation falls back to status.replicas; with nothing to divide by the
 * answer is 0 (newer upstream guards this; v1.32 would divide by zero).
 */
export function replicaSetFraction(rs: ScalableReplicaSet, d: ScalingDeployment): number {
  if (d.replicas === 0) return -rs.replicas;
  const deploymentReplicas = d.replicas + maxSurge(d);
  let annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
  if (annotated === undefined || annotated === 0) annotated = d.statusReplicas;
  if (annotated === 0) return 0;
  return roundHalfAway((rs.replicas * deploymentReplicas) / annotated) - rs.replicas;
}

/** GetReplicaSetProportion: the fraction, clamped so the running total never passes toAdd. */
export function replicaSetProportion(rs: ScalableReplicaSet, d: ScalingDeployment, toAdd: number, added: number): number {
  if (rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** ReplicaSetsBySizeNewer / BySizeOlder: larger first; ties newer first when growing, older when shrinking. */
function bySize(growing: boolean) {
  return (a: ReplicaSetCounts, b: ReplicaSetCounts): number => {
    if (a.replicas !== b.replicas) return b.replicas - a.replicas;
    return growing ? byCreation(b, a) : byCreation(a, b);
  };
}

/**
 * scale(): the ReplicaSet sizes after a scaling event, in the order the controller writes
 * them. In the proportional branch every active ReplicaSet is listed (from === to means
 * only its desired/max-replicas annotations are rewritten); leftovers go to the largest.
 */
export function planProportionalScale(
  d: ScalingDeployment,
  newRS: ScalableReplicaSet | undefined,
  oldRSs: readonly ScalableReplicaSet[],
): ScaleAction[] {
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only) return only.replicas === d.replicas ? [] : [{ name: only.name, from: only.replicas, to: d.replicas }];
  if (isSaturated(d, newRS)) {
    return activeReplicaSets(oldRSs).map((rs) => ({ name: rs.name, from: rs.replicas, to: 0 }));
  }
  if (d.strategy !== 'RollingUpdate') return [];
  const all = activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs);
  const allowedSize = d.replicas > 0 ? d.replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - sumReplicas(all);
  if (toAdd !== 0) all.sort(bySize(toAdd > 0));
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return rs.replicas;
    const proportion = replicaSetProportion(rs, d, toAdd, added);
    added += proportion;
    return rs.replicas + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return all.map((rs, i) => ({ name: rs.name, from: rs.replicas, to: sizes[i]! }));
}
