// A node: its box, name and STATUS (Ready / NotReady / SchedulingDisabled), the node agents
// (kubelet, container runtime, kube-proxy) and, when too many pods to draw, their counts by
// status. Its pods are drawn inside its group (they glide in from the scheduling queue).

import type { ReactNode } from 'react';
import type { NodeLayout, Rect } from '../../viz/layout.ts';
import { STATUS_LABEL } from '../../viz/podStatus.ts';
import type { StatusKey } from '../../viz/podStatus.ts';

export interface NodeBoxProps {
  readonly layout: NodeLayout;
  readonly status: string;
  readonly controlPlane: boolean;
  readonly podCount: number;
  /** `running:3,pending:1`: counts by status, for aggregated nodes */
  readonly counts: string;
  /** the node's pods, drawn inside its group so they are found in it */
  readonly children?: ReactNode;
  /** what of this node is selected: `node`, `kubelet`, `container-runtime`, `kube-proxy` or '' */
  readonly selected: string;
}

const AGENTS = [
  { key: 'kubelet', label: 'kubelet', icon: 'M0,-5 L4.3,-2.5 V2.5 L0,5 L-4.3,2.5 V-2.5 Z M0,-1.8 A1.8,1.8 0 1 1 -0.01,-1.8' },
  { key: 'container-runtime', label: 'runtime', icon: 'M-4.5,-2.5 L0,-5 L4.5,-2.5 V2.5 L0,5 L-4.5,2.5 Z M-4.5,-2.5 L0,0 L4.5,-2.5 M0,0 V5' },
  { key: 'kube-proxy', label: 'kube-proxy', icon: 'M-5,-2 H4 M1.5,-4.5 L4,-2 L1.5,0.5 M5,2.5 H-4 M-1.5,0 L-4,2.5 L-1.5,5' },
] as const;

function statusTone(status: string): string {
  if (!status.startsWith('Ready')) return 'bad';
  return status.includes('SchedulingDisabled') ? 'warn' : 'good';
}

/** Room for the icon beside the name; narrower chips show the name alone (the icon only when the name is hidden). */
const ICON_ROOM = 64;

function Agent({ rect, node, agent, selected }: { rect: Rect; node: string; agent: (typeof AGENTS)[number]; selected: boolean }) {
  const id = `${agent.key}/${node}`;
  const roomy = rect.w >= ICON_ROOM;
  const cy = rect.y + rect.h / 2;
  return (
    <g className={`agent${selected ? ' selected' : ''}${roomy ? '' : ' narrow'}`} data-pick={`comp|${id}`} data-ep={id} role="button" aria-label={`${agent.label} on ${node}`} tabIndex={0}>
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={5} />
      <path className="agent-icon" d={agent.icon} transform={`translate(${roomy ? rect.x + 11 : rect.x + rect.w / 2},${cy})`} />
      <text x={roomy ? rect.x + 19 : rect.x + rect.w / 2} y={cy + 3.5} textAnchor={roomy ? 'start' : 'middle'}>
        {roomy || agent.key !== 'kube-proxy' ? agent.label : 'proxy'}
      </text>
    </g>
  );
}

/** The name cut to the width it has (the full name is in the accessible name and the tooltip). */
function fitName(name: string, width: number): string {
  const chars = Math.floor(width / 7);
  return name.length <= chars ? name : `${name.slice(0, Math.max(4, chars - 1))}…`;
}

function Counts({ area, counts, total }: { area: Rect; counts: string; total: number }) {
  const parts = counts ? counts.split(',').map((c) => c.split(':') as [StatusKey, string]) : [];
  const barW = area.w - 4;
  let x = area.x + 2;
  const text = parts.map(([k, n]) => `${n} ${STATUS_LABEL[k]}`).join(', ');
  return (
    <g className="counts" role="img" aria-label={`${total} pods`} aria-description={text || 'no pods'}>
      <text className="counts-total" x={area.x + 2} y={area.y + 12}>
        {total} pods{parts.length === 1 && text ? ` · ${STATUS_LABEL[parts[0]![0]]}` : ''}
      </text>
      {parts.map(([k, n]) => {
        const w = (Number(n) / Math.max(1, total)) * barW;
        const r = <rect key={k} className={`count-bar st-${k}`} x={x} y={area.y + 20} width={Math.max(0, w - 1)} height={12} rx={3} />;
        x += w;
        return r;
      })}
    </g>
  );
}

export function NodeBox(p: NodeBoxProps) {
  const { rect, podArea } = p.layout;
  const name = p.layout.name;
  const tone = statusTone(p.status);
  const statusText = p.status.replace(',', ' · ');
  const pillW = statusText.length * 5.8 + 14;
  return (
    <g className={`node${p.selected === 'node' ? ' selected' : ''} node-${tone}`} role="group" aria-label={`Node ${name}`}>
      <rect className="node-box" x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={10} data-pick={`node|${name}`} />
      <g className="node-head" data-pick={`node|${name}`} role="button" tabIndex={0} aria-label={`${name}: ${p.status}${p.controlPlane ? ', control-plane node, tainted NoSchedule' : ''}`}>
        <path className="node-icon" d="M-5,-4.5 H5 V-1 H-5 Z M-5,1 H5 V4.5 H-5 Z" transform={`translate(${rect.x + 13},${rect.y + 14})`} />
        <text className="node-name" x={rect.x + 23} y={rect.y + 18}>{fitName(name, rect.w - 29)}</text>
        {/* The STATUS pill sits on the frame's top edge, so the name keeps the whole width. */}
        <rect className={`node-pill ${tone}`} x={rect.x + rect.w - pillW - 8} y={rect.y - 8} width={pillW} height={16} rx={8} />
        <text className={`node-pill-text ${tone}`} x={rect.x + rect.w - pillW / 2 - 8} y={rect.y + 3.5}>{statusText}</text>
      </g>
      {AGENTS.map((a) => (
        <Agent key={a.key} rect={p.layout[a.key === 'container-runtime' ? 'runtime' : a.key === 'kube-proxy' ? 'proxy' : 'kubelet']} node={name} agent={a} selected={p.selected === a.key} />
      ))}
      {p.layout.aggregated ? (
        <Counts area={podArea} counts={p.counts} total={p.podCount} />
      ) : (
        p.podCount === 0 && (
          <text className="node-empty" x={podArea.x + podArea.w / 2} y={podArea.y + Math.min(26, podArea.h / 2 + 4)}>
            {p.controlPlane ? (rect.w < 220 ? 'tainted NoSchedule' : 'taint NoSchedule: control plane only') : 'no pods'}
          </text>
        )
      )}
      {p.children}
    </g>
  );
}
