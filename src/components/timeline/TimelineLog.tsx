// The timeline as text: the latest records as lines (`00:42 scheduler — bind: …`), newest at
// the bottom. It is a polite live log refreshed about once a second, so a burst of hundreds of
// records becomes one update for a screen reader rather than hundreds of announcements.

import { useLayoutEffect, useMemo, useRef } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useLab } from '../../state/context.tsx';
import { groupColor, passesFilter, recordLine } from './timelineModel.ts';
import type { TimelineFilter } from './timelineModel.ts';
import { useSampledLabState } from './useSampledLabState.ts';

const ROWS = 200;
const selectTrace = (s: LabState) => s.trace;

export function TimelineLog({ filter }: { filter: TimelineFilter }) {
  const lab = useLab();
  const trace = useSampledLabState(selectTrace, 1000);
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const rows = useMemo(() => {
    const out = [];
    for (let i = trace.length - 1; i >= 0 && out.length < ROWS; i--) if (passesFilter(trace[i]!, filter)) out.push(trace[i]!);
    return out.reverse();
  }, [trace, filter]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [rows]);

  return (
    <div
      className="tl-log"
      role="log"
      aria-live="polite"
      aria-label="Trace records as text"
      tabIndex={0}
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
      }}
    >
      {rows.length === 0 && <p className="tl-empty">No records yet.</p>}
      {rows.map((r) => {
        const text = recordLine(r);
        const dot = <span className="cg-dot" style={{ background: groupColor(r.component) }} aria-hidden="true" />;
        return r.object ? (
          <button key={r.id} type="button" className="tl-line" title={`${text} (click to inspect)`} onClick={() => lab.select({ type: 'object', ref: r.object! })}>
            {dot}
            <span className="tl-text">{text}</span>
          </button>
        ) : (
          <div key={r.id} className="tl-line" title={text}>
            {dot}
            <span className="tl-text">{text}</span>
          </div>
        );
      })}
    </div>
  );
}
