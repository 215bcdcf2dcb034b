// What a pod asks of its node, as kubectl computes it on the client: the QoS class
// (kubectl/pkg/util/qos) and summed requests and limits with init containers and sidecars
// (kubectl/pkg/util/resource PodRequestsAndLimits).

import type { Container, Pod } from 'kubernetes-types/core/v1';
import { Quantity } from './quantity.ts';

export type ResourceList = Map<string, Quantity>;

function listOf(raw: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, v] of Object.entries(raw ?? {})) {
    const q = Quantity.parse(String(v));
    if (q) out.set(name, q);
  }
  return out;
}

function addInto(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) {
    const have = list.get(name);
    list.set(name, have ? have.add(q) : q);
  }
}

function maxInto(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const have = list.get(name);
    if (!have || q.cmp(have) > 0) list.set(name, q);
  }
}

const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always';

function podTotals(pod: Pod, pick: (c: Container) => Record<string, unknown> | undefined, overheadOnlyWhereSet: boolean): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(total, listOf(pick(c)));
  // A sidecar runs for the pod's life, so it adds to the total and to every later init step.
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = listOf(pick(c));
    let step: ResourceList;
    if (isSidecar(c)) {
      addInto(total, own);
      addInto(sidecars, own);
      step = sidecars;
    } else {
      step = new Map();
      addInto(step, own);
      addInto(step, sidecars);
    }
    maxInto(initMax, step);
  }
  maxInto(total, initMax);
  const overhead = listOf(pod.spec?.overhead as Record<string, unknown> | undefined);
  if (overheadOnlyWhereSet) {
    for (const [name, q] of overhead) {
      const have = total.get(name);
      if (have && !have.isZero()) total.set(name, have.add(q));
    }
  } else {
    addInto(total, overhead);
  }
  return total;
}

export function podRequestsAndLimits(pod: Pod): { requests: ResourceList; limits: ResourceList } {
  return {
    requests: podTotals(pod, (c) => c.resources?.requests, false),
    limits: podTotals(pod, (c) => c.resources?.limits, true),
  };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** qos.GetPodQOS: status.qosClass when the kubelet set it, otherwise ComputePodQOS. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const zero = Quantity.zero();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const [name, q] of listOf(c.resources?.requests)) {
      if (QOS_RESOURCES.has(name) && q.cmp(zero) > 0) addInto(requests, new Map([[name, q]]));
    }
    const found = new Set<string>();
    for (const [name, q] of listOf(c.resources?.limits)) {
      if (QOS_RESOURCES.has(name) && q.cmp(zero) > 0) {
        found.add(name);
        addInto(limits, new Map([[name, q]]));
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
