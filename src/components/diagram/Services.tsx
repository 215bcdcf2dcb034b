// The services lane: each Service with its type, ClusterIP and ports, how many ready
// endpoints it has, and (while few enough to read) a thin line to each endpoint pod.

import { memo } from 'react';
import type { DiagramLayout, Point } from '../../viz/layout.ts';
import { linkPath } from '../../viz/paths.ts';
import type { ServiceView } from '../../state/world.ts';

const MAX_LINES = 80;

export interface ServicesProps {
  readonly layout: DiagramLayout;
  readonly services: readonly ServiceView[];
  /** pod IP → where that pod is drawn */
  readonly podAt: ReadonlyMap<string, Point>;
  /** `namespace/name` of the selected service, or '' */
  readonly selected: string;
}

export const Services = memo(function Services({ layout, services, podAt, selected }: ServicesProps) {
  const lane = layout.serviceLane;
  if (!lane) return null;
  const lines = services.reduce((n, s) => n + s.endpoints.length, 0);
  const first = layout.services.values().next().value;
  // Cards set in from the left leave the lane's title beside them rather than above.
  const inline = first !== undefined && first.x - lane.x > 40;
  return (
    <g className="services" role="group" aria-label="Services">
      <rect className="svc-lane" x={lane.x} y={lane.y} width={lane.w} height={lane.h} rx={10} />
      <text className="svc-lane-title" x={lane.x + 12} y={lane.y + (inline ? lane.h / 2 + 4 : 18)}>Services</text>
      {services.map((s) => {
        const key = `${s.namespace}/${s.name}`;
        const r = layout.services.get(key);
        if (!r) return null;
        const from = { x: r.x + r.w / 2, y: r.y };
        const sel = selected === key;
        const count = s.endpoints.length;
        return (
          <g key={key} className={`svc${sel ? ' selected' : ''}`}>
            {lines <= MAX_LINES || sel
              ? s.endpoints.map((ip) => {
                  const to = podAt.get(ip);
                  return to ? <path key={ip} className="svc-link" d={linkPath(from, to)} aria-hidden="true" /> : null;
                })
              : null}
            <g data-pick={`svc|${s.namespace}|${s.name}`} data-ep={`svc/${key}`} role="button" tabIndex={0} aria-label={`Service ${s.name}: ${s.type} ${s.clusterIP}, ports ${s.ports}, ${count} ready endpoint${count === 1 ? '' : 's'}`}>
              <rect className="svc-card" x={r.x} y={r.y} width={r.w} height={r.h} rx={8} />
              <text className="svc-name" x={r.x + 10} y={r.y + 16}>
                {s.name.length > 16 ? `${s.name.slice(0, 15)}…` : s.name}
                <tspan className="svc-type" dx={6}>{s.type}</tspan>
              </text>
              <text className="svc-detail" x={r.x + 10} y={r.y + 31}>
                {s.clusterIP} · {s.ports.length > 13 ? `${s.ports.slice(0, 12)}…` : s.ports}
              </text>
              <rect className={`svc-count${count ? '' : ' none'}`} x={r.x + r.w - 36} y={r.y + 10} width={28} height={18} rx={9} />
              <text className="svc-count-text" x={r.x + r.w - 22} y={r.y + 23}>{count}</text>
            </g>
          </g>
        );
      })}
    </g>
  );
});
