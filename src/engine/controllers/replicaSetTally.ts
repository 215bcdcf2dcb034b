// Running counts of each ReplicaSet's pods, kept from the pod watch: how many it would claim,
// how many of those are fully labeled and ready, and how many it owns but no longer selects.
// A sync that needs only these numbers (calculateStatus in replica_set.go) reads them instead
// of walking every pod again; the counts are exactly what that walk would find.

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import type { Store, WatchEvent } from '../api/store.ts';
import type { Selector } from './indexes.ts';
import { OWNER_INDEX, compileSelector, controllerOf } from './indexes.ts';
import { isPodActive, isPodReady } from './podRanking.ts';
import type { RS } from './replicaset.ts';

type P = Stored<Pod>;
type Pairs = readonly (readonly [string, string])[];

export interface ClaimCounts {
  /** active pods it controls that match its selector: what claimPods would return */
  readonly count: number;
  readonly fully: number;
  readonly ready: number;
}

interface Tally {
  readonly selectorSource: unknown;
  readonly templateLabels: unknown;
  readonly selector: Selector;
  readonly want: Pairs;
  claimed: number;
  /** active pods it controls that its selector no longer matches (claimPods would release them) */
  mismatched: number;
  fully: number;
  ready: number;
}

/** labels.SelectorFromSet(template labels).Matches, with the template's pairs listed once. */
export function hasPairs(want: Pairs, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (let i = 0; i < want.length; i++) if (labels?.[want[i]![0]] !== want[i]![1]) return false;
  return true;
}

export class ReplicaSetTally {
  readonly #store: Store;
  /** by ReplicaSet uid */
  readonly #byUid = new Map<string, Tally>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** A ReplicaSet changed: a new selector or template labels means counting its pods afresh. */
  replicaSetChanged(e: WatchEvent): void {
    const rs = e.object as unknown as RS;
    const uid = rs.metadata.uid;
    if (e.type === 'DELETED') {
      this.#byUid.delete(uid);
      return;
    }
    const t = this.#byUid.get(uid);
    if (t && t.selectorSource === rs.spec?.selector && t.templateLabels === rs.spec?.template?.metadata?.labels) return;
    const fresh: Tally = {
      selectorSource: rs.spec?.selector,
      templateLabels: rs.spec?.template?.metadata?.labels,
      selector: compileSelector(rs.spec?.selector),
      want: Object.entries(rs.spec?.template?.metadata?.labels ?? {}),
      claimed: 0,
      mismatched: 0,
      fully: 0,
      ready: 0,
    };
    this.#byUid.set(uid, fresh);
    for (const o of this.#store.byIndex('pods', OWNER_INDEX, uid)) this.#apply(o, 1);
  }

  podChanged(e: WatchEvent): void {
    if (e.old) this.#apply(e.old, -1);
    if (e.type !== 'DELETED') this.#apply(e.object, 1);
  }

  /** The counts, when claimPods would neither release nor find anything else to do for this ReplicaSet. */
  counts(rs: RS): ClaimCounts | undefined {
    const t = this.#byUid.get(rs.metadata.uid);
    if (!t || t.mismatched !== 0 || t.selectorSource !== rs.spec?.selector || t.templateLabels !== rs.spec?.template?.metadata?.labels) return undefined;
    return { count: t.claimed, fully: t.fully, ready: t.ready };
  }

  #apply(o: KubeObject, sign: 1 | -1): void {
    const ref = controllerOf(o);
    if (!ref) return;
    const t = this.#byUid.get(ref.uid);
    if (!t) return;
    const pod = o as unknown as P;
    if (!isPodActive(pod)) return;
    if (!t.selector.matches(pod.metadata.labels)) {
      t.mismatched += sign;
      return;
    }
    t.claimed += sign;
    if (hasPairs(t.want, pod.metadata.labels)) t.fully += sign;
    if (isPodReady(pod)) t.ready += sign;
  }
}
