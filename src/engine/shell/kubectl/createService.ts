// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (kubectl
// pkg/cmd/create/create_service.go): selector and labels `app: NAME`, one port per `--tcp`
// spec named `<port>-<target>` (or `"<port>"`), then sent or printed like every generator.

import type { Manifest } from '../../api/objects.ts';
import { reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagValue, flagValues, parseFlags } from './flags.ts';

const KINDS: Readonly<Record<string, { type: string; what: string }>> = {
  clusterip: { type: 'ClusterIP', what: 'ClusterIP service' },
  nodeport: { type: 'NodePort', what: 'NodePort service' },
  loadbalancer: { type: 'LoadBalancer', what: 'LoadBalancer service' },
  externalname: { type: 'ExternalName', what: 'ExternalName service' },
};

const EXTRA: Readonly<Record<string, readonly FlagSpec[]>> = {
  clusterip: [{ name: 'clusterip', kind: 'string' }],
  nodeport: [{ name: 'node-port', kind: 'int' }],
  loadbalancer: [],
  externalname: [{ name: 'external-name', kind: 'string' }],
};

export interface ServiceGenerated {
  readonly what: string;
  readonly object: Manifest;
}

/** parsePorts: `80` or `80:8080`, unsigned 16-bit numbers. */
function parsePort(spec: string): [number, number] | string {
  const [a = '', b] = spec.split(':');
  for (const s of b === undefined ? [a] : [a, b]) {
    if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
    if (Number(s) > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  }
  return [Number(a), Number(b ?? a)];
}

/**
 * Builds the Service for `create service <sub>`; returns the exit code when it printed an error.
 * `common` are the create generators' shared flags.
 */
export function generateService(k: Kubectl, sub: string, args: readonly string[], common: readonly FlagSpec[]): { flags: ParsedFlags; gen: ServiceGenerated } | number {
  const kind = KINDS[sub]!;
  const flags = parseFlags(args, [...common, { name: 'tcp', kind: 'strings' }, ...EXTRA[sub]!]);
  const n = flags.positional.length;
  if (n !== 1) return reportErrors(k, [{ message: `exactly one NAME is required, got ${n}\nSee '${k.name} create service ${sub} -h' for help and examples` }]);
  const name = flags.positional[0]!;
  const clusterIP = flagValue(flags, 'clusterip') ?? '';
  const externalName = flagValue(flags, 'external-name') ?? '';
  if (sub === 'externalname' && !externalName) {
    err(k, 'error: required flag(s) "external-name" not set\n');
    return 1;
  }
  const tcp = flagValues(flags, 'tcp');
  if (tcp.length === 0 && clusterIP !== 'None' && sub !== 'externalname') return reportErrors(k, [{ message: 'at least one tcp port specifier must be provided' }]);
  const nodePort = Number(flagValue(flags, 'node-port') ?? 0);
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp) {
    const parsed = parsePort(spec);
    if (typeof parsed === 'string') return reportErrors(k, [{ message: parsed }]);
    const [port, target] = parsed;
    ports.push({ name: spec.includes(':') ? `${port}-${target}` : `${port}`, ...(nodePort ? { nodePort } : {}), port, protocol: 'TCP', targetPort: target });
  }
  const namespace = flagValue(flags, 'namespace');
  const object: Manifest = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, labels: { app: name } },
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP ? { clusterIP } : {}),
      type: kind.type,
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
  return { flags, gen: { what: kind.what, object } };
}

export const SERVICE_GENERATORS = new Set(Object.keys(KINDS));

export const SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
