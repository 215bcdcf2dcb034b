// The OpenAPI v3 view of the definitions that `kubectl explain` reads (kubectl 1.32 explains
// from /openapi/v3): a field that refers to another type is `allOf: [{$ref}]` beside its own
// description, and Quantity and IntOrString have no `type` (they are `oneOf` string/number),
// which is why explain prints `<Quantity>` where the v2 schema would say `<string>`.

import type { SchemaObject } from './openapi.ts';
import { INT_OR_STRING, QUANTITY, definitions, refName, servedProperties } from './openapi.ts';

export interface V3Schema {
  readonly description?: string;
  readonly type?: string;
  /** a definition name (the v3 document's `#/components/schemas/<name>`) */
  readonly $ref?: string;
  readonly items?: V3Schema;
  readonly additionalProperties?: V3Schema | boolean;
  readonly properties?: Readonly<Record<string, V3Schema>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly V3Schema[];
}

const components = new Map<string, V3Schema>();

/** The v3 schema of a definition (only the fields the 1.32 server serves). */
export function component(definition: string): V3Schema | undefined {
  let c = components.get(definition);
  if (c) return c;
  const def = definitions[definition];
  if (!def) return undefined;
  if (definition === QUANTITY || definition === INT_OR_STRING) c = { ...(def.description ? { description: def.description } : {}) };
  else {
    c = convert({ ...def, ...(def.properties ? { properties: Object.fromEntries(servedProperties(definition)) } : {}) });
  }
  components.set(definition, c);
  return c;
}

function convert(s: SchemaObject): V3Schema {
  if (s.$ref) {
    const { $ref, ...rest } = s;
    return { ...convert(rest), allOf: [{ $ref: refName($ref) }] };
  }
  const out: { -readonly [K in keyof V3Schema]: V3Schema[K] } = {};
  if (s.description) out.description = s.description;
  if (s.type) out.type = s.type;
  if (s.items) out.items = convert(s.items);
  if (s.additionalProperties !== undefined) {
    out.additionalProperties = typeof s.additionalProperties === 'boolean' ? s.additionalProperties : convert(s.additionalProperties);
  }
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v)]));
  if (s.required) out.required = s.required;
  return out;
}

/** The template's `resolveRef`. */
export function resolve(schema: V3Schema): V3Schema | undefined {
  return schema.$ref === undefined ? undefined : component(schema.$ref);
}

export function mapValues(schema: V3Schema): V3Schema | undefined {
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** The template's `typeGuess`: `string`, `integer`, `Object`, `[]Container`, `map[string]Quantity`. */
export function typeGuess(schema: V3Schema): string {
  if (schema.items) return `[]${typeGuess(schema.items)}`;
  const values = mapValues(schema);
  if (values) return `map[string]${typeGuess(values)}`;
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return typeGuess(schema.allOf[0]!);
  if (schema.$ref !== undefined) {
    const ref = resolve(schema);
    if (!ref || !ref.type || ref.type === 'object') return schema.$ref.slice(schema.$ref.lastIndexOf('.') + 1) || 'Object';
    return ref.type;
  }
  return schema.type === 'object' ? 'Object' : schema.type || 'Object';
}

/** The template's `description`: the schema's text, then its allOf, items and map values in turn. */
export function describe(schema: V3Schema): string {
  const s = resolve(schema) ?? schema;
  let out = s.description ? `${s.description}\n` : '';
  for (const a of s.allOf ?? []) out += describe(a);
  if (s.items) out += describe(s.items);
  const values = mapValues(s);
  if (values) out += describe(values);
  return out;
}
