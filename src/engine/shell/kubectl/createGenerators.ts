// `kubectl create namespace|configmap|secret …` (kubectl pkg/cmd/create: create_namespace.go,
// create_configmap.go, create_secret.go, create_secret_docker.go, create_secret_tls.go): build
// the object on the client from flags and files, then print it (--dry-run=client) or send it.
// `kubectl create -f` is apply.ts's job; this module only dispatches to it.

import type { KubeObject, Manifest } from '../../api/objects.ts';
import { isRecord } from '../../api/objects.ts';
import { qualifiedKind, typeForKind } from '../../api/resources.ts';
import { base64Encode } from '../../base64.ts';
import { marshalYamlDocument } from '../printers/formats.ts';
import { apply } from './apply.ts';
import { reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';
import { configMapData, dockerConfigJson, secretData, tlsData } from './createSources.ts';
import { SERVICE_GENERATORS, SERVICE_HELP, generateService } from './createService.ts';

const COMMON: readonly FlagSpec[] = [
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string' },
  { name: 'field-manager', kind: 'string' },
  { name: 'show-managed-fields', kind: 'bool' },
];

const SOURCES: readonly FlagSpec[] = [
  // --from-literal is a StringArray (never split on commas); --from-file a StringSlice.
  { name: 'from-literal', kind: 'string' },
  { name: 'from-file', kind: 'strings' },
  { name: 'from-env-file', kind: 'strings' },
  { name: 'append-hash', kind: 'bool' },
];

const GENERATORS: Readonly<Record<string, string>> = { deployment: 'deployment', deploy: 'deployment', namespace: 'namespace', ns: 'namespace', configmap: 'configmap', cm: 'configmap', secret: 'secret', service: 'service', svc: 'service' };
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '--context', '--kubeconfig', '--request-timeout', '--field-manager', '-f', '--filename', '--dry-run']);

/** The first argument that is not a flag or a flag's value, as cobra finds a subcommand. */
function subcommandAt(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') return i;
    if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
  }
  return -1;
}

export function create(k: Kubectl, args: readonly string[]): number {
  const at = subcommandAt(args);
  const sub = at >= 0 ? GENERATORS[args[at]!] : undefined;
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 1)] : args;
  if (sub === 'deployment') return createDeployment(k, rest);
  if (sub === 'namespace') return createNamespace(k, rest);
  if (sub === 'configmap') return createConfigMap(k, rest);
  if (sub === 'secret') return createSecret(k, rest);
  if (sub === 'service') return createService(k, rest);
  if (at >= 0) {
    const positional = parseFlags(args, [...COMMON, { name: 'filename', short: 'f', kind: 'strings' }, { name: 'recursive', short: 'R', kind: 'bool' }, { name: 'edit', kind: 'bool' }, { name: 'raw', kind: 'string' }, { name: 'selector', short: 'l', kind: 'string' }, { name: 'windows-line-endings', kind: 'bool' }]).positional;
    return reportErrors(k, [{ message: `Unexpected args: [${positional.join(' ')}]\nSee '${k.name} create -h' for help and examples` }]);
  }
  return apply(k, args, 'create');
}

interface Generated {
  readonly kind: 'Namespace' | 'ConfigMap' | 'Secret' | 'Service' | 'Deployment';
  /** `configmap`, `secret`, `namespace`: the word in `failed to create …` */
  readonly what: string;
  readonly object: Manifest;
}

/** NameFromCommandArgs: exactly one NAME. */
function nameArg(k: Kubectl, flags: ParsedFlags, command: string): string | number {
  const n = flags.positional.length;
  if (n !== 1) return reportErrors(k, [{ message: `exactly one NAME is required, got ${n}\nSee '${k.name} create ${command} -h' for help and examples` }]);
  return flags.positional[0]!;
}

/** ObjectMeta as the typed object marshals it: name, namespace (only with an explicit -n), creationTimestamp. */
function meta(flags: ParsedFlags, name: string, namespaced: boolean): Record<string, unknown> {
  const ns = namespaced ? flagValue(flags, 'namespace') : undefined;
  return { name, ...(ns ? { namespace: ns } : {}), creationTimestamp: null };
}

/**
 * `kubectl create deployment NAME --image=IMAGE…` (create_deployment.go): label app=NAME, one
 * container per image named after it, `--port` and a command after `--` on the first one.
 */
function createDeployment(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [...COMMON, { name: 'image', kind: 'strings' }, { name: 'replicas', short: 'r', kind: 'int' }, { name: 'port', kind: 'int' }]);
  const name = nameArg(k, flags, 'deployment');
  if (typeof name === 'number') return name;
  const images = flagValues(flags, 'image');
  if (images.length === 0) return reportErrors(k, [{ message: 'required flag(s) "image" not set' }]);
  const port = flagValue(flags, 'port');
  const containers = images.map((image, i) => ({
    ...(i === 0 && flags.rest.length ? { command: flags.rest } : {}),
    image,
    name: containerNameFor(k, image),
    ...(i === 0 && port !== undefined && Number(port) >= 0 ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
  }));
  const labels = { app: name };
  const replicas = Number(flagValue(flags, 'replicas') ?? 1);
  const object = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { ...meta(flags, name, true), labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } }, strategy: {} },
    status: {},
  };
  return finish(k, flags, { kind: 'Deployment', what: 'deployment', object });
}

/** The container name kubectl derives from an image: its last path part without tag or digest. */
function containerNameFor(k: Kubectl, image: string): string {
  const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!;
  if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(base)) return base;
  // Not a valid name: kubectl swaps the offending characters and adds a random suffix.
  return `${base.replace(/[._]/g, '-')}-${k.cluster.random.suffix(5)}`;
}

function createNamespace(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, COMMON);
  const name = nameArg(k, flags, 'namespace');
  if (typeof name === 'number') return name;
  return finish(k, flags, { kind: 'Namespace', what: 'namespace', object: { kind: 'Namespace', apiVersion: 'v1', metadata: meta(flags, name, false), spec: {}, status: {} } });
}

function createConfigMap(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [...COMMON, ...SOURCES]);
  const name = nameArg(k, flags, 'configmap');
  if (typeof name === 'number') return name;
  const envFiles = flagValues(flags, 'from-env-file');
  if (envFiles.length && (flagValues(flags, 'from-file').length || flagValues(flags, 'from-literal').length)) {
    return reportErrors(k, [{ message: 'from-env-file cannot be combined with from-file or from-literal' }]);
  }
  const data = configMapData(k, name, flagValues(flags, 'from-file'), flagValues(flags, 'from-literal'), envFiles);
  if (typeof data === 'string') return reportErrors(k, [{ message: data }]);
  const object = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(flags, name, true), ...(Object.keys(data).length ? { data } : {}) };
  return finish(k, flags, { kind: 'ConfigMap', what: 'configmap', object });
}

function createSecret(k: Kubectl, args: readonly string[]): number {
  const at = subcommandAt(args);
  const sub = at >= 0 ? args[at] : undefined;
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 1)] : args;
  if (sub === 'generic') return secretGeneric(k, rest);
  if (sub === 'docker-registry') return secretDocker(k, rest);
  if (sub === 'tls') return secretTls(k, rest);
  if (sub !== undefined) return reportErrors(k, [{ message: `unknown command "${args.slice(at).join(' ')}"\nSee '${k.name} create secret -h' for help and examples` }]);
  err(k, SECRET_HELP);
  return 1;
}

function createService(k: Kubectl, args: readonly string[]): number {
  const at = subcommandAt(args);
  const sub = at >= 0 ? args[at]! : undefined;
  if (sub === undefined) {
    err(k, SERVICE_HELP);
    return 1;
  }
  if (!SERVICE_GENERATORS.has(sub)) return reportErrors(k, [{ message: `unknown command "${args.slice(at).join(' ')}"\nSee '${k.name} create service -h' for help and examples` }]);
  const made = generateService(k, sub, [...args.slice(0, at), ...args.slice(at + 1)], COMMON);
  if (typeof made === 'number') return made;
  return finish(k, made.flags, { kind: 'Service', what: made.gen.what, object: made.gen.object });
}

function secretObject(flags: ParsedFlags, name: string, data: Record<string, string>, type: string): Manifest {
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(flags, name, true), ...(Object.keys(data).length ? { data } : {}), ...(type ? { type } : {}) };
}

function secretGeneric(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [...COMMON, ...SOURCES, { name: 'type', kind: 'string' }]);
  const name = nameArg(k, flags, 'secret generic');
  if (typeof name === 'number') return name;
  const envFiles = flagValues(flags, 'from-env-file');
  if (envFiles.length && (flagValues(flags, 'from-file').length || flagValues(flags, 'from-literal').length)) {
    return reportErrors(k, [{ message: 'from-env-file cannot be combined with from-file or from-literal' }]);
  }
  const data = secretData(k, flagValues(flags, 'from-literal'), flagValues(flags, 'from-file'), envFiles);
  if (typeof data === 'string') return reportErrors(k, [{ message: data }]);
  return finish(k, flags, { kind: 'Secret', what: 'secret', object: secretObject(flags, name, data, flagValue(flags, 'type') ?? '') });
}

function secretDocker(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [
    ...COMMON,
    { name: 'from-file', kind: 'strings' },
    { name: 'docker-server', kind: 'string' },
    { name: 'docker-username', kind: 'string' },
    { name: 'docker-password', kind: 'string' },
    { name: 'docker-email', kind: 'string' },
    { name: 'append-hash', kind: 'bool' },
  ]);
  const name = nameArg(k, flags, 'secret docker-registry');
  if (typeof name === 'number') return name;
  // Files without a key name are the .dockerconfigjson itself (create_secret_docker.go Complete).
  const files = flagValues(flags, 'from-file').map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`));
  const user = flagValue(flags, 'docker-username') ?? '';
  const password = flagValue(flags, 'docker-password') ?? '';
  const server = flagValue(flags, 'docker-server') ?? 'https://index.docker.io/v1/';
  if (files.length === 0 && (!user || !password || !server)) {
    return reportErrors(k, [{ message: 'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required' }]);
  }
  const data = files.length ? secretData(k, [], files, []) : { '.dockerconfigjson': base64Encode(dockerConfigJson(user, password, flagValue(flags, 'docker-email') ?? '', server)) };
  if (typeof data === 'string') return reportErrors(k, [{ message: data }]);
  return finish(k, flags, { kind: 'Secret', what: 'secret', object: secretObject(flags, name, data, 'kubernetes.io/dockerconfigjson') });
}

function secretTls(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [...COMMON, { name: 'cert', kind: 'string' }, { name: 'key', kind: 'string' }, { name: 'append-hash', kind: 'bool' }]);
  const name = nameArg(k, flags, 'secret tls');
  if (typeof name === 'number') return name;
  const cert = flagValue(flags, 'cert') ?? '';
  const key = flagValue(flags, 'key') ?? '';
  if (!cert || !key) return reportErrors(k, [{ message: 'key and cert must be specified' }]);
  const data = tlsData(k, cert, key);
  if (typeof data === 'string') return reportErrors(k, [{ message: data }]);
  return finish(k, flags, { kind: 'Secret', what: 'secret', object: secretObject(flags, name, data, 'kubernetes.io/tls') });
}

/** Go's json.Marshal escapes <, > and & inside strings. */
const goJson = (text: string): string => text.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);

/** The typed object's JSON: fields in struct order (as built), maps sorted (as built), 4-space indent. */
const structJson = (v: unknown): string => `${goJson(JSON.stringify(v, null, 4))}\n`;

/** Print (client dry run) or send the generated object, then report as kubectl does. */
function finish(k: Kubectl, flags: ParsedFlags, gen: Generated): number {
  const output = flagValue(flags, 'output') ?? '';
  const dryRun = flagValue(flags, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun)) return reportErrors(k, [{ message: `Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".` }]);
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    return reportErrors(k, [{ message: `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml` }]);
  }
  let object = gen.object;
  if (flagBool(flags, 'save-config')) {
    const m = object['metadata'] as Record<string, unknown>;
    const annotations = isRecord(m['annotations']) ? m['annotations'] : {};
    object = { ...object, metadata: { ...m, annotations: { ...annotations, 'kubectl.kubernetes.io/last-applied-configuration': `${goJson(JSON.stringify(object))}\n` } } };
  }
  const type = typeForKind(gen.kind)!;
  let result: Manifest = object;
  if (dryRun !== 'client') {
    const r = k.cluster.api.create(object, type.namespaced ? namespaceOf(k, flags) : undefined, { actor: 'kubectl', dryRun: dryRun === 'server' });
    if (!r.ok) {
      if (gen.kind === 'Namespace') printApiError(k, r.error);
      else err(k, `error: failed to create ${gen.what}${gen.kind === 'ConfigMap' || gen.kind === 'Service' || gen.kind === 'Deployment' ? ':' : ''} ${r.error.message}\n`);
      return 1;
    }
    result = r.value;
  }
  const name = (result['metadata'] as KubeObject['metadata']).name;
  if (output === 'yaml') out(k, marshalYamlDocument(result));
  else if (output === 'json') out(k, structJson(result));
  else if (output === 'name') out(k, `${qualifiedKind(type)}/${name}\n`);
  else out(k, `${qualifiedKind(type)}/${name} created${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

const SECRET_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
