// d3-zoom on the diagram's SVG, wrapped as a small factory (created in an effect, destroyed
// in its cleanup). The transform goes straight to the content <g>, never through React, and
// the view keeps fitting the whole cluster until the person zooms or pans themselves.

import { useCallback, useEffect, useRef } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { ZoomBehavior } from 'd3-zoom';
import 'd3-transition';
import type { Size } from './useDiagramLayout.ts';
import { FIT_MAX } from '../../viz/fit.ts';

/** Text is never drawn under ~9 px: at scale k a label of size s shows only while s·k ≥ 9. */
const LEGIBLE_PX = 9;
const TIERS = [['lod-5', 5], ['lod-6', 6.2], ['lod-7', 7.5], ['lod-small', 10], ['lod-title', 12]] as const;

export interface ZoomControls {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
}

const reducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** `layers`: the <g>s that take the transform (the diagram, and the message dots drawn in their own SVG). */
export function useZoom(svg: React.RefObject<SVGSVGElement | null>, layers: readonly React.RefObject<SVGGElement | null>[], view: Size, world: Size): ZoomControls {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const auto = useRef(true);
  const fitTo = useRef({ view, world });
  fitTo.current = { view, world };

  const fitTransform = useCallback(() => {
    const { view: v, world: w } = fitTo.current;
    const k = Math.max(0.05, Math.min(v.w / w.w, v.h / w.h, FIT_MAX));
    // Top-aligned: the control plane stays where the eye starts; spare room falls below.
    return zoomIdentity.translate((v.w - w.w * k) / 2, Math.min(8, Math.max(0, (v.h - w.h * k) / 2))).scale(k);
  }, []);

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 6])
      .on('zoom', (e: { transform: { k: number; toString(): string }; sourceEvent: unknown }) => {
        if (e.sourceEvent) auto.current = false;
        // Hide captions that would be unreadably small (they come back as you zoom in).
        for (const [cls, px] of TIERS) el.classList.toggle(cls, px * e.transform.k < LEGIBLE_PX - 0.05);
        const t = e.transform.toString();
        for (const layer of layers) layer.current?.setAttribute('transform', t);
      });
    behaviour.current = z;
    const s = select(el);
    s.call(z).on('dblclick.zoom', null);
    s.call(z.transform, fitTransform());
    return () => {
      s.on('.zoom', null);
      behaviour.current = null;
    };
  }, [svg, layers, fitTransform]);

  const apply = useCallback((f: (z: ZoomBehavior<SVGSVGElement, unknown>, s: ReturnType<typeof select<SVGSVGElement, unknown>>) => void) => {
    const z = behaviour.current;
    if (!z || !svg.current) return;
    f(z, select(svg.current));
  }, [svg]);

  // Keep the whole cluster in view as it grows, unless the person has taken over.
  useEffect(() => {
    if (!auto.current) return;
    apply((z, s) => (reducedMotion() ? s.call(z.transform, fitTransform()) : s.transition().duration(400).call(z.transform, fitTransform())));
  }, [view.w, view.h, world.w, world.h, apply, fitTransform]);

  return {
    zoomIn: () => apply((z, s) => {
      auto.current = false;
      s.transition().duration(reducedMotion() ? 0 : 200).call(z.scaleBy, 1.3);
    }),
    zoomOut: () => apply((z, s) => {
      auto.current = false;
      s.transition().duration(reducedMotion() ? 0 : 200).call(z.scaleBy, 1 / 1.3);
    }),
    fit: () => {
      auto.current = true;
      apply((z, s) => s.transition().duration(reducedMotion() ? 0 : 300).call(z.transform, fitTransform()));
    },
  };
}
