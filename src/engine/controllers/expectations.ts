// ControllerExpectations (pkg/controller/controller_utils.go): a controller that just asked
// for N pods must not ask again before its informer has seen them, or it would create twice.
// Each key counts creates and deletes still to be observed; expectations older than five
// minutes are considered satisfied, so a lost watch event cannot wedge a controller.

import type { Clock } from '../clock.ts';

/** ExpectationsTimeout */
const TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  /** pod keys expected to go (UIDTrackingControllerExpectations) */
  readonly deletes: Set<string>;
  readonly at: number;
}

export class Expectations {
  readonly #clock: Clock;
  readonly #byKey = new Map<string, Expectation>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** SatisfiedExpectations: nothing outstanding, expired, or never set. */
  satisfied(key: string): boolean {
    const e = this.#byKey.get(key);
    if (!e) return true;
    return (e.add <= 0 && e.deletes.size === 0) || this.#clock.now - e.at > TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.#byKey.set(key, { add: n, deletes: new Set(), at: this.#clock.now });
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.#byKey.set(key, { add: 0, deletes: new Set(podKeys), at: this.#clock.now });
  }

  creationObserved(key: string): void {
    const e = this.#byKey.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string, podKey: string): void {
    this.#byKey.get(key)?.deletes.delete(podKey);
  }

  delete(key: string): void {
    this.#byKey.delete(key);
  }

  /** outstanding creates and deletes, for tests and the inspector */
  pending(key: string): { add: number; del: number } {
    const e = this.#byKey.get(key);
    return { add: Math.max(0, e?.add ?? 0), del: e?.deletes.size ?? 0 };
  }
}
