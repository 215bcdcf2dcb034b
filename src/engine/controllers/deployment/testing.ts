// Test helpers for the Deployment controller: a cluster with one Deployment, typed reads of
// it and its ReplicaSets, template and spec edits as kubectl would send them, and a watch
// that checks the rolling-update bounds on every ReplicaSet write.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject, Stored } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { Cluster } from '../../cluster.ts';
import { createCluster } from '../../cluster.ts';
import { OWNER_INDEX } from '../indexes.ts';

const DEPLOYMENTS = typeForKind('Deployment')!;
export type D = Stored<Deployment>;
export type RS = Stored<ReplicaSet>;

export function deployment(spec: Record<string, unknown> = {}, image = 'nginx:1.27'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'nginx', image }] } },
      ...spec,
    },
  };
}

export function setupDeployment(spec?: Record<string, unknown>, image?: string, seed = 7): Cluster {
  const c = createCluster({ seed });
  const r = c.api.create(deployment(spec, image), 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
  return c;
}

export const getDeployment = (c: Cluster): D => c.api.get(DEPLOYMENTS, 'default', 'web') as unknown as D;

export const replicaSets = (c: Cluster): RS[] =>
  c.api.store.byIndex('replicasets', OWNER_INDEX, getDeployment(c).metadata.uid).map((o) => o as unknown as RS);

export const revisionsOf = (c: Cluster): number[] =>
  replicaSets(c)
    .map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))
    .sort((a, b) => a - b);

/** A kubectl-style update of the Deployment (PUT with the edited copy). */
export function editDeployment(c: Cluster, edit: (d: D) => D): void {
  const r = c.api.update(edit(getDeployment(c)) as unknown as KubeObject, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
}

export const setImage = (c: Cluster, image: string): void =>
  editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, template: { ...d.spec!.template, spec: { ...d.spec!.template.spec!, containers: [{ ...d.spec!.template.spec!.containers[0]!, image }] } } } }));

export const scaleDeployment = (c: Cluster, replicas: number): void => editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, replicas } }));

export const isDone = (c: Cluster): boolean => {
  const d = getDeployment(c);
  const s = d.status ?? {};
  const want = d.spec?.replicas ?? 1;
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want;
};

/** Watches ReplicaSet writes and records the worst Σ spec.replicas and Σ available seen. */
export function boundsWatch(c: Cluster): { maxTotal: number; minAvailable: number; armed: boolean; stop: () => void } {
  const seen = { maxTotal: 0, minAvailable: Infinity, armed: false, stop: () => {} };
  seen.stop = c.api.store.watch('replicasets', () => {
    const rss = replicaSets(c);
    seen.maxTotal = Math.max(seen.maxTotal, rss.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0));
    if (seen.armed) seen.minAvailable = Math.min(seen.minAvailable, rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0));
  });
  return seen;
}
