// `kubelab load deployment/NAME|pod/NAME --cpu=PERCENT|--idle`: the lab's stand-in for real
// traffic. From now on the target's pods burn PERCENT of their CPU request; metrics-server's
// figures (and so `kubectl top` and the HorizontalPodAutoscaler) follow, averaged over 15 s windows

import { typeForKind } from '../../api/resources.ts';
import type { CommandContext } from '../process.ts';
import type { Shell } from '../shell.ts';

const USAGE = 'Usage: kubelab load deployment/NAME|pod/NAME --cpu=PERCENT|--idle [-n NAMESPACE]\n';
const KINDS: Readonly<Record<string, 'Deployment' | 'Pod'>> = { deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment', pod: 'Pod', pods: 'Pod', po: 'Pod' };

export function loadCommand(shell: Shell, ctx: CommandContext): number {
  let target: string | undefined;
  let cpu: string | undefined;
  let idle = false;
  let namespace = shell.env.vars.get('KUBELAB_NAMESPACE') ?? 'default';
  const args = ctx.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--cpu=')) cpu = a.slice(6);
    else if (a === '--cpu') cpu = args[++i];
    else if (a === '--idle') idle = true;
    else if (a === '-n' || a === '--namespace') namespace = args[++i] ?? namespace;
    else if (a.startsWith('--namespace=')) namespace = a.slice(12);
    else if (target === undefined && !a.startsWith('-')) target = a;
    else return usage(ctx);
  }
  const [kindText, name, extra] = (target ?? '').split('/');
  const kind = KINDS[kindText?.toLowerCase() ?? ''];
  if (!kind || !name || extra !== undefined || (cpu === undefined) === !idle) return usage(ctx);
  const percent = cpu === undefined ? undefined : Number(cpu.replace(/%$/, ''));
  if (percent !== undefined && (!Number.isFinite(percent) || percent < 0 || percent > 10_000)) {
    ctx.io.err(`kubelab: --cpu takes a percentage of the pods' CPU request, from 0 to 10000 (got "${cpu}")\n`);
    return 1;
  }
  if (!shell.cluster.api.get(typeForKind(kind)!, namespace, name)) {
    ctx.io.err(`kubelab: there is no ${kind.toLowerCase()} "${name}" in namespace "${namespace}"\n`);
    return 1;
  }
  shell.cluster.metrics.setLoad(kind, namespace, name, percent);
  const whose = kind === 'Deployment' ? `the pods of deployment/${name}` : `pod/${name}`;
  ctx.io.out(
    percent === undefined
      ? `kubelab: ${whose} go back to their image's idle CPU use.\n`
      : `kubelab: ${whose} now use ${percent}% of their CPU request (100m where a container asks for none).\n` +
          `metrics-server averages usage over 15s windows: kubectl top and the autoscaler see it once the next window has passed\n`,
  );
  return 0;
}

function usage(ctx: CommandContext): number {
  ctx.io.err(USAGE);
  return 1;
}
