// Trace records as message dots travelling along the diagram's arrows, drawn by d3 straight
// into one <g> (never through React state), at most MAX_DOTS at a time so a burst of
// thousands of records cannot freeze the page. Components flash when they act. The dots
// live in their own SVG above the diagram, so a moving dot repaints only that layer.

import { useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { easeCubicInOut } from 'd3-ease';
import 'd3-transition';
import type { TraceRecord } from '../../engine/index.ts';
import type { Point } from '../../viz/layout.ts';
import { linkPoint } from '../../viz/paths.ts';
import { controllerName, homeOf, routeOf } from '../../viz/messages.ts';
import { useLab } from '../../state/context.tsx';

export const MAX_DOTS = 40;
const LEG_MS = 650;
const STAGGER_MS = 110;
const CAUSES_KEPT = 5000;

export interface MessageLayerProps {
  /** where an endpoint (`api-server`, `kubelet/<node>`, `pod/<ns>/<name>`) is right now */
  readonly resolve: React.RefObject<(endpoint: string) => Point | undefined>;
  /** how far the arrow between two endpoints arches (the layout's, so dots follow the arrows) */
  readonly lift: React.RefObject<(a: string, b: string) => number>;
  /** the newest record per diagram element, for the hover text */
  readonly latest: React.RefObject<Map<string, TraceRecord>>;
  readonly reducedMotion: boolean;
}

export function MessageLayer({ resolve, lift, latest, reducedMotion }: MessageLayerProps) {
  const lab = useLab();
  const layer = useRef<SVGGElement>(null);
  useEffect(() => {
    const g = layer.current;
    const svg = g?.closest('.diagram-body');
    if (!g || !svg) return;
    const causes = new Map<number, string>();
    let active = 0;
    let flip = false;

    const flash = (ep: string): void => {
      for (const el of svg.querySelectorAll(`[data-ep="${CSS.escape(ep)}"]`)) {
        el.classList.remove(flip ? 'flash-a' : 'flash-b');
        el.classList.add(flip ? 'flash-b' : 'flash-a');
      }
    };

    const launch = (legs: [Point, Point, number][], kind: string, delay: number): void => {
      active++;
      const [a0] = legs[0]!;
      const dot = select(g).append('circle').attr('class', `msg msg-${kind}`).attr('r', 5).attr('opacity', 0).attr('transform', `translate(${a0.x},${a0.y})`);
      let t = dot.transition().delay(delay).duration(0);
      for (const [a, b, lift] of legs) {
        // Fade in as it leaves a card and out as it enters one, so dots never sit on labels.
        t = t
          .transition()
          .duration(LEG_MS)
          .ease(easeCubicInOut)
          .tween('move', function (this: SVGCircleElement) {
            return (u: number) => {
              const p = linkPoint(a, b, u, lift);
              this.setAttribute('transform', `translate(${p.x},${p.y})`);
              this.setAttribute('opacity', String(Math.min(1, u / 0.2, (1 - u) / 0.2)));
            };
          });
      }
      const done = (): void => {
        active--;
      };
      t.remove().on('end', done).on('interrupt', done);
    };

    const onBatch = (batch: readonly TraceRecord[]): void => {
      flip = !flip;
      const flashed = new Set<string>();
      let launched = 0;
      for (const r of batch) {
        causes.set(r.id, r.component);
        const home = homeOf(r.component);
        const ctl = controllerName(r.component);
        if (r.object?.kind === 'Pod') latest.current.set(`pod/${r.object.namespace ?? 'default'}/${r.object.name}`, r);
        // Every write the API server makes lands in etcd: that is etcd's latest act too.
        if (r.component === 'api-server' && (r.action === 'create' || r.action === 'update' || r.action === 'delete' || r.action === 'persist')) latest.current.set('etcd', r);
        for (const ep of [home, ctl && `ctl/${ctl}`]) {
          if (!ep) continue;
          latest.current.set(ep, r);
          if (flashed.has(ep)) continue;
          flashed.add(ep);
          flash(ep);
        }
        if (reducedMotion || active >= MAX_DOTS) continue;
        const route = routeOf(r, r.cause === undefined ? undefined : causes.get(r.cause));
        if (!route) continue;
        const legs = route.legs.map(([a, b]) => [resolve.current(a), resolve.current(b), lift.current(a, b)] as const);
        if (legs.some(([a, b]) => !a || !b)) continue;
        launch(legs as [Point, Point, number][], route.kind, Math.min(launched++, 24) * STAGGER_MS);
      }
      while (causes.size > CAUSES_KEPT) causes.delete(causes.keys().next().value!);
    };

    const unsubscribe = lab.store.subscribe((s, prev) => {
      if (s.traceBatch !== prev.traceBatch && s.traceBatch.length) onBatch(s.traceBatch);
    });
    return () => {
      unsubscribe();
      select(g).selectAll('*').interrupt().remove();
    };
  }, [lab, resolve, lift, latest, reducedMotion]);
  return <g ref={layer} className="messages" aria-hidden="true" />;
}
