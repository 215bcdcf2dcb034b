// The pod row of `kubectl get pods`: READY, STATUS, RESTARTS and the wide columns, a port of
// printPod in kubernetes pkg/printers/internalversion/printers.go (v1.32), including sidecar
// (restartable init container) counting and the `N (11s ago)` restart column.

import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { humanDuration, timestampMillis, translateTimestampSince } from './age.ts';
import type { TableColumn } from './table.ts';

export const podColumns: readonly TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Ready', priority: 0 },
  { name: 'Status', priority: 0 },
  { name: 'Restarts', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

/** node.NodeUnreachablePodReason: set by the node lifecycle controller on pods of a lost node. */
const NODE_LOST = 'NodeLost';

const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

interface Restarts {
  count: number;
  /** latest lastState.terminated.finishedAt, in simulated millis */
  last: number | undefined;
}

function addRestarts(acc: Restarts, status: ContainerStatus): void {
  acc.count += status.restartCount ?? 0;
  const finished = timestampMillis(status.lastState?.terminated?.finishedAt);
  if (finished !== undefined && (acc.last === undefined || finished > acc.last)) acc.last = finished;
}

const conditionTrue = (conditions: readonly PodCondition[], type: string): boolean =>
  conditions.some((c) => c.type === type && c.status === 'True');

/** printers.go isPodInitializedConditionTrue: only the first Initialized condition counts. */
const initializedTrue = (conditions: readonly PodCondition[]): boolean =>
  conditions.find((c) => c.type === 'Initialized')?.status === 'True';

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: Restarts;
}

/** Init containers in order: the first one not done decides `Init:...` (printPod's loop). */
function summarizeInit(pod: Pod, sum: PodSummary, sidecarRestarts: Restarts): boolean {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const total = pod.spec?.initContainers?.length ?? 0;
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i]!;
    addRestarts(sum.restarts, c);
    const sidecar = isRestartable(specs.get(c.name));
    if (sidecar) addRestarts(sidecarRestarts, c);
    const terminated = c.state?.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) sum.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) sum.reason = `Init:${terminated.reason}`;
      else if (terminated.signal) sum.reason = `Init:Signal:${terminated.signal}`;
      else sum.reason = `Init:ExitCode:${terminated.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      sum.reason = `Init:${c.state.waiting.reason}`;
    } else {
      sum.reason = `Init:${i}/${total}`;
    }
    return true;
  }
  return false;
}

/** Regular containers, last to first, so the first container's state wins. */
function summarizeContainers(pod: Pod, sum: PodSummary): void {
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    addRestarts(sum.restarts, c);
    const { waiting, terminated, running } = c.state ?? {};
    if (waiting?.reason) sum.reason = waiting.reason;
    else if (terminated?.reason) sum.reason = terminated.reason;
    else if (terminated) sum.reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
    else if (c.ready && running) {
      hasRunning = true;
      sum.ready++;
    }
  }
  // A pod whose first container completed while another still runs is not "Completed".
  if (sum.reason === 'Completed' && hasRunning) {
    sum.reason = conditionTrue(pod.status?.conditions ?? [], 'Ready') ? 'Running' : 'NotReady';
  }
}

function summarizePod(pod: Pod): PodSummary {
  const conditions = pod.status?.conditions ?? [];
  const phase = pod.status?.phase ?? '';
  const sum: PodSummary = {
    ready: 0,
    total: (pod.spec?.containers?.length ?? 0) + (pod.spec?.initContainers ?? []).filter(isRestartable).length,
    reason: pod.status?.reason || phase,
    restarts: { count: 0, last: undefined },
  };
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) sum.reason = 'SchedulingGated';
  const sidecarRestarts: Restarts = { count: 0, last: undefined };
  const initializing = summarizeInit(pod, sum, sidecarRestarts);
  if (!initializing || initializedTrue(conditions)) {
    // Once initialized, only sidecars' restarts count among the init containers'.
    sum.restarts = sidecarRestarts;
    summarizeContainers(pod, sum);
  }
  if (pod.metadata?.deletionTimestamp) {
    if (pod.status?.reason === NODE_LOST) sum.reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') sum.reason = 'Terminating';
  }
  return sum;
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

export function podRow(obj: KubeObject, now: number): string[] {
  const pod = obj as unknown as Pod;
  const sum = summarizePod(pod);
  const { count, last } = sum.restarts;
  const restarts = count !== 0 && last !== undefined ? `${count} (${humanDuration(now - last)} ago)` : String(count);
  return [
    obj.metadata.name,
    `${sum.ready}/${sum.total}`,
    sum.reason,
    restarts,
    translateTimestampSince(obj.metadata.creationTimestamp, now),
    // The internal type only has podIPs; conversion fills it from podIP.
    pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    readinessGates(pod),
  ];
}
