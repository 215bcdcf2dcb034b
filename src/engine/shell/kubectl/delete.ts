// `kubectl delete`: by file, by type and name, by label selector or `--all`, with --cascade's
// propagationPolicy. Prints `pod "x" deleted` as each request returns, then waits (simulated
// time) until the objects are really gone, as the default --wait=true does; pods take their
// grace period. `--force --grace-period=0` removes them at once, with kubectl's warning.

import type { KubeObject } from '../../api/objects.ts';
import { isRecord } from '../../api/objects.ts';
import type { ResourceType } from '../../api/resources.ts';
import { qualifiedKind, typeForGVK } from '../../api/resources.ts';
import type { Proc } from '../process.ts';
import type { DeleteOptions } from '../../api/apiServer.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError, resolveType } from './client.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';
import { readManifestSources } from './manifests.ts';
import { matchesSelector } from './selector.ts';

type Policy = NonNullable<DeleteOptions['propagationPolicy']>;

const FLAGS = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'grace-period', kind: 'int' },
  { name: 'now', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'wait', kind: 'string' },
  { name: 'timeout', kind: 'string' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'cascade', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
] as const;

interface Target {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly source?: string;
}

const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

export function* del(k: Kubectl, args: readonly string[]): Proc {
  const flags = parseFlags(args, FLAGS);
  const cascade = parseCascade(k, flagValue(flags, 'cascade') ?? 'background');
  if (cascade === undefined) return 1;
  const namespace = namespaceOf(k, flags);
  const files = flagValues(flags, 'filename');
  const targets: Target[] = [];
  let status = 0;
  if (files.length) {
    const read = readManifestSources(files, k.ctx.io.stdin, k.ctx.vfs, k.ctx.env.cwd, flagBool(flags, 'recursive'));
    if (!read.ok) {
      err(k, read.error.message.startsWith('the path') ? `error: ${read.error.message}\n` : `error: error parsing ${read.error.source}: ${read.error.message}\n`);
      return 1;
    }
    for (const d of read.docs) {
      const t = typeForGVK(String(d.manifest['apiVersion'] ?? ''), String(d.manifest['kind'] ?? ''));
      const meta = isRecord(d.manifest['metadata']) ? d.manifest['metadata'] : {};
      if (!t) {
        err(k, `error: resource mapping not found for name: "${String(meta['name'] ?? '')}" namespace: "" from "${d.source}": no matches for kind "${String(d.manifest['kind'] ?? '')}" in version "${String(d.manifest['apiVersion'] ?? '')}"\nensure CRDs are installed first\n`);
        status = 1;
        continue;
      }
      targets.push({ type: t, namespace: t.namespaced ? String(meta['namespace'] ?? namespace) : undefined, name: String(meta['name'] ?? ''), source: d.source });
    }
  } else {
    const found = fromArgs(k, flags.positional, flags, namespace);
    if (found === undefined) return 1;
    if (found === 'usage') {
      err(k, NO_ARGS);
      return 1;
    }
    targets.push(...found);
    if (found.length === 0 && (flagValue(flags, 'selector') !== undefined || flagBool(flags, 'all'))) {
      err(k, flagBool(flags, 'all-namespaces') ? 'No resources found\n' : `No resources found\n`);
      return 0;
    }
  }
  let grace = flagValue(flags, 'grace-period') === undefined ? -1 : Number(flagValue(flags, 'grace-period'));
  const force = flagBool(flags, 'force');
  if (flagBool(flags, 'now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) {
    err(k, 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const waitFor: { type: ResourceType; obj: KubeObject }[] = [];
  for (const t of targets) {
    const rec = k.cluster.trace.emit({ component: 'kubectl', action: 'request', object: { kind: t.type.kind, name: t.name, ...(t.namespace ? { namespace: t.namespace } : {}) }, why: `kubectl asks the API server to delete ${t.type.singular}/${t.name}` });
    const r = k.cluster.trace.within(rec.id, () =>
      k.cluster.api.delete(t.type, t.namespace, t.name, { actor: 'kubectl', propagationPolicy: cascade, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) }),
    );
    if (!r.ok) {
      if (r.error.reason === 'NotFound' && flagBool(flags, 'ignore-not-found')) continue;
      printApiError(k, r.error, t.source ? { verb: 'deleting', source: t.source } : undefined);
      status = 1;
      continue;
    }
    const output = flagValue(flags, 'output');
    if (output === 'name') out(k, `${qualifiedKind(t.type)}/${t.name}\n`);
    else out(k, `${qualifiedKind(t.type)} "${t.name}" ${force && grace === 0 ? 'force ' : ''}deleted${t.namespace && flagBool(flags, 'all-namespaces') ? ` from ${t.namespace} namespace` : ''}\n`);
    waitFor.push({ type: t.type, obj: r.value });
  }
  if (flagValue(flags, 'wait') !== 'false') {
    const api = k.cluster.api;
    const gone = (): boolean => waitFor.every(({ type, obj }) => api.get(type, obj.metadata.namespace, obj.metadata.name)?.metadata.uid !== obj.metadata.uid);
    // kubectl waits up to a week by default; a lab script gives up after a simulated day.
    if (!gone()) yield { until: gone, timeoutMs: 24 * 3600 * 1000 };
  }
  return status;
}

const BOOLS: Readonly<Record<string, boolean>> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };
const POLICIES: Readonly<Record<string, Policy>> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

/** parseCascadingFlag: a policy name, or the deprecated boolean (true = background, false = orphan). */
function parseCascade(k: Kubectl, value: string): Policy | undefined {
  const asBool = BOOLS[value];
  if (asBool !== undefined) {
    err(k, `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${asBool ? 'background' : 'orphan'}.\n`);
    return asBool ? 'Background' : 'Orphan';
  }
  const policy = POLICIES[value];
  if (!policy) err(k, `error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"\n`);
  return policy;
}

function fromArgs(k: Kubectl, positional: readonly string[], flags: ReturnType<typeof parseFlags>, namespace: string): Target[] | undefined | 'usage' {
  if (positional.length === 0) return 'usage';
  const api = k.cluster.api;
  const allNs = flagBool(flags, 'all-namespaces');
  const selector = flagValue(flags, 'selector');
  const all = flagBool(flags, 'all');
  const targets: Target[] = [];
  if (positional.every((p) => p.includes('/'))) {
    for (const p of positional) {
      const [typeName, name] = p.split('/') as [string, string];
      const type = resolveType(k, typeName);
      if (!type) return undefined;
      targets.push({ type, namespace: type.namespaced ? namespace : undefined, name });
    }
    return targets;
  }
  const [typeNames, ...names] = positional as [string, ...string[]];
  const types: ResourceType[] = [];
  for (const tn of typeNames.split(',')) {
    const t = resolveType(k, tn);
    if (!t) return undefined;
    types.push(t);
  }
  if (names.length === 0) {
    if (selector === undefined && !all) {
      err(k, `error: resource(s) were provided, but no name was specified\n`);
      return undefined;
    }
    for (const type of types) {
      for (const o of api.list(type, allNs ? undefined : namespace)) {
        if (selector !== undefined && !matchesSelector((o.metadata.labels ?? {}) as Record<string, string>, selector)) continue;
        targets.push({ type, namespace: o.metadata.namespace, name: o.metadata.name });
      }
    }
    return targets;
  }
  for (const type of types) for (const name of names) targets.push({ type, namespace: type.namespaced ? namespace : undefined, name });
  return targets;
}
