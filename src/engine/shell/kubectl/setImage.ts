// `kubectl set image TYPE/NAME CONTAINER=IMAGE…` (kubectl pkg/cmd/set/set_image.go): changes
// container images in a workload's pod template (`*` names every container), which for a
// Deployment starts a rollout. Prints `deployment.apps/web image updated`.

import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { clone, isRecord } from '../../api/objects.ts';
import { qualifiedKind } from '../../api/resources.ts';
import { reportErrors, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';

const FLAGS = [
  { name: 'all', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
] as const;

/** `kubectl set SUBCOMMAND`: only `image` is simulated. */
export function set(k: Kubectl, args: readonly string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'image') {
    err(k, `kubelab: \`kubectl set ${sub ?? ''}\` is a real kubectl command that this lab does not simulate yet.\n`);
    return 1;
  }
  return setImage(k, rest);
}

function setImage(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const pairs = flags.positional.filter((a) => a.includes('='));
  const resources = flags.positional.filter((a) => !a.includes('='));
  if (pairs.length === 0) {
    err(k, 'error: at least one image update is required\n');
    return 1;
  }
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const resolved = resolveResources(k, resources, { namespace: namespaceOf(k, flags), allNamespaces: false, selector: flagValue(flags, 'selector'), allowEmptySelector: flagBool(flags, 'all') });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors } = resolved.value;
  for (const { type, object } of found) {
    const next = clone(object) as KubeObject;
    const spec = isRecord(next['spec']) ? next['spec'] : undefined;
    const podSpec = type.kind === 'Pod' ? spec : (spec?.['template'] as { spec?: Record<string, unknown> } | undefined)?.spec;
    const containers = [...((podSpec?.['initContainers'] as Container[] | undefined) ?? []), ...((podSpec?.['containers'] as Container[] | undefined) ?? [])];
    let changed = false;
    for (const [name, image] of images) {
      const targets = containers.filter((c) => name === '*' || c.name === name);
      if (targets.length === 0) {
        err(k, `error: unable to find container named "${name}"\n`);
        return 1;
      }
      for (const c of targets) {
        if (c.image === image) continue;
        (c as { image?: string }).image = image;
        changed = true;
      }
    }
    if (!changed) continue;
    const name = `${qualifiedKind(type)}/${object.metadata.name}`;
    const dryRun = flagValue(flags, 'dry-run') ?? 'none';
    if (dryRun !== 'client') {
      const r = k.cluster.api.update(next, object.metadata.namespace, { actor: 'kubectl', dryRun: dryRun === 'server' });
      if (!r.ok) {
        printApiError(k, r.error);
        return 1;
      }
    }
    out(k, `${name} image updated${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  }
  return reportErrors(k, errors);
}
