// `kubectl run NAME --image=IMAGE`: creates one pod from flags (kubectl's run generator:
// label run=NAME, one container named NAME, dnsPolicy ClusterFirst, restartPolicy Always).
// With -i/-t/--attach it waits for the container and shows its output; --rm deletes the pod after.

import type { Manifest } from '../../api/objects.ts';
import type { Proc } from '../process.ts';
import { attachToRun } from './runAttach.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS = [
  { name: 'image', kind: 'string' },
  { name: 'port', kind: 'string' },
  { name: 'labels', short: 'l', kind: 'string' },
  { name: 'env', kind: 'strings' },
  { name: 'restart', kind: 'string' },
  { name: 'command', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'image-pull-policy', kind: 'string' },
  { name: 'rm', kind: 'bool' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'annotations', kind: 'strings' },
  { name: 'attach', kind: 'bool' },
  { name: 'quiet', short: 'q', kind: 'bool' },
] as const;

export function run(k: Kubectl, args: readonly string[]): Proc | number {
  const flags = parseFlags(args, FLAGS);
  const name = flags.positional[0];
  if (!name) {
    err(k, `error: NAME is required for run\nSee '${k.name} run -h' for help and examples\n`);
    return 1;
  }
  const image = flagValue(flags, 'image');
  if (!image) {
    err(k, `error: required flag(s) "image" not set\n`);
    return 1;
  }
  const labels = flagValue(flags, 'labels');
  const restart = flagValue(flags, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    err(k, `error: invalid restart policy: ${restart}\n`);
    return 1;
  }
  const argv = [...flags.positional.slice(1), ...flags.rest];
  const port = flagValue(flags, 'port');
  const container: Record<string, unknown> = {
    ...(argv.length ? (flagBool(flags, 'command') ? { command: argv } : { args: argv }) : {}),
    ...(flagValues(flags, 'env').length ? { env: flagValues(flags, 'env').map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) })) } : {}),
    image,
    ...(flagValue(flags, 'image-pull-policy') ? { imagePullPolicy: flagValue(flags, 'image-pull-policy') } : {}),
    name,
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
  };
  const labelMap = labels ? Object.fromEntries(labels.split(',').map((l) => [l.split('=')[0], l.slice(l.indexOf('=') + 1)])) : { run: name };
  const pod: Manifest = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: labelMap, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  const dry = flagValue(flags, 'dry-run');
  const namespace = namespaceOf(k, flags);
  const r = k.cluster.api.create(pod, namespace, { actor: 'kubectl', dryRun: dry === 'server' || (dry !== undefined && dry !== 'none') });
  if (!r.ok) {
    if (r.error.reason === 'AlreadyExists') err(k, `Error from server (AlreadyExists): ${r.error.message}\n`);
    else printApiError(k, r.error);
    return 1;
  }
  const attach = flagBool(flags, 'stdin') || flagBool(flags, 'attach');
  if (attach && !(dry && dry !== 'none')) {
    return attachToRun(k, { namespace, name, remove: flagBool(flags, 'rm'), tty: flagBool(flags, 'tty'), quiet: flagBool(flags, 'quiet'), command: argv });
  }
  out(k, `pod/${name} created${dry === 'server' ? ' (server dry run)' : dry && dry !== 'none' ? ' (dry run)' : ''}\n`);
  return 0;
}
