// The first thing the API server does with a request body: find the kind it names and decode
// it strictly against that kind's OpenAPI schema (unknown fields and wrong types are
// BadRequest, as kube-apiserver's strict field validation makes them).

import type { Manifest } from './objects.ts';
import { isRecord } from './objects.ts';
import type { ResourceType } from './resources.ts';
import { typeForGVK } from './resources.ts';
import type { ApiResult } from './errors.ts';
import { badRequest, fail, ok } from './errors.ts';
import { decodeStrict } from './schema/decode.ts';

export function decodeManifest(manifest: Manifest, trusted: boolean): ApiResult<{ type: ResourceType }> {
  const apiVersion = typeof manifest['apiVersion'] === 'string' ? manifest['apiVersion'] : '';
  const kind = typeof manifest['kind'] === 'string' ? manifest['kind'] : '';
  const type = typeForGVK(apiVersion, kind);
  if (!type) return fail(badRequest(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`));
  if (!trusted && type.definition) {
    const problem = decodeStrict(manifest, type.definition);
    if (problem) return fail(badRequest(problem.message, problem.path));
  }
  if (manifest['metadata'] !== undefined && !isRecord(manifest['metadata'])) {
    return fail(badRequest(`${kind} in version "${type.version}" cannot be handled as a ${kind}: json: cannot unmarshal ${jsonType(manifest['metadata'])} into Go struct field ${kind}.metadata of type v1.ObjectMeta`, 'metadata'));
  }
  return ok({ type });
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

