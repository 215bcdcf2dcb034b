// `kubectl logs` (kubectl pkg/cmd/logs/logs.go, polymorphichelpers/logsforobject.go): picks the
// pod (POD, pod/NAME, or the first pod of a deployment, replica set, job… by podutils.ByLogging)
// and the container (-c, the default-container annotation, else the first one), then asks the
// node's kubelet, which answers from the container runtime or refuses as kubelet_pods.go
// validateContainerLogStatus does. -f keeps reading as the simulated clock advances.

import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { notFound } from '../../api/errors.ts';
import { EPOCH_MS, isoFromMillis, millisFromIso } from '../../clock.ts';
import { typeForName } from '../../api/resources.ts';
import type { ContainerRun } from '../../node/containerRun.ts';
import { containerStatus } from '../../node/containerRun.ts';
import type { Proc } from '../process.ts';
import { reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out } from './client.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';
import { INVALID_TIMEOUT, watchTimeout } from './get.ts';
import { firstPodFor, selectorPods } from './logsPods.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'previous', short: 'p', kind: 'bool' },
  { name: 'tail', kind: 'int' },
  { name: 'follow', short: 'f', kind: 'bool' },
  { name: 'timestamps', kind: 'bool' },
  { name: 'all-containers', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'prefix', kind: 'bool' },
  { name: 'max-log-requests', kind: 'int' },
  { name: 'ignore-errors', kind: 'bool' },
  { name: 'pod-running-timeout', kind: 'string' },
];

const usage = (k: Kubectl): string =>
  `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee '${k.name} logs -h' for help and examples`;

export function* logs(k: Kubectl, args: readonly string[]): Proc {
  const flags = parseFlags(args, FLAGS);
  const pos = flags.positional;
  const selector = flagValue(flags, 'selector');
  if ((pos.length === 0 && !selector) || pos.length > 2) return reportErrors(k, [{ message: usage(k) }]);
  if (selector && pos.length === 1) return reportErrors(k, [{ message: `only a selector (-l) or a POD name is allowed\nSee '${k.name} logs -h' for help and examples` }]);
  const container = pos.length === 2 ? pos[1] : flagValue(flags, 'container');
  const timeout = watchTimeout(k, flags);
  if (timeout === 'invalid') return reportErrors(k, [{ message: INVALID_TIMEOUT }]);
  const namespace = namespaceOf(k, flags);
  const options = { flags, container, timeout };
  if (selector) {
    const pods = selectorPods(k, namespace, selector);
    if (!Array.isArray(pods)) return reportErrors(k, [pods]);
    if (pods.length === 0) {
      err(k, `No resources found in ${namespace} namespace.\n`);
      return 0;
    }
    let status = 0;
    // A selector lists at most 10 lines per container unless --tail says otherwise.
    for (const pod of pods) status = Math.max(status, yield* podLogs(k, pod, { ...options, defaultTail: 10, follow: false }));
    return status;
  }
  const target = pos[0]!;
  const [typeName, name] = target.includes('/') ? (target.split('/', 2) as [string, string]) : ['pods', target];
  const type = typeForName(typeName);
  if (!type) return reportErrors(k, [{ message: `the server doesn't have a resource type "${typeName}"` }]);
  const obj = k.cluster.api.get(type, namespace, name);
  // logs.go rewords NotFound itself, so it prints as kubectl's own error.
  if (!obj) return reportErrors(k, [{ message: `error from server (NotFound): ${notFound(type, name).message} in namespace "${namespace}"` }]);
  let pod = obj;
  if (type.kind !== 'Pod') {
    const picked = yield* firstPodFor(k, type, obj, flags);
    if (typeof picked === 'string') return reportErrors(k, [{ message: picked }]);
    pod = picked;
  }
  return yield* podLogs(k, pod, { ...options, defaultTail: -1, follow: flagBool(flags, 'follow') });
}

interface PodLogOptions {
  readonly flags: ParsedFlags;
  readonly container: string | undefined;
  readonly timeout: number | undefined;
  readonly defaultTail: number;
  readonly follow: boolean;
}

/** podcmd.AllContainerNames: `a, b, sidecar (init)`. */
function allContainerNames(pod: Pod): string {
  const spec = pod.spec!;
  return [...spec.containers.map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

function findContainer(pod: Pod, name: string): Container | undefined {
  const spec = pod.spec!;
  return [...spec.containers, ...(spec.initContainers ?? []), ...((spec.ephemeralContainers ?? []) as Container[])].find((c) => c.name === name);
}

function* podLogs(k: Kubectl, obj: KubeObject, o: PodLogOptions): Proc {
  const pod = obj as unknown as Pod;
  const name = obj.metadata.name;
  const spec = pod.spec!;
  let names: string[];
  if (flagBool(o.flags, 'all-containers')) {
    names = [...(spec.initContainers ?? []).map((c) => c.name), ...spec.containers.map((c) => c.name)];
  } else {
    let chosen = o.container;
    const annotated = obj.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (!chosen && annotated) {
      if (findContainer(pod, annotated)) chosen = annotated;
      else err(k, `Default container name ${JSON.stringify(annotated)} not found in pod ${name}\n`);
    }
    if (!chosen) {
      chosen = spec.containers[0]!.name;
      if (spec.containers.length > 1 || spec.initContainers?.length || spec.ephemeralContainers?.length) {
        err(k, `Defaulted container ${JSON.stringify(chosen)} out of: ${allContainerNames(pod)}\n`);
      }
    }
    if (!findContainer(pod, chosen)) return reportErrors(k, [{ message: `container ${chosen} is not valid for pod ${name}` }]);
    names = [chosen];
  }
  // The API server has no kubelet to ask until the pod is scheduled: an empty stream.
  if (!spec.nodeName) return 0;
  for (const c of names) {
    const status = yield* containerLogs(k, obj, c, o);
    if (status !== 0) return status;
  }
  return 0;
}

/** Which runtime record holds the logs kubectl would get (the current run, or the last terminated one). */
function runLogs(c: ContainerRun, previous: boolean): string[] | 'previous' | 'waiting' {
  const st = containerStatus(c);
  const last = st.lastState?.terminated;
  // The runtime keeps a run's lines in `logs` until the restart after a crash back-off.
  const lastLogs = c.phase === 'waiting' && c.waitingReason === 'CrashLoopBackOff' ? c.logs : c.previousLogs;
  if (previous) return last ? lastLogs : 'previous';
  if (st.state?.running || st.state?.terminated) return c.logs;
  if (last) return lastLogs;
  return 'waiting';
}

function waitingError(container: string, pod: string, reason: string | undefined): string {
  if (reason === 'ErrImagePull') return `container "${container}" in pod "${pod}" is waiting to start: image can't be pulled`;
  if (reason === 'ImagePullBackOff') return `container "${container}" in pod "${pod}" is waiting to start: trying and failing to pull image`;
  if (reason === undefined) return `container "${container}" in pod "${pod}" is waiting to start - no logs yet`;
  return `container "${container}" in pod "${pod}" is waiting to start: ${reason}`;
}

/** time.RFC3339Nano: fractional seconds without trailing zeros (none at all on a whole second). */
function rfc3339Nano(ms: number): string {
  const base = isoFromMillis(EPOCH_MS + Math.floor(ms / 1000) * 1000);
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? base.replace('Z', `.${frac}Z`) : base;
}

const badRequest = (message: string): { api: { reason: 'BadRequest'; code: number; message: string } } => ({ api: { reason: 'BadRequest', code: 400, message } });

function* containerLogs(k: Kubectl, obj: KubeObject, container: string, o: PodLogOptions): Proc {
  const pod = obj as unknown as Pod;
  const name = obj.metadata.name;
  const nodeName = pod.spec!.nodeName!;
  const kubelet = k.cluster.nodes.kubelets.get(nodeName);
  const key = `${obj.metadata.namespace}/${name}`;
  if (!kubelet?.alive) {
    const ip = kubelet?.nodeIP ?? nodeName;
    return reportErrors(k, [{ message: `Get "https://${ip}:10250/containerLogs/${key}/${container}": dial tcp ${ip}:10250: connect: connection refused` }]);
  }
  const run = kubelet.pods.get(key);
  const c = run && [...run.init, ...run.containers].find((x) => x.name === container);
  if (!run || run.uid !== obj.metadata.uid) return reportErrors(k, [badRequest(`pod "${name}" cannot be found - no logs available`)]);
  if (!c) return reportErrors(k, [badRequest(`container "${container}" in pod "${name}" is not available`)]);
  const previous = flagBool(o.flags, 'previous');
  const lines = runLogs(c, previous);
  if (lines === 'previous') return reportErrors(k, [badRequest(`previous terminated container "${container}" in pod "${name}" not found`)]);
  if (lines === 'waiting') return reportErrors(k, [badRequest(waitingError(container, name, containerStatus(c).state?.waiting?.reason))]);
  const tailFlag = flagValue(o.flags, 'tail');
  const tail = tailFlag === undefined ? o.defaultTail : Number(tailFlag);
  const stamp = (at: number | undefined): string => (flagBool(o.flags, 'timestamps') ? `${rfc3339Nano(at ?? k.cluster.clock.now)} ` : '');
  const prefix = flagBool(o.flags, 'prefix') ? `[pod/${name}/${container}] ` : '';
  const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  out(k, shown.map((l) => `${prefix}${stamp(c.startedAt ? millisFromIso(c.startedAt) : undefined)}${l}\n`).join(''));
  if (!o.follow || previous || c.phase !== 'running' || lines !== c.logs) return 0;
  return yield* follow(k, c, lines, (l, at) => `${prefix}${stamp(at)}${l}\n`, o.timeout);
}

/** -f: new lines as the container writes them, until it stops (or the request times out). */
function* follow(k: Kubectl, c: ContainerRun, lines: string[], format: (line: string, at: number) => string, timeoutMs: number | undefined): Proc {
  const clock = k.cluster.clock;
  const deadline = timeoutMs === undefined ? Infinity : clock.now + timeoutMs;
  let printed = lines.length;
  const ended = (): boolean => c.logs !== lines || c.phase !== 'running';
  for (;;) {
    if (lines.length > printed) {
      out(k, lines.slice(printed).map((l) => format(l, clock.now)).join(''));
      printed = lines.length;
    }
    if (ended()) return 0;
    const remaining = deadline - clock.now;
    if (remaining <= 0) return 0;
    yield { until: () => lines.length > printed || ended(), timeoutMs: remaining };
  }
}
