import { describe, expect, it } from 'vitest';
import type { IntOrPercent, RolloutSpec, StrategyType } from './fenceposts.ts';
import { rollingUpdateCases as cases } from './fixtures/rollingUpdateCases.ts';
import type { ReplicaSetCounts } from './rollingMath.ts';
import {
  cleanupUnhealthyReplicas, newRSNewReplicas, planRollingSync, reconcileNewReplicaSet,
  reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate,
} from './rollingMath.ts';

const spec = (replicas: number, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, strategy: StrategyType = 'RollingUpdate'): RolloutSpec =>
  ({ replicas, strategy, maxSurge, maxUnavailable });
const rs = (name: string, replicas: number, availableReplicas: number, creationTimestamp: string): ReplicaSetCounts =>
  ({ name, replicas, availableReplicas, creationTimestamp });
const OLD_TIME = '2026-01-01T09:00:00Z';
const NEW_TIME = '2026-01-01T09:05:00Z';
const named = <T,>(list: readonly T[], name: (c: T) => string) => list.map((c) => [name(c), c] as const);

interface NewRSCase { name: string; strategy: StrategyType; deploymentReplicas: number; maxSurge: number; maxUnavailable: number; newRSReplicas: number; allRSsReplicas: number[]; expected: number }
interface ReconcileCase {
  deploymentReplicas: number; maxSurge: number; maxUnavailable: number; oldReplicas: number; newReplicas?: number;
  availableOld?: number; availableNew?: number; scaleExpected: boolean; expectedNewReplicas?: number; expectedOldReplicas?: number;
}
interface CleanupCase { oldReplicas: number; availableOld: number; maxCleanupCount: number; cleanupCountExpected: number; resultingOldReplicas: number }
interface Step { controllerActions: string[]; oldRS: number[]; newRS: number; afterPodsSettle: { deploymentStatus: { replicas: number; updatedReplicas: number; availableReplicas: number } } }
interface SequenceCase { name: string; replicas: number; maxSurge: IntOrPercent; maxUnavailable: IntOrPercent; podModel: string; steps: Step[] }

describe('how big the new ReplicaSet may become', () => {
  it.each(named(cases.newRSNewReplicas.cases as NewRSCase[], (c) => `${c.name}: ${c.newRSReplicas} -> ${c.expected}`))('%s', (_, c) => {
    const all = c.allRSsReplicas.map((n) => ({ replicas: n }));
    const r = newRSNewReplicas(spec(c.deploymentReplicas, c.maxSurge, c.maxUnavailable, c.strategy), all, { replicas: c.newRSReplicas });
    expect(r).toEqual({ ok: true, value: c.expected });
  });
});

describe('reconciling the new ReplicaSet', () => {
  const name = (c: ReconcileCase) =>
    `${c.deploymentReplicas} wanted, surge ${c.maxSurge}, old ${c.oldReplicas} + new ${c.newReplicas}: ` +
    (c.scaleExpected ? `new goes to ${c.expectedNewReplicas}` : 'new stays');
  it.each(named(cases.reconcileNewReplicaSet.cases as ReconcileCase[], name))('%s', (_, c) => {
    const newRS = rs('new', c.newReplicas ?? 0, 0, NEW_TIME);
    const all = [newRS, rs('old', c.oldReplicas, 0, OLD_TIME)];
    const action = reconcileNewReplicaSet(spec(c.deploymentReplicas, c.maxSurge, c.maxUnavailable), all, newRS);
    expect(action).toEqual(c.scaleExpected ? { name: 'new', from: c.newReplicas, to: c.expectedNewReplicas } : undefined);
  });
});

describe('reconciling the old ReplicaSets', () => {
  const name = (c: ReconcileCase) =>
    `unavailable ${c.maxUnavailable} of ${c.deploymentReplicas}, old ${c.oldReplicas} (${c.availableOld} available), ` +
    `new ${c.newReplicas} (${c.availableNew} available): ` + (c.scaleExpected ? `old goes to ${c.expectedOldReplicas}` : 'old stays');
  it.each(named(cases.reconcileOldReplicaSets.cases as ReconcileCase[], name))('%s', (_, c) => {
    const oldRS = rs('old', c.oldReplicas, c.availableOld ?? 0, OLD_TIME);
    const newRS = rs('new', c.newReplicas ?? 0, c.availableNew ?? 0, NEW_TIME);
    const r = reconcileOldReplicaSets(spec(c.deploymentReplicas, c.maxSurge, c.maxUnavailable), [oldRS, newRS], [oldRS], newRS);
    expect(r.scaled).toBe(c.scaleExpected);
    if (c.scaleExpected) expect(r.actions.at(-1)?.to).toBe(c.expectedOldReplicas);
  });
});

describe('removing unhealthy old pods first', () => {
  const name = (c: CleanupCase) =>
    `${c.oldReplicas - c.availableOld} of ${c.oldReplicas} old pods unavailable, at most ${c.maxCleanupCount} may go: ${c.cleanupCountExpected} removed`;
  it.each(named(cases.cleanupUnhealthyReplicas.cases as CleanupCase[], name))('%s', (_, c) => {
    const r = cleanupUnhealthyReplicas([rs('old', c.oldReplicas, c.availableOld, OLD_TIME)], c.maxCleanupCount);
    expect(r.cleanupCount).toBe(c.cleanupCountExpected);
    expect(r.oldRSs[0]!.replicas).toBe(c.resultingOldReplicas);
  });

  it('refuses to "clean up" a ReplicaSet whose status still counts more available pods than its spec', () => {
    // Right after a scale-down 2 → 1 the status lags: spec 1, available 2, so spec - available = -1.
    const r = cleanupUnhealthyReplicas([rs('a', 3, 1, OLD_TIME), rs('b', 1, 2, NEW_TIME)], 5);
    expect(r.actions).toEqual([{ name: 'a', from: 3, to: 1 }]);
    expect(r.error).toBe('when cleaning up unhealthy replicas, got invalid request to scale down b 1 -> 2');
  });

  it('makes reconcileOldReplicaSets report nothing scaled when the cleanup refuses', () => {
    const d = spec(1, 0, 1);
    const oldRS = rs('old', 1, 2, OLD_TIME);
    const newRS = rs('new', 0, 0, NEW_TIME);
    const r = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
    expect(r).toEqual({ scaled: false, actions: [], error: 'when cleaning up unhealthy replicas, got invalid request to scale down old 1 -> 2' });
    const plan = planRollingSync(d, [oldRS], newRS, 'new');
    expect(plan.ok && plan.plan.actions).toEqual([]);
  });

  it('walks old ReplicaSets oldest first', () => {
    const r = cleanupUnhealthyReplicas([rs('b', 3, 1, NEW_TIME), rs('a', 3, 1, OLD_TIME)], 3);
    expect(r.actions).toEqual([{ name: 'a', from: 3, to: 1 }, { name: 'b', from: 3, to: 2 }]);
  });
});

describe('scaling old ReplicaSets down while keeping enough pods available', () => {
  const name = (c: ReconcileCase) =>
    `old ${c.oldReplicas} with ${c.availableOld} available, unavailable ${c.maxUnavailable}: ` +
    (c.scaleExpected ? `down to ${c.expectedOldReplicas}` : 'no change');
  it.each(named(cases.scaleDownOldReplicaSetsForRollingUpdate.cases as ReconcileCase[], name))('%s', (_, c) => {
    const oldRS = rs('old', c.oldReplicas, c.availableOld ?? 0, OLD_TIME);
    const r = scaleDownOldReplicaSetsForRollingUpdate(spec(c.deploymentReplicas, c.maxSurge, c.maxUnavailable), [oldRS], [oldRS]);
    expect(r.scaledDown > 0).toBe(c.scaleExpected);
    if (c.scaleExpected) expect(r.actions).toEqual([{ name: 'old', from: c.oldReplicas, to: c.expectedOldReplicas }]);
  });
});

describe('a whole rollout, one controller sync at a time', () => {
  it.each(named(cases.fullRolloutSequences_derived.cases as SequenceCase[], (c) => c.name))('%s', (_, c) => {
    const d = spec(c.replicas, c.maxSurge, c.maxUnavailable);
    const newNeverReady = c.podModel.includes('never become');
    let old = rs('old0', c.replicas, c.replicas, OLD_TIME);
    let newRS: ReplicaSetCounts | undefined;
    for (const step of c.steps) {
      const r = planRollingSync(d, [old], newRS, 'new');
      if (!r.ok) throw new Error(r.error);
      const described = r.plan.createReplicas === undefined ? [] : [`create new RS with replicas=${r.plan.createReplicas}`];
      let newSize = r.plan.createReplicas ?? newRS?.replicas ?? 0;
      for (const a of r.plan.actions) {
        if (a.name === 'new') newSize = a.to;
        else old = { ...old, replicas: a.to };
        described.push(a.name === 'new' ? `scale new ${a.from}->${a.to}` : `scale down old0 ${a.from}->${a.to}`);
      }
      expect(described).toEqual(step.controllerActions);
      old = { ...old, availableReplicas: old.replicas };
      newRS = rs('new', newSize, newNeverReady ? 0 : newSize, NEW_TIME);
      expect([old.replicas, newRS.replicas]).toEqual([step.oldRS[0], step.newRS]);
      expect({
        replicas: old.replicas + newRS.replicas,
        updatedReplicas: newRS.replicas,
        availableReplicas: old.availableReplicas + newRS.availableReplicas,
      }).toEqual(step.afterPodsSettle.deploymentStatus);
    }
  });
});
