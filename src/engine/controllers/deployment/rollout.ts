// One sync of a Deployment once its ReplicaSets are claimed: paused or scaling → sync()
// (proportional scaling), otherwise a RollingUpdate or Recreate pass, then status and
// conditions. Imitates pkg/controller/deployment deployment_controller.go syncDeployment,
// rolling.go rolloutRolling, recreate.go rolloutRecreate, sync.go sync/scale, progress.go.

import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import type { ClusterContext } from '../../context.ts';
import { OWNER_INDEX, controllerOf } from '../indexes.ts';
import { isScalingEvent, planProportionalScale } from './proportion.ts';
import { planRollingSync } from './rollingMath.ts';
import type { ScaleAction } from './rollingMath.ts';
import { asCounts } from './replicaSets.ts';
import type { D, RS } from './status.ts';
import { calculateStatus, getCondition, isComplete, newCondition, rolloutSpec, rolloutStatus, setCondition, untilDeadline } from './status.ts';
import type { Rollout } from './sync.ts';
import { DEPLOYMENT_CONTROLLER, DeploymentWrites, allOf, ref } from './sync.ts';

export interface DeploymentSyncResult {
  readonly requeueAfterMs?: number;
}

export class DeploymentSync {
  readonly #ctx: ClusterContext;
  readonly #writes: DeploymentWrites;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#writes = new DeploymentWrites(ctx);
  }

  sync(d: D, rss: RS[]): DeploymentSyncResult {
    if (d.metadata.deletionTimestamp) {
      const r = this.#writes.syncRevision(d, rss, false);
      this.#writes.writeStatus(r.d, calculateStatus(r.d, allOf(r), r.newRS, this.#ctx.clock.iso()));
      return {};
    }
    d = this.#checkPaused(d);
    if (d.spec?.paused) return this.#syncOnly(d, rss);
    const probe = this.#writes.syncRevision(d, rss, false);
    if (isScalingEvent(rolloutSpec(d), allOf(probe).map(asCounts))) return this.#syncOnly(probe.d, allOf(probe));
    return d.spec?.strategy?.type === 'Recreate' ? this.#recreate(probe.d, allOf(probe)) : this.#rolling(probe.d, allOf(probe));
  }

  /** checkPausedConditions: Progressing Unknown/DeploymentPaused while paused, DeploymentResumed after. */
  #checkPaused(d: D): D {
    if (d.spec?.progressDeadlineSeconds == null) return d;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return d;
    const pausedCond = cond?.reason === 'DeploymentPaused';
    const paused = !!d.spec.paused;
    if (paused === pausedCond) return d;
    const c = paused ? newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.#ctx.clock.iso()) : newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.#ctx.clock.iso());
    return this.#writes.writeStatus(d, setCondition(d.status ?? {}, c));
  }

  /** sync(): proportional scaling only; a paused Deployment also trims its history. */
  #syncOnly(d: D, rss: RS[]): DeploymentSyncResult {
    const r = this.#writes.syncRevision(d, rss, false);
    this.#scale(r);
    if (d.spec?.paused) this.#writes.cleanup(r);
    this.#writes.writeStatus(r.d, calculateStatus(r.d, allOf(r), r.newRS, this.#ctx.clock.iso()));
    return {};
  }

  /** scale(): every active ReplicaSet keeps its share of replicas + maxSurge. */
  #scale(r: Rollout): void {
    const spec = rolloutSpec(r.d);
    const d = { ...spec, statusReplicas: r.d.status?.replicas ?? 0 };
    const actions = planProportionalScale(d, r.newRS ? asCounts(r.newRS) : undefined, r.oldRSs.map(asCounts));
    const why = (a: ScaleAction): string => `Deployment ${r.d.metadata.name} was scaled to ${spec.replicas} in the middle of a rollout: ReplicaSet ${a.name} gets its share, ${a.from} → ${a.to}`;
    this.#apply(r, actions, why);
  }

  #apply(r: Rollout, actions: readonly ScaleAction[], why: (a: ScaleAction) => string): boolean {
    let scaled = false;
    for (const a of actions) {
      const rs = allOf(r).find((x) => x.metadata.name === a.name);
      if (rs && this.#writes.scale(r, rs, a.to, why(a))) scaled = true;
    }
    return scaled;
  }

  /** rolloutRolling: create the new ReplicaSet, grow it within maxSurge, shrink old ones within maxUnavailable. */
  #rolling(d: D, rss: RS[]): DeploymentSyncResult {
    const r = this.#writes.syncRevision(d, rss, true);
    if (!r.newRS) return this.#finish(r);
    const spec = rolloutSpec(r.d);
    const plan = planRollingSync(spec, r.oldRSs.map(asCounts), asCounts(r.newRS), r.newRS.metadata.name);
    const name = r.d.metadata.name;
    const newName = r.newRS.metadata.name;
    const why = (a: ScaleAction): string =>
      a.name !== newName
        ? `Deployment ${name} keeps at least ${spec.replicas} - maxUnavailable pods available: scaling old ReplicaSet ${a.name} down ${a.from} → ${a.to}`
        : a.to > a.from
          ? `Deployment ${name} rolls out ${a.name}: ${spec.replicas} wanted, up to ${spec.replicas} + maxSurge pods allowed: scaling it up ${a.from} → ${a.to}`
          : `Deployment ${name} wants ${spec.replicas} replicas: scaling its new ReplicaSet ${a.name} down ${a.from} → ${a.to}`;
    const applied = plan.ok && this.#apply(r, plan.plan.actions, why);
    const gaveUp = plan.ok ? plan.plan.error : undefined;
    if (gaveUp !== undefined) {
      const because = `Deployment ${name} leaves its old ReplicaSets alone this pass: a status still counts more available pods than its ReplicaSet now wants (${gaveUp})`;
      this.#ctx.trace.emit({ component: DEPLOYMENT_CONTROLLER, action: 'reconcile', object: ref(r.d), why: because });
    }
    // Upstream's reconcileOldReplicaSets answers "not scaled" when it gave up, even after partial scales.
    const scaled = applied && gaveUp === undefined;
    if (!scaled && isComplete(r.d, r.d.status)) this.#writes.cleanup(r);
    return this.#finish(r);
  }

  /** rolloutRecreate: every old pod gone first, then the new ReplicaSet at full size. */
  #recreate(d: D, rss: RS[]): DeploymentSyncResult {
    let r = this.#writes.syncRevision(d, rss, false);
    const name = r.d.metadata.name;
    const old = r.oldRSs.filter((rs) => (rs.spec?.replicas ?? 0) > 0).map((rs) => ({ name: rs.metadata.name, from: rs.spec?.replicas ?? 0, to: 0 }));
    if (this.#apply(r, old, (a) => `Deployment ${name} uses Recreate: scaling old ReplicaSet ${a.name} to 0 before starting new pods`)) return this.#finish(r);
    if (this.#oldPodsRunning(r)) return this.#finish(r);
    if (!r.newRS) r = this.#writes.syncRevision(r.d, allOf(r), true);
    const want = r.d.spec?.replicas ?? 1;
    if (r.newRS && (r.newRS.spec?.replicas ?? 0) !== want) {
      this.#writes.scale(r, r.newRS, want, `Deployment ${name} uses Recreate and its old pods are gone: scaling ${r.newRS.metadata.name} to ${want}`);
    }
    if (isComplete(r.d, r.d.status)) this.#writes.cleanup(r);
    return this.#finish(r);
  }

  /** oldPodsRunning: an old ReplicaSet still reports pods, or one of its pods has not ended (terminating counts). */
  #oldPodsRunning(r: Rollout): boolean {
    if (r.oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
    const store = this.#ctx.api.store;
    return r.oldRSs.some((rs) =>
      store.byIndex('pods', OWNER_INDEX, rs.metadata.uid).some((o) => {
        const p = o as unknown as Stored<Pod>;
        return controllerOf(o)?.uid === rs.metadata.uid && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';
      }),
    );
  }

  /** syncRolloutStatus, then requeueStuckDeployment. */
  #finish(r: Rollout): DeploymentSyncResult {
    const now = this.#ctx.clock.now;
    const status = rolloutStatus(r.d, allOf(r), r.newRS, now, this.#ctx.clock.iso());
    const d = this.#writes.writeStatus(r.d, status);
    const wait = untilDeadline(d, status, now);
    return wait !== undefined ? { requeueAfterMs: wait } : {};
  }
}
