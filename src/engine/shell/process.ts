// How a lab shell command runs: as a generator that writes to its streams and may yield a
// Wait (for simulated time to pass, or for something to happen in the cluster). Whoever
// drives it decides how time moves: a script advances the clock at once, the page's
// terminal lets the clock play. So `sleep 30` costs nothing in a test and 30 s on screen.

import type { VirtualFS } from './vfs.ts';

export interface Wait {
  /** resume when this holds… */
  readonly until: () => boolean;
  /** …or when this much simulated time has passed since the wait began */
  readonly timeoutMs: number;
}

export type Proc = Generator<Wait, number, void>;

export interface CommandIO {
  readonly stdin: string;
  /** false when stdout goes to a pipe or a file (ls then prints one name per line) */
  readonly isTTY?: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface ShellEnv {
  readonly vars: Map<string, string>;
  cwd: string;
  lastStatus: number;
}

export interface CommandContext {
  readonly argv: readonly string[];
  readonly io: CommandIO;
  readonly env: ShellEnv;
  readonly vfs: VirtualFS;
  /** true in the page's terminal or REPL (where `--watch` runs until Ctrl-C) */
  readonly interactive: boolean;
}

export type CommandFn = (ctx: CommandContext) => Proc | number;

/** A Wait for `ms` of simulated time. */
export function sleepFor(ms: number): Wait {
  return { until: () => false, timeoutMs: ms };
}

/** Runs a command function as a Proc whether it is a generator or returns at once. */
export function* asProc(fn: CommandFn, ctx: CommandContext): Proc {
  const r = fn(ctx);
  if (typeof r === 'number') return r;
  return yield* r;
}
