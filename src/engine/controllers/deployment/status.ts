// A Deployment's status as the controller writes it: counts summed over its ReplicaSets,
// the Available condition, and the Progressing condition's walk from NewReplicaSetCreated to
// NewReplicaSetAvailable or ProgressDeadlineExceeded. Imitates pkg/controller/deployment
// sync.go calculateStatus, progress.go syncRolloutStatus and deployment util's conditions.

import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { millisFromIso } from '../../clock.ts';
import type { Stored } from '../../api/objects.ts';
import { maxUnavailable } from './fenceposts.ts';
import type { RolloutSpec } from './fenceposts.ts';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './progress.ts';

export type D = Stored<Deployment>;
export type RS = Stored<ReplicaSet>;

/** The RolloutSpec the arithmetic modules read, from a defaulted Deployment. */
export function rolloutSpec(d: D): RolloutSpec {
  const s = d.spec?.strategy;
  const strategy = s?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  return {
    replicas: d.spec?.replicas ?? 1,
    strategy,
    ...(s?.rollingUpdate?.maxSurge !== undefined ? { maxSurge: s.rollingUpdate.maxSurge } : {}),
    ...(s?.rollingUpdate?.maxUnavailable !== undefined ? { maxUnavailable: s.rollingUpdate.maxUnavailable } : {}),
  };
}

/** NewDeploymentCondition: both times now. */
export function newCondition(type: string, status: string, reason: string, message: string, nowIso: string): DeploymentCondition {
  return { type, status, lastUpdateTime: nowIso, lastTransitionTime: nowIso, reason, message };
}

export const getCondition = (s: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined => s?.conditions?.find((c) => c.type === type);

/**
 * SetDeploymentCondition: the same status and reason changes nothing; the same status keeps
 * its lastTransitionTime; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, c: DeploymentCondition): DeploymentStatus {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return status;
  const next = cur && cur.status === c.status && cur.lastTransitionTime ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
  return { ...status, conditions: [...(status.conditions ?? []).filter((x) => x.type !== c.type), next] };
}

export function removeCondition(status: DeploymentStatus, type: string): DeploymentStatus {
  if (!getCondition(status, type)) return status;
  const conditions = (status.conditions ?? []).filter((x) => x.type !== type);
  const { conditions: _gone, ...rest } = status;
  return conditions.length ? { ...rest, conditions } : rest;
}

const sum = (rss: readonly RS[], f: (rs: RS) => number | undefined): number => rss.reduce((n, rs) => n + (f(rs) ?? 0), 0);

/** calculateStatus: counters over every ReplicaSet, plus the Available condition. Zero counters are omitted (omitempty). */
export function calculateStatus(d: D, allRSs: readonly RS[], newRS: RS | undefined, nowIso: string): DeploymentStatus {
  const available = sum(allRSs, (rs) => rs.status?.availableReplicas);
  const total = sum(allRSs, (rs) => rs.spec?.replicas);
  const counts = {
    replicas: sum(allRSs, (rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(allRSs, (rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  let status: DeploymentStatus = {
    ...(d.metadata.generation ? { observedGeneration: d.metadata.generation } : {}),
    ...Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0)),
    ...(d.status?.conditions?.length ? { conditions: [...d.status.conditions] } : {}),
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
  };
  const spec = rolloutSpec(d);
  status =
    available >= spec.replicas - maxUnavailable(spec)
      ? setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', nowIso))
      : setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', nowIso));
  return status;
}

const counts = (s: DeploymentStatus | undefined): { replicas: number; updatedReplicas: number; readyReplicas: number; availableReplicas: number; observedGeneration?: number } => ({
  replicas: s?.replicas ?? 0,
  updatedReplicas: s?.updatedReplicas ?? 0,
  readyReplicas: s?.readyReplicas ?? 0,
  availableReplicas: s?.availableReplicas ?? 0,
  ...(s?.observedGeneration !== undefined ? { observedGeneration: s.observedGeneration } : {}),
});

/** Is this status (or the stored one) a finished rollout? deploymentutil.DeploymentComplete. */
export const isComplete = (d: D, s: DeploymentStatus | undefined): boolean =>
  deploymentComplete({ replicas: d.spec?.replicas ?? 1, ...(d.metadata.generation !== undefined ? { generation: d.metadata.generation } : {}) }, counts(s));

/** syncRolloutStatus's condition logic: complete, progressing, or timed out. */
export function rolloutStatus(d: D, allRSs: readonly RS[], newRS: RS | undefined, now: number, nowIso: string): DeploymentStatus {
  let status = calculateStatus(d, allRSs, newRS, nowIso);
  const deadline = d.spec?.progressDeadlineSeconds;
  if (!hasProgressDeadline(deadline)) return removeCondition(status, 'Progressing');
  const cur = getCondition(d.status, 'Progressing');
  const completeBefore = status.replicas === status.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
  if (completeBefore) return status;
  const who = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (isComplete(d, status)) {
    status = setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `${who} has successfully progressed.`, nowIso));
  } else if (deploymentProgressing(counts(d.status), counts(status))) {
    const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `${who} is progressing.`, nowIso);
    const kept = cur?.status === 'True' && cur.lastTransitionTime ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
    status = { ...removeCondition(status, 'Progressing') };
    status = { ...status, conditions: [...(status.conditions ?? []), kept] };
  } else if (timedOut(deadline, getCondition(status, 'Progressing'), now)) {
    status = setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `${who} has timed out progressing.`, nowIso));
  }
  return status;
}

function timedOut(deadline: number, c: DeploymentCondition | undefined, now: number): boolean {
  const at = c?.lastUpdateTime ? millisFromIso(c.lastUpdateTime) : undefined;
  return deploymentTimedOut(deadline, c && at !== undefined ? { reason: c.reason ?? '', lastUpdateMillis: at } : undefined, now);
}

/** requeueStuckDeployment: how long until a rollout in flight would pass its deadline. */
export function untilDeadline(d: D, status: DeploymentStatus, now: number): number | undefined {
  const deadline = d.spec?.progressDeadlineSeconds;
  if (!hasProgressDeadline(deadline)) return undefined;
  const c = getCondition(status, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded' || isComplete(d, status)) return undefined;
  const at = c.lastUpdateTime ? millisFromIso(c.lastUpdateTime) : undefined;
  if (at === undefined) return undefined;
  return Math.max(1000, at + deadline * 1000 + 1000 - now);
}
