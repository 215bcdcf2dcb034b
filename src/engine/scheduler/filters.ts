// The scheduler's filter plugins in kube-scheduler's default order (NodeUnschedulable,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit), each returning the reason
// a node cannot take a pod, worded as the FailedScheduling event words it.

import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './nodeInfo.ts';
import type { PodRequest } from './podResources.ts';

export interface FilterFailure {
  readonly reasons: readonly string[];
  /** whether evicting other pods could help (drives the "preemption:" half of the message) */
  readonly resolvable: boolean;
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function matchesNodeSelector(pod: Pick<Pod, 'spec'>, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some((term) =>
    (term.matchExpressions ?? []).every((e) => {
      const has = k(labels, e.key);
      const val = labels[e.key];
      switch (e.operator) {
        case 'In': return has && (e.values ?? []).includes(val!);
        case 'NotIn': return !has || !(e.values ?? []).includes(val!);
        case 'Exists': return has;
        case 'DoesNotExist': return !has;
        case 'Gt': return has && Number(val) > Number(e.values?.[0]);
        case 'Lt': return has && Number(val) < Number(e.values?.[0]);
        default: return false;
      }
    }),
  );
}

const k = (labels: Record<string, string>, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);

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

/** Runs the filters for one node; undefined means the pod fits. */
export function filterNode(f: PodFilter, info: NodeInfo): FilterFailure | undefined {
  const req = f.req;
  if (info.unschedulable && !f.toleratesUnschedulable) return { reasons: ['node(s) were unschedulable'], resolvable: false };
  for (const taint of info.blockingTaints) {
    if (!tolerates(f.tolerations, taint)) {
      return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], resolvable: false };
    }
  }
  if (f.hasNodeConstraints && !matchesNodeSelector(f.pod, info.node.metadata.labels ?? {})) {
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false };
  }
  if (req.hostPorts.length) for (const p of req.hostPorts) {
    const [proto, ip, port] = p.split('/');
    const wildcard = `${proto}/0.0.0.0/${port}`;
    const clash = info.hostPorts.has(p) || info.hostPorts.has(wildcard) || (ip === '0.0.0.0' && [...info.hostPorts.keys()].some((h) => h.startsWith(`${proto}/`) && h.endsWith(`/${port}`)));
    if (clash) return { reasons: ["node(s) didn't have free ports for the requested pod ports"], resolvable: true };
  }
  const tooMany = info.pods + 1 > info.allocatablePods;
  const cpu = req.milliCpu > 0 && info.requestedMilliCpu + req.milliCpu > info.allocatableMilliCpu;
  const mem = req.memory > 0 && info.requestedMemory + req.memory > info.allocatableMemory;
  if (!tooMany && !cpu && !mem) return undefined;
  const reasons: string[] = [];
  if (tooMany) reasons.push('Too many pods');
  if (cpu) reasons.push('Insufficient cpu');
  if (mem) reasons.push('Insufficient memory');
  return { reasons, resolvable: true };
}

/** `0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 Insufficient cpu. preemption: …` */
export function fitErrorMessage(total: number, failures: readonly FilterFailure[]): string {
  const counts = new Map<string, number>();
  let unresolvable = 0;
  for (const f of failures) {
    for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (!f.resolvable) unresolvable++;
  }
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  const preempt: string[] = [];
  if (unresolvable) preempt.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (failures.length - unresolvable) preempt.push(`${failures.length - unresolvable} No preemption victims found for incoming pod`);
  const head = `0/${total} nodes are available`;
  if (total === 0) return `no nodes available to schedule pods`;
  return `${head}: ${parts.join(', ')}. preemption: ${head}: ${preempt.sort().join(', ')}.`;
}
