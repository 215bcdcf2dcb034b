// Keeps a pod on screen for a moment after it is gone from the cluster, so it fades out
// where it stood instead of vanishing (React would otherwise unmount it at once); and
// keeps pod animation within a budget, since each animating pod repaints the whole SVG.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../viz/layout.ts';
import type { PodView } from '../../state/world.ts';

export interface Leaving {
  readonly pod: PodView;
  readonly at: Point;
}

export const LEAVE_MS = 450;

export function usePresence(pods: readonly PodView[], positions: ReadonlyMap<string, Point>): readonly Leaving[] {
  const last = useRef(new Map<string, Leaving>());
  const [leaving, setLeaving] = useState<readonly Leaving[]>([]);
  const timers = useRef(new Set<number>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);
  useEffect(() => {
    const now = new Set(pods.map((p) => p.uid));
    const gone = [...last.current.values()].filter((l) => !now.has(l.pod.uid));
    const next = new Map<string, Leaving>();
    for (const p of pods) {
      const at = positions.get(p.uid);
      if (at) next.set(p.uid, { pod: p, at });
    }
    last.current = next;
    if (!gone.length) return;
    // Past the budget (a deployment deleted), just let them go.
    if (gone.length > MOTION_BUDGET * 2) return;
    const shown = gone;
    setLeaving((l) => [...l.filter((x) => !now.has(x.pod.uid)), ...shown]);
    const uids = new Set(shown.map((g) => g.pod.uid));
    const timer = window.setTimeout(() => {
      timers.current.delete(timer);
      setLeaving((l) => l.filter((x) => !uids.has(x.pod.uid)));
    }, LEAVE_MS);
    timers.current.add(timer);
  }, [pods, positions]);
  return leaving;
}

/** How many pods may start an entrance, or a move, in one update before the rest just land. */
export const MOTION_BUDGET = 30;

export interface Motion {
  /** pods that arrived in a burst: no entrance animation, for their whole life */
  readonly quiet: ReadonlySet<string>;
  /** pods that moved in a burst this update: they land without gliding */
  readonly jump: ReadonlySet<string>;
  /** where the pods that moved this update were before */
  readonly from: ReadonlyMap<string, Point>;
}

export function useMotionBudget(positions: ReadonlyMap<string, Point>): Motion {
  const last = useRef(new Map<string, Point>());
  const quiet = useRef(new Set<string>());
  return useMemo(() => {
    const prev = last.current;
    const entered: string[] = [];
    const moved: string[] = [];
    for (const [uid, p] of positions) {
      const q = prev.get(uid);
      if (!q) entered.push(uid);
      else if (q.x !== p.x || q.y !== p.y) moved.push(uid);
    }
    if (entered.length > MOTION_BUDGET) for (const uid of entered) quiet.current.add(uid);
    for (const uid of quiet.current) if (!positions.has(uid) && prev.has(uid)) quiet.current.delete(uid);
    last.current = new Map(positions);
    const burst = moved.length > MOTION_BUDGET;
    return { quiet: quiet.current, jump: new Set(burst ? moved : []), from: new Map(burst ? [] : moved.map((uid) => [uid, prev.get(uid)!])) };
  }, [positions]);
}
