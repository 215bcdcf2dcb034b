// The HorizontalPodAutoscaler row (`REFERENCE TARGETS MINPODS MAXPODS REPLICAS`), a port of
// printHorizontalPodAutoscaler and formatHPAMetrics in kubernetes printers.go (v1.32):
// `cpu: 40%/50%`, `cpu: <unknown>/50%` before the first metrics, `+ N more...` past two.

import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../api/objects.ts';
import { translateTimestampSince } from './age.ts';
import type { KindPrinter } from './table.ts';

interface MetricTarget {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** A metric's current/target text; a missing quantity prints as Go's nil *Quantity does (`<nil>`). */
function describe(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
    case 'Object': {
      const source = spec.type === 'External' ? spec.external : spec.object;
      const current = spec.type === 'External' ? status?.external?.current : status?.object?.current;
      const target: MetricTarget = source?.target ?? {};
      if (target.averageValue !== undefined) return `${current?.averageValue ?? '<unknown>'}/${target.averageValue} (avg)`;
      return `${current ? (current.value ?? '<nil>') : '<unknown>'}/${target.value ?? '<nil>'}`;
    }
    case 'Pods':
      return `${status?.pods ? status.pods.current.averageValue ?? '<nil>' : '<unknown>'}/${spec.pods?.target.averageValue ?? '<nil>'}`;
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const current = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
      const target: MetricTarget = source?.target ?? {};
      const name = source?.name ?? '';
      if (target.averageValue !== undefined) return `${name}: ${current ? current.averageValue ?? '<nil>' : '<unknown>'}/${target.averageValue}`;
      const now = current?.averageUtilization != null ? `${current.averageUtilization}%` : '<unknown>';
      const want = target.averageUtilization != null ? `${target.averageUtilization}%` : '<auto>';
      return `${name}: ${now}/${want}`;
    }
    default:
      return '<unknown type>';
  }
}

export function formatHPAMetrics(specs: readonly MetricSpec[], statuses: readonly MetricStatus[]): string {
  if (specs.length === 0) return '<none>';
  const max = 2;
  const list = specs.map((spec, i) => describe(spec, statuses[i]));
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
}

/** autoscaling/v1 objects carry a single CPU target; the internal type sees it as a v2 metric. */
interface V1Fields {
  spec?: { targetCPUUtilizationPercentage?: number };
  status?: { currentCPUUtilizationPercentage?: number };
}

function metricsOf(hpa: HorizontalPodAutoscaler & V1Fields): [MetricSpec[], MetricStatus[]] {
  const target = hpa.spec?.targetCPUUtilizationPercentage;
  if (hpa.spec?.metrics || target === undefined) return [hpa.spec?.metrics ?? [], hpa.status?.currentMetrics ?? []];
  const current = hpa.status?.currentCPUUtilizationPercentage;
  const spec: MetricSpec = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } };
  const status: MetricStatus[] =
    current === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }];
  return [[spec], status];
}

export const hpaPrinter: KindPrinter = {
  columns: [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Reference', priority: 0 },
    { name: 'Targets', priority: 0 },
    { name: 'MinPods', priority: 0 },
    { name: 'MaxPods', priority: 0 },
    { name: 'Replicas', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  row(obj: KubeObject, now: number) {
    const hpa = obj as unknown as HorizontalPodAutoscaler & V1Fields;
    const ref = hpa.spec?.scaleTargetRef;
    const [specs, statuses] = metricsOf(hpa);
    return [
      obj.metadata.name,
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHPAMetrics(specs, statuses),
      hpa.spec?.minReplicas != null ? String(hpa.spec.minReplicas) : '<unset>',
      String(hpa.spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      translateTimestampSince(obj.metadata.creationTimestamp, now),
    ];
  },
};
