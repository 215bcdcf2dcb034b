// Which old ReplicaSets a finished rollout deletes to honour spec.revisionHistoryLimit.
// Imitates pkg/controller/deployment/sync.go cleanupDeployment with
// deploymentutil.ReplicaSetsByRevision and Revision().

import { MAX_INT32 } from './progress.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export interface HistoryReplicaSet {
  readonly name: string;
  readonly creationTimestamp: string;
  readonly replicas: number;
  readonly statusReplicas: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly generation?: number;
  readonly observedGeneration?: number;
  readonly deleting?: boolean;
}

/** deploymentutil.Revision: a missing annotation is revision 0; a malformed one is unknown. */
export function revisionOf(rs: HistoryReplicaSet): number | undefined {
  const value = rs.annotations?.[REVISION_ANNOTATION];
  if (value === undefined) return 0;
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

function byCreation(a: HistoryReplicaSet, b: HistoryReplicaSet): number {
  if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp < b.creationTimestamp ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** ReplicaSetsByRevision: lowest revision first; unknown or equal revisions by creation time. */
function byRevision(a: HistoryReplicaSet, b: HistoryReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}

/**
 * The names cleanupDeployment deletes: the oldest revisions beyond the limit, skipping any
 * that still want or have pods or whose status is stale. nil/MaxInt32 keeps everything.
 */
export function replicaSetsToDelete(
  oldRSs: readonly HistoryReplicaSet[],
  revisionHistoryLimit: number | null | undefined,
): string[] {
  if (revisionHistoryLimit == null || revisionHistoryLimit === MAX_INT32) return [];
  const cleanable = oldRSs.filter((rs) => !rs.deleting);
  const diff = cleanable.length - revisionHistoryLimit;
  if (diff <= 0) return [];
  return [...cleanable]
    .sort(byRevision)
    .slice(0, diff)
    .filter((rs) => rs.statusReplicas === 0 && rs.replicas === 0 && (rs.generation ?? 0) <= (rs.observedGeneration ?? 0))
    .map((rs) => rs.name);
}
