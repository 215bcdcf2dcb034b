// The lab's own commands: `kubelab help|version|time`, `kubelab node stop|start NAME` (a
// machine failing and coming back), `kubelab load` (simulated CPU load), `kubelab addon`
// (the kind preset's MetalLB), and a short `help` in place of bash's long builtin list.
// They describe what the terminal simulates, how its time works, and what it leaves out, in
// the lab's voice rather than imitating a real tool.

import { EPOCH_MS } from '../../clock.ts';
import { isoFromMillis } from '../../clock.ts';
import { KUBERNETES_VERSION } from '../../config.ts';
import type { CommandContext, CommandFn } from '../process.ts';
import type { Shell } from '../shell.ts';
import { addonCommand } from './kubelabAddon.ts';
import { loadCommand } from './kubelabLoad.ts';

export const KUBELAB_VERSION = '0.1.0';

/** Names wrapped into lines of at most 78 characters, two spaces in. */
function wrapNames(names: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const n of names) {
    if (line !== '' && line.length + n.length + 1 > 76) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? n : `${line} ${n}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `  ${l}\n`).join('');
}

function helpText(shell: Shell): string {
  const microk8s = shell.cluster.preset.name === 'microk8s';
  return `kubelab: a Kubernetes learning lab. This terminal drives a simulated cluster
(Kubernetes ${KUBERNETES_VERSION}, ${microk8s ? 'MicroK8s' : 'kind'} preset, ${shell.cluster.preset.nodes.length} node${shell.cluster.preset.nodes.length === 1 ? '' : 's'}).

What is simulated:
  kubectl ...           the cluster's API server, controllers, scheduler and nodes
${microk8s ? '  microk8s kubectl ...  the same kubectl; microk8s status/enable/disable keep the\n                        addon list (addon pods are not simulated)\n' : ''}  docker build|images|tag|push|pull|login|logout
                        images and the lab's Docker Hub (no containers run locally)

Failures:
  kubelab node stop NAME   the node's kubelet stops heartbeating and its pods
                           stop answering, as when the machine dies
  kubelab node start NAME  the machine comes back: its kubelet starts again

Load and autoscaling:
  kubelab load deployment/NAME --cpu=PERCENT   the deployment's pods use PERCENT
                           of their CPU request (also pod/NAME; --idle to stop)
  kubectl top pods|nodes and the HorizontalPodAutoscaler (kubectl autoscale) read
  these figures as metrics-server would report them: averaged over 15s windows.
  ${microk8s ? 'A real MicroK8s cluster needs `microk8s enable metrics-server` first' : 'A real kind cluster has no metrics-server until you install one'}; the
  lab reports metrics either way.

LoadBalancer Services:
  EXTERNAL-IP stays <pending> until a load balancer hands out addresses. The lab's
  is modelled on MetalLB (layer 2): ${microk8s ? 'microk8s enable metallb:10.64.140.43-10.64.140.49' : 'kubelab addon metallb 172.18.255.200-172.18.255.250'}
  Then curl http://EXTERNAL-IP:PORT reaches the Service from this terminal.

Cluster Autoscaler (not simulated):
  On a cloud cluster it watches for pods left Pending because no node has room
  (FailedScheduling), adds a node to the node group, and removes nodes that
  stay underused. Here a Pending pod waits until room frees up: scale something
  down, delete pods or uncordon a node.

Time:
  The cluster runs on a simulated clock. \`sleep 30\` lets 30 simulated seconds
  pass (at once in a script); \`kubectl get -w\` and \`kubectl rollout status\` wait
  on it too. \`kubelab time\` shows the clock.

The shell:
  pipes |, && || ;, redirections > >> < 2>&1, heredocs <<EOF, $VAR and $(...),
  for/while/if. Files live in the lab's own file system (home: /home/learner).

Not simulated: a local Docker engine (docker run, ps), the internet (git clone
has the course repository only), sudo and users (one user, learner).

Commands:
${wrapNames(shell.commandNames())}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function labCommands(shell: Shell): Record<string, CommandFn> {
  const kubelab: CommandFn = (ctx: CommandContext) => {
    const sub = ctx.argv[1] ?? 'help';
    if (sub === 'help' || sub === '--help' || sub === '-h') {
      ctx.io.out(helpText(shell));
      return 0;
    }
    if (sub === 'version' || sub === '--version') {
      ctx.io.out(`kubelab ${KUBELAB_VERSION}\nsimulating Kubernetes ${KUBERNETES_VERSION} (${shell.cluster.preset.name} preset, seed ${shell.cluster.seed})\n`);
      return 0;
    }
    if (sub === 'time') {
      const now = shell.cluster.clock.now;
      const s = Math.floor(now / 1000);
      ctx.io.out(`${isoFromMillis(EPOCH_MS + now)}\nt=${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)} since the cluster started\n`);
      return 0;
    }
    if (sub === 'node') return nodeCommand(shell, ctx);
    if (sub === 'load') return loadCommand(shell, ctx);
    if (sub === 'addon') return addonCommand(shell, ctx);
    ctx.io.err(`kubelab: unknown command "${sub}"\nRun 'kubelab help' for what the lab can do.\n`);
    return 1;
  };
  const help: CommandFn = (ctx) => {
    ctx.io.out(`The lab's shell understands a subset of bash. Its commands:\n${wrapNames(shell.commandNames())}\nType \`kubelab help\` for what is simulated and how time works.\n`);
    return 0;
  };
  return { kubelab, help };
}

/** `kubelab node stop|start NAME`: the node agents' stopNode/startNode. */
function nodeCommand(shell: Shell, ctx: CommandContext): number {
  const [, , action, name, ...extra] = ctx.argv;
  if ((action !== 'stop' && action !== 'start') || !name || extra.length) {
    ctx.io.err('Usage: kubelab node stop|start NAME\n');
    return 1;
  }
  const nodes = shell.cluster.nodes;
  if (!nodes.kubelets.has(name)) {
    ctx.io.err(`kubelab: there is no node "${name}" (nodes: ${[...nodes.kubelets.keys()].join(', ')})\n`);
    return 1;
  }
  if (action === 'stop') {
    if (!nodes.stopNode(name)) {
      ctx.io.err(`kubelab: node ${name} is already stopped\n`);
      return 1;
    }
    const grace = shell.cluster.timings.nodeMonitorGraceMs / 1000;
    ctx.io.out(`kubelab: node ${name} stopped: its kubelet no longer renews its lease or answers, as if the machine died.\nThe node controller marks it NotReady once the lease is older than ${grace}s.\n`);
    return 0;
  }
  if (!nodes.startNode(name)) {
    ctx.io.err(`kubelab: node ${name} is already running\n`);
    return 1;
  }
  ctx.io.out(`kubelab: node ${name} started: its kubelet posts Ready again and syncs its pods.\n`);
  return 0;
}
