// The node lifecycle controller (kube-controller-manager pkg/controller/nodelifecycle/
// node_lifecycle_controller.go): a node whose kubelet stopped renewing its Lease for the node
// monitor grace period gets its conditions set to Unknown, its pods marked not ready, and the
// `node.kubernetes.io/unreachable` taints; when the kubelet posts Ready again the taints go.

import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { WatchEvent } from '../api/store.ts';
import type { ClusterContext } from '../context.ts';
import { WorkQueue } from './workQueue.ts';

const NODES = typeForKind('Node')!;
const PODS = typeForKind('Pod')!;
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** the event source the controller records under (its recorder's component) */
const EVENT_SOURCE = { component: 'node-controller' };
export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
const STATUS_UNKNOWN = { reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };

/** What the controller learns from the nodes' Leases (modelled lazily by the node agents). */
export interface Heartbeats {
  /** the node's last Lease renewal (simulated ms) */
  leaseRenewTime(name: string): number | undefined;
  /** whether the kubelet still renews its Lease */
  isAlive(name: string): boolean;
}

type N = Stored<Node>;

export class NodeLifecycleController {
  readonly #ctx: ClusterContext;
  readonly #heartbeats: Heartbeats;
  readonly #queue: WorkQueue;

  constructor(ctx: ClusterContext, heartbeats: Heartbeats) {
    this.#ctx = ctx;
    this.#heartbeats = heartbeats;
    this.#queue = new WorkQueue(ctx.clock, ctx.timings.controllerLatencyMs, NODE_LIFECYCLE_CONTROLLER, (name) => this.#reconcile(name), ctx.trace);
    ctx.api.store.watch('nodes', (e) => this.#onNode(e));
  }

  /**
   * A kubelet stopped or started. The real controller polls every node each monitor period;
   * here the lazy heartbeat tells us its edges, and we look again only when the grace runs out.
   */
  heartbeatChanged(name: string): void {
    this.#queue.add(name);
  }

  #onNode(e: WatchEvent): void {
    if (e.type === 'DELETED') return;
    if (e.old && e.old['status'] === e.object['status'] && e.old['spec'] === e.object['spec']) return;
    this.#queue.add(e.object.metadata.name);
  }

  #reconcile(name: string): void {
    const node = this.#ctx.api.get(NODES, undefined, name) as N | undefined;
    if (!node) return;
    const ready = readyCondition(node);
    if (this.#heartbeats.isAlive(name)) {
      if (ready?.status === 'True' && hasUnreachableTaint(node)) this.#untaint(node);
      return;
    }
    const due = this.#staleAt(this.#heartbeats.leaseRenewTime(name) ?? this.#ctx.clock.now);
    const now = this.#ctx.clock.now;
    if (now < due) {
      this.#queue.addAfter(name, due - now);
      return;
    }
    let current = node;
    if (ready?.status !== 'Unknown') current = this.#markUnknown(node, ready?.status === 'True');
    if (!hasUnreachableTaint(current)) this.#taint(current);
  }

  /**
   * When the monitor (every node-monitor-period, on the period's marks) first finds the Lease
   * older than the grace period: it saw the last renewal at the next mark, and the probe
   * counts as stale only once the grace period has strictly passed since then.
   */
  #staleAt(renewed: number): number {
    const { nodeMonitorPeriodMs: period, nodeMonitorGraceMs: grace } = this.#ctx.timings;
    const observed = Math.ceil(renewed / period) * period;
    return (Math.floor((observed + grace) / period) + 1) * period;
  }

  /** tryUpdateNodeHealth: every condition the kubelet posts goes Unknown; its heartbeat time stays. */
  #markUnknown(node: N, wasReady: boolean): N {
    const { api, clock, events, trace } = this.#ctx;
    const now = clock.iso();
    const conditions = (node.status?.conditions ?? []).map((c): NodeCondition => (c.status === 'Unknown' ? c : { ...c, status: 'Unknown', ...STATUS_UNKNOWN, lastTransitionTime: now }));
    const name = node.metadata.name;
    trace.emit({ component: NODE_LIFECYCLE_CONTROLLER, action: 'reconcile', object: { kind: 'Node', name }, why: `the kubelet on ${name} has not renewed its lease for more than ${this.#ctx.timings.nodeMonitorGraceMs / 1000}s: its conditions become Unknown` });
    const next = api.replace(NODES, { ...node, status: { ...node.status, conditions } } as unknown as KubeObject, NODE_LIFECYCLE_CONTROLLER, `node ${name} is NotReady: Kubelet stopped posting node status`) as unknown as N;
    if (wasReady) {
      events.record(next as unknown as KubeObject, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, EVENT_SOURCE);
      this.#markPodsNotReady(name);
    }
    return next;
  }

  /** controller_utils MarkPodsNotReady: each pod's Ready condition turns False, with a warning. */
  #markPodsNotReady(nodeName: string): void {
    const { api, clock, events } = this.#ctx;
    const now = clock.iso();
    for (const o of api.store.byIndex('pods', 'node', nodeName)) {
      const pod = o as unknown as Stored<Pod>;
      const conditions = pod.status?.conditions ?? [];
      const i = conditions.findIndex((c) => c.type === 'Ready');
      if (i === -1 || conditions[i]!.status === 'False') continue;
      const updated = conditions.map((c, j) => (j === i ? { ...c, status: 'False', lastTransitionTime: now } : c));
      api.replace(PODS, { ...o, status: { ...pod.status, conditions: updated } } as unknown as KubeObject, NODE_LIFECYCLE_CONTROLLER, `pod ${pod.metadata.name} runs on ${nodeName}, which is not ready: marking it not ready`);
      events.record(o, 'Warning', 'NodeNotReady', 'Node is not ready', EVENT_SOURCE);
    }
  }

  /** The NoSchedule pass and the NoExecute tainter (SwapNodeControllerTaint stamps timeAdded). */
  #taint(node: N): void {
    const now = this.#ctx.clock.iso();
    const added: Taint[] = [
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoExecute', timeAdded: now },
      { key: UNREACHABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: now },
    ];
    const taints = [...(node.spec?.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY), ...added];
    this.#writeTaints(node, taints, `node ${node.metadata.name} is unreachable: tainting it ${UNREACHABLE_TAINT_KEY} (NoExecute, NoSchedule) so pods are evicted and none scheduled there`);
  }

  /** markNodeAsReachable and the NoSchedule pass: the kubelet is back, the taints go. */
  #untaint(node: N): void {
    const taints = (node.spec?.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT_KEY);
    this.#writeTaints(node, taints, `node ${node.metadata.name} is Ready again: removing the ${UNREACHABLE_TAINT_KEY} taints`);
  }

  #writeTaints(node: N, taints: Taint[], why: string): void {
    const { taints: _old, ...spec } = node.spec ?? {};
    const next = { ...node, spec: { ...spec, ...(taints.length ? { taints } : {}) } };
    this.#ctx.api.replace(NODES, next as unknown as KubeObject, NODE_LIFECYCLE_CONTROLLER, why);
  }
}

function readyCondition(node: N): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

function hasUnreachableTaint(node: N): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === UNREACHABLE_TAINT_KEY);
}
