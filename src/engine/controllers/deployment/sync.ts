// The Deployment controller's writes: scaling a ReplicaSet with its ScalingReplicaSet event,
// finding or creating the new ReplicaSet and syncing revisions, deleting history beyond
// revisionHistoryLimit, and writing Deployment status. Imitates pkg/controller/deployment
// sync.go (getNewReplicaSet, scaleReplicaSetAndRecordEvent, cleanupDeployment, syncDeploymentStatus).

import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/objects.ts';
import { deepEqual } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { ClusterContext } from '../../context.ts';
import { REVISION_ANNOTATION, replicaSetsToDelete } from './history.ts';
import { replicasAnnotations } from './proportion.ts';
import { newRSNewReplicas } from './rollingMath.ts';
import { asCounts, asHistory, equalIgnoreHash, findNewReplicaSet, maxRevision, newReplicaSetAnnotations, newReplicaSetManifest } from './replicaSets.ts';
import type { D, RS } from './status.ts';
import { getCondition, newCondition, rolloutSpec, setCondition } from './status.ts';
import { controllerOf } from '../indexes.ts';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
const SOURCE = { component: DEPLOYMENT_CONTROLLER };
const DEPLOYMENTS = typeForKind('Deployment')!;
const REPLICA_SETS = typeForKind('ReplicaSet')!;

/** One reconcile's view of a Deployment and its ReplicaSets, kept current as it writes. */
export interface Rollout {
  d: D;
  newRS: RS | undefined;
  oldRSs: RS[];
}

export const allOf = (r: Rollout): RS[] => (r.newRS ? [...r.oldRSs, r.newRS] : [...r.oldRSs]);

export class DeploymentWrites {
  readonly #ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
  }

  /** scaleReplicaSetAndRecordEvent: resize and re-stamp desired/max-replicas; true when the size changed. */
  scale(r: Rollout, rs: RS, to: number, why: string): boolean {
    const from = rs.spec?.replicas ?? 0;
    const stamps = replicasAnnotations(rolloutSpec(r.d));
    const annotations = { ...rs.metadata.annotations, ...stamps };
    if (from === to && deepEqual(annotations, rs.metadata.annotations ?? {})) return false;
    const next = { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas: to } };
    const rec = this.#ctx.trace.emit({ component: DEPLOYMENT_CONTROLLER, action: 'reconcile', object: ref(r.d), why: from === to ? `Deployment ${r.d.metadata.name} wants ${stamps['deployment.kubernetes.io/desired-replicas']} replicas: re-stamping ReplicaSet ${rs.metadata.name}` : why });
    const stored = this.#ctx.trace.within(rec.id, () => this.#ctx.api.replace(REPLICA_SETS, next as unknown as KubeObject, DEPLOYMENT_CONTROLLER, `deployment-controller scales ReplicaSet ${rs.metadata.name} from ${from} to ${to}`)) as unknown as RS;
    this.#swap(r, stored);
    if (from !== to) this.#scaledEvent(r.d, rs.metadata.name, from, to);
    return from !== to;
  }

  #scaledEvent(d: D, name: string, from: number, to: number): void {
    const verb = to > from ? 'up' : 'down';
    this.#ctx.events.record(d as unknown as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${name} from ${from} to ${to}`, SOURCE);
  }

  #swap(r: Rollout, rs: RS): void {
    if (r.newRS?.metadata.uid === rs.metadata.uid) r.newRS = rs;
    else r.oldRSs = r.oldRSs.map((o) => (o.metadata.uid === rs.metadata.uid ? rs : o));
  }

  /**
   * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: picks the new ReplicaSet and raises
   * its revision above the old ones (a rollback renumbers an old ReplicaSet); with `create`,
   * makes one when none runs the template, born already scaled by NewRSNewReplicas.
   */
  syncRevision(d: D, rss: readonly RS[], create: boolean): Rollout {
    const found = findNewReplicaSet(d, rss);
    const r: Rollout = { d, newRS: found, oldRSs: rss.filter((rs) => rs !== found) };
    const newRevision = maxRevision(r.oldRSs) + 1;
    if (found) {
      const annotations = newReplicaSetAnnotations(d, found.metadata.annotations, newRevision, undefined);
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (annotations || (found.spec?.minReadySeconds ?? 0) !== minReady) {
        const next = { ...found, metadata: { ...found.metadata, annotations: annotations ?? found.metadata.annotations ?? {} }, spec: { ...found.spec, minReadySeconds: minReady } };
        const why = `ReplicaSet ${found.metadata.name} runs Deployment ${d.metadata.name}'s template: making it revision ${next.metadata.annotations[REVISION_ANNOTATION] ?? newRevision}`;
        r.newRS = this.#ctx.api.replace(REPLICA_SETS, next as unknown as KubeObject, DEPLOYMENT_CONTROLLER, why) as unknown as RS;
        return r;
      }
      const revision = found.metadata.annotations?.[REVISION_ANNOTATION];
      let status = d.status ?? {};
      if (d.spec?.progressDeadlineSeconds != null && !getCondition(status, 'Progressing')) {
        status = setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${found.metadata.name}"`, this.#ctx.clock.iso()));
      }
      r.d = this.#writeDeployment(d, revision, status, `Deployment ${d.metadata.name} found its new ReplicaSet ${found.metadata.name}`);
      return r;
    }
    if (!create) return r;
    return this.#createNew(r, newRevision);
  }

  #createNew(r: Rollout, newRevision: number): Rollout {
    const { d } = r;
    const spec = rolloutSpec(d);
    const size = newRSNewReplicas(spec, [...r.oldRSs.map(asCounts), { replicas: 0 }], { replicas: 0 });
    const replicas = size.ok ? size.value : 0;
    const annotations = newReplicaSetAnnotations(d, undefined, newRevision, replicasAnnotations(spec)) ?? {};
    const manifest = newReplicaSetManifest(d, replicas, annotations);
    const name = manifest.metadata.name;
    const existing = this.#ctx.api.get(REPLICA_SETS, d.metadata.namespace, name) as unknown as RS | undefined;
    if (existing) {
      if (controllerOf(existing as unknown as KubeObject)?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec?.template)) {
        return { ...r, newRS: existing };
      }
      // A hash collision: the next hash comes from status.collisionCount + 1.
      const status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      r.d = this.#writeDeployment(d, undefined, status, `ReplicaSet ${name} exists with another template: counting a hash collision`);
      return r;
    }
    const rec = this.#ctx.trace.emit({ component: DEPLOYMENT_CONTROLLER, action: 'reconcile', object: ref(d), why: `no ReplicaSet of Deployment ${d.metadata.name} runs its pod template: creating ${name} (revision ${newRevision}) with ${replicas} replica${replicas === 1 ? '' : 's'}` });
    const created = this.#ctx.trace.within(rec.id, () => this.#ctx.api.createTrusted(REPLICA_SETS, manifest, DEPLOYMENT_CONTROLLER)) as unknown as RS;
    if (replicas > 0) this.#scaledEvent(d, name, 0, replicas);
    let status = d.status ?? {};
    if (d.spec?.progressDeadlineSeconds != null) {
      status = setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, this.#ctx.clock.iso()));
    }
    r.d = this.#writeDeployment(d, String(newRevision), status, `Deployment ${d.metadata.name} is now at revision ${newRevision}`);
    return { ...r, newRS: created };
  }

  /** SetDeploymentRevision + UpdateStatus, written only when something changed. */
  #writeDeployment(d: D, revision: string | undefined, status: DeploymentStatus, why: string): D {
    const annotations = revision !== undefined ? { ...d.metadata.annotations, [REVISION_ANNOTATION]: revision } : d.metadata.annotations;
    if (deepEqual(annotations, d.metadata.annotations) && deepEqual(status, d.status ?? {})) return d;
    const next = { ...d, metadata: { ...d.metadata, ...(annotations ? { annotations } : {}) }, status };
    return this.#ctx.api.replace(DEPLOYMENTS, next as unknown as KubeObject, DEPLOYMENT_CONTROLLER, why) as unknown as D;
  }

  /** UpdateStatus when the computed status differs from the stored one. */
  writeStatus(d: D, status: DeploymentStatus): D {
    if (deepEqual(status, d.status ?? {})) return d;
    const why = `Deployment ${d.metadata.name}: ${status.updatedReplicas ?? 0} of ${d.spec?.replicas ?? 1} updated, ${status.availableReplicas ?? 0} available: updating its status`;
    return this.#writeDeployment(d, undefined, status, why);
  }

  /** cleanupDeployment: old ReplicaSets beyond revisionHistoryLimit, lowest revision first. */
  cleanup(r: Rollout): void {
    const doomed = replicaSetsToDelete(r.oldRSs.map(asHistory), r.d.spec?.revisionHistoryLimit);
    for (const name of doomed) {
      const rec = this.#ctx.trace.emit({ component: DEPLOYMENT_CONTROLLER, action: 'reconcile', object: ref(r.d), why: `Deployment ${r.d.metadata.name} keeps ${r.d.spec?.revisionHistoryLimit ?? 10} old ReplicaSets: deleting ${name}` });
      this.#ctx.trace.within(rec.id, () => this.#ctx.api.delete(REPLICA_SETS, r.d.metadata.namespace, name, { actor: DEPLOYMENT_CONTROLLER, propagationPolicy: 'Background' }));
    }
    if (doomed.length) r.oldRSs = r.oldRSs.filter((rs) => !doomed.includes(rs.metadata.name));
  }
}

export const ref = (d: D): { kind: string; namespace: string; name: string } => ({ kind: 'Deployment', namespace: d.metadata.namespace ?? 'default', name: d.metadata.name });
