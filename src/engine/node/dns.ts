// Cluster DNS as a pod sees it (CoreDNS's kubernetes plugin with the kubelet's resolv.conf):
// `<svc>.<ns>.svc.cluster.local` answers with the Service's ClusterIP, a headless Service's
// name with its ready endpoints' addresses, an ExternalName Service's with a CNAME; the search
// path `<ns>.svc.cluster.local svc.cluster.local cluster.local` makes `svc` and `svc.ns` work.

import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from '../api/apiServer.ts';
import { typeForKind } from '../api/resources.ts';

const SERVICES = typeForKind('Service')!;
const ENDPOINTS = typeForKind('Endpoints')!;
export const CLUSTER_DOMAIN = 'cluster.local';

/** What CoreDNS answers for one name: A records, or a CNAME to an outside name. */
export type DnsAnswer =
  | { readonly kind: 'A'; readonly fqdn: string; readonly addresses: readonly string[] }
  | { readonly kind: 'CNAME'; readonly fqdn: string; readonly target: string };

/** The names resolv.conf's search path tries for `name` (ndots:5: a short name goes through the list first). */
export function searchNames(name: string, namespace: string): string[] {
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [bare];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const dots = bare.split('.').length - 1;
  const expanded = search.map((s) => `${bare}.${s}`);
  return dots >= 5 ? [bare, ...expanded] : [...expanded, bare];
}

/** kube-dns's ClusterIP: the tenth address of the service range (kubeadm's, kind's and microk8s' convention). */
export function clusterDnsIP(api: ApiServer): string {
  const apiIP = (api.get(SERVICES, 'default', 'kubernetes') as unknown as Service | undefined)?.spec?.clusterIP ?? '10.96.0.1';
  return apiIP.replace(/\.\d+$/, '.10');
}

/** The /etc/resolv.conf the kubelet writes for a dnsPolicy: ClusterFirst pod. */
export function resolvConf(api: ApiServer, namespace: string): string {
  return `search ${namespace}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${clusterDnsIP(api)}\noptions ndots:5\n`;
}

/** A headless Service's records: one per ready endpoint address (slices, or a hand-written Endpoints). */
function readyAddresses(api: ApiServer, svc: Service): string[] {
  const ns = svc.metadata!.namespace!;
  const name = svc.metadata!.name!;
  const ips = new Set<string>();
  for (const slice of api.store.list('endpointslices', ns) as unknown as EndpointSlice[]) {
    if (slice.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    for (const e of slice.endpoints ?? []) if (e.conditions?.ready !== false && e.addresses[0]) ips.add(e.addresses[0]);
  }
  if (!svc.spec?.selector) {
    const ep = api.get(ENDPOINTS, ns, name) as unknown as Endpoints | undefined;
    for (const s of ep?.subsets ?? []) for (const a of s.addresses ?? []) ips.add(a.ip);
  }
  return [...ips].sort(compareIp);
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The Service records CoreDNS serves for an exact `<svc>.<ns>.svc.cluster.local`. */
function lookupFqdn(api: ApiServer, fqdn: string): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const svc = api.get(SERVICES, parts[1]!, parts[0]!) as unknown as Service | undefined;
  if (!svc) return undefined;
  if (svc.spec?.type === 'ExternalName') return svc.spec.externalName ? { kind: 'CNAME', fqdn, target: svc.spec.externalName } : undefined;
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== 'None') return { kind: 'A', fqdn, addresses: [ip] };
  // Headless: the pods' own addresses; none ready means NXDOMAIN, as CoreDNS answers.
  const addresses = readyAddresses(api, svc);
  return addresses.length ? { kind: 'A', fqdn, addresses } : undefined;
}

/** What a pod in `namespace` gets for `name`, walking the search path; undefined is NXDOMAIN. */
export function lookupInCluster(api: ApiServer, name: string, namespace: string): DnsAnswer | undefined {
  for (const candidate of searchNames(name.toLowerCase(), namespace)) {
    const answer = lookupFqdn(api, candidate);
    if (answer) return answer;
  }
  return undefined;
}

/**
 * The address a client connects to: the first A record. A CNAME to a name outside the cluster
 * does not resolve here: the lab has no Internet and no upstream resolver.
 */
export function resolveInCluster(api: ApiServer, name: string, namespace: string): string | undefined {
  const answer = lookupInCluster(api, name, namespace);
  return answer?.kind === 'A' ? answer.addresses[0] : undefined;
}
