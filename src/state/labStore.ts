// The page's one store around the simulated cluster: it owns the engine instance and its
// shell, plays simulated time in step with real time while a command waits, and publishes
// the simulated clock. Components read it through selectors; they never touch the engine.

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { Shell, createCluster } from '../engine/index.ts';
import type { ShellRun, Stream } from '../engine/index.ts';

export interface LabState {
  /** simulated milliseconds since the cluster started */
  readonly simTime: number;
  readonly preset: 'kind' | 'microk8s';
  readonly running: boolean;
}

export interface Lab {
  readonly store: StoreApi<LabState>;
  readonly shell: Shell;
  /** runs a command line; output arrives through `write` as it happens */
  run(line: string, write: (stream: Stream, text: string) => void): ShellRun;
  /** plays the clock while a command waits (real time × speed); returns a stop function */
  startClock(speed?: number): () => void;
}

export function createLab(seed = 1, preset: 'kind' | 'microk8s' = 'kind'): Lab {
  const cluster = createCluster({ seed, preset });
  cluster.clock.onTaskError = (error, task) => console.error(`kubelab: a simulated task failed (${task.label})`, error);
  const shell = new Shell(cluster);
  const store = createStore<LabState>(() => ({ simTime: cluster.clock.now, preset, running: false }));

  const publish = (): void => store.setState({ simTime: cluster.clock.now, running: shell.busy });

  return {
    store,
    shell,
    run(line, write) {
      const r = shell.run(line, { write }, 'interactive');
      publish();
      r.onFinish(publish);
      return r;
    },
    startClock(speed = 1) {
      let last = performance.now();
      let carry = 0;
      let frame = 0;
      const tick = (now: number): void => {
        frame = requestAnimationFrame(tick);
        const elapsed = Math.max(0, Math.min(now - last, 250));
        last = now;
        // The cluster keeps living in the background (pods start, back-offs expire), in whole
        // simulated milliseconds; the fraction carries over to the next frame.
        const step = elapsed * speed + carry;
        carry = step - Math.floor(step);
        cluster.advance(Math.floor(step));
        shell.poll();
        publish();
      };
      frame = requestAnimationFrame(tick);
      return () => cancelAnimationFrame(frame);
    },
  };
}

export const selectSimTime = (s: LabState): number => s.simTime;
export const selectRunning = (s: LabState): boolean => s.running;
