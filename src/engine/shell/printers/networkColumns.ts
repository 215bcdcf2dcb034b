// Table rows of Service, Endpoints, EndpointSlice and Ingress: ports of printService,
// printEndpoints, printEndpointSlice and printIngress in kubernetes printers.go (v1.32).
// The API server builds tables with Wide on, so LoadBalancer addresses are never truncated.

import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/objects.ts';
import { translateTimestampSince } from './age.ts';
import { compareStrings, formatLabels, type KindPrinter, type TableColumn } from './table.ts';

const NAME: TableColumn = { name: 'Name', priority: 0, format: 'name' };
const AGE: TableColumn = { name: 'Age', priority: 0 };
const col = (name: string, priority = 0): TableColumn => ({ name, priority });
const age = (obj: KubeObject, now: number): string => translateTimestampSince(obj.metadata.creationTimestamp, now);

/** loadBalancerStatusStringer (wide): distinct ingress IPs, else hostnames, sorted. */
function loadBalancerAddresses(ingress: readonly { ip?: string; hostname?: string }[] | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(compareStrings).join(',');
}

function externalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, or `80:31111/TCP` once a node port is allocated. */
function portString(svc: Service): string {
  const ports = (svc.spec?.ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return ports.length > 0 ? ports.join(',') : '<none>';
}

export const servicePrinter: KindPrinter = {
  columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 1)],
  row(obj, now) {
    const svc = obj as unknown as Service;
    // The internal type only has clusterIPs; conversion fills it from clusterIP.
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '';
    return [
      obj.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      clusterIP || '<none>',
      externalIP(svc),
      portString(svc),
      age(obj, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** net.JoinHostPort: IPv6 addresses get brackets. */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** formatEndpoints: ready addresses only, at most 3, then ` + N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (entries: readonly string[]): void => {
    count += entries.length;
    for (const e of entries) {
      if (list.length === max) {
        more = true;
        break;
      }
      list.push(e);
    }
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports: the bare IPs are listed.
    if ((ss.ports ?? []).length === 0) add(addresses.map((a) => a.ip));
    for (const port of ss.ports ?? []) add(addresses.map((a) => hostPort(a.ip, port.port)));
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** listWithMoreString: up to 3 entries, ` + N more...`, `<unset>` when empty. */
function listWithMore(entries: readonly string[]): string {
  const max = 3;
  if (entries.length > max) return `${entries.slice(0, max).join(',')} + ${entries.length - max} more...`;
  return entries.length === 0 ? '<unset>' : entries.join(',');
}

export const endpointsPrinter: KindPrinter = {
  columns: [NAME, col('Endpoints'), AGE],
  row: (obj, now) => [obj.metadata.name, formatEndpoints(obj as unknown as Endpoints), age(obj, now)],
};

export const endpointSlicePrinter: KindPrinter = {
  columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
  row(obj, now) {
    const slice = obj as unknown as EndpointSlice;
    const ports = (slice.ports ?? []).map((p) => (p.port != null ? String(p.port) : (p.name ?? '*')));
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
    return [obj.metadata.name, slice.addressType ?? '', listWithMore(ports), listWithMore(addresses), age(obj, now)];
  },
};

/** formatHosts: the first 3 hosts named by rules, `*` when none names one. */
function formatHosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  // Go counts the rules, not the hosts, past the first three.
  return more ? `${hosts.join(',')} + ${rules.length - max} more...` : hosts.join(',');
}

export const ingressPrinter: KindPrinter = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE],
  row(obj, now) {
    const ing = obj as unknown as Ingress;
    return [
      obj.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      age(obj, now),
    ];
  },
};
