// How a Deployment sees its ReplicaSets: which one is "new" (its template equals the
// Deployment's, ignoring pod-template-hash), which revision comes next, the annotations the
// controller copies and stamps, and the new ReplicaSet's manifest. Imitates deployment util
// FindNewReplicaSet, EqualIgnoreHash, MaxRevision, SetNewReplicaSetAnnotations and sync.go getNewReplicaSet.

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { clone, deepEqual } from '../../api/objects.ts';
import { computeHash, replicaSetName } from './hash.ts';
import { REVISION_ANNOTATION, revisionOf } from './history.ts';
import type { HistoryReplicaSet } from './history.ts';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './proportion.ts';
import type { ScalableReplicaSet } from './proportion.ts';
import type { D, RS } from './status.ts';

export const HASH_LABEL = 'pod-template-hash';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const MAX_REV_HISTORY_CHARS = 2000;

/** skipCopyAnnotation: what never travels from a Deployment to its ReplicaSets. */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);
export const skipCopyAnnotation = (key: string): boolean => SKIP_COPY.has(key);

/** A template without the pod-template-hash label, for comparisons. */
export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...t?.metadata, labels } };
}

export const equalIgnoreHash = (a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean => deepEqual(withoutHash(a), withoutHash(b));

/** ReplicaSetsByCreationTimestamp */
export const byCreation = (a: RS, b: RS): number =>
  a.metadata.creationTimestamp !== b.metadata.creationTimestamp ? (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1) : a.metadata.name < b.metadata.name ? -1 : 1;

/** FindNewReplicaSet: the oldest ReplicaSet running the Deployment's template. */
export function findNewReplicaSet(d: D, rss: readonly RS[]): RS | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export const asHistory = (rs: RS): HistoryReplicaSet => ({
  name: rs.metadata.name,
  creationTimestamp: rs.metadata.creationTimestamp,
  replicas: rs.spec?.replicas ?? 0,
  statusReplicas: rs.status?.replicas ?? 0,
  ...(rs.metadata.annotations ? { annotations: rs.metadata.annotations } : {}),
  ...(rs.metadata.generation !== undefined ? { generation: rs.metadata.generation } : {}),
  ...(rs.status?.observedGeneration !== undefined ? { observedGeneration: rs.status.observedGeneration } : {}),
  ...(rs.metadata.deletionTimestamp ? { deleting: true } : {}),
});

export const asCounts = (rs: RS): ScalableReplicaSet => ({
  name: rs.metadata.name,
  replicas: rs.spec?.replicas ?? 0,
  availableReplicas: rs.status?.availableReplicas ?? 0,
  creationTimestamp: rs.metadata.creationTimestamp,
  ...(rs.metadata.annotations ? { annotations: rs.metadata.annotations } : {}),
});

/** MaxRevision */
export const maxRevision = (rss: readonly RS[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(asHistory(rs)) ?? 0), 0);

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision (keeping
 * the one it replaces in revision-history: that is a rollback), and on a brand new
 * ReplicaSet stamp desired/max-replicas. Returns the annotations, or undefined if unchanged.
 */
export function newReplicaSetAnnotations(
  d: D,
  current: Readonly<Record<string, string>> | undefined,
  newRevision: number,
  replicasAnnotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const a: Record<string, string> = { ...current };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const old = a[REVISION_ANNOTATION];
  const oldInt = old === undefined ? 0 : /^[+-]?[0-9]+$/.test(old) ? Number(old) : undefined;
  if (oldInt === undefined) return changed ? a : undefined;
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (old !== undefined) {
      const history = a[REVISION_HISTORY_ANNOTATION];
      if (!history) a[REVISION_HISTORY_ANNOTATION] = old;
      else {
        const parts = history.split(',');
        let total = history.length + old.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < parts.length) total -= parts[start++]!.length + 1;
        if (total <= MAX_REV_HISTORY_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...parts.slice(start), old].join(',');
      }
    }
  }
  if (replicasAnnotations) {
    for (const [k, v] of Object.entries(replicasAnnotations)) {
      if (a[k] === v) continue;
      a[k] = v;
      changed = true;
    }
  }
  return changed ? a : undefined;
}

/** The ReplicaSet getNewReplicaSet creates: `<deployment>-<hash>`, hash label on selector and template. */
export function newReplicaSetManifest(d: D, replicas: number, annotations: Record<string, string>): KubeObject {
  const template = clone(d.spec?.template ?? {}) as PodTemplateSpec;
  const hash = computeHash(template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash };
  const selector = d.spec?.selector ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName(d.metadata.name, hash),
      namespace: d.metadata.namespace ?? 'default',
      labels,
      annotations,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
    status: { replicas: 0 },
  } as unknown as KubeObject;
}
