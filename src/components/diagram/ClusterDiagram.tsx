// The animated architecture diagram: the control plane and the nodes with their pods, with
// trace records travelling as messages along the arrows. React draws the (memoised) shapes,
// CSS transitions move pods, d3 owns zoom/pan and the message dots.

import { useEffect, useMemo, useRef } from 'react';
import './diagram.css';
import type { TraceRecord } from '../../engine/index.ts';
import { useLab, useLabState } from '../../state/context.tsx';
import type { Selection } from '../../state/labStore.ts';
import type { PodView } from '../../state/world.ts';
import type { Point } from '../../viz/layout.ts';
import { componentAnchor, liftOf } from '../../viz/anchors.ts';
import { countByStatus } from '../../viz/podStatus.ts';
import { useDiagramLayout } from './useDiagramLayout.ts';
import type { Size } from './useDiagramLayout.ts';
import { useMotionBudget, usePresence } from './usePresence.ts';
import type { Leaving } from './usePresence.ts';
import { useZoom } from './useZoom.ts';
import { useDiagramPointer } from './useDiagramPointer.ts';
import type { DiagramData } from './useDiagramPointer.ts';
import { useControllers, useReducedMotion, useSize } from './useDiagramEnv.ts';
import { ControlPlane, ControlPlaneBackdrop } from './ControlPlane.tsx';
import { NodeBox } from './NodeBox.tsx';
import { podGlyph } from './PodGlyph.tsx';
import { Links } from './Links.tsx';
import { Services } from './Services.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { Legend } from './Legend.tsx';
import { LiveSummary } from './LiveSummary.tsx';

/** What of a node is selected: the node itself, one of its agents, or nothing. */
function nodePart(sel: Selection | null, node: string): string {
  if (!sel) return '';
  if (sel.type === 'object') return sel.ref.kind === 'Node' && sel.ref.name === node ? 'node' : '';
  const [agent, name] = sel.component.split('/');
  return name === node ? (agent ?? '') : '';
}

const podSelected = (sel: Selection | null, p: PodView): boolean =>
  sel?.type === 'object' && sel.ref.kind === 'Pod' && sel.ref.name === p.name && (sel.ref.namespace ?? 'default') === p.namespace;

export function ClusterDiagram() {
  const lab = useLab();
  const nodes = useLabState((s) => s.world.nodes);
  const pods = useLabState((s) => s.world.pods);
  const services = useLabState((s) => s.world.services);
  const selection = useLabState((s) => s.selection);
  const body = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const content = useRef<SVGGElement>(null);
  const overlay = useRef<SVGGElement>(null);
  const layers = useMemo(() => [content, overlay], []);
  const size = useSize(body);
  const reducedMotion = useReducedMotion();
  const controllers = useControllers(lab);
  const { layout, ordered } = useDiagramLayout(nodes, pods, services, size);
  const leaving = usePresence(pods, layout.pods);
  const motion = useMotionBudget(layout.pods);
  const world = useMemo<Size>(() => ({ w: layout.width, h: layout.height }), [layout.width, layout.height]);
  const zoom = useZoom(svg, layers, size, world);

  const byUid = useMemo(() => new Map(pods.map((p) => [p.uid, p])), [pods]);
  const latest = useRef(new Map<string, TraceRecord>());
  const data = useRef<DiagramData>({ pods: byUid, nodes, services, controllers, latest: latest.current });
  const resolve = useRef<(ep: string) => Point | undefined>(() => undefined);
  const lift = useRef<(a: string, b: string) => number>(() => 0);
  useEffect(() => {
    data.current = { pods: byUid, nodes, services, controllers, latest: latest.current };
    const uidOf = new Map(pods.map((p) => [`pod/${p.namespace}/${p.name}`, p.uid]));
    resolve.current = (ep) => (ep.startsWith('pod/') ? layout.pods.get(uidOf.get(ep) ?? '') : componentAnchor(layout, ep));
    lift.current = (a, b) => liftOf(layout, a, b);
  }, [byUid, nodes, services, controllers, pods, layout]);
  const { tip, handlers } = useDiagramPointer(lab, data, body);

  const perNode = useMemo(() => {
    const m = new Map<string, PodView[]>();
    for (const p of pods) {
      if (!p.nodeName) continue;
      const list = m.get(p.nodeName);
      if (list) list.push(p);
      else m.set(p.nodeName, [p]);
    }
    return m;
  }, [pods]);
  const podAt = useMemo(() => {
    const m = new Map<string, Point>();
    for (const p of pods) {
      const at = layout.pods.get(p.uid);
      if (p.ip && at) m.set(p.ip, at);
    }
    return m;
  }, [pods, layout]);
  const svcSelected = selection?.type === 'object' && selection.ref.kind === 'Service' ? `${selection.ref.namespace ?? 'default'}/${selection.ref.name}` : '';
  const host = ordered.find((n) => n.controlPlane)?.name;
  const cpSelected = selection?.type === 'component' && !selection.component.includes('/') ? selection.component : '';
  const known = new Set(layout.nodes.map((n) => n.name));
  const queue = pods.filter((p) => !p.nodeName || !known.has(p.nodeName));
  const drawPod = (p: PodView) => {
    const at = layout.pods.get(p.uid);
    if (!at) return null;
    const o = { at, from: motion.from.get(p.uid), selected: podSelected(selection, p), leaving: false, quiet: motion.quiet.has(p.uid), jump: motion.jump.has(p.uid), label: layout.podLabels };
    return podGlyph(p, o);
  };
  const drawLeaving = ({ pod, at }: Leaving) => podGlyph(pod, { at, from: undefined, selected: false, leaving: true, quiet: false, jump: false, label: layout.podLabels });

  return (
    <section className="panel diagram" aria-label="Cluster diagram">
      <div className="panel-header">
        <h2>Cluster</h2>
        <span className="diagram-summary">
          {nodes.length} nodes · {pods.length} pods
        </span>
        <div className="diagram-tools">
          <button type="button" className="btn" onClick={zoom.zoomOut} aria-label="Zoom out" title="Zoom out">−</button>
          <button type="button" className="btn" onClick={zoom.zoomIn} aria-label="Zoom in" title="Zoom in">+</button>
          <button type="button" className="btn" onClick={zoom.fit} title="Fit the whole cluster in view">Fit</button>
        </div>
      </div>
      <div className="panel-body diagram-body" ref={body} {...handlers}>
        <svg ref={svg} className={`diagram-svg${reducedMotion ? ' still' : ''}`} width={size.w} height={size.h} role="presentation">
          <g ref={content}>
            <ControlPlaneBackdrop layout={layout} host={host} />
            <Links layout={layout} />
            <ControlPlane layout={layout} host={host} controllers={controllers} selected={cpSelected} queued={queue.length} />
            {layout.nodes.map((nl) => {
              const n = ordered.find((x) => x.name === nl.name)!;
              const mine = perNode.get(nl.name) ?? [];
              return (
                <NodeBox
                  key={nl.name}
                  layout={nl}
                  status={n.status}
                  controlPlane={n.controlPlane}
                  podCount={mine.length}
                  counts={nl.aggregated ? countByStatus(mine.map((p) => p.status)).map((c) => `${c.key}:${c.count}`).join(',') : ''}
                  selected={nodePart(selection, nl.name)}
                >
                  {!nl.aggregated && mine.map((p) => drawPod(p))}
                  {leaving.filter((l) => l.pod.nodeName === nl.name).map((l) => drawLeaving(l))}
                </NodeBox>
              );
            })}
            <g className="pods" role="group" aria-label={`Scheduling queue: ${queue.length} pod${queue.length === 1 ? '' : 's'} waiting for a node`}>
              {queue.map((p) => drawPod(p))}
              {leaving.filter((l) => !l.pod.nodeName || !perNode.has(l.pod.nodeName)).map((l) => drawLeaving(l))}
            </g>
            <Services layout={layout} services={services} podAt={podAt} selected={svcSelected} />
          </g>
        </svg>
        <svg className="diagram-overlay" width={size.w} height={size.h} aria-hidden="true">
          <g ref={overlay}>
            <MessageLayer resolve={resolve} lift={lift} latest={latest} reducedMotion={reducedMotion} />
          </g>
        </svg>
        <Legend />
        {tip && (
          <div className="diagram-tip" style={{ left: Math.min(tip.x + 14, size.w - 300), top: tip.y + 14 }} aria-hidden="true">
            <strong>{tip.title}</strong>
            {tip.lines.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        )}
        <LiveSummary />
      </div>
    </section>
  );
}
