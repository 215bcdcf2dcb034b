// The Events table at the end of most describe outputs (describe.go DescribeEvents), sorted
// as kubectl's event.SortableEvents does, with ages such as `40s (x3 over 2m)`.

import type { Event } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter.ts';
import { instantOf, timestampSince } from './time.ts';

/** SortableEvents' eventTime: the series' last observation, else lastTimestamp, else eventTime. */
function sortTime(e: Event): number {
  const t = e.series ? e.series.lastObservedTime : (e.lastTimestamp ?? e.eventTime);
  return instantOf(t) ?? Number.NEGATIVE_INFINITY;
}

/** The API server lists events in key order (by name, which encodes when each was made). */
function listOrder(a: Event, b: Event): number {
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // Flushing here is what gives the events table its own column widths.
  w.flush();
  // Go's sort.Sort is an insertion sort (so stable) for the short lists describe sees;
  // events at the same instant keep the order the API server listed them in.
  const sorted = [...events].sort(listOrder).sort((a, b) => sortTime(a) - sortTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
