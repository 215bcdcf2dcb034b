// `kubectl describe hpa` (describe.go HorizontalPodAutoscalerDescriber /
// describeHorizontalPodAutoscalerV2 and printDirectionBehavior, v1.32): reference, each
// metric's current and target, min/max replicas, behavior, current and desired pods,
// conditions and events.

import type { HPAScalingRules, HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Event } from 'kubernetes-types/core/v1';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './fields.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefixWriter.ts';
import type { PrefixWriter } from './prefixWriter.ts';
import { formatRfc1123z } from './time.ts';

interface Target {
  type?: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** A resource (or container resource) line: a raw average, or a percentage of the request. */
function resourceLine(w: PrefixWriter, target: Target, current: { averageValue?: string; averageUtilization?: number } | undefined): void {
  if (target.averageValue !== undefined) {
    w.write(LEVEL_0, `:\t${current ? (current.averageValue ?? '<nil>') : '<unknown>'} / ${target.averageValue}\n`);
    return;
  }
  const now = current?.averageUtilization != null ? `${current.averageUtilization}% (${current.averageValue ?? '<nil>'})` : '<unknown>';
  const want = target.averageUtilization != null ? `${target.averageUtilization}%` : '<auto>';
  w.write(LEVEL_1, `(as a percentage of request):\t${now} / ${want}\n`);
}

function describeMetric(w: PrefixWriter, spec: MetricSpec, status: MetricStatus | undefined): void {
  switch (spec.type) {
    case 'External': {
      const ext = spec.external!;
      const cur = status?.external?.current;
      if (ext.target.averageValue !== undefined) w.write(LEVEL_1, `"${ext.metric.name}" (target average value):\t${cur?.averageValue ?? '<unknown>'} / ${ext.target.averageValue}\n`);
      else w.write(LEVEL_1, `"${ext.metric.name}" (target value):\t${status?.external ? (cur?.value ?? '<nil>') : '<unknown>'} / ${ext.target.value ?? '<nil>'}\n`);
      return;
    }
    case 'Pods':
      w.write(LEVEL_1, `"${spec.pods!.metric.name}" on pods:\t${status?.pods ? (status.pods.current.averageValue ?? '<nil>') : '<unknown>'} / ${spec.pods!.target.averageValue ?? '<nil>'}\n`);
      return;
    case 'Object': {
      const obj = spec.object!;
      w.write(LEVEL_1, `"${obj.metric.name}" on ${obj.describedObject.kind}/${obj.describedObject.name} `);
      const cur = status?.object ? status.object.current : undefined;
      if (obj.target.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${cur ? (cur.averageValue ?? '<nil>') : '<unknown>'} / ${obj.target.averageValue ?? '<nil>'}\n`);
      else w.write(LEVEL_0, `(target value):\t${cur ? (cur.value ?? '<nil>') : '<unknown>'} / ${obj.target.value ?? '<nil>'}\n`);
      return;
    }
    case 'Resource':
      w.write(LEVEL_1, `resource ${spec.resource!.name} on pods`);
      resourceLine(w, spec.resource!.target, status?.resource?.current);
      return;
    case 'ContainerResource':
      w.write(LEVEL_1, `resource ${spec.containerResource!.name} of container "${spec.containerResource!.container}" on pods`);
      resourceLine(w, spec.containerResource!.target, status?.containerResource?.current);
      return;
    default:
      w.write(LEVEL_1, `<unknown metric type "${spec.type}">\n`);
  }
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds != null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (!rules.policies?.length) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

export function describeHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, events: readonly Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = hpa.metadata ?? {};
    const ref = hpa.spec?.scaleTargetRef;
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(meta.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${ref?.kind ?? ''}/${ref?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (hpa.spec?.metrics ?? []).forEach((spec, i) => describeMetric(w, spec, hpa.status?.currentMetrics?.[i]));
    w.write(LEVEL_0, `Min replicas:\t${hpa.spec?.minReplicas != null ? hpa.spec.minReplicas : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${hpa.spec?.maxReplicas ?? 0}\n`);
    const behavior = hpa.spec?.behavior;
    if (behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', behavior.scaleDown);
    }
    w.write(LEVEL_0, `${ref?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conditions = hpa.status?.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}
