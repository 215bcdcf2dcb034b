// The cluster store (etcd's role): a versioned map of objects with watch streams and
// indexes. Objects are never mutated in place: an update stores a new object, so a
// snapshot is a cheap copy of the maps. Keys are etcd's (/registry/pods/default/web), with
// kube-apiserver's special prefixes (pkg/kubeapiserver/default_storage_factory_builder.go).

import type { KubeObject } from './objects.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly resource: string;
  /** the object as stored by this change (for DELETED: its last stored state) */
  readonly object: KubeObject;
  /** the object before this change (MODIFIED, DELETED) */
  readonly old?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;
type Indexer = (obj: KubeObject) => readonly string[];
/** True when an update cannot have changed what the indexer returns (it reads only parts the two share). */
type Unchanged = (old: KubeObject, next: KubeObject) => boolean;
const NONE: readonly string[] = [];

/** Resources kube-apiserver stores under another prefix (SpecialDefaultResourcePrefixes). */
const ETCD_PREFIX: Readonly<Record<string, string>> = {
  replicationcontrollers: 'controllers',
  endpoints: 'services/endpoints',
  nodes: 'minions',
  services: 'services/specs',
  ingresses: 'ingress',
};

export function storeKey(resource: string, namespace: string | undefined, name: string): string {
  const prefix = ETCD_PREFIX[resource] ?? resource;
  return namespace ? `/registry/${prefix}/${namespace}/${name}` : `/registry/${prefix}/${name}`;
}

export interface StoreSnapshot {
  readonly revision: number;
  readonly data: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>;
}

interface Index {
  readonly indexer: Indexer;
  readonly unchanged: Unchanged | undefined;
  /** index value → stored key → object */
  readonly buckets: Map<string, Map<string, KubeObject>>;
  /** the values each stored key is filed under, so an update need not recompute the old ones */
  readonly filed: Map<string, readonly string[]>;
}

export class Store {
  #revision = 400;
  #data = new Map<string, Map<string, KubeObject>>();
  #watchers = new Map<string, Set<WatchHandler>>();
  #allWatchers = new Set<WatchHandler>();
  #indexes = new Map<string, Map<string, Index>>();

  get revision(): number {
    return this.#revision;
  }

  nextResourceVersion(): string {
    this.#revision += 1;
    return String(this.#revision);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#data.get(resource)?.get(storeKey(resource, namespace, name));
  }

  /**
   * Objects of a resource in etcd's key order, as a list from the API server comes back:
   * by namespace then name, except that `/` sorts after `-` (namespace `dev-team` before `dev`).
   */
  list(resource: string, namespace?: string): KubeObject[] {
    const all = this.#data.get(resource);
    if (!all) return [];
    const keys: string[] = [];
    for (const [key, o] of all) if (namespace === undefined || o.metadata.namespace === namespace) keys.push(key);
    keys.sort(compareKeys);
    return keys.map((k) => all.get(k)!);
  }

  count(resource: string): number {
    return this.#data.get(resource)?.size ?? 0;
  }

  /** All keys, for the "cluster store" view: /registry/pods/default/web → resourceVersion. */
  keys(): { key: string; resourceVersion: string }[] {
    const out: { key: string; resourceVersion: string }[] = [];
    for (const m of this.#data.values()) for (const [key, o] of m) out.push({ key, resourceVersion: o.metadata.resourceVersion });
    return out.sort((a, b) => compareKeys(a.key, b.key));
  }

  /** Writes an object (already versioned by the API server) and notifies watchers. */
  put(resource: string, obj: KubeObject): void {
    let m = this.#data.get(resource);
    if (!m) this.#data.set(resource, (m = new Map()));
    const key = storeKey(resource, obj.metadata.namespace, obj.metadata.name);
    const old = m.get(key);
    m.set(key, obj);
    this.#reindex(resource, key, old, obj);
    this.#emit(old ? { type: 'MODIFIED', resource, object: obj, old } : { type: 'ADDED', resource, object: obj });
  }

  /** Deletes the object stored under `obj`'s key; watchers get its last stored state. */
  remove(resource: string, obj: KubeObject): void {
    const m = this.#data.get(resource);
    const key = storeKey(resource, obj.metadata.namespace, obj.metadata.name);
    const old = m?.get(key);
    if (!m || !old) return;
    m.delete(key);
    this.#reindex(resource, key, old, undefined);
    this.#emit({ type: 'DELETED', resource, object: old, old });
  }

  watch(resource: string, handler: WatchHandler): () => void {
    let s = this.#watchers.get(resource);
    if (!s) this.#watchers.set(resource, (s = new Set()));
    s.add(handler);
    return () => s.delete(handler);
  }

  watchAll(handler: WatchHandler): () => void {
    this.#allWatchers.add(handler);
    return () => this.#allWatchers.delete(handler);
  }

  /**
   * Declares (or redeclares) an index: `addIndex('pods', 'node', p => [p.spec.nodeName])`.
   * With `unchanged`, an update it vouches for keeps the values filed before, uncomputed.
   */
  addIndex(resource: string, name: string, indexer: Indexer, unchanged?: Unchanged): void {
    let byName = this.#indexes.get(resource);
    if (!byName) this.#indexes.set(resource, (byName = new Map()));
    const index: Index = { indexer, unchanged, buckets: new Map(), filed: new Map() };
    byName.set(name, index);
    for (const [key, o] of this.#data.get(resource) ?? []) {
      const values = indexer(o);
      index.filed.set(key, values);
      addTo(index.buckets, values, key, o);
    }
  }

  /** Objects whose index `name` holds `value`, in the order they entered that bucket. */
  byIndex(resource: string, name: string, value: string): KubeObject[] {
    const bucket = this.#indexes.get(resource)?.get(name)?.buckets.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  countByIndex(resource: string, name: string, value: string): number {
    return this.#indexes.get(resource)?.get(name)?.buckets.get(value)?.size ?? 0;
  }

  snapshot(): StoreSnapshot {
    const data = new Map<string, ReadonlyMap<string, KubeObject>>();
    for (const [r, m] of this.#data) data.set(r, new Map(m));
    return { revision: this.#revision, data };
  }

  #reindex(resource: string, key: string, old: KubeObject | undefined, next: KubeObject | undefined): void {
    const indexes = this.#indexes.get(resource);
    if (!indexes) return;
    for (const { indexer, unchanged, buckets, filed } of indexes.values()) {
      const wasFiled = old ? filed.get(key) : undefined;
      const before = wasFiled ?? (old ? indexer(old) : NONE);
      const after = next ? (old && unchanged?.(old, next) ? before : indexer(next)) : NONE;
      if (!next) filed.delete(key);
      else if (after !== wasFiled) filed.set(key, after);
      if (before.length === 1 && after.length === 1 && before[0] === after[0]) {
        // Same bucket (the common case: a status update): just point it at the new object.
        buckets.get(after[0]!)!.set(key, next!);
        continue;
      }
      if (next && sameValues(before, after)) {
        // Several buckets, unchanged: each moves the key to its end, as removing and refiling would.
        for (const v of after) {
          const b = buckets.get(v)!;
          b.delete(key);
          b.set(key, next);
        }
        continue;
      }
      for (const v of before) {
        const b = buckets.get(v);
        if (b?.delete(key) && b.size === 0) buckets.delete(v);
      }
      if (next) addTo(buckets, after, key, next);
    }
  }

  #emit(event: WatchEvent): void {
    for (const h of this.#watchers.get(event.resource) ?? []) h(event);
    for (const h of this.#allWatchers) h(event);
  }
}

function addTo(buckets: Map<string, Map<string, KubeObject>>, values: readonly string[], key: string, o: KubeObject): void {
  for (const v of values) {
    let b = buckets.get(v);
    if (!b) buckets.set(v, (b = new Map()));
    b.set(key, o);
  }
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return a.length > 0;
  if (a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Byte order of keys, as etcd ranges return them. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
