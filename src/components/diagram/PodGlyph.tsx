// One pod: a rounded shape in its status colour with a status glyph (so colour is never the
// only cue), filled when ready and hollow when not, a dot per container and a short name.
// Memoised on primitive props, so a frame that moves one pod re-renders only that pod.

import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { Point } from '../../viz/layout.ts';
import type { PodView } from '../../state/world.ts';
import { GLYPH_OF, shortName, statusKey } from '../../viz/podStatus.ts';
import type { Glyph } from '../../viz/podStatus.ts';

export interface PodGlyphProps {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly status: string;
  readonly ready: boolean;
  readonly readyText: string;
  readonly containers: number;
  readonly nodeName: string | undefined;
  readonly ip: string | undefined;
  readonly x: number;
  readonly y: number;
  /** waiting in the scheduling queue: drawn small, without its label */
  readonly queued: boolean;
  /** the layout left room for the name caption */
  readonly label: boolean;
  readonly selected: boolean;
  readonly leaving: boolean;
  /** arrived in a burst: no entrance animation */
  readonly quiet: boolean;
  /** moved in a burst: lands without gliding */
  readonly jump: boolean;
  /** where it was drawn before, when it changed place (and parent: queue → node) */
  readonly fromX?: number | undefined;
  readonly fromY?: number | undefined;
}

export const GLYPHS: Record<Glyph, string> = {
  tick: 'M-4,0.5 L-1.2,3.3 L4.2,-2.8',
  clock: 'M0,-4.5 A4.5,4.5 0 1 1 -0.01,-4.5 M0,-2.4 V0.3 L2.1,1.6',
  dots: 'M-4,0 h0.01 M0,0 h0.01 M4,0 h0.01',
  fade: 'M-4.2,-2.6 H4.2 M-3,0.4 H3 M-1.6,3.4 H1.6',
  flag: 'M-2.8,4.4 V-4.2 L3.6,-2.2 L-2.8,-0.2',
  cross: 'M-3.4,-3.4 L3.4,3.4 M3.4,-3.4 L-3.4,3.4',
  loop: 'M3.9,0.8 A4,4 0 1 1 2.6,-3 M3.6,-5.2 L2.9,-2.8 L0.5,-3.3',
  down: 'M0,-4.5 V2 M-3,-0.8 L0,2.2 L3,-0.8 M-4,4.4 H4',
  query: 'M-2.4,-1.8 A2.4,2.4 0 1 1 0.6,0.6 Q0,1 0,2 M0,4.2 h0.01',
};

export function podDescription(p: { readonly status: string; readonly readyText: string; readonly nodeName?: string | undefined; readonly ip?: string | undefined }): string {
  const where = p.nodeName ? `on ${p.nodeName}` : 'not scheduled yet, waiting in the scheduling queue';
  return `${p.status}, ${p.readyText} ready, ${where}${p.ip ? `, IP ${p.ip}` : ''}`;
}

export const PodGlyph = memo(function PodGlyph(p: PodGlyphProps) {
  const ref = useRef<SVGGElement>(null);
  // Mounted under a new parent (bound: queue → node), it glides from where it was (FLIP).
  const [arrived] = useState(() => p.fromX !== undefined && !p.jump);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !arrived || p.fromX === undefined || p.fromY === undefined) return;
    const to = el.style.transform;
    el.style.transition = 'none';
    el.style.transform = `translate(${p.fromX}px, ${p.fromY}px)`;
    el.getBoundingClientRect();
    el.style.transition = '';
    el.style.transform = to;
    // Only on mount: later moves are plain CSS transitions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const key = statusKey(p.status);
  const descId = `pod-desc-${p.uid}`;
  const dots = Math.min(p.containers, 4);
  const cls = `pod st-${key}${p.ready ? ' ready' : ''}${p.queued ? ' queued' : ''}${p.selected ? ' selected' : ''}${p.leaving ? ' leaving' : ''}${p.quiet || arrived ? ' quiet' : ''}${p.jump ? ' jump' : ''}`;
  return (
    <g ref={ref} className={cls} style={{ transform: `translate(${p.x}px, ${p.y}px)` }} data-pick={`pod|${p.namespace}|${p.name}|${p.uid}`}>
      <g className="pod-body" id={`pod-${p.uid}`} role="img" aria-label={`Pod ${p.name}`} aria-describedby={descId} tabIndex={p.leaving ? -1 : 0}>
        <desc id={descId}>{podDescription(p)}</desc>
        <rect className="pod-shape" x={-12} y={-12} width={24} height={24} rx={7} />
        <path className="pod-glyph" d={GLYPHS[GLYPH_OF[key]]} />
        {Array.from({ length: dots }, (_, i) => (
          <circle key={i} className="pod-dot" cx={(i - (dots - 1) / 2) * 5} cy={-15.5} r={1.7} />
        ))}
        {p.containers > 4 && <text className="pod-more" x={12} y={-13}>+</text>}
        {!p.queued && p.label && (
          <text className="pod-label" y={23}>
            {shortName(p.name)}
          </text>
        )}
      </g>
    </g>
  );
});

export interface PodOptions {
  readonly at: Point;
  readonly from: Point | undefined;
  readonly selected: boolean;
  readonly leaving: boolean;
  readonly quiet: boolean;
  readonly jump: boolean;
  readonly label: boolean;
}

/** A pod view as a glyph, with only primitive props so memo can skip unchanged pods. */
export function podGlyph(p: PodView, o: PodOptions) {
  return (
    <PodGlyph
      key={p.uid}
      uid={p.uid}
      name={p.name}
      namespace={p.namespace}
      status={o.leaving ? 'Terminating' : p.status}
      ready={!o.leaving && p.ready}
      readyText={p.readyText}
      containers={p.containers.length}
      nodeName={p.nodeName}
      ip={p.ip}
      x={o.at.x}
      y={o.at.y}
      queued={!p.nodeName}
      label={o.label}
      selected={o.selected}
      leaving={o.leaving}
      quiet={o.quiet}
      jump={o.jump}
      fromX={o.from?.x}
      fromY={o.from?.y}
    />
  );
}
