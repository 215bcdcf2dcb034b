// `kubectl scale` (kubectl pkg/cmd/scale/scale.go, pkg/scale/scale.go): sets spec.replicas of
// Deployments, ReplicaSets, StatefulSets and ReplicationControllers through their scale
// subresource, by TYPE NAME, TYPE/NAME, -l/--all or -f, with the --current-replicas and
// --resource-version preconditions, printing `replicaset.apps/web scaled`.

import type { KubeObject } from '../../api/objects.ts';
import { clone, isRecord } from '../../api/objects.ts';
import { qualifiedKind } from '../../api/resources.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS = [
  { name: 'replicas', kind: 'int' },
  { name: 'current-replicas', kind: 'int' },
  { name: 'resource-version', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
] as const;

/** kinds with a scale subresource */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function scale(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const raw = flagValue(flags, 'replicas');
  if (raw === undefined) {
    err(k, 'error: required flag(s) "replicas" not set\n');
    return 1;
  }
  const replicas = Number(raw);
  if (replicas < 0) return reportErrors(k, [{ message: 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0' }]);
  const dryRun = flagValue(flags, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun)) return reportErrors(k, [{ message: `Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".` }]);
  const namespace = namespaceOf(k, flags);
  const files = flagValues(flags, 'filename');
  const resolved = files.length
    ? resolveFiles(k, files, namespace, flagBool(flags, 'recursive'))
    : resolveResources(k, flags.positional, { namespace, allNamespaces: false, selector: flagValue(flags, 'selector'), allowEmptySelector: flagBool(flags, 'all') });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors } = resolved.value;
  const rv = flagValue(flags, 'resource-version');
  if (rv && found.length > 1) return reportErrors(k, [{ message: 'cannot use --resource-version with multiple resources' }]);
  if (found.length === 0) {
    const first = errors[0];
    const why = first === undefined ? '' : 'api' in first ? first.api.message : first.message;
    return reportErrors(k, [{ message: `no objects passed to scale ${why}` }]);
  }
  const current = flagValue(flags, 'current-replicas');
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  for (const { type, object } of found) {
    const name = `${qualifiedKind(type)}/${object.metadata.name}`;
    if (dryRun === 'client') {
      out(k, `${name} scaled${suffix}\n`);
      continue;
    }
    if (!SCALABLE.has(type.kind)) {
      // The API server has no scale subresource for this kind.
      return reportErrors(k, [{ api: { reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' } }]);
    }
    const spec = isRecord(object['spec']) ? object['spec'] : {};
    const actual = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
    if (current !== undefined && Number(current) !== -1 && Number(current) !== actual) {
      return reportErrors(k, [{ message: `Expected replicas to be ${current}, was ${actual}` }]);
    }
    const next = clone(object) as KubeObject;
    next['spec'] = { ...spec, replicas };
    const rec = k.cluster.trace.emit({ component: 'kubectl', action: 'request', object: { kind: type.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) }, why: `kubectl asks the API server to set ${name} to ${replicas} replicas` });
    const r = k.cluster.trace.within(rec.id, () => k.cluster.api.update(next, object.metadata.namespace, { actor: 'kubectl', dryRun: dryRun === 'server', ...(rv ? { resourceVersion: rv } : {}) }));
    if (!r.ok) {
      printApiError(k, r.error);
      return 1;
    }
    out(k, flagValue(flags, 'output') === 'name' ? `${name}\n` : `${name} scaled${suffix}\n`);
  }
  return reportErrors(k, errors);
}
