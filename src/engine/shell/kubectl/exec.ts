// `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]` (kubectl
// pkg/cmd/exec/exec.go): finds the pod (the first of a deployment's by podutils order), the
// container (-c, else the default one), and asks its kubelet to run the command in it. The
// kubelet refuses containers that are not running; the runtime refuses binaries the image lacks.

import type { Container, Pod } from 'kubernetes-types/core/v1';
import { notFound } from '../../api/errors.ts';
import { typeForName } from '../../api/resources.ts';
import { execInContainer, execTargetFor } from '../../node/containerExec.ts';
import type { Proc } from '../process.ts';
import { sleepFor } from '../process.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out } from './client.ts';
import type { FlagSpec } from './flags.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';
import { firstPodFor } from './logsPods.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'pod-running-timeout', kind: 'string' },
];

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

export function* execCmd(k: Kubectl, args: readonly string[]): Proc {
  const flags = parseFlags(args, FLAGS);
  const dash = args.indexOf('--');
  const quiet = flagBool(flags, 'quiet');
  const resource = dash === 0 ? undefined : flags.positional[0];
  let command = flags.rest;
  if (dash < 0 && flags.positional.length > 1) {
    if (!quiet) err(k, 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
    command = flags.positional.slice(1);
  }
  if (!resource) return fail(k, 'error: pod, type/name or --filename must be specified\n');
  if (command.length === 0) return fail(k, 'error: you must specify at least one command for the container\n');
  const namespace = namespaceOf(k, flags);
  const [typeName, name] = resource.includes('/') ? (resource.split('/', 2) as [string, string]) : ['pods', resource];
  const type = typeForName(typeName);
  if (!type) return fail(k, `error: the server doesn't have a resource type "${typeName}"\n`);
  const obj = k.cluster.api.get(type, namespace, name);
  if (!obj) return fail(k, `Error from server (NotFound): ${notFound(type, name).message}\n`);
  let found = obj;
  if (type.kind !== 'Pod') {
    const picked = yield* firstPodFor(k, type, obj, flags, false);
    if (typeof picked === 'string') return fail(k, `error: ${picked}\n`);
    found = picked;
  }
  const pod = found as unknown as Pod;
  const podName = pod.metadata!.name!;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(k, `error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
  const containerName = flagValue(flags, 'container') ?? defaultContainer(k, pod, quiet);
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  if (!all.some((c) => c.name === containerName)) return fail(k, `Error from server (BadRequest): container ${containerName} is not valid for pod ${podName}\n`);
  const nodeName = pod.spec?.nodeName;
  if (!nodeName) return fail(k, `Error from server (BadRequest): pod ${podName} does not have a host assigned\n`);
  const kubelet = k.cluster.nodes.kubelets.get(nodeName);
  if (!kubelet?.alive) return fail(k, `Error from server: error dialing backend: dial tcp ${kubelet?.nodeIP ?? nodeName}:10250: i/o timeout\n`);
  const run = kubelet.pods.get(`${namespace}/${podName}`);
  const container = run && [...run.init, ...run.containers].find((c) => c.name === containerName);
  // The kubelet only finds a container the runtime is running (kubelet server.go getExec).
  if (!run || !container || container.phase !== 'running') return fail(k, `error: unable to upgrade connection: container not found (${JSON.stringify(containerName)})\n`);
  const tty = flagBool(flags, 'stdin') && flagBool(flags, 'tty');
  const target = execTargetFor(k.cluster.api, (req) => k.cluster.kubeProxy.request(req), run, container, tty);
  k.cluster.trace.emit({ component: `kubelet/${nodeName}`, action: 'request', object: { kind: 'Pod', namespace, name: podName }, why: `exec ${command.join(' ')} in container ${containerName}` });
  const result = execInContainer(target, command);
  if ('notFound' in result) {
    // With a TTY the runtime's message comes back over the terminal (stdout), else over stderr.
    (tty ? out : err)(k, `${result.notFound}\n`);
    err(k, 'command terminated with exit code 126\n');
    return 126;
  }
  if (result.waitMs > 0) yield sleepFor(result.waitMs);
  for (const chunk of result.output) (chunk.stream === 'out' || tty ? out : err)(k, chunk.text);
  if (result.exitCode !== 0) err(k, `command terminated with exit code ${result.exitCode}\n`);
  return result.exitCode;
}

function fail(k: Kubectl, text: string): number {
  err(k, text);
  return 1;
}

/** podcmd.FindOrDefaultContainerByName: the annotated default, else the first, saying so when there are several. */
function defaultContainer(k: Kubectl, pod: Pod, quiet: boolean): string {
  const containers: Container[] = pod.spec?.containers ?? [];
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name ?? '';
  if (!quiet && containers.length > 1) {
    const names = [...containers.map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)];
    err(k, `Defaulted container ${JSON.stringify(first)} out of: ${names.join(', ')}\n`);
  }
  return first;
}
