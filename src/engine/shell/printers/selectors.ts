// Label selectors as printed in SELECTOR columns: metav1.LabelSelectorAsSelector(...).String()
// and metav1.FormatLabelSelector from k8s.io/apimachinery (requirements sorted by key,
// `key in (a,b)` with sorted values, `!key` for DoesNotExist).

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { compareStrings } from './table.ts';

const OPERATORS: Readonly<Record<string, string>> = { In: ' in ', NotIn: ' notin ' };

/** The selector's String(), '' for a nil or empty selector, undefined if an operator is invalid. */
export function selectorString(selector: LabelSelector | null | undefined): string | undefined {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareStrings).join(',');
    if (expr.operator === 'Exists') reqs.push({ key: expr.key, text: expr.key });
    else if (expr.operator === 'DoesNotExist') reqs.push({ key: expr.key, text: `!${expr.key}` });
    else if (OPERATORS[expr.operator]) reqs.push({ key: expr.key, text: `${expr.key}${OPERATORS[expr.operator]}(${values})` });
    else return undefined;
  }
  return reqs
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const s = selectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
