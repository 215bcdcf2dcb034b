// `kubectl get --sort-by`: a relaxed JSONPath (`.metadata.name`, `{.status.phase}`) evaluated on
// each object, compared as kubectl's sorter does (kubectl pkg/cmd/get/sorter.go: numbers by
// value, strings as quantities when both parse, else in natural order; missing values first).

import type { KubeObject } from '../../api/objects.ts';
import { relaxedJsonPath as relaxed } from '../printers/customColumns.ts';
import { evaluateJsonPath } from '../printers/jsonpath.ts';
import type { ParseResult } from './selector.ts';

/** RelaxedJSONPathExpression: `name1.name2`, `.name1.name2`, `{name1.name2}`, `{.name1.name2}` → `{.name1.name2}`. */
export function relaxedJsonPath(expr: string): ParseResult<string> {
  try {
    return { ok: true, value: relaxed(expr) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The first value the template finds in `obj` (TableSorter compares parsedRow[0][0]). */
function lookup(obj: unknown, field: string): unknown {
  try {
    const v = evaluateJsonPath(field, obj)[0]?.[0];
    return v === null ? undefined : v;
  } catch {
    return undefined;
  }
}

const SUFFIX: Readonly<Record<string, number>> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** resource.ParseQuantity, enough to compare: `100m`, `64Mi`, `2`, `1e3`. */
function quantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]! + (m[2] ?? '')) * (SUFFIX[m[3] ?? '']!);
}

/** sortorder.NaturalLess: runs of digits compare by value. */
function naturalLess(a: string, b: string): boolean {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = Number(x);
      const ny = Number(y);
      if (nx !== ny) return nx < ny;
      return x.length < y.length;
    }
    return x < y;
  }
  return ra.length < rb.length;
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantity(a);
    const qb = quantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length < b.length;
  return String(a) < String(b);
}

/** Sorts one Table's rows by `field` (as relaxedJsonPath returned it). */
export function sortObjects(objects: readonly KubeObject[], field: string): ParseResult<KubeObject[]> {
  const keyed = objects.map((o) => ({ o, v: lookup(o, field) }));
  if (objects.length > 0 && keyed.every((x) => x.v === undefined)) {
    return { ok: false, error: `couldn't find any field with path "${field}" in the list of objects` };
  }
  const sorted = [...keyed].sort((x, y) => {
    if (x.v === undefined) return y.v === undefined ? 0 : -1;
    if (y.v === undefined) return 1;
    return isLess(x.v, y.v) ? -1 : isLess(y.v, x.v) ? 1 : 0;
  });
  return { ok: true, value: sorted.map((x) => x.o) };
}
