// The kubelet of one node: it runs the pods bound to its node. For each pod it creates the
// sandbox (network namespace and IP), then brings up init containers one by one and the app
// containers in order: pull the image (per imagePullPolicy), create, start. It restarts
// crashed containers with back-off, kills them gracefully on deletion, and reports status.

import type { Pod, Secret } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import type { Component } from '../trace.ts';
import type { ContainerRun } from './containerRun.ts';
import { newContainerRun } from './containerRun.ts';
import type { ImageService, PullAttempt } from './images.ts';
import { ImageStore } from './images.ts';
import type { PodIpAllocator } from './ipam.ts';
import type { PodRun } from './podStatus.ts';
import { buildPodStatus } from './podStatus.ts';
import type { ContainerExec } from './program.ts';
import { programFor } from './program.ts';
import { base64Decode } from '../base64.ts';
import { checkMounts, checkEnv } from './volumes.ts';
import { pulledEvent } from '../registry/pullErrors.ts';

const PODS = typeForKind('Pod')!;
const SECRETS = typeForKind('Secret')!;

export class Kubelet {
  /** how the runtime runs a command inside a container (wired by cluster.ts: it needs kube-proxy and DNS) */
  containerExec?: (run: PodRun, c: ContainerRun, argv: readonly string[]) => ReturnType<ContainerExec>;
  readonly nodeName: string;
  readonly nodeIP: string;
  readonly images = new ImageStore();
  readonly pods = new Map<string, PodRun>();
  readonly #ctx: ClusterContext;
  readonly #ips: PodIpAllocator;
  readonly #imageService: ImageService;
  readonly #component: Component;
  alive = true;
  /** what came due while the kubelet was stopped: it picks these up when it starts again */
  #deferred: (() => void)[] = [];

  constructor(ctx: ClusterContext, nodeName: string, nodeIP: string, ips: PodIpAllocator, imageService: ImageService) {
    this.#ctx = ctx;
    this.nodeName = nodeName;
    this.nodeIP = nodeIP;
    this.#ips = ips;
    this.#imageService = imageService;
    this.#component = `kubelet/${nodeName}`;
  }

  /** A pod bound to this node changed (or appeared). */
  podChanged(key: string, pod: Stored<Pod>): void {
    const run = this.pods.get(key);
    if (!run) {
      if (pod.metadata.deletionTimestamp) return this.#finish(key, pod);
      return this.#admit(key, pod);
    }
    if (run.uid !== pod.metadata.uid) return;
    run.pod = pod;
    if (pod.metadata.deletionTimestamp && !run.terminating) return this.#terminate(run);
    if (!run.terminating) this.#applyImageChanges(run);
  }

  /** An update changed a container's image: the kubelet kills it and starts it again with the new one. */
  #applyImageChanges(run: PodRun): void {
    for (const c of [...run.init, ...run.containers]) {
      const wanted = this.#specOf(run, c)?.image;
      if (!wanted || wanted === c.image) continue;
      const wasRunning = c.phase === 'running';
      if (c.task) c.task.cancelled = true;
      delete c.task;
      c.image = wanted;
      if (!wasRunning && !c.everStarted) {
        // Still pulling or backing off: just try the new image.
        c.phase = 'waiting';
        c.pullBackoffMs = 0;
        this.#startContainer(run, c);
        continue;
      }
      this.#event(run, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`, c);
      const stopMs = c.program?.handlesSigterm === false ? (run.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000 : (c.behaviour?.process.stopAfterMs ?? 300);
      c.ready = false;
      this.#writeStatus(run, `container ${c.name} is being restarted with image ${wanted}`);
      this.#at(run, c, stopMs, 'restart with new image', () => {
        const { clock } = this.#ctx;
        c.lastTerminated = { exitCode: c.program?.handlesSigterm === false ? 137 : 0, reason: c.program?.handlesSigterm === false ? 'Error' : 'Completed', startedAt: c.startedAt ?? clock.iso(), finishedAt: clock.iso(), containerID: c.containerID ?? '' };
        c.previousLogs = c.logs;
        c.logs = [];
        c.restartCount++;
        c.phase = 'waiting';
        c.waitingReason = 'ContainerCreating';
        delete c.terminated;
        this.#startContainer(run, c);
      });
    }
  }

  /** The kubelet stops (the machine died): it ignores pod events and its due work waits. */
  stop(): void {
    this.alive = false;
  }

  /**
   * The kubelet starts again: it does the work that came due while it was down, syncs every
   * pod bound to its node (finishing the deletions it missed) and reports their status.
   */
  start(bound: readonly Stored<Pod>[]): void {
    this.alive = true;
    const deferred = this.#deferred;
    this.#deferred = [];
    for (const fn of deferred) fn();
    const present = new Set<string>();
    for (const pod of bound) {
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
      present.add(key);
      this.podChanged(key, pod);
      const run = this.pods.get(key);
      if (run && !run.terminating) this.#writeStatus(run, `the kubelet on ${this.nodeName} started again and reports pod ${pod.metadata.name}`);
    }
    for (const key of [...this.pods.keys()]) if (!present.has(key)) this.podDeleted(key);
  }

  /** Runs `fn` now if the kubelet is up, else when it starts again. */
  #whenAlive(fn: () => void): void {
    if (this.alive) fn();
    else this.#deferred.push(fn);
  }

  /** The pod is gone from the API (force deleted, or our own final delete). */
  podDeleted(key: string): void {
    const run = this.pods.get(key);
    if (!run) return;
    for (const c of [...run.init, ...run.containers]) if (c.task) c.task.cancelled = true;
    if (run.podIP && run.podIP !== this.nodeIP) this.#ips.release(run.podIP);
    this.pods.delete(key);
  }

  #admit(key: string, pod: Stored<Pod>): void {
    const { trace, clock } = this.#ctx;
    const spec = pod.spec!;
    const run: PodRun = {
      key,
      uid: pod.metadata.uid,
      pod,
      hostIP: this.nodeIP,
      startTime: clock.iso(),
      sandboxReady: false,
      init: (spec.initContainers ?? []).map((c) => newContainerRun(c.name, c.image ?? '', true)),
      containers: spec.containers.map((c) => newContainerRun(c.name, c.image ?? '', false)),
      terminating: false,
      transitions: new Map(),
      finished: false,
    };
    this.pods.set(key, run);
    trace.emit({ component: this.#component, action: 'watch-notify', object: this.#ref(pod), why: `pod ${pod.metadata.name} was bound to ${this.nodeName}: this kubelet will run it` });
    this.#writeStatus(run, `pod ${pod.metadata.name} accepted: containers are being created`);
    this.#at(run, undefined, this.#ctx.timings.sandboxMs, 'sandbox', () => this.#createSandbox(run));
  }

  #createSandbox(run: PodRun): void {
    const failed = checkMounts(run.pod, this.#ctx.api);
    if (failed.length > 0) {
      for (const message of failed) this.#event(run, 'Warning', 'FailedMount', message);
      // A failed mount is retried with exponential back-off: 500ms, doubling, at most 2m2s
      // (nestedpendingoperations' initialDurationBeforeRetry / maxDurationBeforeRetry).
      run.mountBackoffMs = run.mountBackoffMs === undefined ? 500 : Math.min(run.mountBackoffMs * 2, 122_000);
      this.#at(run, undefined, run.mountBackoffMs, 'retry mount', () => this.#createSandbox(run));
      return;
    }
    const ip = run.pod.spec?.hostNetwork ? this.nodeIP : this.#ips.allocate();
    if (!ip) {
      this.#event(run, 'Warning', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set');
      return;
    }
    run.podIP = ip;
    run.sandboxReady = true;
    this.#ctx.trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'allocate-ip', object: this.#ref(run.pod), why: `created the pod sandbox (pause container, network namespace) with IP ${ip}` });
    this.#writeStatus(run, `pod ${run.pod.metadata.name} has its sandbox and IP ${ip}`);
    this.#advance(run);
  }

  /**
   * Starts whatever the pod should run next: the first unfinished init container, else the
   * next app container. SyncPod starts app containers one after another in spec order, each
   * start blocking on its image pull (kuberuntime_manager.go), so while one is pulling or
   * being created the later ones wait; one that failed (back-off) does not hold the rest.
   */
  #advance(run: PodRun): void {
    if (run.terminating || !run.sandboxReady) return;
    for (const c of run.init) {
      if (c.phase === 'terminated' && c.terminated?.exitCode === 0) continue;
      if (c.phase === 'waiting' && !c.task) this.#startContainer(run, c);
      return;
    }
    for (const c of run.containers) {
      if (c.phase === 'pulling' || c.phase === 'creating') return;
      if (c.phase === 'waiting' && !c.task && !c.everStarted && c.waitingReason === 'ContainerCreating') return this.#startContainer(run, c);
    }
  }

  #startContainer(run: PodRun, c: ContainerRun): void {
    const spec = this.#specOf(run, c);
    const policy = spec?.imagePullPolicy ?? 'IfNotPresent';
    const present = this.images.has(c.image);
    if (policy === 'Never' && !present) {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      this.#waiting(run, c, 'ErrImageNeverPull', msg);
      this.#event(run, 'Warning', 'ErrImageNeverPull', msg, c);
      return this.#advance(run);
    }
    if (present && policy !== 'Always') {
      const info = this.#imageService.inspect(c.image);
      if (info.ok) this.#adopt(c, info);
      this.#event(run, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, c);
      return this.#create(run, c);
    }
    this.#pull(run, c);
  }

  #pull(run: PodRun, c: ContainerRun): void {
    const { trace } = this.#ctx;
    const secrets = this.#pullSecrets(run);
    const attempt = this.#imageService.pull(c.image, secrets);
    if (!attempt.ok && attempt.reason === 'InvalidImageName') {
      this.#waiting(run, c, 'InvalidImageName', attempt.message);
      this.#event(run, 'Warning', attempt.event.reason, attempt.event.message, c);
      this.#event(run, 'Warning', 'Failed', 'Error: InvalidImageName', c);
      return this.#advance(run);
    }
    c.phase = 'pulling';
    this.#event(run, 'Normal', 'Pulling', `Pulling image "${c.image}"`, c);
    trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'pull-image', object: this.#ref(run.pod), why: `pulling image ${c.image} for container ${c.name}${attempt.ok && !attempt.known ? ' (not in the lab\'s catalogue: it will run as a generic container)' : ''}` });
    const cached = this.images.has(c.image);
    const pullMs = attempt.ok ? (cached ? 300 + (attempt.sizeBytes % 400) : Math.round((attempt.sizeBytes / this.#ctx.timings.pullBytesPerSecond) * 1000) + 400) : 900;
    this.#at(run, c, pullMs, 'pull', () => {
      if (!attempt.ok) return this.#pullFailed(run, c, attempt);
      this.images.add(c.image, attempt.ref, attempt.sizeBytes);
      this.#adopt(c, attempt);
      c.pullBackoffMs = 0;
      trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'image-pulled', object: this.#ref(run.pod), why: `image ${attempt.ref} is on ${this.nodeName} now` });
      this.#event(run, 'Normal', 'Pulled', pulledEvent(c.image, pullMs, pullMs, attempt.sizeBytes), c);
      this.#create(run, c);
    });
  }

  #pullFailed(run: PodRun, c: ContainerRun, failure: Extract<PullAttempt, { ok: false }>): void {
    const { trace, timings } = this.#ctx;
    const { message, hint } = failure;
    trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'pull-failed', object: this.#ref(run.pod), why: `could not pull ${c.image}${hint ? ` (${hint})` : ''}: ${message}` });
    this.#event(run, 'Warning', failure.event.reason, failure.event.message, c);
    this.#event(run, 'Warning', 'Failed', 'Error: ErrImagePull', c);
    this.#waiting(run, c, 'ErrImagePull', message);
    this.#advance(run);
    c.pullBackoffMs = c.pullBackoffMs === 0 ? timings.backOffInitialMs : Math.min(c.pullBackoffMs * 2, timings.backOffMaxMs);
    // The next sync finds the container in back-off and says so.
    this.#at(run, c, 1_000, 'image back-off', () => {
      this.#event(run, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, c);
      this.#event(run, 'Warning', 'Failed', 'Error: ImagePullBackOff', c);
      this.#waiting(run, c, 'ImagePullBackOff', `Back-off pulling image "${c.image}": ErrImagePull: ${message}`);
      this.#at(run, c, c.pullBackoffMs - 1_000, 'retry pull', () => this.#pull(run, c));
    });
  }

  #create(run: PodRun, c: ContainerRun): void {
    const spec = this.#specOf(run, c);
    const envProblem = spec ? checkEnv(spec, run.pod, this.#ctx.api) : undefined;
    if (envProblem) {
      this.#waiting(run, c, 'CreateContainerConfigError', envProblem);
      this.#event(run, 'Warning', 'Failed', `Error: ${envProblem}`, c);
      this.#at(run, c, 10_000, 'retry create', () => this.#create(run, c));
      return this.#advance(run);
    }
    c.phase = 'creating';
    this.#at(run, c, this.#ctx.timings.containerCreateMs, 'create', () => {
      c.containerID = `containerd://${this.#ctx.random.hex(64)}`;
      this.#ctx.trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'create-container', object: this.#ref(run.pod), why: `created container ${c.name} from ${c.imageRef ?? c.image}` });
      this.#event(run, 'Normal', 'Created', `Created container: ${c.name}`, c);
      this.#at(run, c, this.#ctx.timings.containerStartMs, 'start', () => this.#started(run, c));
    });
  }

  #started(run: PodRun, c: ContainerRun): void {
    const { clock, trace } = this.#ctx;
    const spec = this.#specOf(run, c);
    const behaviour = c.app?.behave({
      hostname: run.pod.metadata.name,
      ...(run.podIP ? { podIP: run.podIP } : {}),
      startedAt: clock.iso(),
      ...(spec?.args && !spec.command ? { args: spec.args } : {}),
    });
    if (behaviour) c.behaviour = behaviour;
    const exec = this.containerExec;
    const program = programFor(behaviour?.process ?? { startLogs: [], handlesSigterm: true, hasShell: true }, spec?.command, spec?.args, exec && ((argv) => exec(run, c, argv)));
    c.program = program;
    c.ports = behaviour?.listens.map((l) => l.port) ?? [];
    c.phase = 'running';
    c.everStarted = true;
    c.startedAt = clock.iso();
    c.runStartMs = clock.now;
    c.ready = !c.init && !spec?.readinessProbe;
    c.logs = [...program.logs];
    delete c.waitingMessage;
    trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'start-container', object: this.#ref(run.pod), why: `started container ${c.name}${c.knownImage ? '' : ' (a generic container: the image is not in the lab\'s catalogue)'}` });
    this.#event(run, 'Normal', 'Started', `Started container ${c.name}`, c);
    if (program.exitAfterMs !== undefined) {
      this.#at(run, c, Math.max(program.exitAfterMs, 50), 'exit', () => this.#exited(run, c, program.exitCode, [...program.exitLogs]));
    }
    const probe = spec?.readinessProbe;
    if (probe && !c.init) {
      const delay = ((probe.initialDelaySeconds ?? 0) + 1) * 1000;
      this.#at(run, c, delay, 'readiness probe', () => {
        c.ready = true;
        this.#writeStatus(run, `container ${c.name} passed its readiness probe`);
      });
    }
    this.#writeStatus(run, `container ${c.name} is running`);
    this.#advance(run);
  }

  #exited(run: PodRun, c: ContainerRun, exitCode: number, exitLogs: string[]): void {
    const { clock, timings, trace } = this.#ctx;
    c.logs.push(...exitLogs);
    const t = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: c.startedAt!, finishedAt: clock.iso(), containerID: c.containerID ?? '' };
    c.phase = 'terminated';
    c.terminated = t;
    c.ready = false;
    trace.emit({ component: `container-runtime/${this.nodeName}`, action: 'container-exited', object: this.#ref(run.pod), why: `container ${c.name} exited with code ${exitCode}` });
    const policy = run.pod.spec?.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (c.init && exitCode === 0) {
      this.#writeStatus(run, `init container ${c.name} completed`);
      return this.#advance(run);
    }
    if (!restart) {
      this.#writeStatus(run, `container ${c.name} finished (restartPolicy ${policy})`);
      return;
    }
    if (clock.now - c.runStartMs >= timings.backOffResetMs) c.crashBackoffMs = 0;
    const delay = c.crashBackoffMs;
    c.crashBackoffMs = delay === 0 ? timings.backOffInitialMs : Math.min(delay * 2, timings.backOffMaxMs);
    this.#writeStatus(run, `container ${c.name} exited with code ${exitCode}`);
    const restartNow = (): void => {
      c.lastTerminated = t;
      delete c.terminated;
      c.previousLogs = c.logs;
      c.logs = [];
      c.restartCount++;
      c.phase = 'waiting';
      c.waitingReason = 'ContainerCreating';
      this.#startContainer(run, c);
    };
    if (delay === 0) {
      this.#at(run, c, 1_000, 'restart', restartNow);
      return;
    }
    const pod = `${run.pod.metadata.name}_${run.pod.metadata.namespace}(${run.uid})`;
    this.#at(run, c, 1_000, 'crash back-off', () => {
      c.lastTerminated = t;
      delete c.terminated;
      c.phase = 'waiting';
      c.waitingReason = 'CrashLoopBackOff';
      c.waitingMessage = `back-off ${delay / 1000 >= 60 ? `${Math.floor(delay / 60000)}m${(delay % 60000) / 1000}s` : `${delay / 1000}s`} restarting failed container=${c.name} pod=${pod}`;
      this.#event(run, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod}`, c);
      this.#writeStatus(run, `container ${c.name} keeps crashing: waiting ${delay / 1000}s before restarting it`);
      this.#at(run, c, delay - 1_000, 'restart', () => {
        c.terminated = t;
        restartNow();
      });
    });
  }

  /** Graceful termination: SIGTERM each container, SIGKILL at the end of the grace period. */
  #terminate(run: PodRun): void {
    const { clock } = this.#ctx;
    run.terminating = true;
    const meta = run.pod.metadata;
    const graceEnd = Math.max(0, (meta.deletionGracePeriodSeconds ?? 0) * 1000);
    this.#ctx.trace.emit({ component: this.#component, action: 'kill-container', object: this.#ref(run.pod), why: `pod ${meta.name} is being deleted: stopping its containers (grace period ${meta.deletionGracePeriodSeconds ?? 0}s)` });
    let remaining = 0;
    const done = (): void => {
      remaining--;
      if (remaining <= 0) this.#finish(run.key, run.pod);
    };
    for (const c of [...run.init, ...run.containers]) {
      if (c.task) c.task.cancelled = true;
      delete c.task;
      if (c.phase !== 'running') continue;
      remaining++;
      c.stopping = true;
      this.#event(run, 'Normal', 'Killing', `Stopping container ${c.name}`, c);
      const graceful = c.program?.handlesSigterm ?? true;
      const process = c.behaviour?.process;
      const stopMs = graceful ? Math.min(graceEnd, process?.stopAfterMs ?? 300) : graceEnd;
      clock.after(stopMs, `kubelet/${this.nodeName}: stop ${c.name}`, () => this.#whenAlive(() => {
        c.phase = 'terminated';
        c.ready = false;
        c.terminated = { exitCode: graceful ? (process?.stopExitCode ?? 0) : 137, reason: graceful ? 'Completed' : 'Error', startedAt: c.startedAt ?? clock.iso(), finishedAt: clock.iso(), containerID: c.containerID ?? '' };
        done();
      }));
    }
    if (remaining === 0) clock.after(100, `kubelet/${this.nodeName}: pod ${meta.name} stopped`, () => this.#whenAlive(() => this.#finish(run.key, run.pod)));
    else this.#writeStatus(run, `stopping the containers of ${meta.name}`);
  }

  /** Every container has stopped: the kubelet confirms the deletion (grace period 0). */
  #finish(key: string, pod: Stored<Pod>): void {
    const run = this.pods.get(key);
    if (run) run.finished = true;
    const current = this.#ctx.api.get(PODS, pod.metadata.namespace, pod.metadata.name);
    if (current && current.metadata.uid === pod.metadata.uid) this.#ctx.api.remove(PODS, current, this.#component);
    this.podDeleted(key);
  }

  #pullSecrets(run: PodRun): string[] {
    const out: string[] = [];
    const missing: string[] = [];
    for (const ref of run.pod.spec?.imagePullSecrets ?? []) {
      const s = this.#ctx.api.get(SECRETS, run.pod.metadata.namespace, ref.name ?? '') as Stored<Secret> | undefined;
      const data = s?.data?.['.dockerconfigjson'] ?? s?.data?.['.dockercfg'];
      const json = data ? base64Decode(data) : undefined;
      if (json) out.push(json);
      else missing.push(ref.name ?? '');
    }
    if (missing.length) {
      this.#event(run, 'Warning', 'FailedToRetrieveImagePullSecret', `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`);
    }
    return out;
  }

  #adopt(c: ContainerRun, info: Extract<PullAttempt, { ok: true }>): void {
    c.imageRef = info.ref;
    c.imageID = info.imageId;
    c.knownImage = info.known;
    c.app = info.image;
  }

  #specOf(run: PodRun, c: ContainerRun): NonNullable<Pod['spec']>['containers'][number] | undefined {
    const list = c.init ? run.pod.spec?.initContainers : run.pod.spec?.containers;
    return list?.find((x) => x.name === c.name);
  }

  #waiting(run: PodRun, c: ContainerRun, reason: string, message: string): void {
    c.phase = 'waiting';
    c.waitingReason = reason;
    c.waitingMessage = message;
    this.#writeStatus(run, `container ${c.name} is waiting: ${reason}`);
  }

  #at(run: PodRun, c: ContainerRun | undefined, delayMs: number, what: string, fn: () => void): void {
    const cause = this.#ctx.trace.current;
    const task = this.#ctx.clock.after(Math.max(0, delayMs), `kubelet/${this.nodeName}: ${what} ${run.pod.metadata.name}`, () => {
      if (!this.alive) {
        this.#deferred.push(() => {
          if (task.cancelled) return;
          if (c) delete c.task;
          if (run.terminating || this.pods.get(run.key) !== run) return;
          this.#ctx.trace.within(cause, fn);
        });
        return;
      }
      if (c) delete c.task;
      if (run.terminating || this.pods.get(run.key) !== run) return;
      this.#ctx.trace.within(cause, fn);
    });
    if (c) c.task = task;
  }

  #event(run: PodRun, type: 'Normal' | 'Warning', reason: string, message: string, c?: ContainerRun): void {
    const fieldPath = c ? `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` : undefined;
    this.#ctx.events.record(run.pod as unknown as KubeObject, type, reason, message, { component: 'kubelet', host: this.nodeName }, fieldPath);
  }

  #writeStatus(run: PodRun, why: string): void {
    const { api, clock } = this.#ctx;
    const current = api.get(PODS, run.pod.metadata.namespace, run.pod.metadata.name) as Stored<Pod> | undefined;
    if (!current || current.metadata.uid !== run.uid) return;
    run.pod = current;
    const status = buildPodStatus(run, clock.iso());
    const next = { ...(current as unknown as KubeObject), status };
    run.pod = api.replace(PODS, next, this.#component, `kubelet on ${this.nodeName} reports: ${why}`) as unknown as Stored<Pod>;
  }

  #ref(pod: Stored<Pod>): { kind: string; namespace: string; name: string } {
    return { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name };
  }
}
