// `kubectl expose` (kubectl pkg/cmd/expose/expose.go with polymorphichelpers canbeexposed,
// mapbasedselectorforobject, portsforobject and protocolsforobject): builds a Service in front
// of a pod, deployment, replica set, replication controller or service, taking the selector
// and ports from the object unless flags say otherwise, and prints `service/<name> exposed`.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject, Manifest } from '../../api/objects.ts';
import { marshalYamlDocument } from '../printers/formats.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { namespaceOf, out, printApiError } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'port', kind: 'string' },
  { name: 'target-port', kind: 'string' },
  { name: 'name', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'selector', kind: 'string' },
  { name: 'protocol', kind: 'string' },
  { name: 'labels', short: 'l', kind: 'string' },
  { name: 'external-ip', kind: 'string' },
  { name: 'cluster-ip', kind: 'string' },
  { name: 'session-affinity', kind: 'string' },
  { name: 'load-balancer-ip', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'override-type', kind: 'string' },
  { name: 'overrides', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
];

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

/** `a=b,c=d` as kubectl's ParseLabels reads it. */
function parsePairs(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) return undefined;
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** MapBasedSelectorForObject. */
function selectorOf(obj: KubeObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod':
      return obj.metadata.labels && Object.keys(obj.metadata.labels).length ? { ...obj.metadata.labels } : 'the pod has no labels and cannot be exposed';
    case 'Service': {
      const sel = (obj as unknown as Service).spec?.selector;
      return sel ? { ...sel } : 'the service has no pod selector set';
    }
    case 'ReplicationController':
      return { ...((obj['spec'] as { selector?: Record<string, string> } | undefined)?.selector ?? {}) };
    default: {
      const sel = (obj as unknown as Deployment | ReplicaSet).spec?.selector;
      if (sel?.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
      return { ...(sel?.matchLabels ?? {}) };
    }
  }
}

/** PortsForObject / ProtocolsForObject: container ports (deduplicated) or the service's ports. */
function portsOf(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return ((obj as unknown as Service).spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  const containers: readonly Container[] =
    obj.kind === 'Pod' ? ((obj as unknown as Pod).spec?.containers ?? []) : ((obj['spec'] as { template?: { spec?: { containers?: Container[] } } } | undefined)?.template?.spec?.containers ?? []);
  const seen = new Set<number>();
  const ports: { port: number; protocol: string }[] = [];
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (seen.has(p.containerPort)) continue;
      seen.add(p.containerPort);
      ports.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
    }
  }
  return ports;
}

function buildService(obj: KubeObject, flags: ParsedFlags): Manifest | string {
  const selectorFlag = flagValue(flags, 'selector');
  const selector = selectorFlag ? parsePairs(selectorFlag) : selectorOf(obj);
  if (selector === undefined || typeof selector === 'string') return `couldn't retrieve selectors via --selector flag or introspection: ${selector ?? `unable to parse "${selectorFlag}"`}`;
  const portFlag = flagValue(flags, 'port');
  const introspected = portsOf(obj);
  const wanted = portFlag ? portFlag.split(',').map((p) => ({ port: Number(p), protocol: introspected.find((i) => i.port === Number(p))?.protocol ?? 'TCP' })) : introspected;
  const clusterIP = flagValue(flags, 'cluster-ip');
  if (wanted.length === 0 && clusterIP !== 'None') return "couldn't find port via --port flag or introspection";
  const protocolFlag = flagValue(flags, 'protocol');
  const target = flagValue(flags, 'target-port');
  const ports = wanted.map((p, i) => ({
    ...(wanted.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p.port,
    protocol: protocolFlag || p.protocol,
    targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port,
  }));
  const labelsFlag = flagValue(flags, 'labels');
  const labels = labelsFlag ? parsePairs(labelsFlag) : obj.metadata.labels;
  const name = (flagValue(flags, 'name') ?? obj.metadata.name).slice(0, 63);
  const type = flagValue(flags, 'type');
  const affinity = flagValue(flags, 'session-affinity');
  const externalIP = flagValue(flags, 'external-ip');
  const lbIP = flagValue(flags, 'load-balancer-ip');
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}), creationTimestamp: null },
    spec: {
      ...(clusterIP ? { clusterIP } : {}),
      ...(externalIP ? { externalIPs: externalIP.split(',') } : {}),
      ...(type === 'LoadBalancer' && lbIP ? { loadBalancerIP: lbIP } : {}),
      ...(ports.length ? { ports } : {}),
      selector,
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(type ? { type } : {}),
    },
    status: { loadBalancer: {} },
  };
}

export function expose(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const namespace = namespaceOf(k, flags);
  const files = flagValues(flags, 'filename');
  if (!files.length && flags.positional.length === 0) {
    return reportErrors(k, [{ message: `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'` }]);
  }
  const resolved = files.length ? resolveFiles(k, files, namespace, flagBool(flags, 'recursive')) : resolveResources(k, flags.positional, { namespace, allNamespaces: false, allowEmptySelector: false });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors } = resolved.value;
  if (errors.length) return reportErrors(k, errors);
  const dryRun = flagValue(flags, 'dry-run') ?? 'none';
  const output = flagValue(flags, 'output') ?? '';
  for (const { type, object } of found) {
    if (!EXPOSABLE.has(type.kind)) return reportErrors(k, [{ message: `cannot expose a ${type.group ? `${type.kind}.${type.group}` : type.kind}` }]);
    const svc = buildService(object, flags);
    if (typeof svc === 'string') return reportErrors(k, [{ message: svc }]);
    let result: Manifest = svc;
    if (dryRun !== 'client') {
      const r = k.cluster.api.create(svc, object.metadata.namespace ?? namespace, { actor: 'kubectl', dryRun: dryRun === 'server' });
      if (!r.ok) {
        printApiError(k, r.error);
        return 1;
      }
      result = r.value;
    }
    const name = (result['metadata'] as KubeObject['metadata']).name;
    if (output === 'yaml') out(k, marshalYamlDocument(result));
    else if (output === 'name') out(k, `service/${name}\n`);
    else out(k, `service/${name} exposed${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  }
  return 0;
}
