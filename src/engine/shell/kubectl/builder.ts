// What kubectl's resource.Builder does with `TYPE[,TYPE…] [NAME…]`, `TYPE/NAME…`, `all`, `-l`
// and `--field-selector` (k8s.io/cli-runtime/pkg/resource/builder.go ResourceTypeOrNameArgs,
// visitBySelector/visitByName/visitByResource), and how CheckErr prints what went wrong
// (kubectl pkg/cmd/util/helpers.go: one error alone, several one per line).

import type { KubeObject } from '../../api/objects.ts';
import type { StatusError } from '../../api/errors.ts';
import { notFound } from '../../api/errors.ts';
import type { ResourceType } from '../../api/resources.ts';
import { typeForGVK, typeForName } from '../../api/resources.ts';
import type { Kubectl } from './client.ts';
import { err, printApiError } from './client.ts';
import type { FieldRequirement, LabelSelector } from './selector.ts';
import { matchesFieldSelector, matchesSelector, parseFieldSelector, parseSelector } from './selector.ts';
import { readManifestSources } from './manifests.ts';

/** An error as CheckErr sees it: from the API server, or kubectl's own. */
export type CmdError = { readonly api: StatusError } | { readonly message: string };

/** The `all` category, in the order kube-apiserver's discovery lists its members. */
const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

export interface BuilderOptions {
  readonly namespace: string;
  readonly allNamespaces: boolean;
  /** `-l`; '' or undefined when not given */
  readonly selector?: string | undefined;
  readonly fieldSelector?: string | undefined;
  /** `kubectl get pods` lists everything; `kubectl label pods` needs --all (or a name) */
  readonly allowEmptySelector: boolean;
  /** --watch: one resource type only */
  readonly singleResourceType?: boolean;
}

/** One object the command will act on (or the name it asked for, when it is missing). */
export interface Found {
  readonly type: ResourceType;
  readonly object: KubeObject;
}

export interface BuilderResult {
  /** objects in the order kubectl visits them: per type (lists), or per argument (names) */
  readonly found: Found[];
  /** the types asked for, in order, each once (for "No resources found" and empty groups) */
  readonly types: ResourceType[];
  readonly errors: CmdError[];
  /** exactly one object was named (`get pod x`, `get pod/x`): -o yaml prints it without a List */
  readonly singleItem: boolean;
  /** objects were listed rather than named */
  readonly listed: boolean;
}

export type Resolution = { readonly ok: true; readonly value: BuilderResult } | { readonly ok: false; readonly error: CmdError };

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const splitTypes = (arg: string): string[] => [...new Set(arg.split(',').filter((s) => s !== ''))];
const fail = (message: string): Resolution => ({ ok: false, error: { message } });

function expandAliases(arg: string): string {
  return splitTypes(arg)
    .flatMap((t) => (t === 'all' ? ALL : [t]))
    .join(',');
}

function mapTypes(names: readonly string[]): ResourceType[] | CmdError {
  const out: ResourceType[] = [];
  for (const n of names) {
    const t = typeForName(n);
    if (!t) return { message: `the server doesn't have a resource type "${n}"` };
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** `a,b c d` means `a/c a/d b/c b/d` (builder.go normalizeMultipleResourcesArgs). */
function normalizeArgs(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  const types = splitTypes(args[0]!);
  if (types.length < 2) return [...args];
  return types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
}

/** Resolves the arguments and fetches the objects from the API server. */
export function resolveResources(k: Kubectl, rawArgs: readonly string[], opts: BuilderOptions): Resolution {
  const args = normalizeArgs(rawArgs);
  const slashed = args.filter((a) => a.includes('/')).length;
  const selector = opts.selector?.trim() ? opts.selector.trim() : undefined;
  const fieldSelector = opts.fieldSelector?.trim() ? opts.fieldSelector.trim() : undefined;
  if (slashed > 0 && slashed !== args.length) {
    return fail(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${k.name} get resource/<resource_name>' instead of '${k.name} get resource resource/<resource_name>'`);
  }
  if (slashed > 0) {
    const tuples: { type: string; name: string }[] = [];
    for (const a of args) {
      const seg = a.split('/');
      if (seg.length !== 2) return fail('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg as [string, string];
      if (!type || !name || splitTypes(type).length !== 1) return fail('arguments in resource/name form must have a single resource and name');
      tuples.push({ type, name });
    }
    if (selector !== undefined || fieldSelector !== undefined) return fail('selectors and the all flag cannot be used when passing resource/name arguments');
    const types = mapTypes(tuples.map((t) => t.type));
    if (!Array.isArray(types)) return { ok: false, error: types };
    return byName(k, tuples.map((t) => ({ type: typeForName(t.type)!, name: t.name })), types, opts, tuples.length === 1);
  }
  if (args.length === 0) return fail(MISSING_RESOURCE);
  const typeNames = splitTypes(expandAliases(args[0]!));
  const names = args.slice(1);
  const listAll = names.length === 0 && (opts.allowEmptySelector || selector !== undefined || fieldSelector !== undefined);
  if (selector !== undefined || fieldSelector !== undefined || listAll) {
    if (names.length) return fail('name cannot be provided when a selector is specified');
    if (typeNames.length > 1 && opts.singleResourceType) return fail('you may only specify a single resource type');
    const types = mapTypes(typeNames);
    if (!Array.isArray(types)) return { ok: false, error: types };
    return { ok: true, value: listTypes(k, types, opts, selector, fieldSelector) };
  }
  const types = mapTypes(typeNames);
  if (!Array.isArray(types)) return { ok: false, error: types };
  if (names.length === 0) return fail('resource(s) were provided, but no name was specified');
  if (types.length > 1) return fail('you must specify only one resource');
  return byName(k, names.map((name) => ({ type: types[0]!, name })), types, opts, names.length === 1);
}

function byName(k: Kubectl, wanted: readonly { type: ResourceType; name: string }[], types: ResourceType[], opts: BuilderOptions, singleItem: boolean): Resolution {
  if (opts.allNamespaces && wanted.some((w) => w.type.namespaced)) return fail('a resource cannot be retrieved by name across all namespaces');
  const found: Found[] = [];
  const errors: CmdError[] = [];
  for (const { type, name } of wanted) {
    const object = k.cluster.api.get(type, opts.namespace, name);
    if (object) found.push({ type, object });
    else errors.push({ api: notFound(type, name) });
  }
  return { ok: true, value: { found, types, errors, singleItem, listed: false } };
}

/** `-f FILE…`: the live object for each manifest in the files (FilenameParam, then Latest). */
export function resolveFiles(k: Kubectl, files: readonly string[], namespace: string, recursive: boolean): Resolution {
  const read = readManifestSources(files, k.ctx.io.stdin, k.ctx.vfs, k.ctx.env.cwd, recursive);
  if (!read.ok) {
    const e = read.error;
    return fail(e.message.startsWith('the path') ? e.message : `error parsing ${e.source}: ${e.message}`);
  }
  const found: Found[] = [];
  const errors: CmdError[] = [];
  const types: ResourceType[] = [];
  for (const doc of read.docs) {
    const m = doc.manifest as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const type = typeof m.apiVersion === 'string' && typeof m.kind === 'string' ? typeForGVK(m.apiVersion, m.kind) : undefined;
    const name = typeof m.metadata?.name === 'string' ? m.metadata.name : '';
    if (!type) {
      errors.push({ message: `resource mapping not found for name: "${name}" namespace: "" from "${doc.source}": no matches for kind "${String(m.kind)}" in version "${String(m.apiVersion)}"\nensure CRDs are installed first` });
      continue;
    }
    if (!types.includes(type)) types.push(type);
    const ns = typeof m.metadata?.namespace === 'string' && m.metadata.namespace ? m.metadata.namespace : namespace;
    const object = k.cluster.api.get(type, ns, name);
    if (object) found.push({ type, object });
    else errors.push({ api: notFound(type, name) });
  }
  return { ok: true, value: { found, types, errors, singleItem: read.docs.length === 1, listed: false } };
}

/** GroupVersionResource.String(), as EnhanceListError quotes it: `/v1, Resource=pods`. */
export function gvrString(t: ResourceType): string {
  return `${t.group}/${t.version}, Resource=${t.resource}`;
}

/** The BadRequest a list with a selector the server cannot use gets, as kubectl rewords it. */
export function listSelectorError(t: ResourceType, selector: string | undefined, fieldSelector: string | undefined, message: string): StatusError {
  return {
    reason: 'BadRequest',
    code: 400,
    message: `Unable to find "${gvrString(t)}" that match label selector "${selector ?? ''}", field selector "${fieldSelector ?? ''}": ${message}`,
  };
}

export interface ListFilter {
  readonly labels: LabelSelector;
  readonly fields: readonly FieldRequirement[];
}

/** Parses -l and --field-selector as the API server would for this type; a message when it refuses. */
export function listFilter(t: ResourceType, selector: string | undefined, fieldSelector: string | undefined): ListFilter | string {
  const labels = parseSelector(selector ?? '');
  if (!labels.ok) return labels.error;
  const fields = parseFieldSelector(fieldSelector ?? '');
  if (!fields.ok) return fields.error;
  for (const f of fields.value) {
    const problem = unsupportedField(t, f.field);
    if (problem) return problem;
  }
  return { labels: labels.value, fields: fields.value };
}

export function matchesFilter(t: ResourceType, obj: KubeObject, filter: ListFilter): boolean {
  return matchesSelector(obj.metadata.labels as Record<string, string> | undefined, filter.labels) && matchesFieldSelector((f) => fieldValue(t, obj, f), filter.fields);
}

function listTypes(k: Kubectl, types: ResourceType[], opts: BuilderOptions, selector: string | undefined, fieldSelector: string | undefined): BuilderResult {
  const found: Found[] = [];
  const errors: CmdError[] = [];
  for (const type of types) {
    const filter = listFilter(type, selector, fieldSelector);
    if (typeof filter === 'string') {
      errors.push({ api: listSelectorError(type, selector, fieldSelector, filter) });
      continue;
    }
    const ns = opts.allNamespaces ? undefined : opts.namespace;
    for (const object of k.cluster.api.list(type, ns)) if (matchesFilter(type, object, filter)) found.push({ type, object });
  }
  return { found, types, errors, singleItem: false, listed: true };
}

/** Field selectors each kind's registry supports (pkg/registry/<kind>/strategy.go *ToSelectableFields). */
const SELECTABLE: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  ReplicaSet: ['status.replicas'],
  ReplicationController: ['status.replicas'],
  Job: ['status.successful'],
};

function unsupportedField(t: ResourceType, field: string): string | undefined {
  if (field === 'metadata.name' || field === 'metadata.namespace') return undefined;
  const extra = SELECTABLE[t.kind];
  if (extra?.includes(field) || (t.kind === 'Pod' && field === 'spec.host')) return undefined;
  // Kinds with their own conversion function say so; the rest use the generic meta fields one.
  if (extra) return `field label not supported: ${field}`;
  return `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

function fieldValue(t: ResourceType, obj: KubeObject, field: string): string {
  if (t.kind === 'Event' && field === 'source') {
    const src = (obj as { source?: { component?: string } }).source;
    return src?.component ?? '';
  }
  const path = t.kind === 'Pod' && field === 'spec.host' ? 'spec.nodeName' : field;
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  if (t.kind === 'Pod' && field === 'spec.hostNetwork') return cur === true ? 'true' : 'false';
  if (t.kind === 'Node' && field === 'spec.unschedulable') return cur === true ? 'true' : 'false';
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Prints errors as CheckErr does at the end of a command; returns the exit code. */
export function reportErrors(k: Kubectl, errors: readonly CmdError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const e = errors[0]!;
    if ('api' in e) printApiError(k, e.api);
    else err(k, `${e.message.startsWith('error: ') ? '' : 'error: '}${e.message}${e.message.endsWith('\n') ? '' : '\n'}`);
    return 1;
  }
  // An aggregate prints one line per error, kubectl's own errors without the `error: ` prefix.
  for (const e of errors) err(k, 'api' in e ? `Error from server (${e.api.reason}): ${e.api.message}\n` : `${e.message}\n`);
  return 1;
}
