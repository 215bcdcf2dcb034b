// How kubectl lays out the Table the API server sends for `kubectl get`: it drops priority
// columns unless -o wide, adds NAMESPACE (-A), label columns (-L, --show-labels) and the
// `kind/` prefix (several kinds), then runs the tabwriter. cli-runtime printers/tableprinter.go
// (printTable, decorateTable) and kubectl pkg/cmd/get/get.go (groups, blank separator line).

import type { KubeObject } from '../../api/objects.ts';
import { tabwrite } from './tabwriter.ts';

export interface TableColumn {
  /** as the server names it (`Port(s)`); printed upper-cased */
  readonly name: string;
  /** 0 = always shown; 1 = only with -o wide */
  readonly priority: number;
  /** 'name' marks the column that gets the `kind/` prefix */
  readonly format?: 'name';
}

export interface TableRow {
  readonly cells: readonly string[];
  /** the row's object: kubectl reads namespace and labels from its metadata */
  readonly object: KubeObject;
}

/** A metav1.Table as kube-apiserver builds it (always with the wide columns). */
export interface Table {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** One kind's server-side printer: its columns and how an object fills them. */
export interface KindPrinter {
  readonly columns: readonly TableColumn[];
  readonly row: (obj: KubeObject, now: number) => string[];
}

export interface PrintOptions {
  readonly wide: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  /** -A on a namespaced kind */
  readonly withNamespace: boolean;
  /** lower-case `kind[.group]` put before each name when several kinds are printed */
  readonly kindPrefix?: string;
  /** -L / --label-columns keys */
  readonly labelColumns?: readonly string[];
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when there are none. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Go's byte-wise string order (equal to code point order), for sort.Strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * The header and rows through kubectl's tabwriter. `header` empty = no header line
 * (--no-headers). Nothing at all when there are no rows, as kubectl prints no bare header.
 */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const lines = header.length > 0 ? [header, ...rows] : rows;
  return tabwrite(lines.map((cells) => `${cells.join('\t')}\n`).join(''));
}

/** tableprinter.go printTable's cell rule: a multi-line string shows its first line + `...`. */
function cellText(cell: string): string {
  const nl = cell.indexOf('\n');
  return nl < 0 ? cell : `${cell.slice(0, nl)}...`;
}

/** decorateTable + printTable: one kind's table as kubectl prints it. */
export function renderTable(table: Table, opts: PrintOptions): string {
  const shown = table.columns.map((c) => opts.wide || c.priority === 0);
  const labelKeys = opts.labelColumns ?? [];
  const header = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...table.columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase()),
    ...labelKeys.map((k) => (k.split('/').pop() ?? k).toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const nameColumn = opts.kindPrefix ? table.columns.findIndex((c) => c.format === 'name') : -1;
  const rows = table.rows.map((row) => {
    const meta = row.object.metadata;
    const cells = row.cells.map((cell, i) => (i === nameColumn ? `${opts.kindPrefix}/${cell}` : cell));
    return [
      ...(opts.withNamespace ? [meta.namespace ?? ''] : []),
      ...cells.filter((_, i) => i < table.columns.length && shown[i]).map(cellText),
      ...labelKeys.map((k) => meta.labels?.[k] ?? ''),
      ...(opts.showLabels ? [formatLabels(meta.labels)] : []),
    ];
  });
  return printTable(opts.noHeaders ? [] : header, rows);
}

/**
 * Several kinds in one `kubectl get` (get all, get deploy,svc): each group is laid out on its
 * own (widths reset) and non-empty groups are separated by one empty line, except with
 * --no-headers where they simply follow each other.
 */
export function joinTableGroups(groups: readonly string[], noHeaders: boolean): string {
  return groups.filter((g) => g !== '').join(noHeaders ? '' : '\n');
}
