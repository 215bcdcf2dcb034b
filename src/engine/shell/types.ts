// The lab shell's contract with whoever drives it (the CLI transcript runner, the REPL, the
// page's terminal). A command writes to stdout/stderr as it goes and may wait on simulated
// time (`sleep`, `get --watch`, `delete` waiting for the object to be gone).

export type Stream = 'stdout' | 'stderr';

export interface ShellIO {
  write(stream: Stream, text: string): void;
}

/**
 * How a run advances time:
 * - 'script': waits advance the simulated clock at once (transcripts, `npx kubelab run`).
 * - 'interactive': waits last until the owner advances the clock (or interrupts).
 */
export type RunMode = 'script' | 'interactive';

export interface ShellRun {
  /** true once the command line has finished. */
  readonly finished: boolean;
  /** exit status of the last command, null while running. */
  readonly exitCode: number | null;
  /** Ctrl-C: stops a waiting command (exit 130, as bash reports it). */
  interrupt(): void;
  /** called once when the run finishes (at once if it already has). */
  onFinish(callback: (exitCode: number) => void): void;
}
