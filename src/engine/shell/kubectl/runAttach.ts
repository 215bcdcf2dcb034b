// `kubectl run -it [--rm] NAME --image=… -- COMMAND` after the pod is created (kubectl
// pkg/cmd/run/run.go: waitForPod, then attach, then removeCreatedObjects): waits for the
// container, shows what it printed, deletes the pod with --rm, and fails with its exit code.

import type { Pod } from 'kubernetes-types/core/v1';
import { typeForKind } from '../../api/resources.ts';
import type { Proc } from '../process.ts';
import type { Kubectl } from './client.ts';
import { err, out } from './client.ts';

const PODS = typeForKind('Pod')!;
/** --pod-running-timeout defaults to one minute for run */
const POD_RUNNING_TIMEOUT_MS = 60_000;
/** how long the lab lets a one-off command run before it stops waiting for it */
const COMMAND_WAIT_MS = 300_000;

export interface AttachOptions {
  readonly namespace: string;
  readonly name: string;
  readonly remove: boolean;
  readonly tty: boolean;
  readonly quiet: boolean;
  readonly command: readonly string[];
}

export function* attachToRun(k: Kubectl, o: AttachOptions): Proc {
  const pod = (): Pod | undefined => k.cluster.api.get(PODS, o.namespace, o.name) as unknown as Pod | undefined;
  const terminated = (): { exitCode: number; reason?: string } | undefined => {
    const s = pod()?.status?.containerStatuses?.[0];
    return s?.state?.terminated ?? s?.lastState?.terminated;
  };
  yield { until: () => pod()?.status?.phase !== 'Pending' || terminated() !== undefined, timeoutMs: POD_RUNNING_TIMEOUT_MS };
  if (pod()?.status?.phase === 'Pending' && !terminated()) {
    err(k, 'error: timed out waiting for the condition\n');
    return 1;
  }
  const interactiveShell = o.command.length === 0 || (o.command.length === 1 && /(^|\/)(sh|bash|ash)$/.test(o.command[0]!));
  if (o.tty && !o.quiet) err(k, "If you don't see a command prompt, try pressing enter.\n");
  if (interactiveShell) {
    err(k, `kubelab: an interactive shell inside a container is not simulated yet; give the pod a command instead: kubectl run ${o.name} --image=… --rm -it --restart=Never -- COMMAND\n`);
  } else {
    yield { until: () => terminated() !== undefined, timeoutMs: COMMAND_WAIT_MS };
    const logs = containerLogs(k, o.namespace, o.name);
    if (logs.length) out(k, `${logs.join('\n')}\n`);
  }
  const ended = terminated();
  if (o.remove) {
    const r = k.cluster.api.delete(PODS, o.namespace, o.name, { actor: 'kubectl' });
    if (r.ok) out(k, `pod "${o.name}" deleted\n`);
  }
  if (ended && ended.exitCode !== 0) {
    err(k, `pod ${o.namespace}/${o.name} terminated (${ended.reason ?? 'Error'})\n`);
    return ended.exitCode;
  }
  return 0;
}

/** What the container printed, as the kubelet's runtime kept it. */
function containerLogs(k: Kubectl, namespace: string, name: string): readonly string[] {
  for (const kubelet of k.cluster.nodes.kubelets.values()) {
    const run = kubelet.pods.get(`${namespace}/${name}`);
    const c = run?.containers[0];
    if (c) return c.phase === 'terminated' || c.logs.length ? c.logs : c.previousLogs;
  }
  return [];
}
