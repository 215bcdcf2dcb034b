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
  | `${string}-controller`;

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
  #records: TraceRecord[] = [];
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
  }

  emit(input: TraceInput): TraceRecord {
    const record: TraceRecord = {
      ...input,
      id: this.#nextId++,
      time: this.#now(),
      ...(input.cause === undefined && this.current !== undefined ? { cause: this.current } : {}),
    };
    this.#records.push(record);
    if (this.#records.length > this.limit) this.#records.splice(0, this.#records.length - this.limit);
    for (const l of this.#listeners) l(record);
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

  records(): readonly TraceRecord[] {
    return this.#records;
  }

  about(ref: ObjectRef): TraceRecord[] {
    return this.#records.filter(
      (r) => r.object?.kind === ref.kind && r.object.name === ref.name && r.object.namespace === ref.namespace,
    );
  }

  subscribe(listener: (r: TraceRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
