// The trace stream: every step a component takes, with a human "why", in simulated time.
// The diagrams animate these records; `Event` objects (what `kubectl describe` shows) are
// separate and real. Records form a causal chain through `cause`.

import type { SimMillis } from './clock.ts';

export type Component =
  | 'kubectl'
  | 'shell'
  | 'api-server'
  | 'etcd'
  | 'scheduler'
  | 'controller-manager'
  | 'registry'
  | `kubelet/${string}`
  | `container-runtime/${string}`
  | `kube-proxy/${string}`
  | `${string}-controller`
  | `${string}-speaker`
  | `${string}-publisher`;

export type TraceAction =
  | 'request'
  | 'create'
  | 'update'
  | 'delete'
  | 'persist'
  | 'watch-notify'
  | 'reject'
  | 'schedule'
  | 'bind'
  | 'unschedulable'
  | 'pull-image'
  | 'image-pulled'
  | 'pull-failed'
  | 'create-container'
  | 'start-container'
  | 'container-exited'
  | 'kill-container'
  | 'update-status'
  | 'heartbeat'
  | 'register-node'
  | 'allocate-ip'
  | 'reconcile'
  | 'route-request';

export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface TraceRecord {
  readonly id: number;
  readonly time: SimMillis;
  readonly component: Component;
  readonly action: TraceAction;
  readonly object?: ObjectRef;
  /** A short human sentence: what happened and why. */
  readonly why: string;
  /** The earlier record that caused this one. */
  readonly cause?: number;
}

export type TraceInput = Omit<TraceRecord, 'id' | 'time'>;

export class TraceStream {
  /** a ring buffer: the newest `limit` records, oldest overwritten first */
  #ring: (TraceRecord | undefined)[];
  #size = 0;
  #head = 0;
  #nextId = 1;
  #listeners = new Set<(r: TraceRecord) => void>();
  #now: () => SimMillis;
  /** Upper bound on records kept in memory; older ones are dropped first. */
  readonly limit: number;
  /** The record currently being handled: new records default to it as their cause. */
  current: number | undefined;

  constructor(now: () => SimMillis, limit = 50_000) {
    this.#now = now;
    this.limit = limit;
    this.#ring = new Array<TraceRecord | undefined>(limit);
  }

  emit(input: TraceInput): TraceRecord {
    const cause = input.cause ?? this.current;
    // Built field by field (no spread temporaries): this runs for every step of every component.
    const record: { -readonly [K in keyof TraceRecord]: TraceRecord[K] } = {
      id: this.#nextId++,
      time: this.#now(),
      component: input.component,
      action: input.action,
      why: input.why,
    };
    if (input.object) record.object = input.object;
    if (cause !== undefined) record.cause = cause;
    this.#ring[(this.#head + this.#size) % this.limit] = record;
    if (this.#size < this.limit) this.#size++;
    else this.#head = (this.#head + 1) % this.limit;
    if (this.#listeners.size) for (const l of this.#listeners) l(record);
    return record;
  }

  /** Runs `fn` with `id` as the default cause of records it emits. */
  within<T>(id: number | undefined, fn: () => T): T {
    const saved = this.current;
    this.current = id;
    try {
      return fn();
    } finally {
      this.current = saved;
    }
  }

  /** The records kept, oldest first. */
  records(): TraceRecord[] {
    const out: TraceRecord[] = new Array(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.#ring[(this.#head + i) % this.limit]!;
    return out;
  }

  get size(): number {
    return this.#size;
  }

  about(ref: ObjectRef): TraceRecord[] {
    return this.records().filter(
      (r) => r.object?.kind === ref.kind && r.object.name === ref.name && r.object.namespace === ref.namespace,
    );
  }

  subscribe(listener: (r: TraceRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
