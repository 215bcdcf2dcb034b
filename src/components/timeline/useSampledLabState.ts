// A selector over the lab store that re-renders at most once per `ms` of real time. The trace
// and the world change every animation frame while the cluster is busy; the timeline's list
// and the inspector need them a few times a second, and screen readers need them even less.

import { useEffect, useRef, useState } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useLab } from '../../state/context.tsx';

/** `selector` should pick a field (a stable reference), not build a new value. */
export function useSampledLabState<T>(selector: (s: LabState) => T, ms: number): T {
  const { store } = useLab();
  const [value, setValue] = useState(() => selector(store.getState()));
  const pick = useRef(selector);
  useEffect(() => {
    pick.current = selector;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const update = (): void => {
      timer = undefined;
      last = performance.now();
      const next = pick.current(store.getState());
      setValue(() => next);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (timer !== undefined || pick.current(s) === pick.current(prev)) return;
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    update();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, ms]);
  return value;
}
