// The runtime state of one container in one pod on one node, and how it turns into the
// `containerStatuses` entry the kubelet reports (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses).

import type { ContainerStateTerminated, ContainerStatus } from 'kubernetes-types/core/v1';
import type { ScheduledTask } from '../clock.ts';
import type { Program } from './program.ts';
import type { CatalogueImage, ImageBehaviour } from '../registry/image.ts';

export interface TerminatedState {
  readonly exitCode: number;
  readonly reason: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly containerID: string;
  readonly signal?: number;
  readonly message?: string;
}

export interface ContainerRun {
  readonly name: string;
  readonly init: boolean;
  /** the image the spec asks for (an update of a running pod may change it) */
  image: string;
  phase: 'waiting' | 'pulling' | 'creating' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  startedAt?: string;
  terminated?: TerminatedState;
  lastTerminated?: TerminatedState;
  restartCount: number;
  ready: boolean;
  everStarted: boolean;
  containerID?: string;
  imageRef?: string;
  imageID?: string;
  program?: Program;
  /** the image, once pulled or found on the node */
  app?: CatalogueImage;
  /** what the image's process does in this pod (ports, HTTP answers), once started */
  behaviour?: ImageBehaviour;
  ports: readonly number[];
  knownImage: boolean;
  logs: string[];
  previousLogs: string[];
  task?: ScheduledTask;
  crashBackoffMs: number;
  pullBackoffMs: number;
  /** simulated ms when the current run started (for the back-off reset after 10 min) */
  runStartMs: number;
  stopping: boolean;
}

export function newContainerRun(name: string, image: string, init: boolean): ContainerRun {
  return {
    name,
    init,
    image,
    phase: 'waiting',
    waitingReason: init ? 'PodInitializing' : 'ContainerCreating',
    restartCount: 0,
    ready: false,
    everStarted: false,
    ports: [],
    knownImage: true,
    logs: [],
    previousLogs: [],
    crashBackoffMs: 0,
    pullBackoffMs: 0,
    runStartMs: 0,
    stopping: false,
  };
}

function terminatedStatus(t: TerminatedState): ContainerStateTerminated {
  return {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: t.finishedAt,
    reason: t.reason,
    startedAt: t.startedAt,
    ...(t.signal !== undefined ? { signal: t.signal } : {}),
    ...(t.message ? { message: t.message } : {}),
  };
}

export function containerStatus(c: ContainerRun): ContainerStatus {
  const state: ContainerStatus['state'] =
    c.phase === 'running'
      ? { running: { startedAt: c.startedAt! } }
      : c.phase === 'terminated' && c.terminated
        ? { terminated: terminatedStatus(c.terminated) }
        : { waiting: { reason: c.waitingReason, ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } };
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: c.imageRef ?? c.image,
    imageID: c.imageID ?? '',
    lastState: c.lastTerminated ? { terminated: terminatedStatus(c.lastTerminated) } : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.phase === 'running',
    state,
  };
}
