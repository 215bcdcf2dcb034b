// `kubectl apply -f` and `kubectl create -f`: read the manifests, map each to its resource,
// and send it to the API server, printing `pod/hello-pod created|configured|unchanged` per
// document in file order, and each error the way kubectl words it.

import type { Manifest } from '../../api/objects.ts';
import { deepEqual, isRecord } from '../../api/objects.ts';
import { qualifiedKind, typeForGVK } from '../../api/resources.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';
import type { ManifestDoc } from './manifests.ts';
import { readManifestSources } from './manifests.ts';
import { threeWayMerge } from './merge.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const FLAGS = [
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'validate', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  { name: 'server-side', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'prune', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'record', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
] as const;

export function apply(k: Kubectl, args: readonly string[], verb: 'apply' | 'create'): number {
  const flags = parseFlags(args, FLAGS);
  const files = flagValues(flags, 'filename');
  if (files.length === 0) {
    err(k, 'error: must specify one of -f and -k\n');
    return 1;
  }
  const read = readManifestSources(files, k.ctx.io.stdin, k.ctx.vfs, k.ctx.env.cwd, flagBool(flags, 'recursive'));
  if (!read.ok) {
    const e = read.error;
    if (e.message.startsWith('the path')) err(k, `error: ${e.message}\n`);
    else err(k, `error: error parsing ${e.source}: ${e.message}\n`);
    return 1;
  }
  if (read.docs.length === 0) {
    err(k, 'error: no objects passed to ' + verb + '\n');
    return 1;
  }
  const dryRun = flagValue(flags, 'dry-run');
  const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun && dryRun !== 'none' ? ' (dry run)' : '';
  const namespace = namespaceOf(k, flags);
  const output = flagValue(flags, 'output');
  let failed = false;
  const deferred: (() => void)[] = [];
  for (const doc of read.docs) {
    const ok = applyOne(k, doc, verb, namespace, { dryRun: suffix !== '', suffix, output, saveConfig: flagBool(flags, 'save-config') }, deferred);
    if (!ok) failed = true;
  }
  for (const d of deferred) d();
  return failed ? 1 : 0;
}

interface ApplyOptions {
  readonly dryRun: boolean;
  readonly suffix: string;
  readonly output: string | undefined;
  readonly saveConfig: boolean;
}

function applyOne(k: Kubectl, doc: ManifestDoc, verb: 'apply' | 'create', namespace: string, opts: ApplyOptions, deferred: (() => void)[]): boolean {
  const m = doc.manifest;
  const kind = typeof m['kind'] === 'string' ? m['kind'] : '';
  const apiVersion = typeof m['apiVersion'] === 'string' ? m['apiVersion'] : '';
  const meta = isRecord(m['metadata']) ? m['metadata'] : {};
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (!kind || !apiVersion) {
    const missing = !kind ? 'Kind' : 'apiVersion';
    deferred.push(() => err(k, `error: unable to decode "${doc.source}": Object '${missing}' is missing in '${JSON.stringify(m)}'\n`));
    return false;
  }
  const type = typeForGVK(apiVersion, kind);
  if (!type) {
    deferred.push(() =>
      err(k, `error: resource mapping not found for name: "${name}" namespace: "${typeof meta['namespace'] === 'string' ? meta['namespace'] : ''}" from "${doc.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first\n`),
    );
    return false;
  }
  const api = k.cluster.api;
  const ns = type.namespaced ? (typeof meta['namespace'] === 'string' && meta['namespace'] ? meta['namespace'] : namespace) : undefined;
  const label = `${qualifiedKind(type)}/${name}`;
  const trace = k.cluster.trace.emit({ component: 'kubectl', action: 'request', object: { kind: type.kind, name, ...(ns ? { namespace: ns } : {}) }, why: `kubectl ${verb} sends ${label} from ${doc.source} to the API server` });
  return k.cluster.trace.within(trace.id, () => {
    const live = name ? api.get(type, ns, name) : undefined;
    const context = { verb: live ? 'applying patch' : 'creating', source: doc.source };
    if (verb === 'create' || !live) {
      const body = verb === 'apply' || opts.saveConfig ? withLastApplied(m, type.namespaced ? ns : undefined) : m;
      const r = api.create(body, ns, { actor: 'kubectl', dryRun: opts.dryRun });
      if (!r.ok) {
        if (r.error.reason === 'AlreadyExists' && verb === 'create') deferred.push(() => err(k, `Error from server (AlreadyExists): error when creating "${doc.source}": ${r.error.message}\n`));
        else deferred.push(() => printApiError(k, r.error, { verb: 'creating', source: doc.source }));
        return false;
      }
      out(k, `${qualifiedKind(type)}/${r.value.metadata.name} created${opts.suffix}\n`);
      if (!type.simulatedBy && !opts.dryRun) notSimulated(k, type.kind);
      return true;
    }
    const annotations = (live.metadata.annotations ?? {}) as Record<string, string>;
    const lastText = annotations[LAST_APPLIED];
    if (lastText === undefined) {
      err(k, `Warning: resource ${type.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
    }
    let original: unknown = {};
    try {
      original = lastText ? JSON.parse(lastText) : {};
    } catch {
      original = {};
    }
    const modified = withLastApplied(m, type.namespaced ? ns : undefined);
    const merged = threeWayMerge(original, modified, live) as Manifest;
    if (deepEqual(merged, live)) {
      out(k, `${label} unchanged${opts.suffix}\n`);
      return true;
    }
    const r = api.update(merged, ns, { actor: 'kubectl', dryRun: opts.dryRun });
    if (!r.ok) {
      deferred.push(() => printApiError(k, r.error, context));
      return false;
    }
    out(k, `${label} ${r.value === live ? 'unchanged' : 'configured'}${opts.suffix}\n`);
    return true;
  });
}

/** The manifest with its own JSON in the last-applied annotation, as kubectl sends it. */
function withLastApplied(m: Manifest, namespace: string | undefined): Manifest {
  const meta = isRecord(m['metadata']) ? { ...m['metadata'] } : {};
  const annotations = isRecord(meta['annotations']) ? { ...meta['annotations'] } : {};
  delete annotations[LAST_APPLIED];
  const forAnnotation: Manifest = { ...m, metadata: { ...meta, ...(Object.keys(annotations).length ? { annotations } : {}), ...(namespace && !meta['namespace'] ? { namespace } : {}) } };
  if (!Object.keys(annotations).length) delete (forAnnotation['metadata'] as Record<string, unknown>)['annotations'];
  annotations[LAST_APPLIED] = `${sortedJson(forAnnotation)}\n`;
  return { ...m, metadata: { ...meta, annotations } };
}

/** Compact JSON with keys sorted, as Go's json.Marshal prints a map. */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .filter((key) => v[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson(v[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}


const noted = new WeakMap<object, Set<string>>();

/** Says once per kind and shell that a stored object has no behaviour in the lab yet. */
function notSimulated(k: Kubectl, kind: string): void {
  let kinds = noted.get(k.shell);
  if (!kinds) noted.set(k.shell, (kinds = new Set()));
  if (kinds.has(kind)) return;
  kinds.add(kind);
  err(k, `kubelab: ${kind} objects are stored and listed, but nothing in this lab acts on them yet.\n`);
}
