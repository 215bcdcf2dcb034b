// Turns a pod's runtime state into the PodStatus the kubelet's status manager writes:
// phase (pkg/kubelet getPhase), conditions in the order 1.32 reports them, IPs, start time.

import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { ContainerRun } from './containerRun.ts';
import { containerStatus } from './containerRun.ts';

export interface PodRun {
  readonly key: string;
  readonly uid: string;
  pod: Stored<Pod>;
  readonly hostIP: string;
  podIP?: string;
  startTime?: string;
  sandboxReady: boolean;
  readonly init: ContainerRun[];
  readonly containers: ContainerRun[];
  terminating: boolean;
  /** lastTransitionTime per condition type, kept while the status stays the same */
  readonly transitions: Map<string, { status: string; at: string }>;
  /** the volume manager's current retry delay while a volume cannot be mounted (FailedMount) */
  mountBackoffMs?: number;
  finished: boolean;
}

export function podPhase(run: PodRun): NonNullable<PodStatus['phase']> {
  const policy = run.pod.spec?.restartPolicy ?? 'Always';
  const initPending = run.init.some((c) => !(c.phase === 'terminated' && c.terminated?.exitCode === 0));
  if (initPending) {
    const failed = run.init.some((c) => c.phase === 'terminated' && c.terminated && c.terminated.exitCode !== 0);
    return failed && policy === 'Never' ? 'Failed' : 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of run.containers) {
    if (c.phase === 'running') running++;
    else if (c.phase === 'terminated') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.everStarted) {
      running++; // restarting after a crash counts as running
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === run.containers.length && stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (succeeded === stopped) return 'Succeeded';
    return policy === 'OnFailure' ? 'Running' : 'Failed';
  }
  return 'Pending';
}

function condition(run: PodRun, type: string, ok: boolean, now: string, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = run.transitions.get(type);
  const at = prev && prev.status === status ? prev.at : now;
  if (at !== prev?.at || status !== prev.status) run.transitions.set(type, { status, at });
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: at, status, type };
  if (reason) c['reason'] = reason;
  if (message) c['message'] = message;
  return c as unknown as PodCondition;
}

export function buildPodStatus(run: PodRun, now: string): PodStatus {
  const phase = podPhase(run);
  const initDone = run.init.every((c) => c.phase === 'terminated' && c.terminated?.exitCode === 0);
  const notReady = run.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = notReady.length === 0;
  const unready = `containers with unready status: [${notReady.join(' ')}]`;
  const incompleteInit = run.init.filter((c) => !(c.phase === 'terminated' && c.terminated?.exitCode === 0)).map((c) => c.name);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions: PodCondition[] = [
    condition(run, 'PodReadyToStartContainers', run.sandboxReady && !terminal, now),
    condition(run, 'Initialized', initDone, now, initDone ? undefined : 'ContainersNotInitialized', initDone ? undefined : `containers with incomplete status: [${incompleteInit.join(' ')}]`),
    condition(run, 'Ready', allReady, now, allReady ? (terminal ? 'PodCompleted' : undefined) : terminal ? 'PodCompleted' : 'ContainersNotReady', allReady || terminal ? undefined : unready),
    condition(run, 'ContainersReady', allReady, now, allReady ? (terminal ? 'PodCompleted' : undefined) : terminal ? 'PodCompleted' : 'ContainersNotReady', allReady || terminal ? undefined : unready),
    ...(run.pod.status?.conditions ?? []).filter((c) => c.type === 'PodScheduled'),
  ];
  return {
    conditions,
    containerStatuses: run.containers.map(containerStatus),
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    ...(run.init.length ? { initContainerStatuses: run.init.map(containerStatus) } : {}),
    phase,
    ...(run.podIP ? { podIP: run.podIP, podIPs: [{ ip: run.podIP }] } : {}),
    ...(run.pod.status?.qosClass ? { qosClass: run.pod.status.qosClass } : {}),
    ...(run.startTime ? { startTime: run.startTime } : {}),
  };
}
