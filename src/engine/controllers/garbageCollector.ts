// The garbage collector (kube-controller-manager pkg/controller/garbagecollector): deletes
// objects whose owners are gone, and finishes cascading deletes. Background: the owner is
// gone at once and its dependents follow. Foreground: the owner waits (finalizer
// `foregroundDeletion`) until its blocking dependents are gone. Orphan: dependents lose the
// owner reference (finalizer `orphan`). Owners are found through the owner-uid index.

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { DeleteOptions } from '../api/apiServer.ts';
import type { KubeObject } from '../api/objects.ts';
import type { ResourceType } from '../api/resources.ts';
import { resourceTypes, typeForGVK } from '../api/resources.ts';
import type { WatchEvent } from '../api/store.ts';
import type { ClusterContext } from '../context.ts';
import { OWNER_INDEX } from './indexes.ts';
import { WorkQueue } from './workQueue.ts';

export const GC_CONTROLLER = 'garbage-collector-controller';
export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** every kind that can be a dependent (all but Events) */
const DEPENDENT_TYPES: readonly ResourceType[] = resourceTypes.filter((t) => t.kind !== 'Event');
const BY_RESOURCE = new Map(resourceTypes.map((t) => [t.resource, t]));

const hasFinalizer = (o: KubeObject, f: string): boolean => o.metadata.finalizers?.includes(f) ?? false;
const deletingDependents = (o: KubeObject): boolean => !!o.metadata.deletionTimestamp && hasFinalizer(o, FOREGROUND_FINALIZER);
const orphaning = (o: KubeObject): boolean => !!o.metadata.deletionTimestamp && hasFinalizer(o, ORPHAN_FINALIZER);
const describe = (t: ResourceType, o: KubeObject): string => `${t.singular}/${o.metadata.name}`;

export class GarbageCollector {
  readonly #ctx: ClusterContext;
  readonly #queue: WorkQueue;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, GC_CONTROLLER, (key) => this.#process(key), ctx.trace);
    ctx.api.store.watchAll((e) => this.#onEvent(e));
  }

  /** The graph builder's part: which changes could let something be collected. O(1) for an unowned object. */
  #onEvent(e: WatchEvent): void {
    if (e.resource === 'events') return;
    const o = e.object;
    const refs = o.metadata.ownerReferences;
    if (e.type === 'DELETED') {
      this.#enqueueDependents(o.metadata.uid);
      if (refs) this.#enqueueWaitingOwners(o, refs);
      return;
    }
    const old = e.old;
    if ((orphaning(o) && !(old && orphaning(old))) || (deletingDependents(o) && !(old && deletingDependents(old)))) {
      this.#enqueue(e.resource, o);
    }
    const oldRefs = old?.metadata.ownerReferences;
    if (refs === oldRefs) return;
    if (refs && this.#needsAttention(o, refs)) this.#enqueue(e.resource, o);
    // A dependent that dropped its reference no longer blocks a foreground deletion.
    if (oldRefs) this.#enqueueWaitingOwners(o, oldRefs.filter((r) => !refs?.some((n) => n.uid === r.uid)));
  }

  #enqueue(resource: string, o: KubeObject): void {
    this.#queue.add(`${resource}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  }

  #dependents(uid: string): { type: ResourceType; obj: KubeObject }[] {
    const out: { type: ResourceType; obj: KubeObject }[] = [];
    const store = this.#ctx.api.store;
    for (const type of DEPENDENT_TYPES) {
      if (store.countByIndex(type.resource, OWNER_INDEX, uid) === 0) continue;
      for (const obj of store.byIndex(type.resource, OWNER_INDEX, uid)) out.push({ type, obj });
    }
    return out;
  }

  #enqueueDependents(uid: string): void {
    for (const { type, obj } of this.#dependents(uid)) this.#enqueue(type.resource, obj);
  }

  #enqueueWaitingOwners(o: KubeObject, refs: readonly OwnerReference[]): void {
    for (const ref of refs) {
      const found = this.#owner(o, ref);
      if (found && found !== 'unknown' && deletingDependents(found.obj)) this.#enqueue(found.type.resource, found.obj);
    }
  }

  /** The owner a reference names, if it exists with that uid; 'unknown' for kinds the lab does not know. */
  #owner(o: KubeObject, ref: OwnerReference): { type: ResourceType; obj: KubeObject } | undefined | 'unknown' {
    const type = typeForGVK(ref.apiVersion, ref.kind);
    if (!type || (type.namespaced && !o.metadata.namespace)) return 'unknown';
    const obj = this.#ctx.api.get(type, o.metadata.namespace, ref.name);
    return obj && obj.metadata.uid === ref.uid ? { type, obj } : undefined;
  }

  #needsAttention(o: KubeObject, refs: readonly OwnerReference[]): boolean {
    return refs.some((ref) => {
      const found = this.#owner(o, ref);
      return found === undefined || (found !== 'unknown' && deletingDependents(found.obj));
    });
  }

  #process(key: string): void {
    const [resource, ns, name] = key.split('/') as [string, string, string];
    const type = BY_RESOURCE.get(resource)!;
    const o = this.#ctx.api.get(type, ns || undefined, name);
    if (!o) return;
    if (orphaning(o)) this.#orphanDependents(type, o);
    else if (deletingDependents(o)) this.#waitForDependents(type, o);
    else if (!o.metadata.deletionTimestamp && o.metadata.ownerReferences?.length) this.#attemptToDelete(type, o);
  }

  /** attemptToOrphan: every dependent loses its reference to `owner`, then the finalizer goes. */
  #orphanDependents(type: ResourceType, owner: KubeObject): void {
    const deps = this.#dependents(owner.metadata.uid);
    const { trace, api } = this.#ctx;
    const rec = trace.emit({ component: GC_CONTROLLER, action: 'reconcile', object: ref(type, owner), why: `${describe(type, owner)} is deleted with propagationPolicy=Orphan: ${deps.length} dependent${deps.length === 1 ? '' : 's'} keep running without it` });
    trace.within(rec.id, () => {
      for (const { type: t, obj } of deps) api.replace(t, withoutOwners(obj, [owner.metadata.uid]), GC_CONTROLLER, `the garbage collector removed ${describe(type, owner)} from the owners of ${describe(t, obj)}`);
      this.#removeFinalizer(type, owner, ORPHAN_FINALIZER);
    });
  }

  /** processDeletingDependentsItem: delete the dependents; drop the finalizer once none blocks. */
  #waitForDependents(type: ResourceType, owner: KubeObject): void {
    const deps = this.#dependents(owner.metadata.uid);
    const blocking = deps.filter(({ obj }) => obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      const rec = this.#ctx.trace.emit({ component: GC_CONTROLLER, action: 'reconcile', object: ref(type, owner), why: `nothing blocks the foreground deletion of ${describe(type, owner)} any more: removing its foregroundDeletion finalizer` });
      this.#ctx.trace.within(rec.id, () => this.#removeFinalizer(type, owner, FOREGROUND_FINALIZER));
    }
    for (const { type: t, obj } of deps) if (!obj.metadata.deletionTimestamp) this.#enqueue(t.resource, obj);
  }

  /** attemptToDeleteItem: sort the owners into solid, dangling and waiting-for-dependents. */
  #attemptToDelete(type: ResourceType, item: KubeObject): void {
    const solid: OwnerReference[] = [];
    const gone: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of item.metadata.ownerReferences ?? []) {
      const found = this.#owner(item, r);
      // An owner of a kind the lab does not know cannot be looked up: the dependent stays.
      if (found === 'unknown') solid.push(r);
      else if (!found) gone.push(r);
      else if (deletingDependents(found.obj)) waiting.push(r);
      else solid.push(r);
    }
    if (gone.length === 0 && waiting.length === 0) return;
    const { trace, api } = this.#ctx;
    const owners = [...gone, ...waiting].map((r) => `${r.kind} ${r.name}`).join(', ');
    if (solid.length) {
      trace.emit({ component: GC_CONTROLLER, action: 'reconcile', object: ref(type, item), why: `${describe(type, item)} still has other owners: dropping its references to ${owners}` });
      api.replace(type, withoutOwners(item, [...gone, ...waiting].map((r) => r.uid)), GC_CONTROLLER, `the garbage collector removed dangling owner references from ${describe(type, item)}`);
      return;
    }
    let policy: NonNullable<DeleteOptions['propagationPolicy']> = 'Background';
    if (waiting.length && this.#dependents(item.metadata.uid).length) policy = 'Foreground';
    else if (hasFinalizer(item, ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (hasFinalizer(item, FOREGROUND_FINALIZER)) policy = 'Foreground';
    const state = gone.length ? `is gone` : 'is being deleted in the foreground';
    const rec = trace.emit({ component: GC_CONTROLLER, action: 'reconcile', object: ref(type, item), why: `the owner of ${describe(type, item)} (${owners}) ${state}: deleting it (propagationPolicy=${policy})` });
    trace.within(rec.id, () => api.delete(type, item.metadata.namespace, item.metadata.name, { actor: GC_CONTROLLER, propagationPolicy: policy }));
  }

  #removeFinalizer(type: ResourceType, o: KubeObject, finalizer: string): void {
    const finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const { finalizers: _old, ...meta } = o.metadata;
    const next: KubeObject = { ...o, metadata: { ...meta, ...(finalizers.length ? { finalizers } : {}) } };
    this.#ctx.api.replace(type, next, GC_CONTROLLER, `the garbage collector removed the ${finalizer} finalizer from ${describe(type, o)}`);
  }
}

function withoutOwners(o: KubeObject, uids: readonly string[]): KubeObject {
  const refs = (o.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
  const { ownerReferences: _old, ...meta } = o.metadata;
  return { ...o, metadata: { ...meta, ...(refs.length ? { ownerReferences: refs } : {}) } };
}

function ref(type: ResourceType, o: KubeObject): { kind: string; name: string; namespace?: string } {
  return { kind: type.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}
