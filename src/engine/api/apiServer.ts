// kube-apiserver: the only component that talks to the cluster store. Every write goes
// through here: decoding against the real schema, admission (namespace exists, generateName),
// defaulting, validation, versioning (uid, resourceVersion, generation, creationTimestamp),
// then the store, whose watch streams wake the scheduler, controllers and kubelets.

import type { Component } from '../trace.ts';
import type { TraceStream } from '../trace.ts';
import type { Clock } from '../clock.ts';
import { Random } from '../random.ts';
import type { Timings } from '../config.ts';
import type { KubeObject, Manifest } from './objects.ts';
import { clone, deepEqual, isRecord } from './objects.ts';
import type { Store } from './store.ts';
import { storeKey } from './store.ts';
import type { ResourceType } from './resources.ts';
import { typeForKind } from './resources.ts';
import type { ApiResult, FieldCause, StatusError } from './errors.ts';
import { alreadyExists, badRequest, conflict, fail, invalid, notFound, ok } from './errors.ts';
import type { Strategy, StrategyContext } from './strategy.ts';
import { strategyFor } from './strategies/index.ts';
import { validateObjectMeta } from './validation/names.ts';
import { decodeManifest } from './decode.ts';
import { ServiceAllocators } from './allocators.ts';
import { releaseServiceAllocations } from './strategies/service.ts';

// names/generate.go: maxNameLength 63, randomLength 5
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

export interface WriteOptions {
  /** who is asking (for the trace) */
  readonly actor: Component;
  readonly dryRun?: boolean;
  /** skip strict schema decoding (trusted internal writers) */
  readonly trusted?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** Hooks other parts of the engine add to deletions (graceful pod termination, cascades). */
export type DeleteHandler = (obj: KubeObject, opts: DeleteOptions) => 'graceful' | 'now';

export class ApiServer {
  readonly store: Store;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #trace: TraceStream;
  readonly #deleteHandlers = new Map<string, DeleteHandler>();
  /** ClusterIPs and node ports (kube-apiserver's default 10.96.0.0/12 unless the cluster passes its own) */
  readonly services: ServiceAllocators;

  constructor(store: Store, clock: Clock, random: Random, timings: Timings, trace: TraceStream, services?: ServiceAllocators) {
    this.store = store;
    this.#clock = clock;
    this.#random = random;
    this.#trace = trace;
    this.services = services ?? new ServiceAllocators('10.96.0.0/12', random);
    releaseServiceAllocations(store, this.services);
    this.#ctx = { random, timings, services: this.services };
  }

  /** what strategies may use (one object: built once, not per write) */
  readonly #ctx: StrategyContext;

  onDelete(kind: string, handler: DeleteHandler): void {
    this.#deleteHandlers.set(kind, handler);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(type.resource, type.namespaced ? namespace : undefined, name);
  }

  list(type: ResourceType, namespace?: string): KubeObject[] {
    return this.store.list(type.resource, type.namespaced ? namespace : undefined);
  }

  /** POST: create a new object from a manifest (already parsed from YAML/JSON). */
  create(manifest: Manifest, namespace: string | undefined, opts: WriteOptions): ApiResult<KubeObject> {
    const prepared = this.#prepare(manifest, namespace, opts);
    if (!prepared.ok) return prepared;
    const { obj, type, strategy } = prepared.value;
    const meta = obj.metadata;
    // NamespaceLifecycle is mutating admission: it runs in the handler, before the registry
    // generates a name or validates anything.
    if (type.namespaced && meta.namespace && !this.store.get('namespaces', undefined, meta.namespace)) {
      return this.#reject({ ...notFound(typeForKind('Namespace')!, meta.namespace), path: 'metadata.namespace' }, obj, opts);
    }
    if (!meta.name && meta.generateName) meta.name = this.#generateName(meta.generateName);
    strategy.prepareForCreate?.(obj, this.#ctx);
    const causes = this.#validate(obj, type, strategy);
    if (causes.length) return this.#reject(invalid(type, meta.name || '', causes), obj, opts);
    if (this.get(type, meta.namespace, meta.name)) return this.#reject(alreadyExists(type, meta.name), obj, opts);
    const allocation = strategy.allocate?.(obj, this.#ctx, opts.dryRun === true) ?? [];
    if (allocation.length) return this.#reject(invalid(type, meta.name, allocation), obj, opts);
    if (opts.dryRun) {
      // BeforeCreate fills these on a dry run too. The uid comes from a stream derived from
      // (not drawn from) the cluster's, so a dry run leaves later names and uids as they were.
      meta.uid = this.#dryRunRandom().uuid();
      meta.creationTimestamp = this.#clock.iso();
      if (strategy.tracksGeneration) meta.generation = 1;
      return ok(obj);
    }
    meta.uid = this.#random.uuid();
    meta.creationTimestamp = this.#clock.iso();
    if (strategy.tracksGeneration) meta.generation = 1;
    return ok(this.#write(type, obj, 'create', opts));
  }

  /** PUT: replace an object (spec and metadata); status is kept from the stored object. */
  update(manifest: Manifest, namespace: string | undefined, opts: WriteOptions & { resourceVersion?: string }): ApiResult<KubeObject> {
    const prepared = this.#prepare(manifest, namespace, opts);
    if (!prepared.ok) return prepared;
    const { obj, type, strategy } = prepared.value;
    const old = this.get(type, obj.metadata.namespace, obj.metadata.name);
    if (!old) return this.#reject(notFound(type, obj.metadata.name), obj, opts);
    if (opts.resourceVersion && opts.resourceVersion !== old.metadata.resourceVersion) {
      return this.#reject(conflict(type, obj.metadata.name), obj, opts);
    }
    // A resourceVersion in the body is an optimistic lock; without one (or "0") the update is
    // unconditional (registry store.go Update, AllowUnconditionalUpdate).
    const sentVersion = obj.metadata.resourceVersion;
    if (sentVersion && sentVersion !== '0' && sentVersion !== old.metadata.resourceVersion) {
      return this.#reject(conflict(type, obj.metadata.name), obj, opts);
    }
    obj.metadata = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      ...(old.metadata.deletionTimestamp ? { deletionTimestamp: old.metadata.deletionTimestamp } : {}),
      ...(old.metadata.deletionGracePeriodSeconds !== undefined ? { deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds } : {}),
      ...(old.metadata.ownerReferences && !obj.metadata.ownerReferences ? { ownerReferences: old.metadata.ownerReferences } : {}),
    };
    if ('status' in old) obj['status'] = old['status'];
    else delete obj['status'];
    strategy.prepareForUpdate?.(obj, old);
    const causes = [...this.#validate(obj, type, strategy), ...(strategy.validateUpdate?.(obj, old) ?? [])];
    if (causes.length) return this.#reject(invalid(type, obj.metadata.name, causes), obj, opts);
    const allocation = strategy.allocateUpdate?.(obj, old, this.#ctx, opts.dryRun === true) ?? [];
    if (allocation.length) return this.#reject(invalid(type, obj.metadata.name, allocation), obj, opts);
    if (strategy.tracksGeneration) {
      const gen = old.metadata.generation ?? 1;
      obj.metadata.generation = deepEqual(obj['spec'], old['spec']) && !strategy.bumpsGeneration?.(obj, old) ? gen : gen + 1;
    }
    if (deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: '' } }, { ...old, metadata: { ...old.metadata, resourceVersion: '' } })) {
      return ok(old);
    }
    if (opts.dryRun) return ok(obj);
    return ok(this.#write(type, obj, 'update', opts));
  }

  /**
   * A trusted in-cluster write (controllers, kubelets, scheduler): replaces the stored object
   * with `next`, built by the caller from the current one. No decoding or defaulting.
   */
  replace(type: ResourceType, next: KubeObject, actor: Component, why?: string): KubeObject {
    return this.#write(type, next, 'update', { actor, trusted: true }, why);
  }

  /** Creates an object from a trusted writer (events, nodes, controller-made pods). */
  createTrusted(type: ResourceType, obj: KubeObject, actor: Component, why?: string): KubeObject {
    const strategy = strategyFor(type);
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.#generateName(obj.metadata.generateName);
    strategy.prepareForCreate?.(obj, this.#ctx);
    // Trusted writers ask for what they know is free (the `kubernetes` Service's first address).
    strategy.allocate?.(obj, this.#ctx, false);
    obj.metadata.uid ||= this.#random.uuid();
    obj.metadata.creationTimestamp ||= this.#clock.iso();
    if (strategy.tracksGeneration) obj.metadata.generation = 1;
    return this.#write(type, obj, 'create', { actor, trusted: true }, why);
  }

  /**
   * DELETE: pods terminate gracefully first; other kinds go at once, unless finalizers hold
   * them. propagationPolicy Orphan or Foreground adds the garbage collector's finalizer
   * (`orphan`, `foregroundDeletion`), Background drops both (registry store.go
   * deletionFinalizersForGarbageCollection); unset keeps what the object has.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions): ApiResult<KubeObject> {
    const obj = this.get(type, namespace, name);
    if (!obj) return fail(notFound(type, name));
    if (opts.dryRun) return ok(obj);
    const handler = this.#deleteHandlers.get(type.kind);
    const how = handler ? handler(obj, opts) : 'now';
    const current = this.get(type, namespace, name) ?? obj;
    const finalizers = gcFinalizers(current.metadata.finalizers, opts.propagationPolicy);
    const changed = !deepEqual(finalizers, current.metadata.finalizers ?? []);
    if (!changed && (how === 'graceful' || current.metadata.deletionTimestamp)) return ok(current);
    if (how === 'graceful' || finalizers.length) {
      const { finalizers: _old, ...meta } = current.metadata;
      // Kinds without graceful deletion are marked with grace period 0: once the finalizers are gone, so is the object.
      const grace = meta.deletionGracePeriodSeconds ?? (how === 'now' ? 0 : undefined);
      const marked: KubeObject = {
        ...current,
        metadata: { ...meta, deletionTimestamp: meta.deletionTimestamp ?? this.#clock.iso(), ...(grace !== undefined ? { deletionGracePeriodSeconds: grace } : {}), ...(finalizers.length ? { finalizers } : {}) },
      };
      return ok(this.#write(type, marked, 'update', opts, `${opts.actor} asked to delete ${type.singular}/${name}: marked for deletion, waiting for finalizers [${finalizers.join(' ')}]`));
    }
    this.remove(type, obj, opts.actor);
    return ok(obj);
  }

  /**
   * Removes an object from the store for good; one with finalizers stays, marked for
   * deletion (grace period 0), until whoever owns them removes the last one.
   */
  remove(type: ResourceType, obj: KubeObject, actor: Component): void {
    const m = obj.metadata;
    const current = this.get(type, m.namespace, m.name);
    if (!current) return;
    const held = current.metadata;
    if (held.finalizers?.length) {
      if (held.deletionTimestamp && held.deletionGracePeriodSeconds === 0) return;
      const why = `${actor} deleted ${type.singular}/${m.name}: kept until its finalizers [${held.finalizers.join(' ')}] are removed`;
      this.#write(type, { ...current, metadata: { ...held, deletionTimestamp: held.deletionTimestamp ?? this.#clock.iso(), deletionGracePeriodSeconds: 0 } }, 'update', { actor, trusted: true }, why);
      return;
    }
    this.#erase(type, current, actor);
  }

  #erase(type: ResourceType, current: KubeObject, actor: Component): void {
    const m = current.metadata;
    const rec = this.#trace.emit({ component: 'api-server', action: 'delete', object: ref(type, current), why: `${actor} deleted ${type.singular}/${m.name}: removed ${storeKey(type.resource, m.namespace, m.name)} from etcd` });
    this.#trace.within(rec.id, () => this.store.remove(type.resource, current));
  }

  #prepare(manifest: Manifest, namespace: string | undefined, opts: WriteOptions): ApiResult<{ obj: KubeObject; type: ResourceType; strategy: Strategy }> {
    const decoded = decodeManifest(manifest, opts.trusted === true);
    if (!decoded.ok) return decoded;
    const { type } = decoded.value;
    const obj = clone(manifest) as KubeObject;
    const meta = isRecord(obj.metadata) ? obj.metadata : (obj.metadata = {} as KubeObject['metadata']);
    if (type.namespaced) {
      const ns = meta.namespace || namespace || 'default';
      if (namespace && meta.namespace && namespace !== meta.namespace) {
        return fail(badRequest(`the namespace from the provided object "${meta.namespace}" does not match the namespace "${namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`));
      }
      meta.namespace = ns;
    } else {
      delete meta.namespace;
    }
    meta.name ??= '';
    const strategy = strategyFor(type);
    strategy.defaults?.(obj, this.#ctx);
    return ok({ obj, type, strategy });
  }

  /** names.SimpleNameGenerator: the prefix is cut so that prefix and suffix fit in 63 characters. */
  #generateName(base: string): string {
    return `${base.slice(0, MAX_GENERATED_NAME_LENGTH)}${this.#random.suffix(RANDOM_LENGTH)}`;
  }

  /** A generator seeded from the cluster's current state without advancing it. */
  #dryRunRandom(): Random {
    const [a, b, c, d] = this.#random.state;
    return new Random((a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77) ^ Math.imul(d, 0xc2b2ae3d) ^ 0x64727952) >>> 0);
  }

  #validate(obj: KubeObject, type: ResourceType, strategy: Strategy): FieldCause[] {
    return [...validateObjectMeta(obj.metadata as unknown as Record<string, unknown>, strategy.nameRule, type.namespaced), ...(strategy.validate?.(obj) ?? [])];
  }

  #reject<T>(error: StatusError, obj: KubeObject, opts: WriteOptions): ApiResult<T> {
    const type = typeForKind(obj.kind);
    this.#trace.emit({
      component: 'api-server',
      action: 'reject',
      ...(type ? { object: ref(type, obj) } : {}),
      why: `rejected ${opts.actor}'s request: ${error.message}`,
    });
    return fail(error);
  }

  /**
   * Versions and stores an object. One trace record stands for both hops (API server, then
   * etcd): every write takes them, and the diagram animates the pair.
   */
  #write(type: ResourceType, obj: KubeObject, verb: 'create' | 'update', opts: WriteOptions, why?: string): KubeObject {
    const m = obj.metadata;
    // The last finalizer of an object marked for deletion is gone: the update deletes it
    // (registry store.go ShouldDeleteDuringUpdate).
    if (verb === 'update' && m.deletionTimestamp && m.deletionGracePeriodSeconds === 0 && !m.finalizers?.length) {
      this.#erase(type, obj, opts.actor);
      return obj;
    }
    const stored: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: this.store.nextResourceVersion() } };
    const rec = this.#trace.emit({
      component: 'api-server',
      action: verb,
      object: ref(type, stored),
      why: `${why ?? `${opts.actor} asked to ${verb} ${type.singular}/${stored.metadata.name}: accepted`}; stored in etcd at resourceVersion ${stored.metadata.resourceVersion}`,
    });
    this.#trace.within(rec.id, () => this.store.put(type.resource, stored));
    return stored;
  }
}

export function ref(type: ResourceType, obj: KubeObject): { kind: string; name: string; namespace?: string } {
  return { kind: type.kind, name: obj.metadata.name, ...(type.namespaced && obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}) };
}

/** The finalizers an object keeps when deleted with `policy`. */
function gcFinalizers(current: readonly string[] | undefined, policy: DeleteOptions['propagationPolicy']): string[] {
  const all = [...(current ?? [])];
  if (policy === undefined) return all;
  const others = all.filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
  if (policy === 'Orphan') others.push('orphan');
  if (policy === 'Foreground') others.push('foregroundDeletion');
  return others;
}
