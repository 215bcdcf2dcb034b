// What kube-proxy reads to program a Service port: the ready endpoints of its EndpointSlices
// (pkg/proxy/endpointslicecache.go), each with the resolved target port, falling back to
// serving-but-terminating ones when none is ready (ProxyTerminatingEndpoints, GA in 1.28).

import type { Endpoints, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from '../api/apiServer.ts';

export interface ProxyEndpoint {
  readonly ip: string;
  /** the port on the pod: the slice's resolved targetPort */
  readonly port: number;
  readonly nodeName?: string;
  readonly pod?: { readonly namespace: string; readonly name: string };
}

/** The service port a request for `port` on the ClusterIP (or `nodePort` on a node) means. */
export function servicePortFor(svc: Service, port: number, by: 'port' | 'nodePort'): ServicePort | undefined {
  return svc.spec?.ports?.find((p) => (by === 'port' ? p.port : p.nodePort) === port && (p.protocol ?? 'TCP') === 'TCP');
}

/** The endpoints kube-proxy would load-balance over for one service port, sorted by address as its rules list them. */
export function proxyEndpoints(api: ApiServer, svc: Service, svcPort: ServicePort): ProxyEndpoint[] {
  const ns = svc.metadata!.namespace!;
  const name = svc.metadata!.name!;
  const slices = (api.store.list('endpointslices', ns) as unknown as EndpointSlice[]).filter(
    (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === name,
  );
  const ready: ProxyEndpoint[] = [];
  const terminating: ProxyEndpoint[] = [];
  for (const slice of slices) {
    const port = slice.ports?.find((p) => (p.name ?? '') === (svcPort.name ?? '') && (p.protocol ?? 'TCP') === 'TCP')?.port;
    if (port === undefined) continue;
    for (const e of slice.endpoints ?? []) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const ref = e.targetRef?.kind === 'Pod' && e.targetRef.name ? { namespace: e.targetRef.namespace ?? ns, name: e.targetRef.name } : undefined;
      const endpoint: ProxyEndpoint = { ip, port, ...(e.nodeName ? { nodeName: e.nodeName } : {}), ...(ref ? { pod: ref } : {}) };
      // A nil `ready` means ready (discovery/v1 types.go): consumers must read it that way.
      if (e.conditions?.ready !== false) ready.push(endpoint);
      else if (e.conditions.serving === true && e.conditions.terminating === true) terminating.push(endpoint);
    }
  }
  // A selector-less Service's hand-written Endpoints: what the EndpointSlice mirroring controller copies into slices.
  if (!svc.spec?.selector) ready.push(...mirroredEndpoints(api, svc, svcPort).filter((e) => !ready.some((r) => r.ip === e.ip && r.port === e.port)));
  const chosen = ready.length ? ready : terminating;
  return chosen.sort((a, b) => compareIp(a.ip, b.ip) || a.port - b.port);
}

function mirroredEndpoints(api: ApiServer, svc: Service, svcPort: ServicePort): ProxyEndpoint[] {
  const ep = api.store.list('endpoints', svc.metadata!.namespace!).find((e) => e.metadata.name === svc.metadata!.name) as unknown as Endpoints | undefined;
  const out: ProxyEndpoint[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = subset.ports?.find((p) => (p.name ?? '') === (svcPort.name ?? '') && (p.protocol ?? 'TCP') === 'TCP')?.port;
    if (port === undefined) continue;
    for (const a of subset.addresses ?? []) {
      const ref = a.targetRef?.kind === 'Pod' && a.targetRef.name ? { namespace: a.targetRef.namespace ?? svc.metadata!.namespace!, name: a.targetRef.name } : undefined;
      out.push({ ip: a.ip, port, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ...(ref ? { pod: ref } : {}) });
    }
  }
  return out;
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
