// The control plane as the seed notes draw it: the API server as the hub, the cluster store
// (etcd, a cylinder) that only the API server talks to, the scheduler with its queue of
// unbound pods, and the controller manager naming its controllers. kubectl sits outside.

import { memo } from 'react';
import type { DiagramLayout, Rect } from '../../viz/layout.ts';

export interface ControlPlaneProps {
  readonly layout: DiagramLayout;
  /** the node the control plane runs on (kind's `kubelab-control-plane`), if any */
  readonly host: string | undefined;
  readonly controllers: readonly string[];
  /** `api-server`, `etcd`, `scheduler`, `controller-manager`, `kubectl` or '' */
  readonly selected: string;
  readonly queued: number;
}

/** The rounded heptagon of Kubernetes' component icons. */
function heptagon(r: number): string {
  const pts = Array.from({ length: 7 }, (_, i) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / 7;
    return `${(Math.cos(a) * r).toFixed(2)},${(Math.sin(a) * r).toFixed(2)}`;
  });
  return `M${pts.join('L')}Z`;
}
const BADGE = heptagon(13);
const BADGE_SMALL = heptagon(10.5);

interface CardProps {
  readonly rect: Rect;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly badge: string;
  readonly selected: boolean;
  /** a short card (the wide arrangement): smaller badge, title and subtitle centred on it */
  readonly compact: boolean;
  /** the subtitle drawn when compact (the accessible name keeps the full one) */
  readonly short?: string;
}

function Card({ rect, id, title, subtitle, badge, selected, compact, short }: CardProps) {
  const mid = rect.y + rect.h / 2;
  return (
    <g className={`card${selected ? ' selected' : ''}`} data-pick={`comp|${id}`} data-ep={id} role="button" tabIndex={0} aria-label={`${title}: ${subtitle}`}>
      <rect className="card-box" x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={compact ? 8 : 9} />
      {compact ? (
        <>
          <g transform={`translate(${rect.x + 16},${mid})`}>
            <path className="badge" d={BADGE_SMALL} />
            {/* Lettered only when drawn large enough to read (useZoom's lod-* classes hide it). */}
            <text className={`badge-text ${badge.length > 3 ? 'b5' : 'b6'}`}>{badge}</text>
          </g>
          <text className="card-title" x={rect.x + 31} y={mid - 2}>{title}</text>
          <text className="card-sub" x={rect.x + 31} y={mid + 12}>{short ?? subtitle}</text>
        </>
      ) : (
        <>
          <g transform={`translate(${rect.x + 22},${rect.y + 25})`}>
            <path className="badge" d={BADGE} />
            <text className={`badge-text ${badge.length > 3 ? 'b6' : 'b7'}`}>{badge}</text>
          </g>
          <text className="card-title" x={rect.x + 42} y={rect.y + 22}>{title}</text>
          <text className="card-sub" x={rect.x + 42} y={rect.y + 37}>{subtitle}</text>
        </>
      )}
    </g>
  );
}

function Etcd({ rect, selected, compact }: { rect: Rect; selected: boolean; compact: boolean }) {
  const { x, y, w, h } = rect;
  const ry = compact ? 6 : 8;
  const body = `M${x},${y + ry} A${w / 2},${ry} 0 0 0 ${x + w},${y + ry} V${y + h - ry} A${w / 2},${ry} 0 0 1 ${x},${y + h - ry} Z`;
  return (
    <g className={`card etcd${selected ? ' selected' : ''}`} data-pick="comp|etcd" data-ep="etcd" role="button" tabIndex={0} aria-label="etcd: the cluster store">
      <path className="card-box" d={body} />
      <ellipse className="card-box etcd-top" cx={x + w / 2} cy={y + ry} rx={w / 2} ry={ry} />
      <text className="card-title" x={x + w / 2} y={y + h / 2 + (compact ? 3 : 6)} textAnchor="middle">etcd</text>
      <text className="card-sub" x={x + w / 2} y={y + h / 2 + (compact ? 15 : 20)} textAnchor="middle">cluster store</text>
    </g>
  );
}

function Kubectl({ rect, selected }: { rect: Rect; selected: boolean }) {
  const { x, y, w } = rect;
  return (
    <g className={`card kubectl${selected ? ' selected' : ''}`} data-pick="comp|kubectl" data-ep="kubectl" role="button" tabIndex={0} aria-label="kubectl: you, in the terminal or the editor">
      <rect className="card-box" x={x + 10} y={y} width={w - 20} height={34} rx={7} />
      <text className="prompt" x={x + w / 2} y={y + 22} textAnchor="middle">$_</text>
      <text className="card-title" x={x + w / 2} y={y + 50} textAnchor="middle">kubectl</text>
      <text className="card-sub" x={x + w / 2} y={y + 62} textAnchor="middle">you</text>
    </g>
  );
}

function ControllerManager({ rect, controllers, selected, compact }: { rect: Rect; controllers: readonly string[]; selected: boolean; compact: boolean }) {
  const colW = (rect.w - 24) / 2;
  // Too short to list them: a count here, the names in the tooltip and the inspector.
  if (compact) {
    const room = Math.floor((rect.w - 40) / 5.6);
    const all = `${controllers.length} controllers: ${controllers.join(', ')}`;
    const short = all.length <= room ? all : `${all.slice(0, room - 1).replace(/,?\s*\S*$/, '')}, …`;
    return <Card rect={rect} id="controller-manager" title="controller manager" subtitle="reconcile loops" short={short} badge="c-m" selected={selected} compact />;
  }
  return (
    <g>
      <Card rect={rect} id="controller-manager" title="controller manager" subtitle="reconcile loops" badge="c-m" selected={selected} compact={false} />
      <g className="controllers" aria-hidden="true">
        {controllers.slice(0, 14).map((c, i) => (
          <text key={c} data-ep={`ctl/${c}`} x={rect.x + 12 + (i % 2) * colW} y={rect.y + 58 + Math.floor(i / 2) * 13}>
            {c}
          </text>
        ))}
      </g>
    </g>
  );
}

/** The control plane's box and title, drawn under the arrows (the cards go over them). */
export const ControlPlaneBackdrop = memo(function ControlPlaneBackdrop({ layout: l, host }: { layout: DiagramLayout; host: string | undefined }) {
  const cp = l.controlPlane;
  const wide = l.compact;
  return (
    <g aria-hidden="true">
      <rect className="cp-box" x={cp.x} y={cp.y} width={cp.w} height={cp.h} rx={12} />
      <text className="cp-title" x={cp.x + (wide ? 10 : 14)} y={cp.y + (wide ? 18 : 22)}>Control plane</text>
      {host && (
        <text className={`cp-host${wide ? ' compact' : ''}`} x={wide ? cp.x + cp.w - 8 : cp.x + 126} y={cp.y + (wide ? 18 : 22)} textAnchor={wide ? 'end' : 'start'}>
          {wide ? `on ${host}` : `runs on node ${host}`}
        </text>
      )}
    </g>
  );
});

export const ControlPlane = memo(function ControlPlane({ layout: l, host, controllers, selected, queued }: ControlPlaneProps) {
  const q = l.queue;
  const compact = l.compact;
  return (
    <g className="control-plane" role="group" aria-label={`Control plane${host ? `, on node ${host}` : ''}`}>
      <Etcd rect={l.etcd} selected={selected === 'etcd'} compact={compact} />
      <Card rect={l.api} id="api-server" title="API server" subtitle="kube-apiserver · the hub" short="kube-apiserver" badge="api" selected={selected === 'api-server'} compact={compact} />
      <Card rect={l.scheduler} id="scheduler" title="scheduler" subtitle="kube-scheduler" badge="sched" selected={selected === 'scheduler'} compact={compact} />
      <ControllerManager rect={l.controllerManager} controllers={controllers} selected={selected === 'controller-manager'} compact={compact} />
      <g className="queue" aria-hidden="true">
        <text className={`queue-title${compact ? ' compact' : ''}`} x={q.x + 2} y={q.y - 5}>scheduling queue</text>
        <rect className="queue-box" x={q.x} y={q.y} width={q.w} height={q.h} rx={7} />
        {queued === 0 && <text className="queue-empty" x={q.x + q.w / 2} y={q.y + q.h / 2 + 4}>empty</text>}
        {l.queueOverflow > 0 && <text className="queue-more" x={q.x + q.w - 4} y={q.y + q.h + 12}>+{l.queueOverflow} more</text>}
      </g>
      <Kubectl rect={l.kubectl} selected={selected === 'kubectl'} />
    </g>
  );
});
