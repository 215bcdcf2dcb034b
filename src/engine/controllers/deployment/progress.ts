// Is a rollout finished, moving, or stuck? The tests the Deployment controller applies to a
// freshly computed status before it writes conditions. Imitates deployment util
// DeploymentComplete, DeploymentProgressing, DeploymentTimedOut and HasProgressDeadline.

/** The DeploymentStatus counters these checks compare. */
export interface StatusCounts {
  readonly replicas: number;
  readonly updatedReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly observedGeneration?: number;
}

export const MAX_INT32 = 2147483647;

/** Every pod updated, no old pods left, all available, and the latest spec observed. */
export function deploymentComplete(
  d: { readonly replicas: number; readonly generation?: number },
  status: Omit<StatusCounts, 'readyReplicas'>,
): boolean {
  return (
    status.updatedReplicas === d.replicas &&
    status.replicas === d.replicas &&
    status.availableReplicas === d.replicas &&
    (status.observedGeneration ?? 0) >= (d.generation ?? 0)
  );
}

/**
 * Progress since the last written status: more updated pods, fewer old pods, more ready
 * or more available pods. Anything else (even fewer new pods) is not progress.
 */
export function deploymentProgressing(oldStatus: StatusCounts, newStatus: StatusCounts): boolean {
  const oldOld = oldStatus.replicas - oldStatus.updatedReplicas;
  const newOld = newStatus.replicas - newStatus.updatedReplicas;
  return (
    newStatus.updatedReplicas > oldStatus.updatedReplicas ||
    newOld < oldOld ||
    newStatus.readyReplicas > oldStatus.readyReplicas ||
    newStatus.availableReplicas > oldStatus.availableReplicas
  );
}

/** HasProgressDeadline: unset or MaxInt32 means "never time out". */
export function hasProgressDeadline(progressDeadlineSeconds: number | null | undefined): progressDeadlineSeconds is number {
  return progressDeadlineSeconds != null && progressDeadlineSeconds !== MAX_INT32;
}

export interface ProgressingCondition {
  readonly reason: string;
  /** lastUpdateTime in simulated milliseconds. */
  readonly lastUpdateMillis: number;
}

/**
 * DeploymentTimedOut: a completed rollout never times out, an expired one stays expired,
 * otherwise the deadline passes strictly after lastUpdateTime + progressDeadlineSeconds.
 */
export function deploymentTimedOut(
  progressDeadlineSeconds: number | null | undefined,
  condition: ProgressingCondition | undefined,
  nowMillis: number,
): boolean {
  if (!hasProgressDeadline(progressDeadlineSeconds) || !condition) return false;
  if (condition.reason === 'NewReplicaSetAvailable') return false;
  if (condition.reason === 'ProgressDeadlineExceeded') return true;
  return condition.lastUpdateMillis + progressDeadlineSeconds * 1000 < nowMillis;
}
