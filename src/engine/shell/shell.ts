// The lab shell: one parser, one interpreter, one command table, over the simulated cluster.
// `run` executes a command line and drives its waits: in a script the clock jumps ahead at
// once; interactively the run stays open while the page lets the clock play (`poll`).

import type { Cluster } from '../cluster.ts';
import type { CommandFn, CommandIO, Proc, ShellEnv, Wait } from './process.ts';
import type { RunMode, ShellIO, ShellRun } from './types.ts';
import { Interpreter } from './interpreter.ts';
import { parseScript } from './syntax/parse.ts';
import { HOME, VirtualFS } from './vfs.ts';
import { commandTable } from './commands.ts';

export class Shell {
  readonly cluster: Cluster;
  readonly vfs: VirtualFS;
  readonly env: ShellEnv;
  readonly #commands: Map<string, CommandFn>;
  readonly #open = new Set<OpenRun>();

  constructor(cluster: Cluster, vfs = new VirtualFS()) {
    this.cluster = cluster;
    this.vfs = vfs;
    this.env = {
      vars: new Map([
        ['HOME', HOME],
        ['USER', 'learner'],
        ['PATH', '/usr/local/bin:/usr/bin:/bin'],
        ['SHELL', '/bin/bash'],
      ]),
      cwd: HOME,
      lastStatus: 0,
    };
    this.#commands = commandTable(this);
  }

  /** Command names, for tab completion and `help`. */
  commandNames(): string[] {
    return [...this.#commands.keys()].sort();
  }

  /** Runs one command line (or a whole script) and reports as it goes. */
  run(text: string, io: ShellIO, mode: RunMode): ShellRun {
    const parsed = parseScript(text);
    const run = new OpenRun(this, mode);
    const interactive = mode === 'interactive';
    const interp = new Interpreter({
      vfs: this.vfs,
      env: this.env,
      interactive,
      lookup: (name) => this.#commands.get(name),
      runNow: (proc) => this.#drainNow(proc),
    });
    const cmdIO: CommandIO = { stdin: '', out: (t) => io.write('stdout', t), err: (t) => io.write('stderr', t), isTTY: true };
    run.start(this.#runAll(parsed, interp, cmdIO, io, mode));
    if (!run.finished) {
      if (mode === 'script') run.finish(this.#drainNow(run.proc!, run.pendingWait));
      else this.#open.add(run);
    }
    return run;
  }

  *#runAll(parsed: ReturnType<typeof parseScript>, interp: Interpreter, cmdIO: CommandIO, io: ShellIO, mode: RunMode): Proc {
    let status = 0;
    for (const w of parsed.warnings) io.write('stderr', `bash: warning: ${w.message}\n`);
    // Like bash reading a script, the commands before a syntax error run first.
    for (const unit of parsed.units) status = yield* interp.list(unit.list, cmdIO);
    if (!parsed.ok) {
      const e = parsed.error;
      io.write('stderr', `bash: ${mode === 'script' ? `line ${e.line}: ` : ''}${e.message}\n`);
      status = 2;
    }
    this.env.lastStatus = status;
    return status;
  }

  /** Runs a script as a transcript: each command as `$ <first line>`, then its output. */
  transcript(text: string, write: (text: string) => void): number {
    const parsed = parseScript(text);
    let status = 0;
    let atLineStart = true;
    const emit = (t: string): void => {
      if (t) atLineStart = t.endsWith('\n');
      write(t);
    };
    for (const unit of parsed.units) {
      // Each prompt starts on a line of its own, even after output without a final newline.
      emit(`${atLineStart ? '' : '\n'}$ ${unit.firstLine}\n`);
      const r = this.run(unit.source, { write: (_s, t) => emit(t) }, 'script');
      status = r.exitCode ?? 0;
    }
    if (!parsed.ok) {
      const e = parsed.error;
      const line = text.replace(/\r\n/g, '\n').split('\n')[e.line - 1] ?? '';
      emit(`${atLineStart ? '' : '\n'}$ ${line}\nbash: line ${e.line}: ${e.message}\n`);
      return 2;
    }
    return status;
  }

  /** Interactive runs check their waits after the owner advanced the clock. */
  poll(): void {
    for (const run of [...this.#open]) {
      run.resumeIfReady();
      if (run.finished) this.#open.delete(run);
    }
  }

  get busy(): boolean {
    for (const run of this.#open) {
      if (!run.finished) return true;
      this.#open.delete(run); // interrupted since the last poll
    }
    return false;
  }

  /** Whether an open run could go on now (its condition holds or its timeout passed). */
  ready(): boolean {
    for (const run of this.#open) if (run.ready()) return true;
    return false;
  }

  /**
   * The earliest simulated time an open run times out. A page that plays the clock stops
   * there and polls, so interactive runs resume at the same simulated moments on every
   * replay, whatever its frame rate.
   */
  nextWake(): number | undefined {
    let wake: number | undefined;
    for (const run of this.#open) {
      const at = run.deadline();
      if (at !== undefined && (wake === undefined || at < wake)) wake = at;
    }
    return wake;
  }

  #drainNow(proc: Proc, first?: Wait): number {
    let wait = first;
    for (;;) {
      if (wait) this.cluster.runUntil(wait.until, wait.timeoutMs);
      const r = proc.next();
      if (r.done) return r.value;
      wait = r.value;
    }
  }
}

class OpenRun implements ShellRun {
  proc: Proc | undefined;
  pendingWait: Wait | undefined;
  #waitStarted = 0;
  #exitCode: number | null = null;
  #callbacks: ((code: number) => void)[] = [];
  readonly #shell: Shell;
  readonly #mode: RunMode;

  constructor(shell: Shell, mode: RunMode) {
    this.#shell = shell;
    this.#mode = mode;
  }

  get finished(): boolean {
    return this.#exitCode !== null;
  }

  get exitCode(): number | null {
    return this.#exitCode;
  }

  start(proc: Proc): void {
    this.proc = proc;
    this.#step();
  }

  ready(): boolean {
    const w = this.pendingWait;
    if (!w || this.finished) return false;
    return w.until() || this.#shell.cluster.clock.now - this.#waitStarted >= w.timeoutMs;
  }

  deadline(): number | undefined {
    const w = this.pendingWait;
    if (!w || this.finished || !Number.isFinite(w.timeoutMs)) return undefined;
    return this.#waitStarted + w.timeoutMs;
  }

  resumeIfReady(): void {
    const w = this.pendingWait;
    if (!w || this.finished) return;
    const now = this.#shell.cluster.clock.now;
    if (w.until() || now - this.#waitStarted >= w.timeoutMs) this.#step();
  }

  #step(): void {
    if (this.#mode === 'script') {
      const r = this.proc!.next();
      if (r.done) this.finish(r.value);
      else this.pendingWait = r.value;
      return;
    }
    for (;;) {
      const r = this.proc!.next();
      if (r.done) return this.finish(r.value);
      this.pendingWait = r.value;
      this.#waitStarted = this.#shell.cluster.clock.now;
      if (!r.value.until() && r.value.timeoutMs > 0) return;
    }
  }

  interrupt(): void {
    if (this.finished) return;
    this.proc?.return(130);
    this.finish(130);
  }

  finish(code: number): void {
    if (this.#exitCode !== null) return;
    this.#exitCode = code;
    this.#shell.env.lastStatus = code;
    for (const cb of this.#callbacks) cb(code);
  }

  onFinish(callback: (exitCode: number) => void): void {
    if (this.#exitCode !== null) callback(this.#exitCode);
    else this.#callbacks.push(callback);
  }
}
