// The cluster store (etcd's role): a versioned map of objects with watch streams and
// indexes. Objects are never mutated in place: an update stores a new object, so a
// snapshot is a cheap copy of the maps. Keys look like etcd's: /registry/pods/default/web.

import type { KubeObject } from './objects.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly resource: string;
  readonly object: KubeObject;
  /** the object before this change (MODIFIED, DELETED) */
  readonly old?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;
type Indexer = (obj: KubeObject) => readonly string[];
const NONE: readonly string[] = [];

export function storeKey(resource: string, namespace: string | undefined, name: string): string {
  return namespace ? `/registry/${resource}/${namespace}/${name}` : `/registry/${resource}/${name}`;
}

export interface StoreSnapshot {
  readonly revision: number;
  readonly data: ReadonlyMap<string, ReadonlyMap<string, KubeObject>>;
}

export class Store {
  #revision = 400;
  #data = new Map<string, Map<string, KubeObject>>();
  #watchers = new Map<string, Set<WatchHandler>>();
  #allWatchers = new Set<WatchHandler>();
  #indexers = new Map<string, Map<string, Indexer>>();
  #indexes = new Map<string, Map<string, Map<string, Map<string, KubeObject>>>>();
  /** the index values each stored key was filed under, so an update need not recompute them */
  #filed = new Map<string, Map<string, readonly string[]>>();

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

  /** Objects of a resource, sorted by namespace then name (as the API server lists them). */
  list(resource: string, namespace?: string): KubeObject[] {
    const all = this.#data.get(resource);
    if (!all) return [];
    const out: KubeObject[] = [];
    for (const o of all.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o);
    return out.sort(byNamespaceThenName);
  }

  count(resource: string): number {
    return this.#data.get(resource)?.size ?? 0;
  }

  /** All keys, for the "cluster store" view: /registry/pods/default/web → resourceVersion. */
  keys(): { key: string; resourceVersion: string }[] {
    const out: { key: string; resourceVersion: string }[] = [];
    for (const m of this.#data.values()) for (const [key, o] of m) out.push({ key, resourceVersion: o.metadata.resourceVersion });
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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

  remove(resource: string, obj: KubeObject): void {
    const m = this.#data.get(resource);
    const key = storeKey(resource, obj.metadata.namespace, obj.metadata.name);
    const old = m?.get(key);
    if (!m || !old) return;
    m.delete(key);
    this.#reindex(resource, key, old, undefined);
    this.#emit({ type: 'DELETED', resource, object: obj, old });
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

  /** Declares an index: `addIndex('pods', 'node', p => [p.spec.nodeName])`. */
  addIndex(resource: string, name: string, indexer: Indexer): void {
    let ix = this.#indexers.get(resource);
    if (!ix) this.#indexers.set(resource, (ix = new Map()));
    ix.set(name, indexer);
    let byName = this.#indexes.get(resource);
    if (!byName) this.#indexes.set(resource, (byName = new Map()));
    const index = new Map<string, Map<string, KubeObject>>();
    byName.set(name, index);
    for (const [key, o] of this.#data.get(resource) ?? []) addTo(index, indexer(o), key, o);
  }

  /** Objects whose index `name` holds `value`, in insertion order. */
  byIndex(resource: string, name: string, value: string): KubeObject[] {
    const bucket = this.#indexes.get(resource)?.get(name)?.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  countByIndex(resource: string, name: string, value: string): number {
    return this.#indexes.get(resource)?.get(name)?.get(value)?.size ?? 0;
  }

  snapshot(): StoreSnapshot {
    const data = new Map<string, ReadonlyMap<string, KubeObject>>();
    for (const [r, m] of this.#data) data.set(r, new Map(m));
    return { revision: this.#revision, data };
  }

  #reindex(resource: string, key: string, old: KubeObject | undefined, next: KubeObject | undefined): void {
    const indexers = this.#indexers.get(resource);
    if (!indexers) return;
    const indexes = this.#indexes.get(resource)!;
    for (const [name, indexer] of indexers) {
      const index = indexes.get(name)!;
      let filed = this.#filed.get(name);
      if (!filed) this.#filed.set(name, (filed = new Map()));
      const before = old ? (filed.get(key) ?? indexer(old)) : NONE;
      const after = next ? indexer(next) : NONE;
      if (next) filed.set(key, after);
      else filed.delete(key);
      if (before.length === 1 && after.length === 1 && before[0] === after[0]) {
        // Same bucket (the common case: a status update): just point it at the new object.
        index.get(after[0]!)!.set(key, next!);
        continue;
      }
      for (const v of before) index.get(v)?.delete(key);
      if (next) addTo(index, after, key, next);
    }
  }

  #emit(event: WatchEvent): void {
    for (const h of this.#watchers.get(event.resource) ?? []) h(event);
    for (const h of this.#allWatchers) h(event);
  }
}

function addTo(index: Map<string, Map<string, KubeObject>>, values: readonly string[], key: string, o: KubeObject): void {
  for (const v of values) {
    let b = index.get(v);
    if (!b) index.set(v, (b = new Map()));
    b.set(key, o);
  }
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
