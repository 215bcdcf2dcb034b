import { describe, expect, it } from 'vitest';
import { rollingUpdateCases as cases } from './fixtures/rollingUpdateCases.ts';
import type { ScalableReplicaSet, ScalingDeployment } from './proportion.ts';
import { isSaturated, isScalingEvent, MAX_REPLICAS_ANNOTATION, planProportionalScale, replicaSetFraction } from './proportion.ts';

interface CaseRS { name: string; replicas: number; created: 'new' | 'old' | 'older'; availableReplicas?: number }
interface ScaleCase {
  name: string; deployment: { replicas: number; maxSurge: number; maxUnavailable: number };
  rsAnnotationsBefore: Record<string, string>; newRS: CaseRS | null; oldRSs: CaseRS[]; expectedReplicas: Record<string, number>;
}
interface FractionCase {
  name: string; deploymentReplicas: number; deploymentStatusReplicas: number; deploymentMaxSurge: number;
  maxUnavailable: number; rsReplicas: number; maxReplicasAnnotation: string | null; expectedFraction: number;
}

const CREATED = { older: '2026-01-01T09:00:00Z', old: '2026-01-01T09:01:00Z', new: '2026-01-01T09:02:00Z' };
const toRS = (c: CaseRS, annotations: Record<string, string>): ScalableReplicaSet => ({
  name: c.name, replicas: c.replicas, availableReplicas: c.availableReplicas ?? 0, creationTimestamp: CREATED[c.created], annotations,
});

describe('scaling a Deployment in the middle of a rollout', () => {
  it.each((cases.proportionalScaling.cases as ScaleCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const d: ScalingDeployment = { ...c.deployment, strategy: 'RollingUpdate', statusReplicas: 0 };
    const newRS = c.newRS ? toRS(c.newRS, c.rsAnnotationsBefore) : undefined;
    const oldRSs = c.oldRSs.map((r) => toRS(r, c.rsAnnotationsBefore));
    const sizes = Object.fromEntries([...(newRS ? [newRS] : []), ...oldRSs].map((r) => [r.name, r.replicas]));
    for (const a of planProportionalScale(d, newRS, oldRSs)) {
      expect(sizes[a.name]).toBe(a.from);
      sizes[a.name] = a.to;
    }
    expect(sizes).toEqual(c.expectedReplicas);
  });

  it('scales every old ReplicaSet to 0 once the new one is saturated', () => {
    const ann = { 'deployment.kubernetes.io/desired-replicas': '3' };
    const newRS: ScalableReplicaSet = { name: 'new', replicas: 3, availableReplicas: 3, creationTimestamp: CREATED.new, annotations: ann };
    const old: ScalableReplicaSet = { name: 'old', replicas: 2, availableReplicas: 2, creationTimestamp: CREATED.old };
    expect(isSaturated({ replicas: 3 }, newRS)).toBe(true);
    const d: ScalingDeployment = { replicas: 3, strategy: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0, statusReplicas: 5 };
    expect(planProportionalScale(d, newRS, [old])).toEqual([{ name: 'old', from: 2, to: 0 }]);
  });

  it('recognises a scaling event by an active ReplicaSet sized for another replica count', () => {
    const rs = (replicas: number, desired: string): ScalableReplicaSet =>
      ({ name: 'x', replicas, availableReplicas: 0, creationTimestamp: CREATED.old, annotations: { 'deployment.kubernetes.io/desired-replicas': desired } });
    expect(isScalingEvent({ replicas: 5 }, [rs(3, '3')])).toBe(true);
    expect(isScalingEvent({ replicas: 5 }, [rs(3, '5')])).toBe(false);
    expect(isScalingEvent({ replicas: 5 }, [rs(0, '3')])).toBe(false);
  });
});

describe("a ReplicaSet's share of a scaling event", () => {
  it.each((cases.getReplicaSetFraction.cases as FractionCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const d: ScalingDeployment = {
      replicas: c.deploymentReplicas, strategy: 'RollingUpdate', maxSurge: c.deploymentMaxSurge,
      maxUnavailable: c.maxUnavailable, statusReplicas: c.deploymentStatusReplicas,
    };
    const annotations: Record<string, string> = c.maxReplicasAnnotation === null ? {} : { [MAX_REPLICAS_ANNOTATION]: c.maxReplicasAnnotation };
    const rs: ScalableReplicaSet = { name: 'rs', replicas: c.rsReplicas, availableReplicas: 0, creationTimestamp: CREATED.old, annotations };
    expect(replicaSetFraction(rs, d)).toBe(c.expectedFraction);
  });
});
