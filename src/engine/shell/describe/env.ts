// One line of a container's Environment in `kubectl describe pod` (describe.go
// describeContainerEnvVars), including how kubectl resolves fieldRef and resourceFieldRef
// values on the client (kubectl/pkg/util/fieldpath, kubectl/pkg/util/resource).

import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { sortedKeys } from './fields.ts';
import { LEVEL_3, type PrefixWriter } from './prefixWriter.ts';
import { Quantity } from './quantity.ts';

export function describeEnvVar(e: EnvVar, container: Container, pod: Pod | undefined, w: PrefixWriter): void {
  const from = e.valueFrom;
  if (!from) {
    (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    return;
  }
  if (from.fieldRef) {
    const value = pod ? fieldPathValue(pod, from.fieldRef.fieldPath) : '';
    w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
  } else if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource;
    let value = containerResourceValue(resource, from.resourceFieldRef.divisor, container);
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
    w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
  } else if (from.secretKeyRef) {
    const r = from.secretKeyRef;
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
  } else if (from.configMapKeyRef) {
    const r = from.configMapKeyRef;
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
  }
}

/**
 * fieldpath.ExtractFieldPathAsString as kubectl vendors it: only metadata fields resolve on
 * the client, so `spec.nodeName` or `status.podIP` print an empty value.
 */
function fieldPathValue(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata ?? {};
  const sub = /^(metadata\.(?:labels|annotations))\['(.+)'\]$/.exec(fieldPath);
  if (sub) return (sub[1] === 'metadata.labels' ? meta.labels : meta.annotations)?.[sub[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.annotations':
      return formatMap(meta.annotations);
    case 'metadata.labels':
      return formatMap(meta.labels);
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    default:
      return '';
  }
}

/** fieldpath.FormatMap: sorted `key="value"` lines. */
function formatMap(m: Record<string, string> | undefined): string {
  return sortedKeys(m)
    .map((k) => `${k}=${JSON.stringify(m?.[k] ?? '')}`)
    .join('\n');
}

/** resource.ExtractContainerResourceValue: the value divided by the divisor, rounded up. */
function containerResourceValue(resource: string, divisor: unknown, c: Container): string {
  const parsed = typeof divisor === 'string' || typeof divisor === 'number' ? Quantity.parse(String(divisor)) : undefined;
  const by = parsed && !parsed.isZero() ? parsed : Quantity.parse('1')!;
  const [kind, name] = resource.split('.') as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name || !['cpu', 'memory', 'ephemeral-storage'].includes(name)) return '';
  const raw = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name];
  const q = (raw === undefined ? undefined : Quantity.parse(String(raw))) ?? Quantity.zero();
  const ratio = name === 'cpu' ? q.milliValue() / by.milliValue() : q.value() / by.value();
  return String(Math.ceil(ratio));
}
