// The Deployment controller (kube-controller-manager pkg/controller/deployment/
// deployment_controller.go): watches Deployments, ReplicaSets and (for Recreate) pod
// deletions, and per Deployment key claims its ReplicaSets through the owner index, adopting
// matching orphans and releasing ones that stopped matching, then runs one sync.

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/objects.ts';
import type { WatchEvent } from '../../api/store.ts';
import { typeForKind } from '../../api/resources.ts';
import type { ClusterContext } from '../../context.ts';
import { OWNER_INDEX, compileSelector, controllerOf } from '../indexes.ts';
import { WorkQueue, objectKey, splitKey } from '../workQueue.ts';
import { DeploymentSync } from './rollout.ts';
import type { D, RS } from './status.ts';
import { DEPLOYMENT_CONTROLLER } from './sync.ts';

const DEPLOYMENTS = typeForKind('Deployment')!;
const REPLICA_SETS = typeForKind('ReplicaSet')!;

export class DeploymentController {
  readonly #ctx: ClusterContext;
  readonly #queue: WorkQueue;
  readonly #sync: DeploymentSync;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, DEPLOYMENT_CONTROLLER, (key) => this.#reconcile(key), ctx.trace);
    this.#sync = new DeploymentSync(ctx);
    ctx.api.store.watch('deployments', (e) => this.#queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name)));
    ctx.api.store.watch('replicasets', (e) => this.#onReplicaSet(e));
    ctx.api.store.watch('pods', (e) => this.#onPod(e));
  }

  /** addReplicaSet / updateReplicaSet / deleteReplicaSet: wake the owner, or every Deployment an orphan matches. */
  #onReplicaSet(e: WatchEvent): void {
    const rs = e.object;
    const cur = controllerOf(rs);
    const prev = e.old ? controllerOf(e.old) : undefined;
    if (prev && prev.uid !== cur?.uid) this.#wakeOwner(rs.metadata.namespace, prev);
    if (cur) {
      this.#wakeOwner(rs.metadata.namespace, cur);
      return;
    }
    if (e.type === 'DELETED') return;
    for (const o of this.#ctx.api.list(DEPLOYMENTS, rs.metadata.namespace)) {
      const d = o as unknown as D;
      const selector = compileSelector(d.spec?.selector);
      if (!selector.empty && selector.matches(rs.metadata.labels)) this.#queue.add(objectKey(d.metadata.namespace, d.metadata.name));
    }
  }

  #wakeOwner(namespace: string | undefined, ref: OwnerReference): void {
    if (ref.kind !== 'Deployment') return;
    const d = this.#ctx.api.get(DEPLOYMENTS, namespace, ref.name);
    if (d?.metadata.uid === ref.uid) this.#queue.add(objectKey(namespace, ref.name));
  }

  /** deletePod: only a Recreate rollout waits for old pods to be gone. A bare pod costs one lookup. */
  #onPod(e: WatchEvent): void {
    if (e.type !== 'DELETED') return;
    const ref = controllerOf(e.object);
    if (ref?.kind !== 'ReplicaSet') return;
    const ns = e.object.metadata.namespace;
    const rs = this.#ctx.api.get(REPLICA_SETS, ns, ref.name);
    const owner = rs && rs.metadata.uid === ref.uid ? controllerOf(rs) : undefined;
    if (owner?.kind !== 'Deployment') return;
    const d = this.#ctx.api.get(DEPLOYMENTS, ns, owner.name) as unknown as D | undefined;
    if (d?.metadata.uid === owner.uid && d.spec?.strategy?.type === 'Recreate') this.#queue.add(objectKey(ns, owner.name));
  }

  #reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const d = this.#ctx.api.get(DEPLOYMENTS, ns, name) as unknown as D | undefined;
    if (!d) return;
    const result = this.#sync.sync(d, this.#claimReplicaSets(d));
    if (result.requeueAfterMs !== undefined) this.#queue.addAfter(key, result.requeueAfterMs);
  }

  /** getReplicaSetsForDeployment (ClaimReplicaSets): owned and matching, plus adopted orphans. */
  #claimReplicaSets(d: D): RS[] {
    const selector = compileSelector(d.spec?.selector);
    const uid = d.metadata.uid;
    const deleting = !!d.metadata.deletionTimestamp;
    const claimed: RS[] = [];
    for (const o of this.#ctx.api.store.byIndex('replicasets', OWNER_INDEX, uid)) {
      if (controllerOf(o)?.uid !== uid) continue;
      if (selector.matches(o.metadata.labels)) claimed.push(o as unknown as RS);
      else if (!deleting) this.#setOwner(d, o, false);
    }
    if (deleting || selector.empty) return claimed;
    for (const o of this.#ctx.api.list(REPLICA_SETS, d.metadata.namespace)) {
      if (controllerOf(o) || o.metadata.deletionTimestamp || !selector.matches(o.metadata.labels)) continue;
      claimed.push(this.#setOwner(d, o, true) as unknown as RS);
    }
    return claimed;
  }

  #setOwner(d: D, rs: KubeObject, adopt: boolean): KubeObject {
    const others = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
    const mine: OwnerReference = { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true };
    const refs = adopt ? [...others, mine] : others;
    const { ownerReferences: _old, ...meta } = rs.metadata;
    const next = { ...rs, metadata: { ...meta, ...(refs.length ? { ownerReferences: refs } : {}) } };
    const why = adopt
      ? `ReplicaSet ${rs.metadata.name} has no owner and matches the selector of Deployment ${d.metadata.name}: adopting it`
      : `ReplicaSet ${rs.metadata.name} no longer matches the selector of Deployment ${d.metadata.name}: releasing it`;
    this.#ctx.trace.emit({ component: DEPLOYMENT_CONTROLLER, action: 'reconcile', object: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name }, why });
    return this.#ctx.api.replace(REPLICA_SETS, next, DEPLOYMENT_CONTROLLER, why);
  }
}
