// The diagram's layout from the world: pods keep the order they first appeared in (so a new
// pod never pushes the others around), unbound pods wait in the scheduler's queue, and the
// arrangement (stacked or wide) is chosen so the picture fills the pane's shape at the largest scale.

import { useMemo, useRef } from 'react';
import { fitLayout } from '../../viz/fit.ts';
import type { DiagramLayout } from '../../viz/layout.ts';
import { assignSlots } from '../../viz/slots.ts';
import type { Slots } from '../../viz/slots.ts';
import type { NodeView, PodView, ServiceView } from '../../state/world.ts';

export interface Size {
  readonly w: number;
  readonly h: number;
}

function orderNodes(nodes: readonly NodeView[]): NodeView[] {
  return [...nodes].sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || a.name.localeCompare(b.name));
}

export function useDiagramLayout(nodes: readonly NodeView[], pods: readonly PodView[], services: readonly ServiceView[], size: Size): { layout: DiagramLayout; ordered: NodeView[] } {
  const seen = useRef(new Map<string, number>());
  const slots = useRef<Slots>(new Map());
  const ordered = useMemo(() => orderNodes(nodes), [nodes]);
  // Bucket the pods by node only when the pods or the nodes change (not on every world
  // revision elsewhere), in first-seen order.
  const buckets = useMemo(() => {
    const order = seen.current;
    for (const p of pods) if (!order.has(p.uid)) order.set(p.uid, order.size);
    if (order.size > 4 * pods.length + 1000) {
      const live = new Set(pods.map((p) => p.uid));
      for (const uid of order.keys()) if (!live.has(uid)) order.delete(uid);
    }
    const known = new Set(nodes.map((n) => n.name));
    const byNode = new Map<string, string[]>();
    const pending: string[] = [];
    const sorted = [...pods].sort((a, b) => order.get(a.uid)! - order.get(b.uid)!);
    for (const p of sorted) {
      if (p.nodeName && known.has(p.nodeName)) {
        const list = byNode.get(p.nodeName) ?? [];
        list.push(p.uid);
        byNode.set(p.nodeName, list);
      } else pending.push(p.uid);
    }
    // Idempotent for the same pods, so a repeated memo run is harmless.
    slots.current = assignSlots(slots.current, byNode);
    return { byNode: slots.current, pending };
  }, [pods, nodes]);
  const serviceKeys = useMemo(() => services.map((s) => `${s.namespace}/${s.name}`), [services]);
  const shape = useRef<string | undefined>(undefined);
  const layout = useMemo(() => {
    const input = { nodes: ordered.map((n) => ({ name: n.name, pods: buckets.byNode.get(n.name) ?? [] })), pending: buckets.pending, services: serviceKeys };
    const l = fitLayout(input, size, shape.current);
    shape.current = l.shape;
    return l;
  }, [size, ordered, buckets, serviceKeys]);
  return { layout, ordered };
}
