// The scheduler's filter plugins in kube-scheduler's default order (NodeUnschedulable,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit), each returning the reason
// a node cannot take a pod, worded as the FailedScheduling event words it
// (pkg/scheduler/framework/plugins/*), and FitError's message (framework/types.go).

import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './nodeInfo.ts';
import type { PodRequest } from './podResources.ts';

export type FilterPlugin = 'NodeUnschedulable' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit';

export interface FilterFailure {
  readonly plugin: FilterPlugin;
  readonly reasons: readonly string[];
  /** Unschedulable (evicting pods could help) rather than UnschedulableAndUnresolvable */
  readonly resolvable: boolean;
}

/** v1helper ToleratesTaint: an empty key with Exists tolerates every taint. */
export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (t.operator === 'Exists') return true;
    if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
    return false;
  });
}

const INTEGER = /^[+-]?\d+$/;
const has = (labels: Record<string, string>, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);

function matchesRequirement(e: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const present = has(labels, e.key);
  const val = labels[e.key] ?? '';
  const values = e.values ?? [];
  switch (e.operator) {
    case 'In': return present && values.includes(val);
    case 'NotIn': return !present || !values.includes(val);
    case 'Exists': return present;
    case 'DoesNotExist': return !present;
    case 'Gt':
    case 'Lt': {
      // Both sides must parse as integers (labels.Requirement with selection.Gt/Lt).
      if (!present || !INTEGER.test(val) || values.length !== 1 || !INTEGER.test(values[0]!)) return false;
      return e.operator === 'Gt' ? Number(val) > Number(values[0]) : Number(val) < Number(values[0]);
    }
    default: return false;
  }
}

/** component-helpers nodeaffinity: an empty term selects nothing; matchFields knows metadata.name. */
function matchesTerm(term: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  if (!exprs.every((e) => matchesRequirement(e, labels))) return false;
  return fields.every((f) => f.key === 'metadata.name' && (f.operator === 'In' || f.operator === 'NotIn') && matchesRequirement(f, { 'metadata.name': nodeName }));
}

/** What the filters need from a pod, worked out once per scheduling cycle rather than per node. */
export interface PodFilter {
  readonly pod: Pick<Pod, 'spec'>;
  readonly req: PodRequest;
  readonly tolerations: readonly Toleration[];
  readonly hasNodeConstraints: boolean;
  readonly toleratesUnschedulable: boolean;
}

export function preparePodFilter(pod: Pick<Pod, 'spec'>, req: PodRequest): PodFilter {
  const tolerations = pod.spec?.tolerations ?? [];
  return {
    pod,
    req,
    tolerations,
    hasNodeConstraints: Object.keys(pod.spec?.nodeSelector ?? {}).length > 0 || !!pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    toleratesUnschedulable: tolerates(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }),
  };
}

type Check = (f: PodFilter, info: NodeInfo) => FilterFailure | undefined;

export const checkUnschedulable: Check = (f, info) =>
  info.unschedulable && !f.toleratesUnschedulable ? { plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'], resolvable: false } : undefined;

export const checkTaints: Check = (f, info) => {
  for (const taint of info.blockingTaints) {
    if (!tolerates(f.tolerations, taint)) {
      return { plugin: 'TaintToleration', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], resolvable: false };
    }
  }
  return undefined;
};

export const checkAffinity: Check = (f, info) => {
  if (!f.hasNodeConstraints) return undefined;
  const labels = info.node.metadata.labels ?? {};
  const spec = f.pod.spec;
  let ok = Object.entries(spec?.nodeSelector ?? {}).every(([k, v]) => has(labels, k) && labels[k] === v);
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (ok && required) ok = required.nodeSelectorTerms.some((t) => matchesTerm(t, labels, info.node.metadata.name));
  return ok ? undefined : { plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
};

/** HostPortInfo.CheckConflict: 0.0.0.0 clashes with every address on the same protocol and port. */
export function portsConflict(wanted: readonly string[], used: { has(key: string): boolean; keys(): Iterable<string> }): boolean {
  for (const p of wanted) {
    const [proto, ip, port] = p.split('/');
    if (used.has(p) || used.has(`${proto}/0.0.0.0/${port}`)) return true;
    if (ip === '0.0.0.0') {
      for (const h of used.keys()) {
        const [hp, , hport] = h.split('/');
        if (hp === proto && hport === port) return true;
      }
    }
  }
  return false;
}

export const checkPorts: Check = (f, info) =>
  f.req.hostPorts.length && portsConflict(f.req.hostPorts, info.hostPorts)
    ? { plugin: 'NodePorts', reasons: ["node(s) didn't have free ports for the requested pod ports"], resolvable: true }
    : undefined;

/** noderesources fitsRequest: pods first, then cpu, then memory; every shortfall is a reason. */
export const checkResources: Check = (f, info) => {
  const req = f.req;
  const tooMany = info.pods + 1 > info.allocatablePods;
  const cpu = req.milliCpu > 0 && req.milliCpu > info.allocatableMilliCpu - info.requestedMilliCpu;
  const memory = req.memory > 0 && req.memory > info.allocatableMemory - info.requestedMemory;
  // The common case (it fits) allocates nothing: this runs for every candidate node.
  if (!tooMany && !cpu && !memory) return undefined;
  const reasons: string[] = [];
  if (tooMany) reasons.push('Too many pods');
  if (cpu) reasons.push('Insufficient cpu');
  if (memory) reasons.push('Insufficient memory');
  return { plugin: 'NodeResourcesFit', reasons, resolvable: true };
};

/** The filters in the default profile's order; the first plugin to reject a node decides. */
export const FILTERS: readonly Check[] = [checkUnschedulable, checkTaints, checkAffinity, checkPorts, checkResources];

/**
 * Whether every filter passes, without building failure reasons: the hot path, run for every
 * candidate node of every pod. `filterNode` says why a node fails.
 */
export function passesFilters(f: PodFilter, info: NodeInfo): boolean {
  if (info.unschedulable && !f.toleratesUnschedulable) return false;
  const taints = info.blockingTaints;
  for (let i = 0; i < taints.length; i++) if (!tolerates(f.tolerations, taints[i]!)) return false;
  if (f.hasNodeConstraints && checkAffinity(f, info)) return false;
  const req = f.req;
  if (req.hostPorts.length && portsConflict(req.hostPorts, info.hostPorts)) return false;
  if (info.pods + 1 > info.allocatablePods) return false;
  if (req.milliCpu > 0 && req.milliCpu > info.allocatableMilliCpu - info.requestedMilliCpu) return false;
  if (req.memory > 0 && req.memory > info.allocatableMemory - info.requestedMemory) return false;
  return true;
}

/** Runs the filters for one node; undefined means the pod fits. */
export function filterNode(f: PodFilter, info: NodeInfo): FilterFailure | undefined {
  for (const check of FILTERS) {
    const failure = check(f, info);
    if (failure) return failure;
  }
  return undefined;
}

/**
 * FitError.Error() followed by the DefaultPreemption PostFilter's own FitError:
 * `0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 Insufficient cpu. preemption: …`.
 * Reasons are counted per node and sorted as strings (sort.Strings), counts included.
 */
export function fitErrorMessage(total: number, failures: readonly FilterFailure[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  let unresolvable = 0;
  for (const f of failures) {
    for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (!f.resolvable) unresolvable++;
  }
  const head = `0/${total} nodes are available`;
  const parts = sortStrings([...counts].map(([r, n]) => `${n} ${r}`));
  // All pods share priority 0, so no node has lower-priority victims to evict.
  const preempt: string[] = [];
  if (unresolvable) preempt.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (failures.length - unresolvable) preempt.push(`${failures.length - unresolvable} No preemption victims found for incoming pod`);
  return `${head}: ${parts.join(', ')}. preemption: ${head}: ${sortStrings(preempt).join(', ')}.`;
}

/** Go's sort.Strings: byte order (JavaScript's default sort compares UTF-16 units, the same for ASCII). */
function sortStrings(xs: string[]): string[] {
  return xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
