// `kubectl cordon` and `kubectl uncordon` (kubectl pkg/cmd/drain/drain.go, pkg/drain/cordon.go):
// set or clear a node's spec.unschedulable, printing `node/x cordoned`, `node/x already
// cordoned`, `node/x uncordoned`. Drain cordons through the same helper.

import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { clone } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { Kubectl } from './client.ts';
import { err, out, printApiError, usageError } from './client.ts';
import type { ParsedFlags } from './flags.ts';
import { flagValue, parseFlags } from './flags.ts';
import { matchesSelector, parseSelector } from './selector.ts';

const NODES = typeForKind('Node')!;

const FLAGS = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
] as const;

export const cordon = (k: Kubectl, args: readonly string[]): number => cordonCommand(k, args, true);
export const uncordon = (k: Kubectl, args: readonly string[]): number => cordonCommand(k, args, false);

function cordonCommand(k: Kubectl, args: readonly string[], desired: boolean): number {
  const sub = desired ? 'cordon' : 'uncordon';
  const flags = parseFlags(args, FLAGS);
  const nodes = findNodes(k, flags, sub);
  if (nodes === undefined) return 1;
  const dryRun = flagValue(flags, 'dry-run') === 'client' || flagValue(flags, 'dry-run') === 'server';
  for (const node of nodes) setUnschedulable(k, node, desired, dryRun);
  return 0;
}

/** The nodes named on the command line or matched by -l; undefined after printing an error. */
export function findNodes(k: Kubectl, flags: ParsedFlags, sub: string): KubeObject[] | undefined {
  const selector = flagValue(flags, 'selector');
  if (flags.positional.length === 0 && selector === undefined) {
    usageError(k, sub, `USAGE: ${sub} NODE [flags]`);
    return undefined;
  }
  if (selector !== undefined) {
    const parsed = parseSelector(selector);
    if (!parsed.ok) {
      err(k, `error: ${parsed.error}\n`);
      return undefined;
    }
    const found = k.cluster.api.list(NODES).filter((n) => matchesSelector(n.metadata.labels, parsed.value));
    if (found.length === 0) err(k, 'No resources found\n');
    return found;
  }
  const found: KubeObject[] = [];
  // `kubectl cordon node/x` works too (the builder takes TYPE/NAME).
  const names = flags.positional.map((a) => (/^(nodes?|no)\//.test(a) ? a.slice(a.indexOf('/') + 1) : a));
  for (const name of names) {
    const node = k.cluster.api.get(NODES, undefined, name);
    if (!node) {
      printApiError(k, { reason: 'NotFound', code: 404, message: `nodes "${name}" not found` });
      return undefined;
    }
    found.push(node);
  }
  return found;
}

/** CordonHelper.PatchOrReplace: only a change is written; otherwise `already cordoned`. */
export function setUnschedulable(k: Kubectl, node: KubeObject, desired: boolean, dryRun = false): void {
  const verb = desired ? 'cordoned' : 'uncordoned';
  const current = !!(node as unknown as Node).spec?.unschedulable;
  const name = node.metadata.name;
  if (current === desired) {
    out(k, `node/${name} already ${verb}\n`);
    return;
  }
  if (!dryRun) {
    const next = clone(node) as KubeObject;
    const spec = { ...(next['spec'] as Record<string, unknown> | undefined) };
    if (desired) spec['unschedulable'] = true;
    else delete spec['unschedulable'];
    next['spec'] = spec;
    const rec = k.cluster.trace.emit({ component: 'kubectl', action: 'request', object: { kind: 'Node', name }, why: `kubectl marks node ${name} ${desired ? 'unschedulable' : 'schedulable'}` });
    const r = k.cluster.trace.within(rec.id, () => k.cluster.api.update(next, undefined, { actor: 'kubectl' }));
    if (!r.ok) {
      printApiError(k, r.error);
      return;
    }
  }
  out(k, `node/${name} ${verb}${dryRun ? ' (dry run)' : ''}\n`);
}
