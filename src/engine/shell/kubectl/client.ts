// What every kubectl subcommand shares: the cluster it talks to, the namespace in effect,
// resource-name lookup (`po`, `pods`, `deploy`…), and how API errors are printed
// (k8s.io/kubectl/pkg/cmd/util/helpers.go CheckErr).

import type { Cluster } from '../../cluster.ts';
import type { StatusError } from '../../api/errors.ts';
import type { ResourceType } from '../../api/resources.ts';
import { typeForName } from '../../api/resources.ts';
import type { CommandContext } from '../process.ts';
import type { Shell } from '../shell.ts';
import type { ParsedFlags } from './flags.ts';
import { flagBool, flagValue } from './flags.ts';

export interface Kubectl {
  readonly cluster: Cluster;
  readonly shell: Shell;
  readonly ctx: CommandContext;
  /** `kubectl` or `microk8s kubectl`, for help texts */
  readonly name: string;
}

export const out = (k: Kubectl, text: string): void => k.ctx.io.out(text);
export const err = (k: Kubectl, text: string): void => k.ctx.io.err(text);

export function namespaceOf(k: Kubectl, flags: ParsedFlags): string {
  return flagValue(flags, 'namespace') ?? k.shell.env.vars.get('KUBELAB_NAMESPACE') ?? 'default';
}

export const allNamespaces = (flags: ParsedFlags): boolean => flagBool(flags, 'all-namespaces');

/** Looks up a resource name as typed; prints kubectl's error and returns undefined when unknown. */
export function resolveType(k: Kubectl, name: string): ResourceType | undefined {
  const t = typeForName(name);
  if (!t) err(k, `error: the server doesn't have a resource type "${name}"\n`);
  return t;
}

/** Prints an API error as kubectl does; `verbing` adds `error when creating "pod.yml": `. */
export function printApiError(k: Kubectl, e: StatusError, context?: { verb: string; source: string }): void {
  if (e.reason === 'Invalid' && e.causes && e.kind) {
    const head = `The ${e.kind} "${e.name ?? ''}" is invalid: `;
    if (e.causes.length === 1) err(k, `${head}${e.causes[0]!.field}: ${e.causes[0]!.message}\n`);
    else err(k, `${head}\n${e.causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}\n`);
    return;
  }
  const where = context ? `error when ${context.verb} "${context.source}": ` : '';
  err(k, `Error from server (${e.reason}): ${where}${e.message}\n`);
}

/** `See 'kubectl get -h' for help and examples` after usage errors. */
export function usageError(k: Kubectl, sub: string, message: string): number {
  err(k, `error: ${message}\nSee 'kubectl ${sub} -h' for help and examples\n`);
  return 1;
}
