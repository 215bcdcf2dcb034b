// Pod spec validation: the rules of pkg/apis/core/validation ValidatePodSpec that a learner
// meets (names, images, ports, resources, volumes, restart policy, hostNetwork), with
// kube-apiserver's field paths and messages.

import type { Container, PodSpec, Volume } from 'kubernetes-types/core/v1';
import type { FieldCause } from '../errors.ts';
import { parseQuantity } from '../schema/quantity.ts';
import { dns1123LabelErrors, validateLabels } from './names.ts';

const q = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const supported = (values: string[]): string => `supported values: ${values.map((v) => `"${v}"`).join(', ')}`;

function unsupported(field: string, value: unknown, values: string[]): FieldCause {
  return { field, message: `Unsupported value: ${q(value)}: ${supported(values)}` };
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!spec) return [{ field: path, message: 'Required value' }];
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => causes.push(...validateVolume(v, `${path}.volumes[${i}]`, volumes)));

  const names = new Set<string>();
  const init = spec.initContainers ?? [];
  init.forEach((c, i) => causes.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumes, spec)));
  if (!spec.containers || spec.containers.length === 0) {
    causes.push({ field: `${path}.containers`, message: 'Required value' });
  }
  (spec.containers ?? []).forEach((c, i) => causes.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumes, spec)));

  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    causes.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  if (spec.dnsPolicy !== undefined && !['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'].includes(spec.dnsPolicy)) {
    causes.push(unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    causes.push({ field: `${path}.terminationGracePeriodSeconds`, message: `Invalid value: ${spec.terminationGracePeriodSeconds}: must be greater than or equal to 0` });
  }
  causes.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  (spec.imagePullSecrets ?? []).forEach((s, i) => {
    if (!s.name) causes.push({ field: `${path}.imagePullSecrets[${i}].name`, message: 'Required value' });
  });
  (spec.tolerations ?? []).forEach((t, i) => {
    const p = `${path}.tolerations[${i}]`;
    if (t.operator !== undefined && !['Exists', 'Equal'].includes(t.operator)) causes.push(unsupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.operator === 'Exists' && t.value) causes.push({ field: `${p}.operator`, message: `Invalid value: ${q(t.value)}: value must be empty when \`operator\` is 'Exists'` });
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) causes.push(unsupported(`${p}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      causes.push({ field: `${p}.effect`, message: `Invalid value: ${q(t.effect ?? '')}: effect must be 'NoExecute' when \`tolerationSeconds\` is set` });
    }
  });
  return causes;
}

function validateVolume(v: Volume, path: string, seen: Set<string>): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!v.name) causes.push({ field: `${path}.name`, message: 'Required value' });
  else {
    for (const e of dns1123LabelErrors(v.name)) causes.push({ field: `${path}.name`, message: `Invalid value: ${q(v.name)}: ${e}` });
    if (seen.has(v.name)) causes.push({ field: `${path}.name`, message: `Duplicate value: ${q(v.name)}` });
    seen.add(v.name);
  }
  const sources = ['hostPath', 'emptyDir', 'configMap', 'secret', 'persistentVolumeClaim', 'projected', 'downwardAPI', 'nfs'].filter(
    (k) => (v as unknown as Record<string, unknown>)[k] !== undefined,
  );
  if (sources.length === 0) causes.push({ field: path, message: 'Required value: must specify a volume type' });
  if (sources.length > 1) causes.push({ field: `${path}.${sources[1]}`, message: 'Forbidden: may not specify more than 1 volume type' });
  if (v.hostPath) {
    if (!v.hostPath.path) causes.push({ field: `${path}.hostPath.path`, message: 'Required value' });
    const types = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];
    if (v.hostPath.type !== undefined && !types.includes(v.hostPath.type)) causes.push(unsupported(`${path}.hostPath.type`, v.hostPath.type, types.slice(1)));
  }
  if (v.configMap && !v.configMap.name) causes.push({ field: `${path}.configMap.name`, message: 'Required value' });
  if (v.secret && !v.secret.secretName) causes.push({ field: `${path}.secret.secretName`, message: 'Required value' });
  return causes;
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>, spec: PodSpec): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!c.name) causes.push({ field: `${path}.name`, message: 'Required value' });
  else {
    for (const e of dns1123LabelErrors(c.name)) causes.push({ field: `${path}.name`, message: `Invalid value: ${q(c.name)}: ${e}` });
    if (names.has(c.name)) causes.push({ field: `${path}.name`, message: `Duplicate value: ${q(c.name)}` });
    names.add(c.name);
  }
  if (!c.image) causes.push({ field: `${path}.image`, message: 'Required value' });
  else if (c.image !== c.image.trim()) causes.push({ field: `${path}.image`, message: 'Invalid value: ' + q(c.image) + ': must not have leading or trailing whitespace' });
  const policies = ['Always', 'IfNotPresent', 'Never'];
  if (c.imagePullPolicy !== undefined && !policies.includes(c.imagePullPolicy)) causes.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, policies));
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (!p.containerPort) causes.push({ field: `${pp}.containerPort`, message: 'Required value' });
    else if (p.containerPort < 1 || p.containerPort > 65535) causes.push({ field: `${pp}.containerPort`, message: `Invalid value: ${p.containerPort}: must be between 1 and 65535, inclusive` });
    if (p.hostPort !== undefined && p.hostPort !== 0 && (p.hostPort < 1 || p.hostPort > 65535)) causes.push({ field: `${pp}.hostPort`, message: `Invalid value: ${p.hostPort}: must be between 1 and 65535, inclusive` });
    if (spec.hostNetwork && p.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
      causes.push({ field: `${pp}.hostPort`, message: `Invalid value: ${p.hostPort}: must match \`containerPort\` when \`hostNetwork\` is true` });
    }
    if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) causes.push(unsupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    if (p.name) {
      if (portNames.has(p.name)) causes.push({ field: `${pp}.name`, message: `Duplicate value: ${q(p.name)}` });
      portNames.add(p.name);
    }
  });
  causes.push(...validateResources(c, `${path}.resources`));
  (c.volumeMounts ?? []).forEach((m, i) => {
    const mp = `${path}.volumeMounts[${i}]`;
    if (!m.name) causes.push({ field: `${mp}.name`, message: 'Required value' });
    else if (!volumes.has(m.name)) causes.push({ field: `${mp}.name`, message: `Not found: ${q(m.name)}` });
    if (!m.mountPath) causes.push({ field: `${mp}.mountPath`, message: 'Required value' });
  });
  return causes;
}

function validateResources(c: Container, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const requests = (c.resources?.requests ?? {}) as Record<string, string | number>;
  const limits = (c.resources?.limits ?? {}) as Record<string, string | number>;
  for (const [which, map] of [['requests', requests], ['limits', limits]] as const) {
    for (const [name, v] of Object.entries(map)) {
      const n = parseQuantity(v);
      if (n !== undefined && n < 0) causes.push({ field: `${path}.${which}[${name}]`, message: `Invalid value: "${v}": must be greater than or equal to 0` });
      if (!['cpu', 'memory', 'ephemeral-storage'].includes(name) && !name.includes('/') && !name.startsWith('hugepages-')) {
        causes.push({ field: `${path}.${which}[${name}]`, message: `Invalid value: ${q(name)}: must be a standard resource type or fully qualified` });
      }
    }
  }
  for (const [name, v] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit === undefined) continue;
    const r = parseQuantity(v);
    const l = parseQuantity(limit);
    if (r !== undefined && l !== undefined && r > l) {
      causes.push({ field: `${path}.requests`, message: `Invalid value: "${v}": must be less than or equal to ${name} limit of ${limit}` });
    }
  }
  return causes;
}
