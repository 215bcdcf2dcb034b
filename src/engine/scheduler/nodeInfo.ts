// The scheduler's cache (pkg/scheduler/framework NodeInfo): per node, what its bound pods
// already request and which host ports they hold, kept up to date from pod watch events
// so a scheduling decision never walks every pod.

import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { parseQuantity } from '../api/schema/quantity.ts';
import type { PodRequest } from './podResources.ts';
import { DEFAULT_MEMORY, DEFAULT_MILLI_CPU, podRequest } from './podResources.ts';

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
  images: Set<string>;
}

interface Assigned {
  readonly node: string;
  readonly request: PodRequest;
}

export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  /** nodes in a stable order, for the round-robin start of each scheduling cycle */
  nodeOrder: NodeInfo[] = [];
  #assigned = new Map<string, Assigned>();

  setNode(node: Stored<Node>): void {
    const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
    const existing = this.nodes.get(node.metadata.name);
    const info: NodeInfo = existing ?? {
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
      images: new Set(),
    };
    info.node = node;
    info.unschedulable = node.spec?.unschedulable === true;
    info.blockingTaints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    info.allocatableMilliCpu = Math.round((parseQuantity(alloc['cpu'] ?? '0') ?? 0) * 1000);
    info.allocatableMemory = parseQuantity(alloc['memory'] ?? '0') ?? 0;
    info.allocatablePods = parseQuantity(alloc['pods'] ?? '110') ?? 110;
    info.images = new Set((node.status?.images ?? []).flatMap((i) => i.names ?? []));
    if (!existing) {
      this.nodes.set(node.metadata.name, info);
      this.nodeOrder.push(info);
    }
  }

  removeNode(name: string): void {
    this.nodes.delete(name);
    this.nodeOrder = this.nodeOrder.filter((n) => n.node.metadata.name !== name);
  }

  /** Records where a pod sits (or that it left), from a pod watch event. */
  updatePod(key: string, pod: Stored<Pod> | undefined): void {
    const bound = pod?.spec?.nodeName;
    const terminal = pod?.status?.phase === 'Succeeded' || pod?.status?.phase === 'Failed';
    const prev = this.#assigned.get(key);
    if (prev && (!bound || terminal || prev.node !== bound)) {
      this.#apply(prev, -1);
      this.#assigned.delete(key);
    }
    if (pod && bound && !terminal && !this.#assigned.has(key)) {
      const a = { node: bound, request: podRequest(pod) };
      this.#assigned.set(key, a);
      this.#apply(a, 1);
    }
  }

  /** Reserves a node for a pod before the binding is written (the scheduler's assume step). */
  assume(key: string, pod: Stored<Pod>, node: string): void {
    this.updatePod(key, { ...pod, spec: { ...pod.spec!, nodeName: node } });
  }

  #apply(a: Assigned, sign: 1 | -1): void {
    const info = this.nodes.get(a.node);
    if (!info) return;
    const r = a.request;
    info.requestedMilliCpu += sign * r.milliCpu;
    info.requestedMemory += sign * r.memory;
    info.nonZeroMilliCpu += sign * (r.milliCpu || DEFAULT_MILLI_CPU);
    info.nonZeroMemory += sign * (r.memory || DEFAULT_MEMORY);
    info.pods += sign;
    for (const p of r.hostPorts) {
      const n = (info.hostPorts.get(p) ?? 0) + sign;
      if (n <= 0) info.hostPorts.delete(p);
      else info.hostPorts.set(p, n);
    }
  }
}
