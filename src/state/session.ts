// The lab as a log: what the person did and at which simulated millisecond. The engine is
// deterministic, so replaying the log on a fresh cluster with the same seed rebuilds the same
// cluster (same names, IPs, events) after a reload, with nothing of the engine serialised.

import { Shell, createCluster } from '../engine/index.ts';
import type { Cluster, PresetName, ShellRun, VirtualFS } from '../engine/index.ts';

export type Action =
  | { readonly t: number; readonly kind: 'run'; readonly line: string }
  | { readonly t: number; readonly kind: 'interrupt' }
  | { readonly t: number; readonly kind: 'write'; readonly path: string; readonly content: string }
  | { readonly t: number; readonly kind: 'remove'; readonly path: string };

export interface Engine {
  readonly cluster: Cluster;
  readonly shell: Shell;
}

/** The cluster's settings: with the log, everything needed to rebuild it. */
export interface ClusterSettings {
  readonly seed: number;
  readonly preset: PresetName;
  /** total nodes; the preset's own count when absent */
  readonly nodes?: number;
}

export function createEngine({ seed, preset, nodes }: ClusterSettings, vfs: VirtualFS): Engine {
  const cluster = createCluster({ seed, preset, ...(nodes ? { nodes } : {}) });
  cluster.clock.onTaskError = (error, task) => console.error(`kubelab: a simulated task failed (${task.label})`, error);
  return { cluster, shell: new Shell(cluster, vfs) };
}

/**
 * Lets `ms` of simulated time pass. Open terminal runs are polled at the exact simulated
 * moments their waits end (never at frame boundaries), so a replay resumes them identically.
 */
export function advance({ cluster, shell }: Engine, ms: number): void {
  const target = cluster.clock.now + Math.max(0, Math.floor(ms));
  for (let guard = 0; guard < 100_000; guard++) {
    const wake = shell.nextWake();
    const limit = wake !== undefined && wake < target ? wake : target;
    cluster.runUntil(() => shell.ready(), Math.max(0, limit - cluster.clock.now));
    if (shell.ready()) shell.poll();
    else if (cluster.clock.now >= target) return;
  }
}

/** Performs one logged action; `runs` holds the open runs so an interrupt finds its target. */
export function perform(engine: Engine, action: Action, runs: ShellRun[], write: (stream: 'stdout' | 'stderr', text: string) => void): ShellRun | undefined {
  switch (action.kind) {
    case 'run': {
      const run = engine.shell.run(action.line, { write }, 'interactive');
      if (!run.finished) runs.push(run);
      return run;
    }
    case 'interrupt':
      runs.pop()?.interrupt();
      return undefined;
    case 'write':
      engine.shell.vfs.write(action.path, action.content);
      return undefined;
    case 'remove':
      engine.shell.vfs.remove(action.path);
      return undefined;
  }
}

/** Rebuilds a cluster from its log; a run still open at the end is interrupted, as a reload ends it. */
export function replay(settings: ClusterSettings, vfs: VirtualFS, actions: readonly Action[], until: number): Engine {
  const engine = createEngine(settings, vfs);
  const runs: ShellRun[] = [];
  const discard = (): void => undefined;
  for (const action of actions) {
    advance(engine, action.t - engine.cluster.clock.now);
    perform(engine, action, runs, discard);
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.finished) runs.splice(i, 1);
  }
  advance(engine, until - engine.cluster.clock.now);
  for (const run of runs) run.interrupt();
  return engine;
}
