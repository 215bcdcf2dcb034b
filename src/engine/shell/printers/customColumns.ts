// `kubectl get -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`: a port
// of cli-runtime printers/customcolumn.go. Headers as written, one row per object, several
// results comma-joined, `<none>` when a path finds nothing, laid out by kubectl's tabwriter.

import type { KubeObject } from '../../api/objects.ts';
import { evaluateJsonPath, goPrint } from './jsonpath.ts';
import { tabwrite } from './tabwriter.ts';

export interface CustomColumn {
  readonly header: string;
  /** the jsonpath template, `{.metadata.name}` */
  readonly template: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `name`, `.name`, `{name}` and `{.name}` all mean `{.name}`. */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const m = RELAXED.exec(expression);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] || m[2]}}`;
}

/** Parses the flag value; throws Error with kubectl's message when a column is malformed. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), template: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

function cell(column: CustomColumn, obj: KubeObject): string {
  const results = evaluateJsonPath(column.template, obj);
  if (results.length === 0 || results[0]!.length === 0) return '<none>';
  return results.flatMap((values) => values.map(goPrint)).join(',');
}

export interface CustomColumnsResult {
  readonly output: string;
  /** kubectl's message (print after `error: `); rows before the failing one are still printed */
  readonly error?: string;
}

/**
 * The custom-columns output for the objects kubectl lists (a named object or a List's items).
 * The header is printed even when there are no objects.
 */
export function customColumnsTable(spec: string, objects: readonly KubeObject[], noHeaders: boolean): CustomColumnsResult {
  let columns: CustomColumn[];
  try {
    columns = parseCustomColumns(spec);
  } catch (e) {
    return { output: '', error: (e as Error).message };
  }
  const lines = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  const layout = (): string => tabwrite(lines.map((l) => `${l}\n`).join(''));
  try {
    for (const obj of objects) lines.push(columns.map((c) => cell(c, obj)).join('\t'));
  } catch (e) {
    return { output: layout(), error: (e as Error).message };
  }
  return { output: layout() };
}
