// `kubectl explain RESOURCE[.field.path] [--recursive] [--api-version]` (kubectl
// pkg/cmd/explain/explain.go): finds the resource, splits off the field path, and renders the
// schema's documentation with api/schema/explain.ts (the OpenAPI v3 plaintext template).

import type { ResourceType } from '../../api/resources.ts';
import { apiVersionOf, resourceTypes, typeForName } from '../../api/resources.ts';
import { explain as explainSchema } from '../../api/schema/explain.ts';
import { definitionFor } from '../../api/schema/openapi.ts';
import { gvrString, reportErrors } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, out } from './client.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';

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
  const output = flagValue(flags, 'output') ?? 'plaintext';
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') return reportErrors(k, [{ message: `unrecognized format: ${output}` }]);
  const request = splitResourceRequest(pos[0]!);
  if (!request) return reportErrors(k, [{ message: `the server doesn't have a resource type "${pos[0]!.split('.')[0]}"` }]);
  const { type, fields } = request;
  const apiVersion = flagValue(flags, 'api-version');
  if (apiVersion !== undefined && apiVersion !== apiVersionOf(type)) {
    const slash = apiVersion.indexOf('/');
    const gvr = { ...type, group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
    return reportErrors(k, [{ message: `couldn't find resource for "${gvrString(gvr)}"` }]);
  }
  const definition = type.definition ?? definitionFor(apiVersionOf(type), type.kind);
  if (!definition) return reportErrors(k, [{ message: `kubelab does not carry the schema of ${type.kind} yet, so it cannot explain it` }]);
  const r = explainSchema(fields, definition, { recursive: flagBool(flags, 'recursive') });
  out(k, r.output);
  if (!r.ok) {
    err(k, `${r.error}\n`);
    return 1;
  }
  return 0;
}
