// The track: trace records of the last few simulated minutes as marks, sliding left as the
// clock runs. Marks sit on a layer three windows wide that is re-laid out once per window;
// each frame only moves the layer (a transform), so React renders when records arrive.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useLab, useLabState } from '../../state/context.tsx';
import { axisTicks, binFor, binRecords, labelledMarks, markLabel } from './timelineModel.ts';
import type { Mark, TimelineFilter } from './timelineModel.ts';
import { useSampledLabState } from './useSampledLabState.ts';

const selectTrace = (s: LabState) => s.trace;

/** Axis label spacing for each window: six to ten labels across. */
const tickFor = (windowMs: number): number => (windowMs <= 60_000 ? 10_000 : windowMs <= 120_000 ? 15_000 : windowMs <= 300_000 ? 30_000 : 120_000);
const markHeight = (count: number): number => Math.min(44, 10 + 7 * Math.log2(count));

export interface TimelineTrackProps {
  readonly filter: TimelineFilter;
  /** how much simulated time the track shows, ms */
  readonly windowMs: number;
  /** tells the headline what the hovered or focused mark says (null when none) */
  readonly onFocusMark: (text: string | null) => void;
}

export function TimelineTrack({ filter, windowMs, onFocusMark }: TimelineTrackProps) {
  const lab = useLab();
  const trace = useSampledLabState(selectTrace, 150);
  const span = 3 * windowMs;
  // The layer starts one window before the window holding now: now stays in its middle third.
  const anchor = useLabState((s) => Math.floor(s.simTime / windowMs) * windowMs - windowMs);
  const pct = (t: number): string => `${((t - anchor) / span) * 100}%`;
  const layer = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const [width, setWidth] = useState(700);
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const binMs = binFor(windowMs, width);
  const marks = useMemo(() => binRecords(trace, anchor, binMs, filter), [trace, anchor, binMs, filter]);
  const labelled = useMemo(() => labelledMarks(marks, width / windowMs), [marks, width, windowMs]);
  const ticks = useMemo(() => axisTicks(anchor, anchor + span, tickFor(windowMs)), [anchor, span, windowMs]);

  useEffect(() => {
    // With reduced motion the track steps once a simulated second instead of gliding.
    const step = matchMedia('(prefers-reduced-motion: reduce)').matches ? 1_000 : 1;
    const move = (time: number): void => {
      const now = Math.floor(time / step) * step;
      if (layer.current) layer.current.style.transform = `translateX(${-((now - windowMs - anchor) / span) * 100}%)`;
    };
    move(lab.store.getState().simTime);
    return lab.store.subscribe((s, prev) => {
      if (s.simTime !== prev.simTime) move(s.simTime);
    });
  }, [lab, anchor, windowMs, span]);

  // The roving tab stop: the chosen mark if it is still there, else the newest.
  const focusIndex = active !== null && active < marks.length ? active : marks.length - 1;
  const show = (m: Mark | undefined): void => onFocusMark(m ? markLabel(m) : null);
  const onKeyDown = (e: KeyboardEvent): void => {
    const to = e.key === 'ArrowLeft' ? focusIndex - 1 : e.key === 'ArrowRight' ? focusIndex + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? marks.length - 1 : -2;
    if (to === -2) return;
    e.preventDefault();
    const i = Math.max(0, Math.min(marks.length - 1, to));
    setActive(i);
    layer.current?.querySelectorAll<HTMLButtonElement>('.tl-mark')[i]?.focus();
  };

  return (
    <div className="tl-track" ref={track} role="group" aria-label={`Trace records of the last ${windowMs / 60_000} simulated minute${windowMs === 60_000 ? '' : 's'}; arrow keys move between them`}>
      <div className="tl-layer" ref={layer} onKeyDown={onKeyDown}>
        {ticks.map((t) => (
          <span key={t.t} className="tl-tick" style={{ left: pct(t.t) }} aria-hidden="true">
            {t.label}
          </span>
        ))}
        {marks.map((m, i) => (
          <button
            key={m.start}
            type="button"
            className="tl-mark"
            tabIndex={i === focusIndex ? 0 : -1}
            aria-label={markLabel(m)}
            title={markLabel(m)}
            style={{ left: pct(m.start + binMs / 2), height: markHeight(m.count), ['--mark' as string]: `var(--cg-${m.group})` }}
            onMouseEnter={() => show(m)}
            onMouseLeave={() => show(undefined)}
            onFocus={() => {
              setActive(i);
              show(m);
            }}
            onBlur={() => show(undefined)}
            onClick={() => m.object && lab.select({ type: 'object', ref: m.object })}
          >
            {labelled.has(m.start) && (
              <span className="tl-count" aria-hidden="true">
                {m.count}
              </span>
            )}
          </button>
        ))}
      </div>
      <span className="tl-now" aria-hidden="true">
        now
      </span>
    </div>
  );
}
