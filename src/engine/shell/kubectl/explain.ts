// `kubectl explain RESOURCE[.field.path] [--recursive] [--api-version]` (kubectl
// pkg/cmd/explain/explain.go): finds the resource, splits off the field path, and renders the
// schema's documentation with the schema helper in api/schema.

import type { ResourceType } from '../../api/resources.ts';
import { resourceTypes, typeForName } from '../../api/resources.ts';
import { reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { parseFlags } from './flags.ts';

/** SplitAndParseResourceRequestWithMatchingPrefix: `deploy.spec.replicas` → deployments + [spec, replicas]. */
export function splitResourceRequest(arg: string): { type: ResourceType; fields: string[] } | undefined {
  const parts = arg.split('.');
  // Longest prefix first, so `deployments.apps.spec` resolves the group-qualified name.
  for (let n = parts.length; n > 0; n--) {
    const type = typeForName(parts.slice(0, n).join('.'));
    if (type && resourceTypes.includes(type)) return { type, fields: parts.slice(n) };
  }
  return undefined;
}

export function explain(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, [
    { name: 'recursive', kind: 'bool' },
    { name: 'api-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ]);
  const pos = flags.positional;
  if (pos.length === 0) return reportErrors(k, [{ message: `You must specify the type of resource to explain. Use "${k.name} api-resources" for a complete list of supported resources.` }]);
  if (pos.length > 1) return reportErrors(k, [{ message: 'We accept only this format: explain RESOURCE' }]);
  const request = splitResourceRequest(pos[0]!);
  if (!request) return reportErrors(k, [{ message: `the server doesn't have a resource type "${pos[0]!.split('.')[0]}"` }]);
  // TODO: render with api/schema's explain once that helper lands (it is being written now).
  return reportErrors(k, [{ message: 'explain is not available in kubelab yet' }]);
}
