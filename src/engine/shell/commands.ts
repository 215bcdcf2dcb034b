// The lab shell's command table: every name a learner can type, mapped to its
// implementation under ./commands/ (coreutils and bash builtins, kubectl, docker, microk8s
// in its preset, the lab's own kubelab/help, and the install chapter's system commands).

import { runKubectl } from './kubectl/kubectl.ts';
import type { CommandFn } from './process.ts';
import type { Shell } from './shell.ts';
import { coreCommands } from './commands/coreutils.ts';
import { curlCommand } from './commands/curl.ts';
import { dockerCommand } from './commands/docker.ts';
import { fileCommands } from './commands/files.ts';
import { trackFileTimes } from './commands/fileTimes.ts';
import { grep } from './commands/grep.ts';
import { labCommands } from './commands/kubelab.ts';
import { lsCommand } from './commands/ls.ts';
import { microk8sCommand } from './commands/microk8s.ts';
import { sort } from './commands/sort.ts';
import { systemCommands } from './commands/system.ts';
import { textCommands } from './commands/text.ts';

/** The snap's dotted aliases, `microk8s.kubectl get pods` and the like. */
const MICROK8S_ALIASES = ['kubectl', 'status', 'enable', 'disable', 'dashboard-proxy'];

export function commandTable(shell: Shell): Map<string, CommandFn> {
  const table = new Map<string, CommandFn>();
  const lookup = (name: string): CommandFn | undefined => table.get(name);
  const add = (commands: Readonly<Record<string, CommandFn>>): void => {
    for (const [name, fn] of Object.entries(commands)) table.set(name, fn);
  };
  trackFileTimes(shell);
  add(coreCommands(shell, lookup));
  add(fileCommands(shell));
  add(textCommands);
  add({ ls: lsCommand(shell), grep, sort });
  table.set('kubectl', (ctx) => runKubectl(shell, ctx, ctx.argv.slice(1)));
  table.set('docker', dockerCommand(shell));
  table.set('curl', curlCommand(shell));
  // MicroK8s exists only on the machine that installed it: the kind preset has no `microk8s`.
  if (shell.cluster.preset.name === 'microk8s') {
    table.set('microk8s', microk8sCommand(shell));
    for (const sub of MICROK8S_ALIASES) table.set(`microk8s.${sub}`, microk8sCommand(shell, sub));
  }
  add(labCommands(shell));
  add(systemCommands(shell, lookup));
  return table;
}
