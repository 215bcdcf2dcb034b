// How the HPA tempers a raw recommendation when the object has no spec.behavior, a port of
// horizontal.go's normalizeDesiredReplicas, stabilizeRecommendation,
// convertDesiredReplicasWithRules and calculateScaleUpLimit (kube-controller-manager v1.32).

/** --horizontal-pod-autoscaler-downscale-stabilization */
export const DOWNSCALE_STABILISATION_MS = 300_000;
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

export interface Recommendation {
  readonly replicas: number;
  readonly at: number;
}

export interface Limited {
  readonly replicas: number;
  /** the ScalingLimited condition: True when the rules moved the recommendation */
  readonly limited: boolean;
  readonly reason: string;
  readonly message: string;
}

/**
 * stabilizeRecommendation: the highest recommendation of the last five minutes (so a dip in
 * load does not scale down at once). It records `recommended` in place of one expired sample,
 * as the controller does, and returns the stabilised count.
 */
export function stabilize(history: Recommendation[], recommended: number, now: number, windowMs = DOWNSCALE_STABILISATION_MS): number {
  let max = recommended;
  let oldIndex = -1;
  const cutoff = now - windowMs;
  history.forEach((rec, i) => {
    if (rec.at < cutoff) oldIndex = i;
    else if (rec.replicas > max) max = rec.replicas;
  });
  const sample = { replicas: recommended, at: now };
  if (oldIndex >= 0) history[oldIndex] = sample;
  else history.push(sample);
  return max;
}

/** calculateScaleUpLimit: at most double, or four pods, per sync. */
export const scaleUpLimit = (current: number): number => Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);

/** convertDesiredReplicasWithRules: min/max replicas and the scale-up rate limit. */
export function applyRules(current: number, desired: number, min: number, max: number): Limited {
  const limit = scaleUpLimit(current);
  const [maximum, reason, message] =
    max > limit
      ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
      : [max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
  if (desired < min) return { replicas: min, limited: true, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  if (desired > maximum) return { replicas: maximum, limited: true, reason, message };
  return { replicas: desired, limited: false, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}
