// The simulated clock and its one event queue. Every future happening in the cluster (an
// image pull finishing, a back-off ending, a controller's next sync) is an entry here,
// ordered by (time, sequence). Time moves only when someone asks it to.

import { civilFromDays, daysFromCivil } from './calendar.ts';

/** Simulated milliseconds since the cluster was created. Never real time. */
export type SimMillis = number & { readonly __brand: 'SimMillis' };

export const simMillis = (ms: number): SimMillis => ms as SimMillis;

/** The wall-clock instant at simulated time 0 (used only for printing timestamps). */
export const EPOCH_ISO = '2026-01-01T09:00:00Z';
export const EPOCH_MS = 1_767_258_000_000;

export interface ScheduledTask {
  readonly at: SimMillis;
  readonly seq: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
}

export class Clock {
  #now = 0;
  #seq = 0;
  #heap: ScheduledTask[] = [];
  #listeners = new Set<(now: SimMillis) => void>();
  /**
   * When set, a task that throws is reported here and the clock carries on (the page must
   * never freeze on one bad task); when unset the error propagates, so tests see it.
   */
  onTaskError: ((error: unknown, task: ScheduledTask) => void) | undefined;

  get now(): SimMillis {
    return this.#now as SimMillis;
  }

  /** Runs `run` at simulated time `at` (never earlier than now). Returns a handle to cancel. */
  schedule(at: number, label: string, run: () => void): ScheduledTask {
    const task: ScheduledTask = { at: Math.max(at, this.#now) as SimMillis, seq: this.#seq++, label, run, cancelled: false };
    this.#push(task);
    return task;
  }

  after(delayMs: number, label: string, run: () => void): ScheduledTask {
    return this.schedule(this.#now + delayMs, label, run);
  }

  /** The time of the next pending task, or undefined when nothing is scheduled. */
  peek(): SimMillis | undefined {
    this.#dropCancelled();
    return this.#heap[0]?.at;
  }

  get pending(): number {
    return this.#heap.length;
  }

  /** Runs every task due at or before `until`, in order, then sets the clock to `until`. */
  advanceTo(target: number): void {
    // Simulated time is whole milliseconds (timestamps and names derive from it).
    const until = Math.floor(target);
    for (;;) {
      this.#dropCancelled();
      const next = this.#heap[0];
      if (!next || next.at > until) break;
      this.#pop();
      if (next.at > this.#now) {
        this.#now = next.at;
        this.#notify();
      }
      if (this.onTaskError) {
        try {
          next.run();
        } catch (e) {
          this.onTaskError(e, next);
        }
      } else next.run();
    }
    if (until > this.#now) {
      this.#now = until;
      this.#notify();
    }
  }

  /** Runs the next due task (or group due at the same instant); returns false when idle. */
  step(): boolean {
    const next = this.peek();
    if (next === undefined) return false;
    this.advanceTo(next);
    return true;
  }

  onTick(listener: (now: SimMillis) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #isoSecond = -1;
  #isoText = '';

  /** RFC 3339 time for a simulated instant, as Kubernetes prints timestamps (second precision). */
  iso(at: number = this.#now): string {
    const second = Math.floor(at / 1000);
    if (second !== this.#isoSecond) {
      this.#isoSecond = second;
      this.#isoText = isoFromMillis(EPOCH_MS + second * 1000);
    }
    return this.#isoText;
  }

  /** MicroTime (`2026-01-01T09:00:05.123000Z`), as Leases and events.k8s.io print it. */
  isoMicro(at: number = this.#now): string {
    const ms = Math.floor(at) % 1000;
    return `${this.iso(at).slice(0, -1)}.${String(ms).padStart(3, '0')}000Z`;
  }

  /** Restores time and the queue from a snapshot (tasks are closures; the caller rebuilds them). */
  reset(now: number): void {
    this.#now = now;
    this.#heap = [];
  }

  #notify(): void {
    for (const l of this.#listeners) l(this.#now as SimMillis);
  }

  #dropCancelled(): void {
    while (this.#heap[0]?.cancelled) this.#pop();
  }

  #push(task: ScheduledTask): void {
    const h = this.#heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  #pop(): ScheduledTask | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: ScheduledTask, b: ScheduledTask): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formats epoch milliseconds as `2026-01-01T09:00:05Z` without the Date object. */
export function isoFromMillis(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(rem / 3600))}:${pad(Math.floor((rem % 3600) / 60))}:${pad(rem % 60)}Z`;
}

/** Simulated millis of an RFC 3339 timestamp written by `iso` (for AGE columns). */
export function millisFromIso(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(iso);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000 - EPOCH_MS;
}
