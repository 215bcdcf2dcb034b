// The page's one store around the simulated cluster. It owns the engine instance and its
// shell, plays simulated time in step with real time, batches trace records and object views
// once per animation frame, and logs what the person does so a reload can rebuild the lab.
// Components read it through selectors and call its methods; they never touch the engine.

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { HOME, VirtualFS, completeLine, typeForKind } from '../engine/index.ts';

export { HOME };
import type { Completion, KubeObject, ObjectRef, PresetName, ShellRun, Stream, TraceRecord } from '../engine/index.ts';
import { EMPTY_WORLD, buildWorld } from './world.ts';
import type { World } from './world.ts';
import { advance, createEngine, perform, replay } from './session.ts';
import type { Action, ClusterSettings, Engine } from './session.ts';
import { SAVE_VERSION, clearSave, loadSave, writeSave } from './persistence.ts';

/** What can be selected and shown in the inspector. */
export type Selection =
  | { readonly type: 'object'; readonly ref: ObjectRef }
  /** `api-server`, `etcd`, `scheduler`, `controller-manager`, `kubelet/<node>`, `kube-proxy/<node>` … */
  | { readonly type: 'component'; readonly component: string };

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20] as const;

export interface LabState {
  /** simulated milliseconds since the cluster started */
  readonly simTime: number;
  readonly preset: PresetName;
  /** a terminal command is still running (waiting on simulated time) */
  readonly running: boolean;
  readonly playing: boolean;
  readonly speed: number;
  readonly world: World;
  /** the newest trace records (at most TRACE_KEPT), oldest first */
  readonly trace: readonly TraceRecord[];
  /** the records of the last frame, for the diagram to animate */
  readonly traceBatch: readonly TraceRecord[];
  readonly selection: Selection | null;
  /** the files the editor offers: paths under the home directory */
  readonly files: readonly string[];
  /** bumps whenever any file changes (by the editor or by `cat > f` in the terminal) */
  readonly fileRevision: number;
  /** something the person should know: a save that could not be restored, storage full */
  readonly notice: string | null;
}

export type Write = (stream: Stream, text: string) => void;

export interface Lab {
  readonly store: StoreApi<LabState>;
  /** runs a command line as typed in the terminal; output arrives through `write` */
  run(line: string, write: Write): ShellRun;
  /** tab completion for the terminal */
  complete(line: string): Completion;
  /** output of commands not typed in the terminal (the editor's Apply), for the terminal to show */
  onOutput(listener: (line: string, stream: Stream, text: string) => void): () => void;
  /** what was restored from the browser's save when the page opened, if anything */
  restored(): { readonly commands: number } | null;
  /** the command lines typed so far, oldest first (for ↑ after a reload) */
  history(): readonly string[];
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** pauses, then runs simulated time to the next trace record; false when nothing is scheduled */
  step(): boolean;
  select(selection: Selection | null): void;
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string): void;
  removeFile(path: string): void;
  renameFile(from: string, to: string): void;
  /** `kubectl apply -f <path>`, as if typed; resolves with what kubectl printed */
  apply(path: string): Promise<{ code: number; stdout: string; stderr: string }>;
  /** a read-only kubectl command (`describe`, `get -o yaml`) for the inspector; not logged */
  query(line: string): { code: number; stdout: string; stderr: string };
  object(ref: ObjectRef): KubeObject | undefined;
  traceAbout(ref: ObjectRef): TraceRecord[];
  /** the cluster store's keys: `/registry/pods/default/hello-pod` → resourceVersion */
  storeKeys(): { key: string; resourceVersion: string }[];
  /** a fresh cluster (files and history kept) */
  reset(): void;
  /** starts playing the clock with the page's animation frames; returns a stop function */
  start(): () => void;
}

const TRACE_KEPT = 2000;

/** Files under the home directory, hidden ones aside: what the editor offers and a save keeps. */
const editorFiles = (vfs: VirtualFS): string[] =>
  vfs
    .files()
    .map(([p]) => p)
    .filter((p) => p.startsWith(`${HOME}/`) && !p.slice(HOME.length).includes('/.'))
    .sort();

export interface LabOptions {
  readonly seed?: number;
  readonly preset?: PresetName;
  /** total nodes (1–200); the preset's own count when absent */
  readonly nodes?: number;
  /** save to the browser's storage as the lab changes */
  readonly persist?: boolean;
  /** start from the saved lab, if there is one (default: when persisting) */
  readonly restore?: boolean;
}

export function createLab({ seed = 1, preset = 'kind', nodes, persist = false, restore = persist }: LabOptions = {}): Lab {
  const vfs = new VirtualFS();
  let actions: Action[] = [];
  let history: string[] = [];
  let notice: string | null = null;
  let engine: Engine;
  let restored: { commands: number } | null = null;
  const settings = (): ClusterSettings => ({ seed, preset, ...(nodes ? { nodes } : {}) });
  const loaded = restore ? loadSave() : ({ ok: true, saved: undefined } as const);
  if (!loaded.ok) notice = `Your saved lab could not be restored because ${loaded.reason}. It was kept in this browser under "${loaded.setAsideKey}" and a fresh cluster was started.`;
  const saved = loaded.ok ? loaded.saved : undefined;
  try {
    if (saved) {
      actions = [...saved.actions];
      history = [...saved.history];
      ({ seed, preset, nodes } = saved);
      engine = replay(settings(), vfs, saved.actions, saved.simTime);
      restored = { commands: saved.actions.filter((a) => a.kind === 'run').length };
      for (const [path, content] of Object.entries(saved.files)) if (vfs.read(path) !== content) vfs.write(path, content);
    } else engine = createEngine(settings(), vfs);
  } catch (e) {
    notice = `Your saved lab could not be replayed (${e instanceof Error ? e.message : String(e)}); a fresh cluster was started.`;
    actions = [];
    engine = createEngine(settings(), vfs);
  }

  const runs: ShellRun[] = [];
  const dirty = new Set<string>();
  const outputListeners = new Set<(line: string, stream: Stream, text: string) => void>();
  let pendingTrace: TraceRecord[] = [];
  let lastTraceId = 0;
  const onTrace = (r: TraceRecord): void => {
    pendingTrace.push(r);
    lastTraceId = r.id;
  };
  let unsubscribeTrace = engine.cluster.trace.subscribe(onTrace);
  let saveDue = false;

  const store = createStore<LabState>(() => ({
    simTime: engine.cluster.clock.now,
    preset,
    running: false,
    playing: true,
    speed: 1,
    world: EMPTY_WORLD,
    trace: [],
    traceBatch: [],
    selection: null,
    files: editorFiles(vfs),
    fileRevision: 0,
    notice,
  }));
  // One view that throws while it is notified must not starve the others (zustand stops at
  // the first listener that throws): each listener is isolated and its error reported.
  const subscribe = store.subscribe;
  store.subscribe = (listener) =>
    subscribe((state, prev) => {
      try {
        listener(state, prev);
      } catch (e) {
        console.error('kubelab: a view failed to update', e);
      }
    });
  vfs.onChange(() => {
    store.setState((s) => ({ files: editorFiles(vfs), fileRevision: s.fileRevision + 1 }));
    saveDue = true;
  });

  const now = (): number => engine.cluster.clock.now;
  const record = (action: Action): void => {
    // Files edited in the editor enter the log just before the next command, with the
    // content that command saw.
    for (const path of dirty) {
      const content = vfs.read(path);
      actions.push(content === undefined ? { t: now(), kind: 'remove', path } : { t: now(), kind: 'write', path, content });
    }
    dirty.clear();
    actions.push(action);
    saveDue = true;
  };

  const publish = (): void => {
    const s = store.getState();
    const revision = engine.cluster.api.store.revision;
    const batch = pendingTrace;
    pendingTrace = [];
    const patch: { -readonly [K in keyof LabState]?: LabState[K] } = { simTime: now(), running: engine.shell.busy };
    if (revision !== s.world.revision) patch.world = buildWorld(engine.cluster.api.store, revision, now());
    if (batch.length || s.traceBatch.length) {
      patch.traceBatch = batch;
      if (batch.length) patch.trace = [...s.trace, ...batch].slice(-TRACE_KEPT);
    }
    store.setState(patch);
  };

  const save = (): void => {
    if (!persist) return;
    const files: Record<string, string> = {};
    for (const p of editorFiles(vfs)) files[p] = vfs.read(p) ?? '';
    const ok = writeSave({ version: SAVE_VERSION, ...settings(), simTime: now(), actions, files, history });
    if (!ok && !store.getState().notice) store.setState({ notice: 'This browser would not store the lab (storage is full or disabled): a reload will start fresh.' });
  };

  const startRun = (line: string, write: Write): ShellRun => {
    record({ t: now(), kind: 'run', line });
    const run = perform(engine, { t: now(), kind: 'run', line }, runs, write)!;
    const wrapped: ShellRun = {
      get finished() {
        return run.finished;
      },
      get exitCode() {
        return run.exitCode;
      },
      interrupt() {
        if (run.finished) return;
        record({ t: now(), kind: 'interrupt' });
        const i = runs.indexOf(run);
        if (i >= 0) runs.splice(i, 1);
        run.interrupt();
      },
      onFinish(cb) {
        run.onFinish(cb);
      },
    };
    run.onFinish(() => {
      const i = runs.indexOf(run);
      if (i >= 0) runs.splice(i, 1);
      publish();
    });
    publish();
    return wrapped;
  };

  const lab: Lab = {
    store,
    run(line, write) {
      history.push(line);
      return startRun(line, write);
    },
    complete: (line) => completeLine(engine.shell, line),
    onOutput(listener) {
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
    history: () => history,
    restored: () => restored,
    play: () => store.setState({ playing: true }),
    pause: () => store.setState({ playing: false }),
    setSpeed: (speed) => store.setState({ speed: Math.min(20, Math.max(0.25, speed)) }),
    step() {
      // Stepping is for following one thing at a time: the clock stops playing first.
      if (store.getState().playing) store.setState({ playing: false });
      const before = lastTraceId;
      for (let i = 0; i < 10_000; i++) {
        const next = engine.cluster.clock.peek();
        if (next === undefined) return false;
        advance(engine, next - now());
        if (lastTraceId > before) break;
      }
      publish();
      return true;
    },
    select: (selection) => store.setState({ selection }),
    readFile: (path) => vfs.read(path),
    writeFile(path, content) {
      if (vfs.read(path) === content) return;
      vfs.write(path, content);
      dirty.add(path);
    },
    removeFile(path) {
      if (vfs.remove(path)) dirty.add(path);
    },
    renameFile(from, to) {
      const content = vfs.read(from);
      if (content === undefined || from === to) return;
      vfs.write(to, content);
      vfs.remove(from);
      dirty.add(to).add(from);
    },
    apply(path) {
      // Written as the person would type it where the terminal stands.
      const cwd = engine.shell.env.cwd;
      const rel = path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path.startsWith(`${HOME}/`) ? `~/${path.slice(HOME.length + 1)}` : path;
      const line = `kubectl apply -f ${rel}`;
      let stdout = '';
      let stderr = '';
      return new Promise((resolve) => {
        const run = startRun(line, (stream, text) => {
          if (stream === 'stdout') stdout += text;
          else stderr += text;
          for (const l of outputListeners) l(line, stream, text);
        });
        run.onFinish((code) => resolve({ code, stdout, stderr }));
      });
    },
    query(line) {
      let stdout = '';
      let stderr = '';
      const status = engine.shell.env.lastStatus;
      // A look from the inspector is not something the person did: its trace records stay out
      // of the timeline and the diagram.
      const traced = pendingTrace.length;
      const r = engine.shell.run(line, { write: (s, t) => (s === 'stdout' ? (stdout += t) : (stderr += t)) }, 'interactive');
      if (!r.finished) r.interrupt();
      pendingTrace.length = traced;
      engine.shell.env.lastStatus = status;
      return { code: r.exitCode ?? 130, stdout, stderr };
    },
    object(ref) {
      const type = typeForKind(ref.kind);
      return type && engine.cluster.api.store.get(type.resource, ref.namespace, ref.name);
    },
    traceAbout: (ref) => engine.cluster.trace.about(ref),
    storeKeys: () => engine.cluster.api.store.keys(),
    reset() {
      for (const run of runs.splice(0)) run.interrupt();
      unsubscribeTrace();
      engine = createEngine(settings(), vfs);
      unsubscribeTrace = engine.cluster.trace.subscribe(onTrace);
      lastTraceId = 0;
      pendingTrace = [];
      // The log restarts with the files as they are, so later commands replay against them.
      actions = editorFiles(vfs).map((path) => ({ t: now(), kind: 'write', path, content: vfs.read(path) ?? '' }));
      dirty.clear();
      store.setState({ trace: [], traceBatch: [], selection: null, world: EMPTY_WORLD, notice: null });
      publish();
      if (persist) clearSave();
      save();
    },
    start() {
      let last = performance.now();
      let carry = 0;
      let frame = 0;
      let lastSave = last;
      const tick = (t: number): void => {
        frame = requestAnimationFrame(tick);
        const elapsed = Math.max(0, Math.min(t - last, 250));
        last = t;
        const { playing, speed } = store.getState();
        if (playing) {
          // Whole simulated milliseconds; the fraction carries over to the next frame.
          const stepMs = elapsed * speed + carry;
          carry = stepMs - Math.floor(stepMs);
          advance(engine, Math.floor(stepMs));
          if (t - lastSave > 2000) saveDue = true;
        }
        publish();
        if (saveDue && t - lastSave > 500) {
          saveDue = false;
          lastSave = t;
          save();
        }
      };
      const onHide = (): void => save();
      window.addEventListener('pagehide', onHide);
      document.addEventListener('visibilitychange', onHide);
      publish();
      frame = requestAnimationFrame(tick);
      return () => {
        cancelAnimationFrame(frame);
        window.removeEventListener('pagehide', onHide);
        document.removeEventListener('visibilitychange', onHide);
      };
    },
  };
  publish();
  return lab;
}

export const selectSimTime = (s: LabState): number => s.simTime;
export const selectRunning = (s: LabState): boolean => s.running;
