// `kubectl autoscale` (kubectl pkg/cmd/autoscale/autoscale.go, v1.32): creates a
// HorizontalPodAutoscaler for a Deployment, ReplicaSet, StatefulSet or ReplicationController,
// printing `horizontalpodautoscaler.autoscaling/web autoscaled`. kubectl 1.32 sends
// autoscaling/v1; the lab stores what the API server makes of it in v2 (defaults included).

import type { KubeObject } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS = [
  { name: 'min', kind: 'int' },
  { name: 'max', kind: 'int' },
  { name: 'cpu-percent', kind: 'int' },
  { name: 'name', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  { name: 'record', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
] as const;

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
const HPAS = typeForKind('HorizontalPodAutoscaler')!;

export function autoscale(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const max = Number(flagValue(flags, 'max') ?? -1);
  const min = Number(flagValue(flags, 'min') ?? -1);
  const cpu = Number(flagValue(flags, 'cpu-percent') ?? -1);
  if (max < 1) return reportErrors(k, [{ message: `--max=MAXPODS is required and must be at least 1, max: ${max}` }]);
  if (max < min) return reportErrors(k, [{ message: `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}` }]);
  const dryRun = flagValue(flags, 'dry-run') ?? 'none';
  const namespace = namespaceOf(k, flags);
  const files = flagValues(flags, 'filename');
  const resolved = files.length ? resolveFiles(k, files, namespace, flagBool(flags, 'recursive')) : resolveResources(k, flags.positional, { namespace, allNamespaces: false, allowEmptySelector: false });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors } = resolved.value;
  for (const { type, object } of found) {
    if (!SCALABLE.has(type.kind)) {
      err(k, `error: cannot autoscale a ${type.kind}: cannot autoscale a ${type.kind}\n`);
      return 1;
    }
    const name = flagValue(flags, 'name') ?? object.metadata.name;
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace: object.metadata.namespace ?? namespace },
      spec: {
        scaleTargetRef: { apiVersion: object.apiVersion, kind: type.kind, name: object.metadata.name },
        // The API server's defaults for an autoscaling/v1 object: min 1, CPU at 80%.
        minReplicas: min > -1 ? min : 1,
        maxReplicas: max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu > -1 ? cpu : 80 } } }],
      },
    } as unknown as KubeObject;
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    if (dryRun !== 'client') {
      const r = k.cluster.api.create(hpa, hpa.metadata.namespace, { actor: 'kubectl', dryRun: dryRun === 'server' });
      if (!r.ok) {
        printApiError(k, r.error);
        return 1;
      }
    }
    const ref = `${HPAS.resource.replace(/s$/, '')}.${HPAS.group}/${name}`;
    out(k, flagValue(flags, 'output') === 'name' ? `${ref}\n` : `${ref} autoscaled${suffix}\n`);
  }
  return reportErrors(k, errors);
}
