// Simulated resource metrics: what the kubelets' resource metrics endpoint and metrics-server
// (metrics.k8s.io, --metric-resolution=15s) report. CPU is a rate averaged over the last
// scrape window, computed lazily on read from the history of `kubelab load` changes: no
// per-pod tick. Memory is the image's idle working set (load moves CPU only).

import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import { quantityMilliValue } from '../api/schema/quantity.ts';
import type { ClusterContext } from '../context.ts';
import { controllerOf } from '../controllers/indexes.ts';
import type { ContainerRun } from './containerRun.ts';
import type { NodeAgents } from './nodeAgents.ts';

/** metrics-server's default --metric-resolution: it scrapes every kubelet this often. */
export const METRIC_RESOLUTION_MS = 15_000;
/** what a container without a CPU request is loaded against (the scheduler's default request) */
export const UNREQUESTED_REFERENCE_MILLI = 100;

export interface ContainerUsage {
  readonly name: string;
  /** nanocores, as metrics-server reports CPU */
  readonly cpuNanos: number;
  /** the same in millicores, rounded up as Quantity.MilliValue rounds */
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

export interface PodUsage {
  /** simulated ms of the scrape these figures come from (the window's end) */
  readonly timestamp: number;
  readonly windowMs: number;
  readonly containers: readonly ContainerUsage[];
}

export interface NodeUsage {
  readonly timestamp: number;
  readonly windowMs: number;
  readonly cpuMilli: number;
  readonly memoryBytes: number;
}

/** a load change: from `at`, pods run at `percent` of their CPU request (undefined: idle) */
interface LoadChange {
  readonly at: number;
  readonly percent: number | undefined;
}

/** System daemons (kubelet, containerd, the control plane's static pods) the lab does not run as pods. */
const NODE_OVERHEAD = {
  controlPlane: { cpuMilli: 120, memoryBytes: 620 * 1024 * 1024 },
  worker: { cpuMilli: 25, memoryBytes: 180 * 1024 * 1024 },
};

const REPLICA_SETS = typeForKind('ReplicaSet')!;
const NODES = typeForKind('Node')!;

export class ResourceMetrics {
  readonly #ctx: ClusterContext;
  readonly #nodes: NodeAgents;
  /** `Deployment/ns/name` or `Pod/ns/name` → its load changes, oldest first */
  readonly #loads = new Map<string, LoadChange[]>();

  constructor(ctx: ClusterContext, nodes: NodeAgents) {
    this.#ctx = ctx;
    this.#nodes = nodes;
  }

  /** The last scrape at or before now: metrics-server serves the figures it took then. */
  lastScrape(now: number = this.#ctx.clock.now): number {
    return Math.floor(now / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;
  }

  /** `kubelab load`: from now on the target's pods use `percent` of their CPU request (undefined: back to idle). */
  setLoad(kind: 'Deployment' | 'Pod', namespace: string, name: string, percent: number | undefined): void {
    const key = `${kind}/${namespace}/${name}`;
    const list = this.#loads.get(key) ?? [];
    const now = this.#ctx.clock.now;
    // Changes older than two windows no longer shape any average (only the last of them,
    // which still holds at the window's start): keep the history short.
    const recent = list.findIndex((c) => c.at > now - 2 * METRIC_RESOLUTION_MS);
    const kept = list.slice(Math.max(0, (recent === -1 ? list.length : recent) - 1));
    kept.push({ at: now, percent });
    this.#loads.set(key, kept);
  }

  /** The load the target was last given, if any. */
  loadOf(kind: 'Deployment' | 'Pod', namespace: string, name: string): number | undefined {
    return this.#loads.get(`${kind}/${namespace}/${name}`)?.at(-1)?.percent;
  }

  /**
   * PodMetrics as metrics.k8s.io serves them: undefined until every container has run for a
   * whole window (metrics-server needs two scrapes to compute a rate), or while its node is down.
   */
  podUsage(pod: Stored<Pod>): PodUsage | undefined {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || !this.#nodes.isAlive(nodeName)) return undefined;
    const ns = pod.metadata.namespace ?? 'default';
    const run = this.#nodes.kubelets.get(nodeName)?.pods.get(`${ns}/${pod.metadata.name}`);
    if (!run || run.uid !== pod.metadata.uid || run.terminating || run.containers.length === 0) return undefined;
    const end = this.lastScrape();
    const start = end - METRIC_RESOLUTION_MS;
    if (run.containers.some((c) => c.phase !== 'running' || c.runStartMs > start)) return undefined;
    return { timestamp: end, windowMs: METRIC_RESOLUTION_MS, containers: this.#containerUsage(pod, run.containers, start, end) };
  }

  /** NodeMetrics: the node's pods (those running through the window) plus its system daemons. */
  nodeUsage(nodeName: string): NodeUsage | undefined {
    const kubelet = this.#nodes.kubelets.get(nodeName);
    if (!kubelet || !kubelet.alive) return undefined;
    const end = this.lastScrape();
    const node = this.#ctx.api.get(NODES, undefined, nodeName);
    const controlPlane = node?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    const base = controlPlane ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker;
    let cpuNanos = base.cpuMilli * 1e6;
    let memoryBytes = base.memoryBytes;
    for (const run of kubelet.pods.values()) {
      const running = run.containers.filter((c) => c.phase === 'running');
      if (running.length === 0) continue;
      for (const u of this.#containerUsage(run.pod, running, end - METRIC_RESOLUTION_MS, end)) {
        cpuNanos += u.cpuNanos;
        memoryBytes += u.memoryBytes;
      }
    }
    return { timestamp: end, windowMs: METRIC_RESOLUTION_MS, cpuMilli: Math.ceil(cpuNanos / 1e6), memoryBytes };
  }

  #containerUsage(pod: Stored<Pod>, runs: readonly ContainerRun[], start: number, end: number): ContainerUsage[] {
    const history = this.#historyFor(pod);
    const specs = new Map<string, Container>((pod.spec?.containers ?? []).map((c) => [c.name, c]));
    return runs.map((c) => {
      const idle = c.behaviour?.idle ?? { cpuMillicores: 0, memoryBytes: 0 };
      const request = specs.get(c.name)?.resources?.requests?.['cpu'];
      const reference = request === undefined ? UNREQUESTED_REFERENCE_MILLI : (quantityMilliValue(request) ?? 0);
      const at = (percent: number | undefined): number => (percent === undefined ? idle.cpuMillicores : (reference * percent) / 100);
      const average = averageOver(history, start, end, at);
      const cpuNanos = Math.round(average * 1e6);
      return { name: c.name, cpuNanos, cpuMilli: Math.ceil(cpuNanos / 1e6), memoryBytes: idle.memoryBytes };
    });
  }

  /** The pod's own load changes and its Deployment's, merged: the latest change wins. */
  #historyFor(pod: Stored<Pod>): LoadChange[] {
    const ns = pod.metadata.namespace ?? 'default';
    const own = this.#loads.get(`Pod/${ns}/${pod.metadata.name}`) ?? [];
    const deployment = this.#deploymentOf(pod);
    const inherited = deployment ? (this.#loads.get(`Deployment/${ns}/${deployment}`) ?? []) : [];
    if (inherited.length === 0) return own;
    if (own.length === 0) return inherited;
    return [...inherited, ...own].sort((a, b) => a.at - b.at);
  }

  #deploymentOf(pod: Stored<Pod>): string | undefined {
    if (this.#loads.size === 0) return undefined;
    const ref = controllerOf(pod);
    if (ref?.kind !== 'ReplicaSet') return undefined;
    const rs = this.#ctx.api.get(REPLICA_SETS, pod.metadata.namespace, ref.name);
    const owner = rs ? controllerOf(rs) : undefined;
    return owner?.kind === 'Deployment' ? owner.name : undefined;
  }
}

/** The time-weighted average of `usage(percent)` over [start, end] for a piecewise-constant history. */
export function averageOver(history: readonly { at: number; percent: number | undefined }[], start: number, end: number, usage: (percent: number | undefined) => number): number {
  let percent: number | undefined;
  let i = 0;
  while (i < history.length && history[i]!.at <= start) percent = history[i++]!.percent;
  let total = 0;
  let from = start;
  for (; i < history.length && history[i]!.at < end; i++) {
    total += (history[i]!.at - from) * usage(percent);
    from = history[i]!.at;
    percent = history[i]!.percent;
  }
  total += (end - from) * usage(percent);
  return end > start ? total / (end - start) : usage(percent);
}
