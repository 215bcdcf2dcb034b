// A rate-limited work queue as client-go's workqueue: keys are deduplicated while they
// wait, and processed in the order they were added, one batch per reaction latency.
// Watches feed it; reconcile functions drain it. Nothing reconciles inside a store write.

import type { Clock, ScheduledTask } from '../clock.ts';
import type { TraceStream } from '../trace.ts';

export class WorkQueue {
  #clock: Clock;
  #latencyMs: number;
  #label: string;
  #process: (key: string) => void;
  /** queued keys, with the trace record that caused each to be queued */
  #queued = new Map<string, number | undefined>();
  #trace: TraceStream | undefined;
  #flush: ScheduledTask | undefined;
  #delayed = new Map<string, ScheduledTask>();

  constructor(clock: Clock, latencyMs: number, label: string, process: (key: string) => void, trace?: TraceStream) {
    this.#clock = clock;
    this.#trace = trace;
    this.#latencyMs = latencyMs;
    this.#label = label;
    this.#process = process;
  }

  add(key: string): void {
    if (this.#queued.has(key)) return;
    this.#queued.set(key, this.#trace?.current);
    if (!this.#flush) this.#flush = this.#clock.after(this.#latencyMs, this.#label, () => this.#drain());
  }

  /** Adds the key after `delayMs` (back-off, requeue after a deadline); an earlier pending add wins. */
  addAfter(key: string, delayMs: number): void {
    const at = this.#clock.now + delayMs;
    const existing = this.#delayed.get(key);
    if (existing && !existing.cancelled && existing.at <= at) return;
    if (existing) existing.cancelled = true;
    this.#delayed.set(
      key,
      this.#clock.schedule(at, `${this.#label} (requeue)`, () => {
        this.#delayed.delete(key);
        this.add(key);
      }),
    );
  }

  get length(): number {
    return this.#queued.size;
  }

  #drain(): void {
    this.#flush = undefined;
    // Keys added while draining wait for the next batch, as a real informer's would.
    const keys = [...this.#queued];
    this.#queued.clear();
    const trace = this.#trace;
    for (const [key, cause] of keys) {
      if (trace) trace.within(cause, () => this.#process(key));
      else this.#process(key);
    }
  }
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i === -1 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
