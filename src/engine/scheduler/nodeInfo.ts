// The scheduler's cache (pkg/scheduler/backend/cache and framework.NodeInfo): per node, what
// its bound pods already request and which host ports they hold, and which images sit on
// which nodes, kept up to date from watch events so a scheduling decision never walks every pod.

import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { quantityMilliValue, quantityValue } from '../api/schema/quantity.ts';
import type { PodRequest } from './podResources.ts';
import { podRequest } from './podResources.ts';

export interface NodeInfo {
  node: Stored<Node>;
  /** spec.unschedulable, and the taints that keep pods off (NoSchedule, NoExecute) */
  unschedulable: boolean;
  blockingTaints: readonly Taint[];
  allocatableMilliCpu: number;
  allocatableMemory: number;
  allocatablePods: number;
  requestedMilliCpu: number;
  requestedMemory: number;
  /** requests with the scheduler's non-zero defaults, for scoring */
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
  pods: number;
  hostPorts: Map<string, number>;
  /** image names (as node.status.images lists them) → size in bytes */
  images: Map<string, number>;
}

interface Assigned {
  readonly node: string;
  readonly request: PodRequest;
}

const quantity = (v: string | undefined, parse: (q: string) => number | undefined): number => (v === undefined ? 0 : (parse(v) ?? 0));

/** A node's facts as the filters read them, with no pods counted (for queueing hints). */
export function nodeInfoOf(node: Stored<Node>): NodeInfo {
  const info: NodeInfo = {
    node,
    unschedulable: false,
    blockingTaints: [],
    allocatableMilliCpu: 0,
    allocatableMemory: 0,
    allocatablePods: 0,
    requestedMilliCpu: 0,
    requestedMemory: 0,
    nonZeroMilliCpu: 0,
    nonZeroMemory: 0,
    pods: 0,
    hostPorts: new Map(),
    images: new Map(),
  };
  refresh(info, node);
  return info;
}

function refresh(info: NodeInfo, node: Stored<Node>): void {
  const alloc = (node.status?.allocatable ?? {}) as Record<string, string | undefined>;
  info.node = node;
  info.unschedulable = node.spec?.unschedulable === true;
  info.blockingTaints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  info.allocatableMilliCpu = quantity(alloc['cpu'], quantityMilliValue);
  info.allocatableMemory = quantity(alloc['memory'], quantityValue);
  info.allocatablePods = quantity(alloc['pods'], quantityValue);
}

export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  /** nodes in a stable order, for the round-robin start of each scheduling cycle */
  nodeOrder: NodeInfo[] = [];
  /** how many nodes hold each image name (ImageStateSummary.NumNodes) */
  readonly imageNodes = new Map<string, number>();
  /** every bound, non-terminal pod by key, whether or not its node is known */
  #assigned = new Map<string, Assigned>();

  setNode(node: Stored<Node>): void {
    const name = node.metadata.name;
    const existing = this.nodes.get(name);
    const info = existing ?? nodeInfoOf(node);
    refresh(info, node);
    this.#setImages(info, node);
    if (!existing) {
      this.nodes.set(name, info);
      this.nodeOrder.push(info);
      // Pods may already be bound to a node the cache did not know (it was deleted and has
      // come back, or the pod named it directly): count them now, as the real cache does.
      for (const a of this.#assigned.values()) if (a.node === name) this.#apply(a, 1);
    }
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    for (const image of info.images.keys()) this.#countImage(image, -1);
    this.nodes.delete(name);
    this.nodeOrder = this.nodeOrder.filter((n) => n !== info);
  }

  /** Records where a pod sits (or that it left), from a pod watch event. */
  updatePod(key: string, pod: Stored<Pod> | undefined, request?: PodRequest): void {
    const bound = pod?.spec?.nodeName;
    const terminal = pod?.status?.phase === 'Succeeded' || pod?.status?.phase === 'Failed';
    const prev = this.#assigned.get(key);
    if (prev && (!bound || terminal || prev.node !== bound)) {
      this.#apply(prev, -1);
      this.#assigned.delete(key);
    }
    if (pod && bound && !terminal && !this.#assigned.has(key)) {
      const a = { node: bound, request: request ?? podRequest(pod) };
      this.#assigned.set(key, a);
      this.#apply(a, 1);
    }
  }

  /** Reserves a node for a pod before the binding is written (the scheduler's assume step). */
  assume(key: string, pod: Stored<Pod>, node: string, request?: PodRequest): void {
    this.updatePod(key, { ...pod, spec: { ...pod.spec!, nodeName: node } }, request);
  }

  /** The node a pod is counted on, if any. */
  nodeOf(key: string): string | undefined {
    return this.#assigned.get(key)?.node;
  }

  #setImages(info: NodeInfo, node: Stored<Node>): void {
    const next = new Map<string, number>();
    for (const image of node.status?.images ?? []) for (const n of image.names ?? []) next.set(n, image.sizeBytes ?? 0);
    for (const n of info.images.keys()) if (!next.has(n)) this.#countImage(n, -1);
    for (const n of next.keys()) if (!info.images.has(n)) this.#countImage(n, 1);
    info.images = next;
  }

  #countImage(name: string, delta: 1 | -1): void {
    const n = (this.imageNodes.get(name) ?? 0) + delta;
    if (n <= 0) this.imageNodes.delete(name);
    else this.imageNodes.set(name, n);
  }

  #apply(a: Assigned, sign: 1 | -1): void {
    const info = this.nodes.get(a.node);
    if (!info) return;
    const r = a.request;
    info.requestedMilliCpu += sign * r.milliCpu;
    info.requestedMemory += sign * r.memory;
    info.nonZeroMilliCpu += sign * r.nonZeroMilliCpu;
    info.nonZeroMemory += sign * r.nonZeroMemory;
    info.pods += sign;
    for (const p of r.hostPorts) {
      const n = (info.hostPorts.get(p) ?? 0) + sign;
      if (n <= 0) info.hostPorts.delete(p);
      else info.hostPorts.set(p, n);
    }
  }
}
