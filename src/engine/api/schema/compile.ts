// The decode plan: each OpenAPI definition turned, once, into the shape Go's encoding/json
// walks when kube-apiserver unmarshals a request body into the typed object (structs with
// exact-name fields, slices, maps, scalars and the types with their own UnmarshalJSON:
// Quantity, IntOrString, Time, MicroTime, FieldsV1). Built lazily and cached per definition.

import type { SchemaObject } from './openapi.ts';
import { FIELDS_V1, INT_OR_STRING, MICRO_TIME, QUANTITY, TIME, definitions, refName, servedProperties, shortDefinitionName } from './openapi.ts';
import { goTypeOfDefinition, namedGoType } from './goTypes.ts';
import { RFC3339, RFC3339_MICRO } from './goErrors.ts';

export interface StructNode {
  readonly kind: 'struct';
  /** the Go struct's name, as UnmarshalTypeError prints it (`ContainerPort`) */
  readonly goName: string;
  readonly goType: string;
  readonly fields: Map<string, DecodeNode>;
}

export type DecodeNode =
  | StructNode
  | { readonly kind: 'slice'; readonly goType: string; readonly elem: DecodeNode }
  | { readonly kind: 'map'; readonly goType: string; readonly elem: DecodeNode }
  | { readonly kind: 'string'; readonly goType: string }
  | { readonly kind: 'int'; readonly goType: 'int32' | 'int64' }
  | { readonly kind: 'float'; readonly goType: 'float32' | 'float64' }
  | { readonly kind: 'bool'; readonly goType: 'bool' }
  /** []byte: base64 in JSON (`format: byte`) */
  | { readonly kind: 'bytes'; readonly goType: '[]uint8' }
  | { readonly kind: 'quantity'; readonly goType: 'resource.Quantity' }
  | { readonly kind: 'intOrString'; readonly goType: 'intstr.IntOrString' }
  | { readonly kind: 'time'; readonly goType: 'v1.Time' | 'v1.MicroTime'; readonly layout: string }
  /** anything goes (FieldsV1 keeps the raw JSON) */
  | { readonly kind: 'raw'; readonly goType: string };

const structs = new Map<string, StructNode>();

/** The decode plan of a definition with properties (a Go struct). */
export function structNode(definition: string): StructNode {
  let node = structs.get(definition);
  if (node) return node;
  const fields = new Map<string, DecodeNode>();
  node = { kind: 'struct', goName: definition.slice(definition.lastIndexOf('.') + 1), goType: goTypeOfDefinition(definition), fields };
  // Registered before the fields are built, so recursive definitions close the loop.
  structs.set(definition, node);
  const short = shortDefinitionName(definition);
  for (const [name, schema] of servedProperties(definition)) fields.set(name, schemaNode(schema, `${short}.${name}`));
  return node;
}

function schemaNode(s: SchemaObject, key: string): DecodeNode {
  if (s.$ref) return definitionNode(refName(s.$ref));
  switch (s.type) {
    case 'array': {
      const elem = schemaNode(s.items ?? {}, `${key}[]`);
      return { kind: 'slice', goType: namedGoType(key) ?? `[]${elem.goType}`, elem };
    }
    case 'object': {
      if (typeof s.additionalProperties !== 'object') return { kind: 'raw', goType: 'map[string]interface {}' };
      const elem = schemaNode(s.additionalProperties, `${key}{}`);
      return { kind: 'map', goType: namedGoType(key) ?? `map[string]${elem.goType}`, elem };
    }
    case 'integer':
      return { kind: 'int', goType: s.format === 'int64' ? 'int64' : 'int32' };
    case 'number':
      return { kind: 'float', goType: s.format === 'float' ? 'float32' : 'float64' };
    case 'boolean':
      return { kind: 'bool', goType: 'bool' };
    default:
      if (s.format === 'byte') return { kind: 'bytes', goType: '[]uint8' };
      return { kind: 'string', goType: namedGoType(key) ?? 'string' };
  }
}

function definitionNode(definition: string): DecodeNode {
  switch (definition) {
    case QUANTITY:
      return { kind: 'quantity', goType: 'resource.Quantity' };
    case INT_OR_STRING:
      return { kind: 'intOrString', goType: 'intstr.IntOrString' };
    case TIME:
      return { kind: 'time', goType: 'v1.Time', layout: RFC3339 };
    case MICRO_TIME:
      return { kind: 'time', goType: 'v1.MicroTime', layout: RFC3339_MICRO };
    case FIELDS_V1:
      return { kind: 'raw', goType: 'v1.FieldsV1' };
  }
  const def = definitions[definition];
  if (def?.properties) return structNode(definition);
  return schemaNode(def ?? {}, shortDefinitionName(definition));
}
