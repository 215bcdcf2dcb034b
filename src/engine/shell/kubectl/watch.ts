// `kubectl get --watch` / `--watch-only` (kubectl pkg/cmd/get/get.go watch): print the current
// table, then one row per change as the API server's watch reports it. kubectl flushes its
// tabwriter after every event and the tabwriter remembers column widths across flushes
// (liggitt/tabwriter RememberWidths), so later rows stay aligned with the first table and only
// grow a column when a wider cell arrives. A deleted object shows its last state.

import type { KubeObject } from '../../api/objects.ts';
import type { ResourceType } from '../../api/resources.ts';
import type { WatchEvent } from '../../api/store.ts';
import { marshalJson, marshalYamlDocument, nameOf } from '../printers/formats.ts';
import { executeJsonPath } from '../printers/jsonpath.ts';
import { serverTable } from '../printers/columns.ts';
import { formatLabels } from '../printers/table.ts';
import type { Proc } from '../process.ts';
import type { ListFilter } from './builder.ts';
import { listFilter, matchesFilter, reportErrors, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { out } from './client.ts';

export interface WatchOptions {
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly selector: string | undefined;
  readonly fieldSelector: string | undefined;
  /** '', 'wide', 'yaml', 'json', 'name', 'jsonpath' or 'custom-columns' */
  readonly output: string;
  /** the jsonpath / custom-columns template */
  readonly template: string;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  readonly labelColumns: readonly string[];
  readonly watchOnly: boolean;
  /** simulated ms until the watch ends by itself; undefined = until interrupted */
  readonly timeoutMs: number | undefined;
  /** sorts the first listing (--sort-by applies to it, not to the events) */
  readonly sortFound?: (type: ResourceType, objects: KubeObject[]) => KubeObject[];
}

const MIN_WIDTH = 6;
const PADDING = 3;
const runeCount = (s: string): number => [...s].length;

/** A tabwriter whose column widths survive Flush (RememberWidths), for uniform tables. */
class RememberingTabwriter {
  readonly #widths: number[] = [];

  flush(lines: readonly (readonly string[])[]): string {
    const columns = Math.max(0, ...lines.map((l) => l.length - 1));
    for (let j = 0; j < columns; j++) {
      let w = MIN_WIDTH;
      for (const l of lines) if (j < l.length - 1) w = Math.max(w, runeCount(l[j]!) + PADDING);
      this.#widths[j] = Math.max(this.#widths[j] ?? 0, w);
    }
    return lines.map((l) => `${l.map((c, j) => (j < l.length - 1 ? c + ' '.repeat(this.#widths[j]! - runeCount(c)) : c)).join('')}\n`).join('');
  }
}

/** The table printer's decoration of one kind's rows (tableprinter.go decorateTable), as cells. */
class RowPrinter {
  readonly #writer = new RememberingTabwriter();
  readonly type: ResourceType;
  readonly opts: WatchOptions;
  #printedHeaders = false;

  constructor(type: ResourceType, opts: WatchOptions) {
    this.type = type;
    this.opts = opts;
  }

  print(objects: readonly KubeObject[], now: number): string {
    if (objects.length === 0) return '';
    const table = serverTable(this.type.kind, objects, now);
    const wide = this.opts.output === 'wide';
    const shown = table.columns.map((c) => wide || c.priority === 0);
    // The watch printer is built with o.AllNamespaces as is, even for cluster-scoped kinds.
    const withNs = this.opts.allNamespaces;
    const lines: string[][] = [];
    if (!this.opts.noHeaders && !this.#printedHeaders) {
      lines.push([
        ...(withNs ? ['NAMESPACE'] : []),
        ...table.columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase()),
        ...this.opts.labelColumns.map((key) => (key.split('/').pop() ?? key).toUpperCase()),
        ...(this.opts.showLabels ? ['LABELS'] : []),
      ]);
    }
    this.#printedHeaders = true;
    for (const row of table.rows) {
      const meta = row.object.metadata;
      lines.push([
        ...(withNs ? [meta.namespace ?? ''] : []),
        ...row.cells.filter((_, i) => i < table.columns.length && shown[i]).map(firstLine),
        ...this.opts.labelColumns.map((key) => meta.labels?.[key] ?? ''),
        ...(this.opts.showLabels ? [formatLabels(meta.labels)] : []),
      ]);
    }
    return this.#writer.flush(lines);
  }
}

const firstLine = (cell: string): string => {
  const nl = cell.indexOf('\n');
  return nl < 0 ? cell : `${cell.slice(0, nl)}...`;
};

/** YAML, JSON, name and jsonpath printers print each watched object on its own (`---` between YAML documents). */
function objectPrinter(type: ResourceType, opts: WatchOptions): (obj: KubeObject) => string {
  let count = 0;
  return (obj) => {
    if (opts.output === 'name') return `${nameOf(type, obj)}\n`;
    if (opts.output === 'json') return marshalJson(obj);
    if (opts.output === 'jsonpath') {
      const r = executeJsonPath(opts.template, obj);
      return r.ok ? r.output : '';
    }
    return `${count++ > 0 ? '---\n' : ''}${marshalYamlDocument(obj)}`;
  };
}

interface Pending {
  readonly object: KubeObject;
  readonly at: number;
}

export function* watchResources(k: Kubectl, args: readonly string[], opts: WatchOptions): Proc {
  const resolved = resolveResources(k, args, { ...opts, allowEmptySelector: true, singleResourceType: true });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, types, errors, listed } = resolved.value;
  if (errors.length) return reportErrors(k, [errors[0]!]);
  if (!listed && new Set(found.map((f) => f.type)).size > 1) {
    return reportErrors(k, [{ message: 'watch is only supported on individual resources and resource collections - more than 1 resource was found' }]);
  }
  if (opts.output === 'custom-columns') return reportErrors(k, [{ message: '-o custom-columns with --watch is not simulated in kubelab yet' }]);
  const type = listed ? types[0]! : found[0]!.type;
  const initial = found.map((f) => f.object);
  const table = opts.output === '' || opts.output === 'wide' ? new RowPrinter(type, opts) : undefined;
  const single = table ? undefined : objectPrinter(type, opts);
  const render = (objects: readonly KubeObject[], at: number): string => (table ? table.print(objects, at) : objects.map(single!).join(''));
  const clock = k.cluster.clock;
  if (!opts.watchOnly) out(k, render(opts.sortFound ? opts.sortFound(type, initial) : initial, clock.now));
  if (!listed && initial.length > 1) return reportErrors(k, [{ message: 'you may only watch a single resource or type of resource at a time' }]);

  const filter = listFilter(type, opts.selector, opts.fieldSelector) as ListFilter;
  const name = listed ? undefined : initial[0]!.metadata.name;
  const ns = type.namespaced && !opts.allNamespaces ? opts.namespace : undefined;
  const visible = (o: KubeObject | undefined): o is KubeObject =>
    !!o && (ns === undefined || o.metadata.namespace === ns) && (name === undefined || o.metadata.name === name) && matchesFilter(type, o, filter);
  const pending: Pending[] = [];
  const onEvent = (e: WatchEvent): void => {
    // An object leaving the selection is reported (as DELETED) in its last matching state.
    const shown = e.type === 'DELETED' ? (visible(e.object) ? e.object : undefined) : visible(e.object) ? e.object : visible(e.old) ? e.old : undefined;
    if (shown) pending.push({ object: shown, at: clock.now });
  };
  const deadline = opts.timeoutMs === undefined ? Infinity : clock.now + opts.timeoutMs;
  const unsubscribe = k.cluster.api.store.watch(type.resource, onEvent);
  try {
    for (;;) {
      for (const p of pending.splice(0)) out(k, render([p.object], p.at));
      const remaining = deadline - clock.now;
      // kubectl ends a watch whose request timed out quietly, with status 0.
      if (remaining <= 0) return 0;
      yield { until: () => pending.length > 0, timeoutMs: remaining };
    }
  } finally {
    unsubscribe();
  }
}
