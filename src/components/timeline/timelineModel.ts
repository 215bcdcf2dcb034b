// The timeline's arithmetic, free of React: which family a trace component belongs to (the
// colour and the filter chips), how records in a time window collapse into marks when they
// come in bursts, and the one-line text a person or a screen reader reads for a record.

import type { ObjectRef, TraceRecord } from '../../engine/index.ts';
import { formatClock } from '../formatClock.ts';

/** Families of components, as the architecture diagram groups them. */
export type ComponentGroup = 'kubectl' | 'api-server' | 'etcd' | 'scheduler' | 'controllers' | 'kubelets' | 'kube-proxy' | 'other';

export function componentGroup(component: string): ComponentGroup {
  if (component === 'kubectl' || component === 'shell') return 'kubectl';
  if (component === 'api-server' || component === 'etcd' || component === 'scheduler') return component;
  if (component === 'controller-manager' || component.endsWith('-controller')) return 'controllers';
  if (component.startsWith('kubelet') || component.startsWith('container-runtime')) return 'kubelets';
  if (component.startsWith('kube-proxy')) return 'kube-proxy';
  return 'other';
}

export type TimelineFilter = 'all' | 'api-server' | 'scheduler' | 'controllers' | 'kubelets' | 'kube-proxy';

export const TIMELINE_FILTERS: readonly { readonly id: TimelineFilter; readonly label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'api-server', label: 'API server' },
  { id: 'scheduler', label: 'Scheduler' },
  { id: 'controllers', label: 'Controllers' },
  { id: 'kubelets', label: 'Kubelets' },
  { id: 'kube-proxy', label: 'kube-proxy' },
];

export function passesFilter(r: TraceRecord, filter: TimelineFilter): boolean {
  return filter === 'all' || componentGroup(r.component) === filter;
}

/** One mark on the track: every record of one time bin, shown once with a count. */
export interface Mark {
  /** start of the bin, simulated ms */
  readonly start: number;
  readonly count: number;
  /** the newest record in the bin: what hovering it tells */
  readonly last: TraceRecord;
  /** the family with the most records in the bin, for the colour */
  readonly group: ComponentGroup;
  /** the object of the newest record in the bin that has one: what clicking selects */
  readonly object?: ObjectRef;
}

/**
 * Bins the records at or after `from` (records are oldest first). Bins are aligned to
 * multiples of `binMs` so a mark stays put while time moves on.
 */
export function binRecords(records: readonly TraceRecord[], from: number, binMs: number, filter: TimelineFilter): Mark[] {
  const marks: Mark[] = [];
  let start = -1;
  let count = 0;
  let last: TraceRecord | undefined;
  let object: ObjectRef | undefined;
  let groups = new Map<ComponentGroup, number>();
  const flush = (): void => {
    if (!last) return;
    let group: ComponentGroup = componentGroup(last.component);
    let best = 0;
    for (const [g, n] of groups) if (n > best) [group, best] = [g, n];
    marks.push(object ? { start, count, last, group, object } : { start, count, last, group });
  };
  for (let i = firstAtOrAfter(records, from); i < records.length; i++) {
    const r = records[i]!;
    if (!passesFilter(r, filter)) continue;
    const bin = Math.floor(r.time / binMs) * binMs;
    if (bin !== start) {
      flush();
      start = bin;
      count = 0;
      object = undefined;
      groups = new Map();
    }
    count++;
    last = r;
    if (r.object) object = r.object;
    const g = componentGroup(r.component);
    groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  flush();
  return marks;
}

/** Index of the first record with time >= t (binary search: records are in time order). */
export function firstAtOrAfter(records: readonly TraceRecord[], t: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Axis labels every `stepMs` between `from` and `to`. */
export function axisTicks(from: number, to: number, stepMs: number): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t <= to; t += stepMs) out.push({ t, label: formatClock(t) });
  return out;
}

/** `00:42 scheduler — bind: assigned default/hello to kind-worker2` */
export function recordLine(r: TraceRecord): string {
  return `${formatClock(r.time)} ${r.component} — ${r.action}: ${r.why}`;
}

/** What a mark says when hovered or focused (and its accessible name). */
export function markLabel(m: Mark): string {
  const more = m.count > 1 ? ` (${m.count} records in this moment; newest shown)` : '';
  return `${recordLine(m.last)}${more}`;
}

/** The CSS colour of a component's family (componentColors.css). */
export const groupColor = (component: string): string => `var(--cg-${componentGroup(component)})`;

/** The smallest bin at least `minPx` wide on a track showing `windowMs` in `widthPx`. */
export function binFor(windowMs: number, widthPx: number, minPx = 6): number {
  const pxPerMs = Math.max(1, widthPx) / windowMs;
  return [250, 500, 1_000, 2_000, 5_000, 10_000, 30_000].find((b) => b * pxPerMs >= minPx) ?? 60_000;
}

/** Which marks get their count written above them: only where the numbers would not collide. */
export function labelledMarks(marks: readonly Mark[], pxPerMs: number, minGapPx = 22): Set<number> {
  const out = new Set<number>();
  let lastX = -Infinity;
  for (const m of marks) {
    if (m.count < 2) continue;
    const x = m.start * pxPerMs;
    if (x - lastX < minGapPx) continue;
    out.add(m.start);
    lastX = x;
  }
  return out;
}
