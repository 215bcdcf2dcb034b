// The worker side of the cluster: one kubelet per node. Registers each node with the API
// server (Ready, capacity, addresses), routes pod watch events to the kubelet of the pod's
// node (an index, not a scan), and implements graceful pod deletion: the API server marks
// the pod with a deletionTimestamp and the kubelet confirms once its containers are gone.

import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { DeleteOptions } from '../api/apiServer.ts';
import type { ClusterContext } from '../context.ts';
import { objectKey } from '../controllers/workQueue.ts';
import type { Preset } from '../presets.ts';
import type { ImageService } from './images.ts';
import { PodIpAllocator } from './ipam.ts';
import { Kubelet } from './kubelet.ts';

const NODES = typeForKind('Node')!;
const PODS = typeForKind('Pod')!;
const LEASES = typeForKind('Lease')!;
/** kubelet nodeStatusReportFrequency: an unchanged status is re-posted this often */
const STATUS_REPORT_MS = 300_000;
/** kubelet lease renewal interval (25 % of the 40 s lease duration) */
const LEASE_RENEW_MS = 10_000;

export class NodeAgents {
  readonly kubelets = new Map<string, Kubelet>();
  readonly #ctx: ClusterContext;
  /** when each node registered: its lease renewals and status reports keep that phase */
  readonly #registeredAt = new Map<string, number>();
  /** a stopped kubelet's last lease renewal: the Lease keeps it until the kubelet starts again */
  readonly #lastRenewal = new Map<string, number>();
  readonly #livenessListeners: ((name: string) => void)[] = [];

  constructor(ctx: ClusterContext, preset: Preset, images: ImageService) {
    this.#ctx = ctx;
    preset.nodes.forEach((plan, i) => {
      const kubelet = new Kubelet(ctx, plan.name, plan.ip, new PodIpAllocator(plan.ipamRange, plan.ipamFirst), images);
      this.kubelets.set(plan.name, kubelet);
      this.#register(preset.nodeTemplate(plan), kubelet);
      // Status reports of different nodes fall at slightly different moments, as real ones do.
      ctx.clock.after(STATUS_REPORT_MS + ((i * 7919) % 10_000), `kubelet/${plan.name}: node status`, () => this.#reportStatus(kubelet));
    });
    ctx.api.store.watch('pods', (e) => {
      const pod = e.object as Stored<Pod>;
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) return;
      const kubelet = this.kubelets.get(nodeName);
      if (!kubelet?.alive) return;
      const key = objectKey(pod.metadata.namespace, pod.metadata.name);
      if (e.type === 'DELETED') kubelet.podDeleted(key);
      else if (e.old && e.old['spec'] === e.object['spec'] && e.old.metadata.deletionTimestamp === e.object.metadata.deletionTimestamp) {
        // Only a status change (most often the kubelet's own report): nothing for the kubelet to do.
      } else {
        const cause = ctx.trace.current;
        ctx.clock.after(ctx.timings.kubeletLatencyMs, `kubelet/${nodeName}: sync ${pod.metadata.name}`, () => {
          const latest = ctx.api.get(PODS, pod.metadata.namespace, pod.metadata.name) as Stored<Pod> | undefined;
          // A kubelet that stopped meanwhile syncs its pods when it starts again.
          if (!kubelet.alive) return;
          if (latest && latest.metadata.uid === pod.metadata.uid) ctx.trace.within(cause, () => kubelet.podChanged(key, latest));
          else kubelet.podDeleted(key);
        });
      }
    });
    ctx.api.onDelete('Pod', (obj, opts) => this.#gracefulDelete(obj, opts));
  }

  #register(node: Node, kubelet: Kubelet): void {
    const { api, clock, trace } = this.#ctx;
    const now = clock.iso();
    const conditions = kubeletConditions(now);
    const random = this.#ctx.random;
    const obj = {
      ...node,
      metadata: { ...node.metadata, uid: '', resourceVersion: '', creationTimestamp: '' },
      status: {
        ...node.status,
        conditions,
        nodeInfo: { ...node.status!.nodeInfo!, bootID: random.uuid(), machineID: random.hex(32), systemUUID: random.uuid() },
      },
    } as unknown as KubeObject;
    trace.emit({ component: `kubelet/${kubelet.nodeName}`, action: 'register-node', object: { kind: 'Node', name: kubelet.nodeName }, why: `the kubelet on ${kubelet.nodeName} registers its node with the API server` });
    const stored = api.createTrusted(NODES, obj, `kubelet/${kubelet.nodeName}`);
    this.#registeredAt.set(kubelet.nodeName, clock.now);
    api.createTrusted(
      LEASES,
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: kubelet.nodeName,
          namespace: 'kube-node-lease',
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: kubelet.nodeName, uid: stored.metadata.uid }],
        },
        spec: { holderIdentity: kubelet.nodeName, leaseDurationSeconds: 40, renewTime: clock.isoMicro() },
      },
      `kubelet/${kubelet.nodeName}`,
    );
    // What a starting node records (kubelet recordNodeStatusEvent, the container manager's
    // allocatable enforcement, the node controller, kube-proxy's empty `Starting`).
    const events = this.#ctx.events;
    const fromKubelet = { component: 'kubelet', host: kubelet.nodeName };
    const statusIsNow = (event: string): void => events.record(stored, 'Normal', event, `Node ${kubelet.nodeName} status is now: ${event}`, fromKubelet);
    events.record(stored, 'Normal', 'Starting', 'Starting kubelet.', fromKubelet);
    for (const event of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) statusIsNow(event);
    events.record(stored, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', fromKubelet);
    events.record(stored, 'Normal', 'RegisteredNode', `Node ${kubelet.nodeName} event: Registered Node ${kubelet.nodeName} in Controller`, { component: 'node-controller' });
    events.record(stored, 'Normal', 'Starting', '', { component: 'kube-proxy', host: kubelet.nodeName });
    statusIsNow('NodeReady');
  }

  /**
   * The node's heartbeat, modelled lazily: a live kubelet renews its Lease every 10 s, so the
   * renewal time is the last 10 s mark since it registered; nothing is written for it.
   */
  leaseRenewTime(name: string): number | undefined {
    const since = this.#registeredAt.get(name);
    const kubelet = this.kubelets.get(name);
    if (since === undefined || !kubelet) return undefined;
    if (!kubelet.alive) return this.#lastRenewal.get(name);
    const now = this.#ctx.clock.now;
    return now - ((now - since) % LEASE_RENEW_MS);
  }

  /** Whether the node's kubelet is running (heartbeating). */
  isAlive(name: string): boolean {
    return this.kubelets.get(name)?.alive ?? false;
  }

  /** Called with a node's name whenever its kubelet stops or starts (the lazy heartbeat's edges). */
  onLivenessChange(listener: (name: string) => void): void {
    this.#livenessListeners.push(listener);
  }

  /**
   * `kubelab node stop`: the kubelet stops, as when its machine dies. It stops renewing its
   * Lease and posting status, ignores pod events, and its pods stop answering. Returns false
   * for an unknown node or one already stopped.
   */
  stopNode(name: string): boolean {
    const kubelet = this.kubelets.get(name);
    if (!kubelet?.alive) return false;
    const renewed = this.leaseRenewTime(name);
    if (renewed !== undefined) this.#lastRenewal.set(name, renewed);
    kubelet.stop();
    this.#ctx.trace.emit({ component: `kubelet/${name}`, action: 'heartbeat', object: { kind: 'Node', name }, why: `the kubelet on ${name} stopped (the machine is down): no more lease renewals or status reports` });
    for (const l of this.#livenessListeners) l(name);
    return true;
  }

  /**
   * `kubelab node start`: the kubelet starts again, posts its node status (Ready), renews its
   * Lease and syncs its pods, finishing the deletions that waited for it.
   */
  startNode(name: string): boolean {
    const kubelet = this.kubelets.get(name);
    if (!kubelet || kubelet.alive) return false;
    const { api, clock, trace } = this.#ctx;
    trace.emit({ component: `kubelet/${name}`, action: 'heartbeat', object: { kind: 'Node', name }, why: `the kubelet on ${name} started again: it renews its lease and posts its node status` });
    this.#registeredAt.set(name, clock.now);
    this.#lastRenewal.delete(name);
    const node = api.get(NODES, undefined, name) as Stored<Node> | undefined;
    if (node) this.#postReady(node, kubelet);
    kubelet.start(api.store.byIndex('pods', 'node', name) as unknown as Stored<Pod>[]);
    for (const l of this.#livenessListeners) l(name);
    return true;
  }

  /**
   * The restarted kubelet's first status: conditions the node controller set to Unknown go
   * back to the kubelet's own, each transition with its event (kubelet setters.go).
   */
  #postReady(node: Stored<Node>, kubelet: Kubelet): void {
    const { api, clock, events } = this.#ctx;
    const now = clock.iso();
    const fromKubelet = { component: 'kubelet', host: kubelet.nodeName };
    events.record(node, 'Normal', 'Starting', 'Starting kubelet.', fromKubelet);
    const fresh = new Map(kubeletConditions(now).map((c) => [c.type, c]));
    const conditions = (node.status?.conditions ?? []).map((c) => {
      const mine = fresh.get(c.type);
      if (!mine) return c;
      return c.status === mine.status ? { ...c, lastHeartbeatTime: now } : mine;
    });
    const changed = (node.status?.conditions ?? []).filter((c) => fresh.has(c.type) && c.status !== fresh.get(c.type)!.status).map((c) => c.type);
    const next = { ...node, status: { ...node.status, conditions } } as unknown as KubeObject;
    api.replace(NODES, next, `kubelet/${kubelet.nodeName}`, `the kubelet on ${kubelet.nodeName} started again and posts its node status: Ready`);
    for (const type of changed) {
      const event = STATUS_EVENTS[type];
      if (event) events.record(node, 'Normal', event, `Node ${kubelet.nodeName} status is now: ${event}`, fromKubelet);
    }
    events.record(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', fromKubelet);
  }

  /** Every 5 minutes an unchanged node status is posted again (heartbeat times, images). */
  #reportStatus(kubelet: Kubelet): void {
    const { api, clock } = this.#ctx;
    clock.after(STATUS_REPORT_MS, `kubelet/${kubelet.nodeName}: node status`, () => this.#reportStatus(kubelet));
    const node = api.get(NODES, undefined, kubelet.nodeName) as Stored<Node> | undefined;
    if (!node || !kubelet.alive) return;
    const now = clock.iso();
    const next = {
      ...node,
      status: {
        ...node.status,
        conditions: (node.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: now })),
        images: kubelet.images.list(),
      },
    } as unknown as KubeObject;
    api.replace(NODES, next, `kubelet/${kubelet.nodeName}`, `the kubelet on ${kubelet.nodeName} posts its node status (every 5 minutes when nothing changed)`);
  }

  /** Pods on a node terminate gracefully; unbound, finished or force-deleted pods go at once. */
  #gracefulDelete(obj: KubeObject, opts: DeleteOptions): 'graceful' | 'now' {
    const pod = obj as unknown as Stored<Pod>;
    const phase = pod.status?.phase;
    const grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? this.#ctx.timings.terminationGracePeriodSeconds;
    if (!pod.spec?.nodeName || grace <= 0 || phase === 'Succeeded' || phase === 'Failed') return 'now';
    // On a dead node nobody confirms: the pod stays Terminating until the node returns or it is force-deleted.
    const current = pod.metadata.deletionGracePeriodSeconds;
    if (current !== undefined && current <= grace) return 'graceful';
    const { clock, api } = this.#ctx;
    const next = {
      ...obj,
      metadata: { ...obj.metadata, deletionTimestamp: clock.iso(clock.now + grace * 1000), deletionGracePeriodSeconds: grace },
    };
    api.replace(PODS, next, opts.actor, `${opts.actor} asked to delete pod ${obj.metadata.name}: marked for deletion, grace period ${grace}s`);
    return 'graceful';
  }

  /** The Node objects' image lists, for the scheduler's ImageLocality score and `describe node`. */
  nodeImages(name: string): { names: string[]; sizeBytes: number }[] {
    return this.kubelets.get(name)?.images.list() ?? [];
  }
}

/** The conditions a healthy kubelet posts, in its order. */
function kubeletConditions(now: string): NodeCondition[] {
  return [
    cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
    cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
    cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
    cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', now),
  ];
}

/** the event the kubelet records when a condition returns to its healthy status */
const STATUS_EVENTS: Readonly<Record<string, string>> = {
  MemoryPressure: 'NodeHasSufficientMemory',
  DiskPressure: 'NodeHasNoDiskPressure',
  PIDPressure: 'NodeHasSufficientPID',
  Ready: 'NodeReady',
};

function cond(type: string, status: string, reason: string, message: string, now: string): NodeCondition {
  return { lastHeartbeatTime: now, lastTransitionTime: now, message, reason, status, type };
}

