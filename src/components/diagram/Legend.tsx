// The key to the diagram: pod status colours with their glyphs, readiness, container dots
// and what the travelling message colours mean. Collapsible, in a corner of the view.

import { useState } from 'react';
import { GLYPHS } from './PodGlyph.tsx';
import { GLYPH_OF, STATUS_LABEL, STATUS_ORDER } from '../../viz/podStatus.ts';
import type { StatusKey } from '../../viz/podStatus.ts';

function Swatch({ status, ready }: { status: StatusKey; ready: boolean }) {
  return (
    <svg className={`swatch pod st-${status}${ready ? ' ready' : ''}`} width={22} height={22} viewBox="-11 -11 22 22" aria-hidden="true">
      <rect className="pod-shape" x={-9} y={-9} width={18} height={18} rx={5} />
      <path className="pod-glyph" d={GLYPHS[GLYPH_OF[status]]} transform="scale(0.8)" />
    </svg>
  );
}

const MESSAGES = [
  ['request', 'request / bind'],
  ['write', 'write to etcd'],
  ['notify', 'watch notification'],
  ['status', 'status report'],
  ['error', 'failure / rejection'],
] as const;

export function Legend() {
  const [open, setOpen] = useState(false);
  return (
    <div className={`legend${open ? ' open' : ''}`}>
      <button type="button" className="btn legend-toggle" aria-expanded={open} aria-controls="diagram-legend" onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open && (
        <div id="diagram-legend" className="legend-body">
          <ul aria-label="Pod status">
            {STATUS_ORDER.filter((k) => k !== 'unknown').map((k) => (
              <li key={k}>
                <Swatch status={k} ready={k === 'running' || k === 'succeeded'} />
                {STATUS_LABEL[k]}
              </li>
            ))}
          </ul>
          <ul aria-label="Pod details">
            <li>
              <Swatch status="running" ready /> filled: ready
            </li>
            <li>
              <Swatch status="running" ready={false} /> hollow: not ready
            </li>
            <li>
              <span className="legend-dots" aria-hidden="true">••</span> one dot per container
            </li>
          </ul>
          <ul aria-label="Messages">
            {MESSAGES.map(([k, label]) => (
              <li key={k}>
                <svg width={22} height={12} aria-hidden="true">
                  <circle className={`msg msg-${k}`} cx={11} cy={6} r={5} />
                </svg>
                {label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
