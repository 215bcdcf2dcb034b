// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label/label.go, pkg/cmd/annotate/
// annotate.go): `key=value` sets, `key-` removes, --overwrite guards existing keys, objects come
// from TYPE NAME, TYPE/NAME, -l or --all; each changed object goes back to the API server and
// kubectl reports `pod/x labeled` (`not labeled`, `unlabeled`) or `pod/x annotated`.

import type { KubeObject } from '../../api/objects.ts';
import { clone, deepEqual } from '../../api/objects.ts';
import { qualifiedKind } from '../../api/resources.ts';
import { labelValueErrors } from '../../api/validation/names.ts';
import { marshalJson, marshalYamlDocument } from '../printers/formats.ts';
import type { CmdError, Found } from './builder.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'overwrite', kind: 'bool' },
  { name: 'list', kind: 'bool' },
  { name: 'local', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'resource-version', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'record', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
];

type Verb = 'label' | 'annotation';

interface Changes {
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
function splitArgs(args: readonly string[], verb: Verb): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) return `all resources must be specified before ${verb} changes: ${s}`;
    else resources.push(s);
  }
  return { resources, pairs };
}

/** label.go parseLabels. */
function parseLabels(specs: readonly string[]): Changes | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return `invalid label spec: ${spec}`;
      const errs = labelValueErrors(parts[1]!);
      if (errs.length) return `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`;
      set.set(parts[0]!, parts[1]!);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return `unknown label spec: ${spec}`;
  }
  if (remove.some((r) => set.has(r))) return 'can not both modify and remove a label in the same command';
  return { set, remove };
}

/** cmdutil.ParsePairs(…, "annotation", true). */
function parseAnnotations(specs: readonly string[]): Changes | string {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) set.set(spec.slice(0, eq), spec.slice(eq + 1));
    else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length) return `invalid annotation format: ${invalid.join(', ')}`;
  return { set, remove };
}

export const label = (k: Kubectl, args: readonly string[]): number => run(k, args, 'label');
export const annotate = (k: Kubectl, args: readonly string[]): number => run(k, args, 'annotation');

function run(k: Kubectl, args: readonly string[], verb: Verb): number {
  const flags = parseFlags(args, FLAGS);
  const split = splitArgs(flags.positional, verb);
  if (typeof split === 'string') return reportErrors(k, [{ message: split }]);
  const changes = verb === 'label' ? parseLabels(split.pairs) : parseAnnotations(split.pairs);
  if (typeof changes === 'string') return reportErrors(k, [{ message: changes }]);
  const selector = flagValue(flags, 'selector');
  const files = flagValues(flags, 'filename');
  const all = flagBool(flags, 'all');
  const list = flagBool(flags, 'list');
  const invalid =
    all && selector ? 'cannot set --all and --selector at the same time'
    : all && flagValue(flags, 'field-selector') ? 'cannot set --all and --field-selector at the same time'
    : split.resources.length < 1 && files.length === 0 ? 'one or more resources must be specified as <resource> <name> or <resource>/<name>'
    : changes.set.size + changes.remove.length === 0 && !list ? `at least one ${verb} update is required`
    : verb === 'annotation' && changes.remove.some((r) => changes.set.has(r)) ? `can not both modify and remove the following annotation(s) in the same command: ${changes.remove.filter((r) => changes.set.has(r)).join(', ')}`
    : undefined;
  if (invalid) return reportErrors(k, [{ message: invalid }]);
  const dryRun = flagValue(flags, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun)) return reportErrors(k, [{ message: `Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".` }]);
  const namespace = namespaceOf(k, flags);
  const resolved = files.length
    ? resolveFiles(k, files, namespace, flagBool(flags, 'recursive'))
    : resolveResources(k, split.resources, { namespace, allNamespaces: flagBool(flags, 'all-namespaces'), selector, fieldSelector: flagValue(flags, 'field-selector'), allowEmptySelector: all });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors, singleItem } = resolved.value;
  const failures: Failure[] = errors.map((e) => ({ error: e }));
  const rv = flagValue(flags, 'resource-version');
  if (!singleItem && rv) return reportErrors(k, [{ message: '--resource-version may only be used with a single resource' }]);
  for (const f of found) {
    const failure = applyTo(k, f, verb, changes, flags, { dryRun, list, single: singleItem });
    if (failure) failures.push(failure);
  }
  return reportFailures(k, failures);
}

interface Failure {
  readonly error: CmdError;
  /** an aggregate of several messages (several keys already set) */
  readonly parts?: readonly string[];
}

function reportFailures(k: Kubectl, failures: readonly Failure[]): number {
  const only = failures[0];
  if (failures.length === 1 && only?.parts) {
    for (const p of only.parts) err(k, `${p}\n`);
    return 1;
  }
  return reportErrors(k, failures.map((f) => f.error));
}

function overwriteCheck(meta: Record<string, string>, changes: Changes, verb: Verb): Failure | undefined {
  const clashes = [...changes.set.keys()].filter((key) => key in meta && !(verb === 'annotation' && key === 'kubernetes.io/change-cause'));
  if (clashes.length === 0) return undefined;
  if (verb === 'annotation') {
    const list = clashes.map((key) => `'${key}' already has a value (${meta[key]})`).join('; ');
    return { error: { message: `--overwrite is false but found the following declared annotation(s): ${list}` } };
  }
  const parts = clashes.map((key) => `'${key}' already has a value (${meta[key]}), and --overwrite is false`);
  return parts.length === 1 ? { error: { message: parts[0]! } } : { error: { message: `[${parts.join(', ')}]` }, parts };
}

/** json.Marshal of a map: keys sorted, so only content (and length) matters. */
const jsonOf = (m: Record<string, string>): string => JSON.stringify(Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

interface ApplyOptions {
  readonly dryRun: string;
  readonly list: boolean;
  readonly single: boolean;
}

function applyTo(k: Kubectl, f: Found, verb: Verb, changes: Changes, flags: ParsedFlags, opts: ApplyOptions): Failure | undefined {
  const field = verb === 'label' ? 'labels' : 'annotations';
  const live = f.object;
  const before = live.metadata[field] as Record<string, string> | undefined;
  const current: Record<string, string> = { ...(before ?? {}) };
  const local = opts.dryRun === 'client' || opts.list;
  if (!local && verb === 'label') for (const r of changes.remove) if (!(r in current)) out(k, `label ${JSON.stringify(r)} not found.\n`);
  if (!flagBool(flags, 'overwrite')) {
    const clash = overwriteCheck(current, changes, verb);
    if (clash) return clash;
  }
  for (const [key, value] of changes.set) current[key] = value;
  for (const r of changes.remove) delete current[r];
  const next = clone(live) as KubeObject;
  // kubectl sets the (possibly empty) map; the API server does not keep an empty one.
  if (Object.keys(current).length) next.metadata[field] = current;
  else delete next.metadata[field];
  const rv = flagValue(flags, 'resource-version');
  let result: KubeObject = next;
  if (!local) {
    const r = k.cluster.api.update(next, live.metadata.namespace, { actor: 'kubectl', dryRun: opts.dryRun === 'server', ...(rv ? { resourceVersion: rv } : {}) });
    if (!r.ok) return { error: { api: r.error } };
    result = r.value;
  }
  if (opts.list) {
    const header = opts.single ? '' : `Listing ${verb === 'label' ? 'labels' : 'annotations'} for ${f.type.kind}.${f.type.group}/${live.metadata.name}:\n`;
    out(k, header + Object.entries(current).map(([key, v]) => `${opts.single ? '' : ' '}${key}=${v}\n`).join(''));
    return undefined;
  }
  const output = flagValue(flags, 'output') ?? '';
  if (output === 'yaml' || output === 'json') {
    out(k, output === 'json' ? marshalJson(result) : marshalYamlDocument(result));
    return undefined;
  }
  const name = `${qualifiedKind(f.type)}/${live.metadata.name}`;
  if (output === 'name') {
    out(k, `${name}\n`);
    return undefined;
  }
  const suffix = opts.dryRun === 'client' ? ' (dry run)' : opts.dryRun === 'server' ? ' (server dry run)' : '';
  out(k, `${name} ${verb === 'label' ? labelMessage(before, current, flagBool(flags, 'overwrite')) : 'annotated'}${suffix}\n`);
  return undefined;
}

/** label.go updateDataChangeMsg, on the JSON kubectl would have sent. */
function labelMessage(before: Record<string, string> | undefined, after: Record<string, string>, overwrite: boolean): string {
  // Labels kubectl adds to an object that had none are always a change (`labels: {}` at least).
  if (before === undefined) return 'labeled';
  if (deepEqual(before, after)) return 'not labeled';
  return !overwrite && jsonOf(after).length < jsonOf(before).length ? 'unlabeled' : 'labeled';
}
