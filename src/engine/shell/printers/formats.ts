// kubectl's non-table output formats: -o json (encoding/json MarshalIndent, 4 spaces, keys
// sorted, HTML characters escaped), -o yaml (sigs.k8s.io/yaml), -o name, and the `kind: List`
// wrapper `kubectl get` uses for several objects (kubectl pkg/cmd/get/get.go printGeneric).

import type { KubeObject } from '../../api/objects.ts';
import { qualifiedKind, type ResourceType } from '../../api/resources.ts';
import { marshalYaml } from './goyaml.ts';
import { compareStrings } from './table.ts';

/** Go's json encoder escapes these even inside strings (its default SetEscapeHTML(true)). */
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

const jsonString = (s: string): string => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!);

function encode(value: unknown, pad: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = `${pad}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v: unknown) => inner + encode(v, inner)).join(',\n')}\n${pad}]`;
  }
  const map = value as Record<string, unknown>;
  // Own ordering: JS objects list integer-like keys first, Go sorts all keys byte-wise.
  const keys = Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort(compareStrings);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${encode(map[k], inner)}`).join(',\n')}\n${pad}}`;
}

function encodeCompact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(encodeCompact).join(',')}]`;
  if (typeof value !== 'object' || value === null) return encode(value, '');
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort(compareStrings);
  return `{${keys.map((k) => `${jsonString(k)}:${encodeCompact(map[k])}`).join(',')}}`;
}

/** json.Marshal: no indentation, keys sorted, HTML characters escaped (jsonpath's maps). */
export function marshalCompactJson(value: unknown): string {
  return encodeCompact(value);
}

/** `kubectl -o json` of one object (or list): json.MarshalIndent(obj, "", "    ") + newline. */
export function marshalJson(value: unknown): string {
  return `${encode(value, '')}\n`;
}

/** `kubectl -o yaml` of one object (or List): sigs.k8s.io/yaml.Marshal. */
export function marshalYamlDocument(value: unknown): string {
  return marshalYaml(value);
}

/** YAMLPrinter printing several objects in one command (create -f, apply): `---` between them. */
export function yamlStream(values: readonly unknown[]): string {
  return values.map(marshalYaml).join('---\n');
}

/** What `kubectl get` prints for zero or several objects with -o json|yaml. */
export function listOf(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** `-o name`: `pod/hello-pod`, `deployment.apps/web`. */
export function nameOf(type: ResourceType, obj: KubeObject): string {
  return `${qualifiedKind(type)}/${obj.metadata.name}`;
}

export type ObjectFormat = 'json' | 'yaml' | 'name';

/**
 * `kubectl get` with -o json|yaml|name. `singleItem` is true when the command named exactly one
 * object (`get pod x`): that object is printed alone; otherwise the objects are wrapped in a List,
 * even when there is only one or none.
 */
export function formatObjects(format: ObjectFormat, type: ResourceType, objects: readonly KubeObject[], singleItem: boolean): string {
  if (format === 'name') return objects.map((o) => `${nameOf(type, o)}\n`).join('');
  const value = singleItem && objects.length === 1 ? objects[0] : listOf(objects);
  return format === 'json' ? marshalJson(value) : marshalYaml(value);
}
