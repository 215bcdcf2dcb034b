// ValidateService and ValidateServiceUpdate of kube-apiserver 1.32 (pkg/apis/core/validation
// validation.go), the parts a learner meets: ports (names required when there are several,
// numbers, protocols, duplicates), type, ExternalName, clusterIP syntax and immutability.

import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { FieldCause } from '../errors.ts';
import { dns1123LabelErrors, dns1123SubdomainErrors, validateLabels } from './names.ts';
import { ipToNumber } from '../allocators.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const q = (s: string): string => JSON.stringify(s);
const supported = (values: readonly string[]): string => values.map(q).join(', ');

export const isHeadless = (svc: Service): boolean => svc.spec?.clusterIP === 'None';

/** %#v of the core.ServicePort key validation compares ports by (protocol, port). */
const portKey = (p: ServicePort): string =>
  `core.ServicePort{Name:"", Protocol:${q(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;

/** IsValidPortName: an IANA_SVC_NAME. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const RANGE = 'must be between 1 and 65535, inclusive';

function validatePort(sp: ServicePort, path: string, requireName: boolean, names: Set<string>): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = sp.name ?? '';
  if (requireName && !name) causes.push({ field: `${path}.name`, message: 'Required value' });
  else if (name) {
    for (const e of dns1123LabelErrors(name)) causes.push({ field: `${path}.name`, message: `Invalid value: ${q(name)}: ${e}` });
    if (names.has(name)) causes.push({ field: `${path}.name`, message: `Duplicate value: ${q(name)}` });
    names.add(name);
  }
  if (!(sp.port >= 1 && sp.port <= 65535)) causes.push({ field: `${path}.port`, message: `Invalid value: ${sp.port}: ${RANGE}` });
  if (!sp.protocol) causes.push({ field: `${path}.protocol`, message: 'Required value' });
  else if (!PROTOCOLS.includes(sp.protocol)) causes.push({ field: `${path}.protocol`, message: `Unsupported value: ${q(sp.protocol)}: supported values: ${supported(PROTOCOLS)}` });
  const target = sp.targetPort;
  if (typeof target === 'number' && !(target >= 1 && target <= 65535)) causes.push({ field: `${path}.targetPort`, message: `Invalid value: ${target}: ${RANGE}` });
  if (typeof target === 'string') for (const e of portNameErrors(target)) causes.push({ field: `${path}.targetPort`, message: `Invalid value: ${q(target)}: ${e}` });
  return causes;
}

function validatePorts(svc: Service): FieldCause[] {
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  const causes: FieldCause[] = [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') causes.push({ field: 'spec.ports', message: 'Required value' });
  const names = new Set<string>();
  ports.forEach((p, i) => causes.push(...validatePort(p, `spec.ports[${i}]`, ports.length > 1, names)));
  const seen = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) causes.push({ field: `spec.ports[${i}]`, message: `Duplicate value: ${portKey(p)}` });
    seen.add(key);
    if (p.nodePort) {
      if (spec.type === 'ClusterIP') causes.push({ field: `spec.ports[${i}].nodePort`, message: "Forbidden: may not be used when `type` is 'ClusterIP'" });
      const nodeKey = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(nodeKey)) causes.push({ field: `spec.ports[${i}].nodePort`, message: `Duplicate value: ${p.nodePort}` });
      nodePorts.add(nodeKey);
    }
  });
  return causes;
}

function validateClusterIP(svc: Service): FieldCause[] {
  const spec = svc.spec ?? {};
  const ip = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '';
  if (!ip || spec.type === 'ExternalName') return [];
  if (ip === 'None') {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') return [{ field: 'spec.clusterIPs[0]', message: `Invalid value: "None": may not be set to 'None' for ${spec.type} services` }];
    return [];
  }
  if (ipToNumber(ip) === undefined) return [{ field: 'spec.clusterIPs[0]', message: `Invalid value: ${q(ip)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)` }];
  return [];
}

export function validateService(svc: Service): FieldCause[] {
  const spec = svc.spec ?? {};
  const causes: FieldCause[] = [];
  const type = spec.type ?? '';
  if (!TYPES.includes(type)) causes.push({ field: 'spec.type', message: `Unsupported value: ${q(type)}: supported values: ${supported(TYPES)}` });
  if (type === 'ExternalName') {
    const name = spec.externalName ?? '';
    if (!name) causes.push({ field: 'spec.externalName', message: 'Required value' });
    else for (const e of dns1123SubdomainErrors(name.replace(/\.$/, ''))) causes.push({ field: 'spec.externalName', message: `Invalid value: ${q(name)}: ${e}` });
  }
  causes.push(...validateClusterIP(svc), ...validatePorts(svc), ...validateLabels(spec.selector, 'spec.selector'));
  const affinity = spec.sessionAffinity ?? '';
  if (!['ClientIP', 'None'].includes(affinity)) causes.push({ field: 'spec.sessionAffinity', message: `Unsupported value: ${q(affinity)}: supported values: "ClientIP", "None"` });
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && !(timeout > 0 && timeout <= 86400)) {
    causes.push({ field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', message: `Invalid value: ${timeout}: must be greater than 0 and less than 86400` });
  }
  return causes;
}

/** The primary ClusterIP may not change, except to or from ExternalName. */
export function validateServiceUpdate(svc: Service, old: Service): FieldCause[] {
  const was = old.spec?.clusterIPs?.[0] ?? '';
  const now = svc.spec?.clusterIPs?.[0] ?? '';
  if (old.spec?.type === 'ExternalName' || svc.spec?.type === 'ExternalName' || !was || was === now) return [];
  return [{ field: 'spec.clusterIPs[0]', message: `Invalid value: ${q(now)}: may not change once set` }];
}
