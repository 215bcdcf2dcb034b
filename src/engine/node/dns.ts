// Cluster DNS as a pod sees it (CoreDNS's kubernetes plugin with the kubelet's resolv.conf):
// `<svc>.<ns>.svc.cluster.local` answers with the Service's ClusterIP, and the search path
// `<ns>.svc.cluster.local svc.cluster.local cluster.local` makes `svc` and `svc.ns` work too.

import type { Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/apiServer.ts';
import { typeForKind } from '../api/resources.ts';

const SERVICES = typeForKind('Service')!;
export const CLUSTER_DOMAIN = 'cluster.local';

/** The names resolv.conf's search path tries for `name` (ndots:5: a short name goes through the list first). */
export function searchNames(name: string, namespace: string): string[] {
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [bare];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const dots = bare.split('.').length - 1;
  const expanded = search.map((s) => `${bare}.${s}`);
  return dots >= 5 ? [bare, ...expanded] : [...expanded, bare];
}

/** A Service's A record: `<svc>.<ns>.svc.cluster.local` → its ClusterIP (none for headless or ExternalName here). */
function lookupFqdn(api: ApiServer, fqdn: string): string | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const svc = api.get(SERVICES, parts[1]!, parts[0]!) as unknown as Service | undefined;
  const ip = svc?.spec?.clusterIP;
  return ip && ip !== 'None' ? ip : undefined;
}

/** What a lookup of `name` from a pod in `namespace` returns: an IPv4 address, or undefined (NXDOMAIN). */
export function resolveInCluster(api: ApiServer, name: string, namespace: string): string | undefined {
  for (const candidate of searchNames(name.toLowerCase(), namespace)) {
    const ip = lookupFqdn(api, candidate);
    if (ip) return ip;
  }
  return undefined;
}
