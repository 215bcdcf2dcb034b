// `kubectl`: finds the subcommand and runs it. Each subcommand lives in its own file and
// parses its own flags; unknown subcommands and flags get kubectl's own errors.

import type { CommandContext, Proc } from '../process.ts';
import type { Shell } from '../shell.ts';
import type { Kubectl } from './client.ts';
import { err } from './client.ts';
import { FlagError } from './flags.ts';
import { KUBECTL_COMMANDS, subcommands } from './subcommands.ts';

export type Subcommand = (k: Kubectl, args: readonly string[]) => Proc | number;

// kubectl names itself `kubectl` in every message (cobra's root command), even under `microk8s kubectl`.
export function* runKubectl(shell: Shell, ctx: CommandContext, args: readonly string[], _invokedAs = 'kubectl'): Proc {
  const k: Kubectl = { cluster: shell.cluster, shell, ctx, name: 'kubectl' };
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    k.ctx.io.out(HELP);
    return 0;
  }
  const fn = subcommands[sub];
  if (!fn) {
    if ((KUBECTL_COMMANDS as readonly string[]).includes(sub)) {
      err(k, `kubelab: \`kubectl ${sub}\` is a real kubectl command that this lab does not simulate yet.\n`);
      return 1;
    }
    err(k, `Error: unknown command "${sub}" for "kubectl"\n`);
    // cobra suggests commands within two edits, or that start with what was typed.
    const near = KUBECTL_COMMANDS.filter((s) => editDistance(s, sub) <= 2 || s.startsWith(sub.toLowerCase()));
    if (near.length) err(k, `\nDid you mean this?\n${near.map((n) => `\t${n}\n`).join('')}`);
    else err(k, `Run 'kubectl --help' for usage.\n`);
    return 1;
  }
  // One trace record for the command: every API request it makes hangs off it.
  const request = shell.cluster.trace.emit({ component: 'kubectl', action: 'request', why: `kubectl ${args.join(' ')}` });
  try {
    const r = shell.cluster.trace.within(request.id, () => fn(k, rest));
    if (typeof r === 'number') return r;
    // A waiting command (get --watch, delete) resumes later: keep its requests under the same record.
    let finished = false;
    try {
      for (let step = shell.cluster.trace.within(request.id, () => r.next()); ; step = shell.cluster.trace.within(request.id, () => r.next())) {
        if (step.done) {
          finished = true;
          return step.value;
        }
        yield step.value;
      }
    } finally {
      // Ctrl-C: let the subcommand clean up (unsubscribe its watches).
      if (!finished) r.return(130);
    }
  } catch (e) {
    if (e instanceof FlagError) {
      err(k, `Error: ${e.message}\nSee 'kubectl ${sub} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

const HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
