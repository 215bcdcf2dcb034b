// What kubectl says about the cluster itself: `version` (kubectl pkg/cmd/version), `cluster-info`
// (pkg/cmd/clusterinfo: the control plane URL and the kube-system services labelled
// kubernetes.io/cluster-service=true; kubectl colours the names, the lab prints plain text),
// `api-resources` (pkg/cmd/apiresources) and `api-versions`, all from the lab's discovery table.

import type { Service } from 'kubernetes-types/core/v1';
import { KUBERNETES_VERSION } from '../../config.ts';
import type { ResourceType } from '../../api/resources.ts';
import { apiVersionOf, resourceTypes } from '../../api/resources.ts';
import { marshalYamlDocument } from '../printers/formats.ts';
import { compareStrings } from '../printers/table.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import { reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { out } from './client.ts';
import type { FlagSpec } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const KUSTOMIZE_VERSION = 'v5.5.0';

/** version.Info of the official v1.32.2 build (client and server are the same release). */
function versionInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.') as [string, string];
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:26:09Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function version(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ]);
  const output = flagValue(flags, 'output') ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json') return reportErrors(k, [{ message: "--output must be 'yaml' or 'json'" }]);
  const client = flagBool(flags, 'client');
  if (output === '') {
    out(k, `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${client ? '' : `Server Version: ${KUBERNETES_VERSION}\n`}`);
    return 0;
  }
  const value = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION, ...(client ? {} : { serverVersion: versionInfo() }) };
  // json.MarshalIndent(v, "", "  ") of the struct: fields in declaration order.
  out(k, output === 'json' ? `${JSON.stringify(value, null, 2)}\n` : marshalYamlDocument(value));
  return 0;
}

export function clusterInfo(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, []);
  if (flags.positional[0] === 'dump') return reportErrors(k, [{ message: 'cluster-info dump is not simulated in kubelab' }]);
  const host = k.cluster.preset.apiServerAddress;
  const lines = [`Kubernetes control plane is running at ${host}`];
  const services = k.cluster.api.store.list('services', 'kube-system') as unknown as Service[];
  const clusterServices = services.filter((s) => s.metadata?.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const s of clusterServices) lines.push(`${s.metadata?.labels?.['kubernetes.io/name'] || s.metadata?.name} is running at ${serviceLink(host, s)}`);
  // A kind cluster always runs CoreDNS; until the lab stores its kube-dns Service, show it anyway.
  if (clusterServices.length === 0 && k.cluster.preset.name === 'kind') {
    lines.push(`CoreDNS is running at ${host}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`);
  }
  out(k, `${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

/** clusterinfo.go: the API server's proxy URL for a service (`kube-dns:dns`, `https:name:port`). */
function serviceLink(host: string, s: Service): string {
  const ingress = s.status?.loadBalancer?.ingress?.[0];
  if (ingress) return `http://${ingress.ip || ingress.hostname}:${s.spec?.ports?.[0]?.port ?? ''}`;
  let name = s.metadata?.name ?? '';
  const port = s.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = [scheme, name, port.name ?? ''].filter((p, i) => i === 1 || p !== '').join(':');
  }
  return `${host}/api/v1/namespaces/${s.metadata?.namespace}/services/${name}/proxy`;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const verbsOf = (t: ResourceType): string[] => (t.kind === 'Namespace' ? ALL_VERBS.filter((v) => v !== 'deletecollection') : ALL_VERBS);

/** A bool flag kubectl only applies when it was given (cmd.Flags().Changed). */
function changedBool(args: readonly string[], name: string): boolean | undefined {
  let value: boolean | undefined;
  for (const a of args) {
    const m = new RegExp(`^--${name}(?:=(.*))?$`).exec(a);
    if (m) value = m[1] === undefined || ['true', '1', 't', 'T', 'TRUE', 'True'].includes(m[1]);
  }
  return value;
}

const API_RESOURCES_FLAGS: readonly FlagSpec[] = [
  { name: 'namespaced', kind: 'bool' },
  { name: 'api-group', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'verbs', kind: 'strings' },
  { name: 'categories', kind: 'strings' },
  { name: 'cached', kind: 'bool' },
];

export function apiResources(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, API_RESOURCES_FLAGS);
  const output = flagValue(flags, 'output') ?? '';
  if (!['', 'wide', 'name'].includes(output)) return reportErrors(k, [{ message: `--output ${output} is not available` }]);
  const sortBy = flagValue(flags, 'sort-by') ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) return reportErrors(k, [{ message: `--sort-by accepts only name or kind` }]);
  const namespaced = changedBool(args, 'namespaced');
  const group = flagValue(flags, 'api-group');
  const verbs = flagValues(flags, 'verbs');
  const categories = flagValues(flags, 'categories');
  const chosen = resourceTypes
    .filter((t) => namespaced === undefined || t.namespaced === namespaced)
    .filter((t) => group === undefined || t.group === group)
    .filter((t) => verbs.every((v) => verbsOf(t).includes(v)))
    .filter((t) => categories.every((c) => t.categories?.includes(c)));
  const key = (t: ResourceType): string => (sortBy === 'name' ? t.resource : sortBy === 'kind' ? t.kind : t.group);
  const sorted = [...chosen].sort((a, b) => compareStrings(key(a), key(b)) || compareStrings(a.resource, b.resource));
  if (output === 'name') {
    out(k, sorted.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = sorted.map((t) => [
    t.resource,
    t.shortNames.join(','),
    apiVersionOf(t),
    String(t.namespaced),
    t.kind,
    ...(wide ? [`[${verbsOf(t).join(' ')}]`, `[${(t.categories ?? []).join(' ')}]`] : []),
  ]);
  // apiresources.go writes the header before looking at the resources, so it shows even alone.
  const lines = flagBool(flags, 'no-headers') ? rows : [header, ...rows];
  out(k, tabwrite(lines.map((cells) => `${cells.join('\t')}\n`).join('')));
  return 0;
}

export function apiVersions(k: Kubectl, args: readonly string[]): number {
  parseFlags(args, []);
  const versions = [...new Set(resourceTypes.map(apiVersionOf))].sort(compareStrings);
  out(k, versions.map((v) => `${v}\n`).join(''));
  return 0;
}
