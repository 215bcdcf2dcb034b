// How the HPA tempers a recommendation when the object sets spec.behavior, a port of
// horizontal.go's normalizeDesiredReplicasWithBehaviors, stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate and the scale-event bookkeeping (v1.32).

import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { Limited, Recommendation } from './normalize.ts';
import { DOWNSCALE_STABILISATION_MS } from './normalize.ts';

/** a past rescale: how many replicas it added (or removed) and when */
export interface ScaleEvent {
  readonly change: number;
  readonly at: number;
}

export interface BehaviorArgs {
  readonly scaleUp: HPAScalingRules;
  readonly scaleDown: HPAScalingRules;
  readonly min: number;
  readonly max: number;
  readonly current: number;
  readonly desired: number;
}

/**
 * stabilizeRecommendationWithBehaviors: the lowest recommendation of the scale-up window and
 * the highest of the scale-down window bound the result; records `desired` as a sample.
 */
export function stabilizeWithBehavior(history: Recommendation[], a: BehaviorArgs, now: number): { replicas: number; reason: string; message: string } {
  const upCutoff = now - (a.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (a.scaleDown.stabilizationWindowSeconds ?? DOWNSCALE_STABILISATION_MS / 1000) * 1000;
  let up = a.desired;
  let down = a.desired;
  let oldIndex = -1;
  history.forEach((rec, i) => {
    if (rec.at > upCutoff) up = Math.min(rec.replicas, up);
    if (rec.at > downCutoff) down = Math.max(rec.replicas, down);
    if (rec.at < upCutoff && rec.at < downCutoff) oldIndex = i;
  });
  const replicas = Math.min(Math.max(a.current, up), down);
  const sample = { replicas: a.desired, at: now };
  if (oldIndex >= 0) history[oldIndex] = sample;
  else history.push(sample);
  return a.desired >= a.current
    ? { replicas, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
    : { replicas, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

const changeWithin = (periodSeconds: number, events: readonly ScaleEvent[], now: number): number =>
  events.reduce((sum, e) => (e.at > now - periodSeconds * 1000 ? sum + e.change : sum), 0);

/** calculateScaleUpLimitWithScalingRules */
export function scaleUpLimitWithRules(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeWithin(p.periodSeconds, ups, now) + changeWithin(p.periodSeconds, downs, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors */
export function scaleDownLimitWithRules(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeWithin(p.periodSeconds, ups, now) + changeWithin(p.periodSeconds, downs, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** convertDesiredReplicasWithBehaviorRate: the policies' rate limits, then min/max. */
export function applyBehaviorRules(a: BehaviorArgs, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], now: number): Limited {
  if (a.desired > a.current) {
    const limit = Math.max(scaleUpLimitWithRules(a.current, ups, downs, a.scaleUp, now), a.current);
    const [maximum, reason, message] =
      a.max > limit
        ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
        : [a.max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (a.desired > maximum) return { replicas: maximum, limited: true, reason, message };
  } else if (a.desired < a.current) {
    const limit = Math.min(scaleDownLimitWithRules(a.current, ups, downs, a.scaleDown, now), a.current);
    const [minimum, reason, message] =
      a.min < limit
        ? [limit, 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate']
        : [a.min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (a.desired < minimum) return { replicas: minimum, limited: true, reason, message };
  }
  return { replicas: a.desired, limited: false, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

/** storeScaleEvent: keeps only the events the longest policy period still counts. */
export function recordScaleEvent(events: ScaleEvent[], change: number, rules: HPAScalingRules, now: number): ScaleEvent[] {
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
  return [...events.filter((e) => e.at > now - longest * 1000), { change, at: now }];
}
