// Small hooks the diagram needs from its surroundings: the pane's size, the person's
// reduced-motion preference, and the controllers seen acting so far (named in the
// controller manager card).

import { useEffect, useState } from 'react';
import type { Lab } from '../../state/labStore.ts';
import { controllerName } from '../../viz/messages.ts';
import type { Size } from './useDiagramLayout.ts';

export function useSize(ref: React.RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ w: 900, h: 520 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const w = Math.max(200, Math.round(entry.contentRect.width));
      const h = Math.max(160, Math.round(entry.contentRect.height));
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const QUERY = '(prefers-reduced-motion: reduce)';

export function useReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => window.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const mq = window.matchMedia?.(QUERY);
    if (!mq) return;
    const on = (): void => setReduce(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduce;
}

/** kube-controller-manager's controllers a learner meets first; others join as they act. */
export const BASE_CONTROLLERS = ['deployment', 'replicaset', 'endpoints', 'endpointslice', 'node-lifecycle', 'garbage-collector', 'hpa', 'taint-eviction'];

export function useControllers(lab: Lab): readonly string[] {
  const [names, setNames] = useState<readonly string[]>(BASE_CONTROLLERS);
  useEffect(
    () =>
      lab.store.subscribe((s, prev) => {
        if (s.traceBatch === prev.traceBatch) return;
        for (const r of s.traceBatch) {
          const name = controllerName(r.component);
          if (name) setNames((n) => (n.includes(name) ? n : [...n, name]));
        }
      }),
    [lab],
  );
  return names;
}
