// `kubectl get` (kubectl pkg/cmd/get/get.go): resolve the arguments, fetch the objects, then
// print one table per resource type (server-side columns, kind prefixes when several types
// were asked for, a blank line between groups), or -o yaml|json|name; --watch hands over to
// watch.ts. Errors come last, after whatever could be printed, as CheckErr prints them.

import type { KubeObject } from '../../api/objects.ts';
import type { ResourceType } from '../../api/resources.ts';
import { tableFor } from '../printers/columns.ts';
import { customColumnsTable } from '../printers/customColumns.ts';
import { listOf, marshalJson, marshalYamlDocument, nameOf } from '../printers/formats.ts';
import { executeJsonPath } from '../printers/jsonpath.ts';
import { joinTableGroups } from '../printers/table.ts';
import type { Proc } from '../process.ts';
import type { CmdError, Found } from './builder.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';
import { relaxedJsonPath, sortObjects } from './sortBy.ts';
import { watchResources } from './watch.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'show-labels', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'watch-only', kind: 'bool' },
  { name: 'label-columns', short: 'L', kind: 'strings' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'show-kind', kind: 'bool' },
  { name: 'chunk-size', kind: 'int' },
  { name: 'server-print', kind: 'bool' },
  { name: 'show-managed-fields', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
];

/** Every format `kubectl get -o` accepts, sorted as NoCompatiblePrinterError lists them. */
const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const TEMPLATE_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'template', 'templatefile'];
const SIMULATED_TEMPLATES = ['jsonpath', 'custom-columns'];

export interface OutputFormat {
  /** '', 'wide', 'yaml', 'json', 'name', 'jsonpath' or 'custom-columns' */
  readonly format: string;
  readonly template: string;
}

/** PrintFlags.ToPrinter: `-o jsonpath={.x}` is a format and its template; errors in kubectl's words. */
export function parseOutput(option: string): OutputFormat | string {
  const eq = option.indexOf('=');
  const format = eq < 0 ? option : option.slice(0, eq);
  const template = eq < 0 ? '' : option.slice(eq + 1);
  if (['', 'wide', 'yaml', 'json', 'name'].includes(option)) return { format: option, template: '' };
  if (!TEMPLATE_FORMATS.includes(format)) return `unable to match a printer suitable for the output format "${option}", allowed formats are: ${ALLOWED_FORMATS}`;
  if (!SIMULATED_TEMPLATES.includes(format)) return `-o ${format} is not simulated in kubelab yet; use -o jsonpath, -o custom-columns, -o yaml, -o json, -o name or -o wide`;
  if (template === '') return format === 'custom-columns' ? 'custom-columns format specified but no custom columns given' : 'template format specified but no template given';
  return { format, template };
}

/** `30s`, `1m`, `2h`, `1m30s`, `500ms` or a bare number of seconds; undefined when invalid. */
export function parseRequestTimeout(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const units: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === text.length && text.length > 0 ? total : undefined;
}

/** How long a watch (or `logs -f`) runs: --request-timeout, else until Ctrl-C, or 30 s in a script. */
export function watchTimeout(k: Kubectl, flags: ParsedFlags): number | undefined | 'invalid' {
  const text = flagValue(flags, 'request-timeout');
  if (text !== undefined) {
    const ms = parseRequestTimeout(text);
    if (ms === undefined) return 'invalid';
    if (ms > 0) return ms;
  }
  return k.ctx.interactive ? undefined : 30_000;
}

export const INVALID_TIMEOUT = 'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

export function get(k: Kubectl, args: readonly string[]): Proc | number {
  const flags = parseFlags(args, FLAGS);
  const outputOption = flagValue(flags, 'output') ?? '';
  const watching = flagBool(flags, 'watch') || flagBool(flags, 'watch-only');
  const sortBy = flagValue(flags, 'sort-by') ?? '';
  if (flagBool(flags, 'show-labels') && outputOption !== '' && outputOption !== 'wide') return reportErrors(k, [{ message: `--show-labels option cannot be used with ${outputOption} printer` }]);
  const parsedOutput = parseOutput(outputOption);
  if (typeof parsedOutput === 'string') return reportErrors(k, [{ message: parsedOutput }]);
  const output = parsedOutput.format;
  const timeout = watchTimeout(k, flags);
  if (timeout === 'invalid') return reportErrors(k, [{ message: INVALID_TIMEOUT }]);
  const positional = flags.positional;
  if (watching && sortBy) {
    err(k, flagBool(flags, 'watch') ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n' : 'warning: --watch-only requested, --sort-by will be ignored\n');
  }
  const files = flagValues(flags, 'filename');
  if (!watching && positional.length === 0 && files.length === 0) {
    err(k, 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    return reportErrors(k, [{ message: `Required resource not specified.\nUse "${k.name} explain <resource>" for a detailed description of that resource (e.g. ${k.name} explain pods).\nSee '${k.name} get -h' for help and examples` }]);
  }
  const common = {
    namespace: namespaceOf(k, flags),
    allNamespaces: flagBool(flags, 'all-namespaces'),
    selector: flagValue(flags, 'selector'),
    fieldSelector: flagValue(flags, 'field-selector'),
  };
  const sortField = sortBy ? relaxedJsonPath(sortBy) : undefined;
  if (sortField && !sortField.ok) return reportErrors(k, [{ message: sortField.error }]);
  const sorter = sortField?.ok ? sortField.value : undefined;
  if (watching) {
    return watchResources(k, positional, {
      ...common,
      output,
      template: parsedOutput.template,
      showLabels: flagBool(flags, 'show-labels'),
      noHeaders: flagBool(flags, 'no-headers'),
      labelColumns: flagValues(flags, 'label-columns'),
      watchOnly: flagBool(flags, 'watch-only'),
      timeoutMs: timeout,
      ...(sorter && flagBool(flags, 'watch') ? { sortFound: (_t: ResourceType, objects: KubeObject[]) => sortedOrSelf(objects, sorter) } : {}),
    });
  }
  const resolved = files.length ? resolveFiles(k, files, common.namespace, flagBool(flags, 'recursive')) : resolveResources(k, positional, { ...common, allowEmptySelector: true });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, types, singleItem, listed } = resolved.value;
  let errors: CmdError[] = resolved.value.errors;
  if (flagBool(flags, 'ignore-not-found')) errors = errors.filter((e) => !('api' in e && e.api.reason === 'NotFound'));
  let groups = groupByType(found, listed ? types : []);
  if (sorter && listed) {
    const sorted: { type: ResourceType; objects: KubeObject[] }[] = [];
    for (const g of groups) {
      const r = sortObjects(g.objects, sorter);
      if (!r.ok) return reportErrors(k, [{ message: r.error }]);
      sorted.push({ type: g.type, objects: r.value });
    }
    groups = sorted;
  }
  if (output === 'name') out(k, groups.flatMap((g) => g.objects.map((o) => `${nameOf(g.type, o)}\n`)).join(''));
  else if (output !== '' && output !== 'wide') {
    // printGeneric: one named object alone, anything else as a List; a missing single object prints nothing.
    const all = groups.flatMap((g) => g.objects);
    if (!(singleItem && errors.length > 0)) {
      const failed = printGeneric(k, parsedOutput, singleItem && all.length === 1 ? all[0]! : listOf(all), all, flagBool(flags, 'no-headers'));
      if (failed) errors = [...errors, { message: failed }];
    }
  } else {
    const text = printTables(k, flags, groups, found, listed);
    out(k, text);
    if (text === '' && errors.length === 0 && !flagBool(flags, 'ignore-not-found')) {
      const namespaced = !common.allNamespaces && (listed ? types : found.map((f) => f.type)).every((t) => t.namespaced);
      err(k, namespaced ? `No resources found in ${common.namespace} namespace.\n` : 'No resources found\n');
    }
  }
  return reportErrors(k, errors);
}

/** -o yaml|json|jsonpath|custom-columns of what get found; kubectl's error message when the template fails. */
function printGeneric(k: Kubectl, output: OutputFormat, value: unknown, items: readonly KubeObject[], noHeaders: boolean): string | undefined {
  if (output.format === 'json') out(k, marshalJson(value));
  else if (output.format === 'yaml') out(k, marshalYamlDocument(value));
  else if (output.format === 'custom-columns') {
    const r = customColumnsTable(output.template, items, noHeaders);
    out(k, r.output);
    return r.error;
  } else {
    const r = executeJsonPath(output.template, value);
    if (!r.ok) return r.error;
    out(k, r.output);
  }
  return undefined;
}

function sortedOrSelf(objects: KubeObject[], field: string): KubeObject[] {
  const r = sortObjects(objects, field);
  return r.ok ? r.value : objects;
}

/** Consecutive objects of one type form one table (listed types keep their place even when empty). */
function groupByType(found: readonly Found[], listedTypes: readonly ResourceType[]): { type: ResourceType; objects: KubeObject[] }[] {
  if (listedTypes.length) return listedTypes.map((type) => ({ type, objects: found.filter((f) => f.type === type).map((f) => f.object) }));
  const groups: { type: ResourceType; objects: KubeObject[] }[] = [];
  for (const f of found) {
    const last = groups.at(-1);
    if (last && last.type === f.type) last.objects.push(f.object);
    else groups.push({ type: f.type, objects: [f.object] });
  }
  return groups;
}

function printTables(k: Kubectl, flags: ParsedFlags, groups: readonly { type: ResourceType; objects: KubeObject[] }[], found: readonly Found[], listed: boolean): string {
  // get.go multipleGVKsRequested: each listed type is one (maybe empty) Table, each named object one.
  const kinds = listed ? groups.length : new Set(found.map((f) => f.type)).size;
  const noHeaders = flagBool(flags, 'no-headers');
  const labelColumns = flagValues(flags, 'label-columns');
  const tables = groups.map((g) =>
    tableFor(g.type, g.objects, {
      wide: flagValue(flags, 'output') === 'wide',
      showLabels: flagBool(flags, 'show-labels'),
      allNamespaces: flagBool(flags, 'all-namespaces'),
      noHeaders,
      now: k.cluster.clock.now,
      withKindPrefix: kinds > 1 || flagBool(flags, 'show-kind'),
      ...(labelColumns.length ? { labelColumns } : {}),
    }),
  );
  return joinTableGroups(tables, noHeaders);
}
