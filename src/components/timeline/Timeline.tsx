// The timeline: the trace stream in simulated time. A track of marks (bursts collapsed into
// one mark with a count) slides with the clock; beside it, the same records as a text log for
// reading and for screen readers. Clicking a record that concerns an object inspects it.

import { useMemo, useState } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { recordLine, passesFilter, TIMELINE_FILTERS } from './timelineModel.ts';
import type { TimelineFilter } from './timelineModel.ts';
import { useSampledLabState } from './useSampledLabState.ts';
import { TimelineTrack } from './TimelineTrack.tsx';
import { TimelineLog } from './TimelineLog.tsx';
import './componentColors.css';
import './timeline.css';

const selectTrace = (s: LabState) => s.trace;
const WINDOWS = [60_000, 120_000, 300_000, 900_000] as const;

/** The newest record's "why", or what the focused mark says. */
function Headline({ filter, focused }: { filter: TimelineFilter; focused: string | null }) {
  const trace = useSampledLabState(selectTrace, 250);
  const newest = useMemo(() => {
    for (let i = trace.length - 1; i >= 0; i--) if (passesFilter(trace[i]!, filter)) return trace[i]!;
    return undefined;
  }, [trace, filter]);
  const text = focused ?? (newest ? recordLine(newest) : 'Nothing has happened yet. Type a kubectl command and watch the cluster react.');
  return (
    <p className="tl-headline" title={text}>
      {text}
    </p>
  );
}

export function Timeline() {
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [focused, setFocused] = useState<string | null>(null);
  const [windowMs, setWindowMs] = useState(120_000);
  return (
    <section className="panel timeline" aria-label="Timeline">
      <div className="tl-head">
        <h2>Timeline</h2>
        <div className="tl-filters" role="group" aria-label="Show records from">
          {TIMELINE_FILTERS.map((f) => (
            <button key={f.id} type="button" className="tl-chip" aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
              {f.id !== 'all' && <span className="cg-dot" style={{ background: `var(--cg-${f.id})` }} aria-hidden="true" />}
              {f.label}
            </button>
          ))}
        </div>
        <Headline filter={filter} focused={focused} />
        <select className="tl-window" aria-label="Time window" value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              last {w / 60_000} min
            </option>
          ))}
        </select>
      </div>
      <div className="tl-body">
        <TimelineTrack filter={filter} windowMs={windowMs} onFocusMark={setFocused} />
        <TimelineLog filter={filter} />
      </div>
    </section>
  );
}
