// The Service registry (pkg/apis/core/v1 SetDefaults_Service, pkg/registry/core/service/strategy.go
// and storage/alloc.go): defaults, validation, IP families, and the ClusterIP and node ports
// reserved from the cluster's allocators on create and update, given back when the Service
// goes (a store watch, as the repair controllers would find them free).

import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject, Mutable } from '../objects.ts';
import type { FieldCause } from '../errors.ts';
import type { Strategy, StrategyContext } from '../strategy.ts';
import type { ServiceAllocators } from '../allocators.ts';
import type { Store } from '../store.ts';
import { isHeadless, validateService, validateServiceUpdate } from '../validation/service.ts';

type Svc = Mutable<Service> & { spec: Mutable<NonNullable<Service['spec']>> };
const asSvc = (o: KubeObject): Svc => {
  const s = o as unknown as Svc;
  if (!s.spec) s.spec = {};
  return s;
};

const needsClusterIP = (s: Service): boolean => s.spec?.type !== 'ExternalName';
const needsNodePort = (s: Service): boolean => s.spec?.type === 'NodePort' || (s.spec?.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false);
const externallyAccessible = (s: Service): boolean =>
  s.spec?.type === 'LoadBalancer' || s.spec?.type === 'NodePort' || (s.spec?.type === 'ClusterIP' && (s.spec.externalIPs?.length ?? 0) > 0);

/** SetDefaults_Service. */
function defaultService(obj: KubeObject): void {
  const svc = asSvc(obj);
  const spec = svc.spec;
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  if (spec.ports) {
    spec.ports = spec.ports.map((p) => ({ ...p, protocol: p.protocol || 'TCP', ...(p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? { targetPort: p.port } : {}) }));
  }
  if (externallyAccessible(svc)) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
}

/** clusterIP and clusterIPs[0] say the same thing; whichever was given fills the other. */
function normalizeClusterIPs(svc: Svc): void {
  const spec = svc.spec;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0]!;
}

/** initIPFamilyFields for a single-stack IPv4 cluster; ExternalName has no families. */
function initIPFamilies(svc: Svc): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  const headlessNoSelector = isHeadless(svc) && Object.keys(spec.selector ?? {}).length === 0;
  spec.ipFamilyPolicy ||= headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
}

const goStrings = (ips: readonly string[]): string => `[]string{${ips.map((ip) => JSON.stringify(ip)).join(', ')}}`;

/** allocClusterIPs: the requested address, or a random free one. */
function allocateClusterIP(svc: Svc, alloc: ServiceAllocators, dryRun: boolean, taken: (() => void)[]): FieldCause[] {
  const spec = svc.spec;
  if (!needsClusterIP(svc) || isHeadless(svc)) return [];
  const ips = alloc.clusterIPs;
  const requested = spec.clusterIP;
  if (!requested) {
    if (dryRun) return [];
    const ip = ips.allocateNext();
    if (ip === undefined) return [{ field: 'spec.clusterIPs', message: `Internal error: failed to allocate a serviceIP: range is full` }];
    taken.push(() => ips.release(ip));
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return [];
  }
  const outcome = dryRun ? ips.check(requested) : ips.allocate(requested);
  if (outcome === 'ok') {
    if (!dryRun) taken.push(() => ips.release(requested));
    return [];
  }
  const why = outcome === 'allocated' ? 'provided IP is already allocated' : `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${ips.cidr}`;
  return [{ field: 'spec.clusterIPs', message: `Invalid value: ${goStrings(spec.clusterIPs ?? [requested])}: failed to allocate IP ${requested}: ${why}` }];
}

/** initNodePorts: requested ports first (errors name the port), then a random one for each other. */
function allocateNodePorts(svc: Svc, alloc: ServiceAllocators, dryRun: boolean, taken: (() => void)[], keep: ReadonlySet<number>): FieldCause[] {
  if (!needsNodePort(svc)) return [];
  const nodePorts = alloc.nodePorts;
  const ports: ServicePort[] = [...(svc.spec.ports ?? [])];
  for (const [i, p] of ports.entries()) {
    if (!p.nodePort || keep.has(p.nodePort)) continue;
    const outcome = dryRun ? nodePorts.check(p.nodePort) : nodePorts.allocate(p.nodePort);
    if (outcome === 'ok') {
      const port = p.nodePort;
      if (!dryRun) taken.push(() => nodePorts.release(port));
      continue;
    }
    const why = outcome === 'allocated' ? 'provided port is already allocated' : `provided port is not in the valid range. The range of valid ports is ${nodePorts.range}`;
    return [{ field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: ${why}` }];
  }
  if (dryRun) return [];
  for (const [i, p] of ports.entries()) {
    if (p.nodePort) continue;
    const port = nodePorts.allocateNext();
    if (port === undefined) return [{ field: `spec.ports[${i}].nodePort`, message: 'Internal error: failed to allocate a nodePort: range is full' }];
    taken.push(() => nodePorts.release(port));
    ports[i] = { ...p, nodePort: port };
  }
  svc.spec.ports = ports;
  return [];
}

function allocate(svc: Svc, ctx: StrategyContext, dryRun: boolean, keepPorts: ReadonlySet<number>, keepIP: boolean): FieldCause[] {
  const taken: (() => void)[] = [];
  const causes = keepIP ? [] : allocateClusterIP(svc, ctx.services, dryRun, taken);
  if (!causes.length) causes.push(...allocateNodePorts(svc, ctx.services, dryRun, taken, keepPorts));
  if (causes.length) for (const undo of taken) undo();
  return causes;
}

/**
 * dropTypeDependentFields (registry/core/service/storage): a type change wipes what the new
 * type has no use for, when the user left it as it was, so `kubectl apply` of a LoadBalancer
 * Service as ClusterIP is not refused for the node ports the merge carried over.
 */
function dropTypeDependentFields(svc: Svc, old: Service): void {
  const spec = svc.spec;
  const oldPorts = new Set((old.spec?.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0));
  const sameNodePorts = (spec.ports ?? []).every((p) => !p.nodePort || oldPorts.has(p.nodePort));
  if (needsNodePort(old) && !needsNodePort(svc) && sameNodePorts && spec.ports) spec.ports = spec.ports.map(({ nodePort: _drop, ...p }) => p);
  if (old.spec?.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  if (externallyAccessible(old) && !externallyAccessible(svc) && spec.externalTrafficPolicy === old.spec?.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

/** patchAllocatedValues: an update that leaves out the ClusterIP or node ports keeps the old ones. */
function patchAllocatedValues(svc: Svc, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && old.spec?.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if (!spec.clusterIPs?.length && old.spec?.clusterIPs) spec.clusterIPs = [...old.spec.clusterIPs];
    if (!spec.ipFamilies?.length && old.spec?.ipFamilies) spec.ipFamilies = [...old.spec.ipFamilies];
    if (!spec.ipFamilyPolicy && old.spec?.ipFamilyPolicy) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && needsNodePort(svc) && spec.ports) {
    const inNew = new Set(spec.ports.map((p) => p.nodePort).filter(Boolean));
    const byName = new Map((old.spec?.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    spec.ports = spec.ports.map((p) => {
      const was = byName.get(p.name ?? '') ?? 0;
      return p.nodePort || !was || inNew.has(was) ? p : { ...p, nodePort: was };
    });
  }
}

const nodePortsOf = (s: Service | undefined): number[] => (s && needsNodePort(s) ? (s.spec?.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0) : []);
const clusterIPOf = (s: Service | undefined): string | undefined => {
  const ip = s?.spec?.clusterIPs?.[0] ?? s?.spec?.clusterIP;
  return s && needsClusterIP(s) && ip && ip !== 'None' ? ip : undefined;
};

export const serviceStrategy: Strategy = {
  nameRule: 'dns1035',
  tracksGeneration: false,
  defaults: defaultService,
  prepareForCreate(obj) {
    const svc = asSvc(obj);
    normalizeClusterIPs(svc);
    svc.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    const svc = asSvc(obj);
    normalizeClusterIPs(svc);
    patchAllocatedValues(svc, old as unknown as Service);
    dropTypeDependentFields(svc, old as unknown as Service);
  },
  validate: (obj) => validateService(obj as unknown as Service),
  validateUpdate: (obj, old) => validateServiceUpdate(obj as unknown as Service, old as unknown as Service),
  allocate(obj, ctx, dryRun) {
    const svc = asSvc(obj);
    const causes = allocate(svc, ctx, dryRun, new Set(), false);
    if (!causes.length) initIPFamilies(svc);
    return causes;
  },
  allocateUpdate(obj, old, ctx, dryRun) {
    const svc = asSvc(obj);
    const was = old as unknown as Service;
    const keepIP = clusterIPOf(was) !== undefined && clusterIPOf(was) === svc.spec.clusterIPs?.[0];
    const causes = allocate(svc, ctx, dryRun, new Set(nodePortsOf(was)), keepIP);
    if (!causes.length) initIPFamilies(svc);
    if (svc.spec.type === 'ExternalName') {
      for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy'] as const) delete svc.spec[k];
    }
    return causes;
  },
};

/**
 * Gives addresses and ports back once no stored Service holds them: when a Service is deleted,
 * or an update dropped them (type NodePort → ClusterIP releases its node ports).
 */
export function releaseServiceAllocations(store: Store, alloc: ServiceAllocators): void {
  store.watch('services', (e) => {
    if (e.type === 'ADDED') return;
    const old = e.old as unknown as Service | undefined;
    const next = e.type === 'DELETED' ? undefined : (e.object as unknown as Service);
    const ip = clusterIPOf(old);
    if (ip && ip !== clusterIPOf(next)) alloc.clusterIPs.release(ip);
    const still = new Set(nodePortsOf(next));
    for (const p of nodePortsOf(old)) if (!still.has(p)) alloc.nodePorts.release(p);
  });
}
