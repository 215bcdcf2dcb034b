// The informer indexes the workload controllers and the garbage collector read instead of
// scanning the store: objects by the uid of each owner they reference, and pods by
// namespace + label pair. Also metav1.LabelSelector matching (apimachinery
// labels.Selector from LabelSelectorAsSelector) and client-go's GetControllerOf.

import type { LabelSelector, LabelSelectorRequirement, OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/objects.ts';
import type { Store } from '../api/store.ts';
import { resourceTypes } from '../api/resources.ts';

export const OWNER_INDEX = 'owner';
export const LABEL_INDEX = 'label';
/** pods without a controller, by namespace + label pair: whether a ReplicaSet has anything to adopt */
export const ORPHAN_LABEL_INDEX = 'orphan-label';

const NONE: readonly string[] = [];

const ownerUids = (o: KubeObject): readonly string[] => {
  const refs = o.metadata.ownerReferences;
  if (!refs?.length) return NONE;
  return refs.length === 1 ? [refs[0]!.uid] : refs.map((r) => r.uid);
};

/** `default/app=web`: the bucket of pods in a namespace carrying one label pair. */
export const labelKey = (namespace: string | undefined, key: string, value: string): string => `${namespace ?? ''}/${key}=${value}`;

// The label and orphan-label indexers run one after the other on the same pod: the second
// reuses the first's strings (and the hashes the buckets computed for them).
let lastLabels: object | undefined;
let lastNamespace: string | undefined;
let lastValues: readonly string[] = NONE;

const podLabels = (o: KubeObject): readonly string[] => {
  const labels = o.metadata.labels;
  if (!labels) return NONE;
  if (labels === lastLabels && o.metadata.namespace === lastNamespace) return lastValues;
  const out: string[] = [];
  for (const k in labels) out.push(labelKey(o.metadata.namespace, k, labels[k]!));
  lastLabels = labels;
  lastNamespace = o.metadata.namespace;
  lastValues = out;
  return out;
};

const orphanLabels = (o: KubeObject): readonly string[] => (controllerOf(o) ? NONE : podLabels(o));

// What each indexer reads, so that an update sharing it (a status write) skips the indexer.
const sameOwners = (a: KubeObject, b: KubeObject): boolean => a.metadata.ownerReferences === b.metadata.ownerReferences;
const sameLabels = (a: KubeObject, b: KubeObject): boolean => a.metadata.labels === b.metadata.labels && a.metadata.namespace === b.metadata.namespace;
const sameOwnersAndLabels = (a: KubeObject, b: KubeObject): boolean => sameOwners(a, b) && sameLabels(a, b);

/** Declares the indexes; every kind that can have owners is indexed by them (events never do). */
export function addWorkloadIndexes(store: Store): void {
  for (const t of resourceTypes) if (t.kind !== 'Event') store.addIndex(t.resource, OWNER_INDEX, ownerUids, sameOwners);
  store.addIndex('pods', LABEL_INDEX, podLabels, sameLabels);
  store.addIndex('pods', ORPHAN_LABEL_INDEX, orphanLabels, sameOwnersAndLabels);
}

/** metav1.GetControllerOf: the owner reference with `controller: true`. */
export function controllerOf(o: KubeObject): OwnerReference | undefined {
  const refs = o.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const r of refs) if (r.controller) return r;
  return undefined;
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** A compiled selector: `matches(labels)`, and one label pair a candidate must carry, if any. */
export interface Selector {
  readonly matches: (labels: Labels) => boolean;
  readonly anyPair: readonly [string, string] | undefined;
  readonly empty: boolean;
}

function requirementMatches(r: LabelSelectorRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(labels[r.key]!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(labels[r.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** LabelSelectorAsSelector: an empty selector matches everything (validation forbids it on a ReplicaSet). */
export function compileSelector(s: LabelSelector | undefined): Selector {
  const pairs = Object.entries(s?.matchLabels ?? {});
  const exprs = s?.matchExpressions ?? [];
  // Plain loops: this runs for every pod of a ReplicaSet on every sync.
  const matches = (labels: Labels): boolean => {
    for (let i = 0; i < pairs.length; i++) if (labels?.[pairs[i]![0]] !== pairs[i]![1]) return false;
    for (let i = 0; i < exprs.length; i++) if (!requirementMatches(exprs[i]!, labels)) return false;
    return true;
  };
  return {
    matches,
    anyPair: pairs[0],
    empty: pairs.length === 0 && exprs.length === 0,
  };
}

/** labels.SelectorFromSet(template labels).Matches: every template label present with its value. */
export function hasAllLabels(want: Labels, labels: Labels): boolean {
  for (const k in want) if (labels?.[k] !== want[k]) return false;
  return true;
}
