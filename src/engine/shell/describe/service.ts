// `kubectl describe service` (k8s.io/kubectl/pkg/describe describe.go describeService, v1.32):
// metadata, selector, type, IP families and addresses, then per port its target, node port and
// the ready endpoints of the Service's EndpointSlices (formatEndpointSlices), then policies.

import type { Event, LoadBalancerIngress, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './fields.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';

/** net.JoinHostPort */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpointSlices for one port name: ready endpoints only, at most 3, then ` + N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string): void => {
    if (list.length === max) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ready = endpoints.filter((e) => e.conditions?.ready === undefined || e.conditions.ready === true);
    if (!slice.ports?.length) {
      for (const e of ready) add(e.addresses[0] ?? '');
      continue;
    }
    for (const port of slice.ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const e of ready) add(hostPort(e.addresses[0] ?? '', port.port ?? 0));
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

const formatLabels = (m: Record<string, string> | undefined): string => {
  const keys = sortedKeys(m);
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
};

function writePort(w: Parameters<Parameters<typeof tabbedString>[0]>[0], sp: ServicePort, slices: readonly EndpointSlice[]): void {
  const name = sp.name || '<unset>';
  const protocol = sp.protocol ?? '';
  w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
  const target = sp.targetPort ?? 0;
  w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
  if (sp.appProtocol !== undefined) w.write(LEVEL_0, `AppProtocol:\t${sp.appProtocol}\n`);
  if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
  w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
}

/** buildIngressString: each ingress's IP with its ipMode in brackets, or its hostname. */
function buildIngressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode !== undefined ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

export function describeService(svc: Service, slices: readonly EndpointSlice[], events: readonly Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`);
    for (const sp of spec.ports ?? []) writePort(w, sp, slices);
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (events) describeEvents(events, w, now);
  });
}
