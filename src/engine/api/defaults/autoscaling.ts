// Defaults kube-apiserver fills in for autoscaling/v2 HorizontalPodAutoscalers
// (pkg/apis/autoscaling/v2/defaults.go, v1.32): minReplicas 1, a CPU target of 80% when no
// metric is given, and, when spec.behavior is present, the default rules for what it leaves out.

import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../objects.ts';
import { isRecord } from '../objects.ts';

/** defaultHPAScaleUpRules: no stabilisation, the larger of +4 pods or +100% per 15 s. */
export const defaultScaleUpRules = (): HPAScalingRules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

/** defaultHPAScaleDownRules: -100% per 15 s; the window stays unset (the controller's flag decides it). */
export const defaultScaleDownRules = (): HPAScalingRules => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules: what the object sets wins, field by field. */
function withDefaults(given: unknown, defaults: HPAScalingRules): HPAScalingRules {
  if (!isRecord(given)) return defaults;
  const rules = given as HPAScalingRules;
  return {
    ...defaults,
    ...(rules.selectPolicy !== undefined ? { selectPolicy: rules.selectPolicy } : {}),
    ...(rules.stabilizationWindowSeconds !== undefined ? { stabilizationWindowSeconds: rules.stabilizationWindowSeconds } : {}),
    ...(rules.policies !== undefined ? { policies: rules.policies } : {}),
  };
}

export function defaultHorizontalPodAutoscaler(obj: KubeObject): void {
  const spec = obj['spec'];
  if (!isRecord(spec)) return;
  spec['minReplicas'] ??= 1;
  if (!Array.isArray(spec['metrics']) || spec['metrics'].length === 0) {
    spec['metrics'] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  const behavior = spec['behavior'];
  if (isRecord(behavior)) {
    spec['behavior'] = { scaleUp: withDefaults(behavior['scaleUp'], defaultScaleUpRules()), scaleDown: withDefaults(behavior['scaleDown'], defaultScaleDownRules()) };
  }
}
