// A bare-metal load balancer modelled on MetalLB in layer-2 mode (metallb/metallb
// internal/controller/service.go convergeService, internal/allocator, speaker/layer2): once an
// address pool is configured, each `type: LoadBalancer` Service gets the next free address in
// status.loadBalancer.ingress, and one node answers ARP for it (the "announcing" node).

import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import type { ObjectRef } from '../trace.ts';
import { hex64 } from '../registry/digest.ts';
import type { AddressPool } from './addressPool.ts';
import { firstFree, poolContains } from './addressPool.ts';
import { OWNER_INDEX } from './indexes.ts';
import { WorkQueue, objectKey, splitKey } from './workQueue.ts';

const SERVICES = typeForKind('Service')!;
const NODES = typeForKind('Node')!;
export const METALLB_CONTROLLER = 'metallb-controller';
export const METALLB_SPEAKER = 'metallb-speaker';
/** MetalLB's own way to ask for addresses; spec.loadBalancerIP is deprecated but still honoured. */
const IPS_ANNOTATION = 'metallb.universe.tf/loadBalancerIPs';
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

function serviceRef(key: string): ObjectRef {
  const [namespace, name] = splitKey(key);
  return { kind: 'Service', name, ...(namespace ? { namespace } : {}) };
}

export class LoadBalancerController {
  readonly #ctx: ClusterContext;
  readonly #queue: WorkQueue;
  #pool: AddressPool | undefined;
  /** service key → its address, and address → service key (MetalLB's allocator tables) */
  readonly #byService = new Map<string, string>();
  readonly #byIP = new Map<string, string>();
  /** services left pending by an exhausted or refused request, retried when an address frees up */
  readonly #waiting = new Set<string>();
  /** address → the node whose speaker answers ARP for it */
  readonly #announcing = new Map<string, string>();

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, METALLB_CONTROLLER, (key) => this.#reconcile(key), ctx.trace);
    ctx.api.store.watch('services', (e) => this.#pool && this.#queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name)));
    ctx.api.store.watch('endpointslices', (e) => {
      const svc = e.object.metadata.labels?.[SERVICE_NAME_LABEL];
      if (this.#pool && svc) this.#queue.add(objectKey(e.object.metadata.namespace, svc));
    });
  }

  /** The configured pool (the addon is enabled), if any. */
  get pool(): AddressPool | undefined {
    return this.#pool;
  }

  /** Starts MetalLB with `pool`: every LoadBalancer Service is looked at once, as an informer's initial list. */
  enable(pool: AddressPool): void {
    this.#pool = pool;
    this.#ctx.trace.emit({ component: METALLB_CONTROLLER, action: 'reconcile', why: `address pool ${pool.text} configured: LoadBalancer Services can now get an external address` });
    for (const s of this.#ctx.api.list(SERVICES)) this.#queue.add(objectKey(s.metadata.namespace, s.metadata.name));
  }

  /** MetalLB removed: nothing answers for the addresses any more; Services keep the status last written. */
  disable(): void {
    this.#pool = undefined;
    this.#byService.clear();
    this.#byIP.clear();
    this.#waiting.clear();
    this.#announcing.clear();
  }

  /** The node answering ARP for `ip`, or undefined when no speaker announces it. */
  announcingNode(ip: string): string | undefined {
    return this.#announcing.get(ip);
  }

  #reconcile(key: string): void {
    if (!this.#pool) return;
    const [ns, name] = splitKey(key);
    const svc = this.#ctx.api.get(SERVICES, ns, name) as unknown as Service | undefined;
    if (!svc || svc.spec?.type !== 'LoadBalancer' || svc.spec.loadBalancerClass) {
      this.#waiting.delete(key);
      const had = this.#release(key, svc ? `Service ${name} is no longer type LoadBalancer` : `Service ${name} was deleted`);
      // clearServiceState: a Service that stops being a load balancer loses the address it showed.
      if (svc && had && svc.status?.loadBalancer?.ingress?.some((i) => i.ip === had)) this.#writeStatus(svc, undefined, `released ${had}: Service ${name} is type ${svc.spec?.type ?? 'ClusterIP'} now`);
      return;
    }
    const ip = this.#ensureAddress(key, svc);
    this.#announce(key, svc, ip);
  }

  /** convergeService's allocation half: keep a valid address, else take the requested or next free one. */
  #ensureAddress(key: string, svc: Service): string | undefined {
    const pool = this.#pool!;
    const name = svc.metadata!.name!;
    const requested = svc.metadata?.annotations?.[IPS_ANNOTATION]?.split(',')[0]?.trim() || svc.spec?.loadBalancerIP || undefined;
    let ip = this.#byService.get(key);
    if (ip && requested && ip !== requested) {
      this.#release(key, `Service ${name} asks for ${requested} instead of ${ip}`);
      ip = undefined;
    }
    // After a restart MetalLB re-reads the address a Service already shows and keeps it if it still fits.
    const shown = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!ip && shown && (!requested || requested === shown) && poolContains(pool, shown) && !this.#byIP.has(shown)) ip = this.#take(key, shown);
    if (!ip) {
      const failure = this.#allocate(key, requested);
      if (typeof failure === 'string') {
        this.#waiting.add(key);
        this.#ctx.events.record(svc as unknown as KubeObject, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": ${failure}`, { component: METALLB_CONTROLLER });
        this.#ctx.trace.emit({ component: METALLB_CONTROLLER, action: 'allocate-ip', object: serviceRef(key), why: `no address for Service ${name}: ${failure}; it stays <pending>` });
        if (shown) this.#writeStatus(svc, undefined, `Service ${name} has no valid address: clearing its status`);
        return undefined;
      }
      ip = failure.ip;
      this.#ctx.events.record(svc as unknown as KubeObject, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`, { component: METALLB_CONTROLLER });
      this.#ctx.trace.emit({ component: METALLB_CONTROLLER, action: 'allocate-ip', object: serviceRef(key), why: `${requested ? `Service ${name} asked for ${ip}` : `${ip} is the first free address in pool ${pool.text}`}: assigned to Service ${name}` });
    }
    this.#waiting.delete(key);
    if (shown !== ip || svc.status?.loadBalancer?.ingress?.length !== 1) this.#writeStatus(svc, ip, `writing ${ip} to Service ${name}'s status.loadBalancer`);
    return ip;
  }

  /** The requested address if it is in the pool and free, else the first free one; a string says why not. */
  #allocate(key: string, requested: string | undefined): { ip: string } | string {
    const pool = this.#pool!;
    if (requested) {
      if (!poolContains(pool, requested)) return `["${requested}"] is not allowed in config`;
      const owner = this.#byIP.get(requested);
      if (owner && owner !== key) return `can't change sharing key for "${key}", address also in use by ${owner}`;
      return { ip: this.#take(key, requested) };
    }
    const ip = firstFree(pool, new Set(this.#byIP.keys()));
    return ip ? { ip: this.#take(key, ip) } : 'no available IPs';
  }

  #take(key: string, ip: string): string {
    this.#byService.set(key, ip);
    this.#byIP.set(ip, key);
    return ip;
  }

  /** Frees the Service's address (if it had one) and lets the Services waiting for one try again. */
  #release(key: string, why: string): string | undefined {
    const ip = this.#byService.get(key);
    if (!ip) return undefined;
    this.#byService.delete(key);
    this.#byIP.delete(ip);
    this.#announcing.delete(ip);
    this.#ctx.trace.emit({ component: METALLB_CONTROLLER, action: 'allocate-ip', object: serviceRef(key), why: `${why}: ${ip} goes back to the pool` });
    for (const k of this.#waiting) this.#queue.add(k);
    return ip;
  }

  #writeStatus(svc: Service, ip: string | undefined, why: string): void {
    // The API server defaults ipMode to VIP for an IP ingress (LoadBalancerIPMode, on since 1.30).
    const status = { ...svc.status, loadBalancer: ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {} };
    this.#ctx.api.replace(SERVICES, { ...(svc as unknown as KubeObject), status } as KubeObject, METALLB_CONTROLLER, why);
  }

  /**
   * The layer-2 speakers: with a ready endpoint behind the Service, the eligible node that sorts
   * first by hash(node#ip) answers ARP for the address and says so in a `nodeAssigned` event.
   */
  #announce(key: string, svc: Service, ip: string | undefined): void {
    if (!ip) return;
    const ready = this.#readyEndpointNodes(svc);
    const local = svc.spec?.externalTrafficPolicy === 'Local';
    const nodes = (this.#ctx.api.list(NODES) as unknown as Node[])
      .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && n.metadata?.labels?.[EXCLUDE_LABEL] === undefined)
      .map((n) => n.metadata!.name!)
      .filter((n) => (local ? ready.has(n) : ready.size > 0));
    // The lab's hash stands in for SHA-256, so the node chosen may differ from a real cluster's.
    const node = nodes.sort((a, b) => hex64(`${a}#${ip}`).localeCompare(hex64(`${b}#${ip}`)))[0];
    const was = this.#announcing.get(ip);
    if (node === was) return;
    const name = svc.metadata!.name!;
    if (!node) {
      this.#announcing.delete(ip);
      this.#ctx.trace.emit({ component: METALLB_SPEAKER, action: 'reconcile', object: serviceRef(key), why: `Service ${name} has no ready endpoint: no node answers ARP for ${ip}` });
      return;
    }
    this.#announcing.set(ip, node);
    this.#ctx.events.record(svc as unknown as KubeObject, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, { component: METALLB_SPEAKER });
    this.#ctx.trace.emit({ component: METALLB_SPEAKER, action: 'reconcile', object: serviceRef(key), why: `node ${node} answers ARP for ${ip}: traffic to Service ${name}'s external address enters the cluster there` });
  }

  #readyEndpointNodes(svc: Service): Set<string> {
    const nodes = new Set<string>();
    // The Service's own slices, through the owner index (the EndpointSlice controller owns them by the Service).
    for (const o of this.#ctx.api.store.byIndex('endpointslices', OWNER_INDEX, svc.metadata!.uid!)) {
      const slice = o as unknown as EndpointSlice;
      for (const e of slice.endpoints ?? []) if (e.conditions?.ready !== false && e.nodeName) nodes.add(e.nodeName);
    }
    return nodes;
  }
}
