// `kubectl describe node` (describe.go describeNode and describeNodeResource): roles,
// taints, lease, conditions, addresses, capacity, system info, the non-terminated pods
// with their share of the node, and the allocated totals.

import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, sortedKeys } from './fields.ts';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter.ts';
import { podRequestsAndLimits, type ResourceList } from './podResources.ts';
import { Quantity } from './quantity.ts';
import { quantityText } from './containers.ts';
import { formatRfc1123z, timestampSince } from './time.ts';

export interface NodeExtras {
  /** Pods bound to the node; Succeeded and Failed ones are left out as kubectl's field selector does. */
  pods: readonly Pod[];
  /** The node's Lease in kube-node-lease, if there is one. */
  lease: Lease | undefined;
  events: readonly Event[] | undefined;
  now: number;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and a non-empty `kubernetes.io/role`. */
function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

export function describeNode(node: Node, extras: NodeExtras): string {
  return tabbedString((w) => {
    const meta = node.metadata ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    describeLease(meta.name ?? '', extras.lease, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRfc1123z(c.lastHeartbeatTime)} \t${formatRfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
      const names = sortedKeys(list);
      if (names.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const name of names) w.write(LEVEL_0, `  ${name}:\t${quantityText(list?.[name])}\n`);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(nonTerminated(extras.pods), node, w, extras.now);
    if (extras.events) describeEvents(extras.events, w, extras.now);
  });
}

function describeLease(nodeName: string, lease: Lease | undefined, w: PrefixWriter): void {
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nodeName}" not found\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatRfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatRfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}

/** The server answers kubectl's `spec.nodeName=…,status.phase!=Succeeded,status.phase!=Failed` in key order. */
function nonTerminated(pods: readonly Pod[]): Pod[] {
  const key = (p: Pod): string => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
  return pods
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Go's int64(float64): truncation, and the amd64 "integer indefinite" for NaN and ±Inf. */
function goInt64(x: number): string {
  return Number.isFinite(x) ? String(Math.trunc(x)) : '-9223372036854775808';
}

const get = (list: ResourceList | Record<string, unknown> | undefined, name: string): Quantity => {
  if (list instanceof Map) return list.get(name) ?? Quantity.zero();
  const raw = list?.[name];
  return (raw === undefined ? undefined : Quantity.parse(String(raw))) ?? Quantity.zero();
};

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const allocCpu = get(allocatable, 'cpu').milliValue();
  const allocMem = get(allocatable, 'memory').value();
  const totalRequests: ResourceList = new Map();
  const totalLimits: ResourceList = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const cell = (q: Quantity, of: number, milli: boolean): string =>
      `${q.toString()} (${goInt64(((milli ? q.milliValue() : q.value()) / of) * 100)}%)`;
    const cpuReq = cell(get(requests, 'cpu'), allocCpu, true);
    const cpuLim = cell(get(limits, 'cpu'), allocCpu, true);
    const memReq = cell(get(requests, 'memory'), allocMem, false);
    const memLim = cell(get(limits, 'memory'), allocMem, false);
    const age = timestampSince(pod.metadata?.creationTimestamp, now);
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cpuReq}\t${cpuLim}\t${memReq}\t${memLim}\t${age}\n`);
    for (const [name, q] of requests) totalRequests.set(name, totalRequests.has(name) ? totalRequests.get(name)!.add(q) : q);
    for (const [name, q] of limits) totalLimits.set(name, totalLimits.has(name) ? totalLimits.get(name)!.add(q) : q);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  // The totals guard against an empty allocatable (the per-pod rows above do not).
  const share = (q: Quantity, of: number, milli: boolean): string => (of === 0 ? '0' : goInt64(((milli ? q.milliValue() : q.value()) / of) * 100));
  const totalRow = (name: string, of: number, milli: boolean): void => {
    const req = get(totalRequests, name);
    const lim = get(totalLimits, name);
    w.write(LEVEL_1, `${name}\t${req.toString()} (${share(req, of, milli)}%)\t${lim.toString()} (${share(lim, of, milli)}%)\n`);
  };
  totalRow('cpu', allocCpu, true);
  totalRow('memory', allocMem, false);
  totalRow('ephemeral-storage', get(allocatable, 'ephemeral-storage').value(), false);
  const names = sortedKeys(allocatable);
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) totalRow(name, get(allocatable, name).value(), false);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n))) {
    w.write(LEVEL_1, `${name}\t${get(totalRequests, name).toString()}\t${get(totalLimits, name).toString()}\n`);
  }
}
