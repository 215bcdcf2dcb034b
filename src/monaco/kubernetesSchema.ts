// A JSON schema for Kubernetes manifests, built from the API server's OpenAPI v2 definitions
// (the same definitions.json the simulated API server validates with), shaped for
// yaml-language-server / vscode-json-languageservice the way kubectl's own schema reads them.

/** A JSON schema node; only the keys this transform reads are typed. */
export interface JsonSchema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  if?: JsonSchema;
  then?: JsonSchema;
  title?: string;
  definitions?: Record<string, JsonSchema>;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  [key: string]: unknown;
}

export interface KindEntry {
  readonly apiVersion: string;
  readonly kind: string;
  readonly definition: string;
}

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * A property's description sits beside its `$ref`, which draft-4 tools ignore; the property
 * becomes `{ description, allOf: [{ $ref }] }`, keeping the referenced type's description when
 * the property has none of its own.
 */
function wrapRef(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  if (!node.$ref) return node;
  const { $ref, ...rest } = node;
  const description = rest.description ?? definitions[$ref.replace('#/definitions/', '')]?.description;
  return { ...rest, ...(description ? { description } : {}), allOf: [{ $ref }] };
}

function transformNode(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const out: JsonSchema = { ...node };
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, wrapRef(transformNode(v, definitions), definitions)]));
    // kubectl validates strictly (unknown fields are errors), so typos are flagged as you type.
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (node.items) out.items = wrapRef(transformNode(node.items, definitions), definitions);
  if (typeof node.additionalProperties === 'object') out.additionalProperties = wrapRef(transformNode(node.additionalProperties, definitions), definitions);
  return out;
}

/** Kinds a manifest can name, taken from the definitions' group-version-kind tags. */
export function manifestKinds(definitions: Record<string, JsonSchema>): KindEntry[] {
  const kinds: KindEntry[] = [];
  for (const [name, def] of Object.entries(definitions)) {
    const gvk = def['x-kubernetes-group-version-kind']?.[0];
    if (!gvk || !def.properties?.['kind'] || !def.properties['metadata'] || gvk.kind.endsWith('List')) continue;
    kinds.push({ apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version, kind: gvk.kind, definition: name });
  }
  return kinds.sort((a, b) => a.kind.localeCompare(b.kind));
}

/**
 * The definitions made friendly to editors: `$ref` siblings kept as `allOf`, IntOrString and
 * Quantity accepting numbers (`port: 8080`, `cpu: 1`), unknown fields rejected, and each
 * kind's `apiVersion`/`kind` pinned so completion offers the right values.
 */
export function transformDefinitions(definitions: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, def] of Object.entries(definitions)) {
    // yaml-language-server's hover shows the first description it meets, and a referenced
    // type's comes before the property's; so the type's own moves aside (its referring
    // properties carry it) and the property's is the one shown.
    const { description, ...rest } = transformNode(def, definitions);
    out[name] = description ? { ...rest, 'x-description': description } : rest;
  }
  for (const name of [INT_OR_STRING, QUANTITY]) {
    const def = definitions[name];
    if (!def) continue;
    const { format: _format, type: _type, description, ...rest } = def;
    out[name] = { ...rest, ...(description ? { 'x-description': description } : {}), type: name === QUANTITY ? ['string', 'number'] : ['string', 'integer'] };
  }
  for (const k of manifestKinds(definitions)) {
    const def = out[k.definition]!;
    const props = def.properties ?? {};
    out[k.definition] = {
      ...def,
      properties: {
        ...props,
        apiVersion: { ...props['apiVersion'], enum: [k.apiVersion] },
        kind: { ...props['kind'], enum: [k.kind] },
      },
    };
  }
  return out;
}

/** The whole manifest schema: picks the definition by `kind`, plus `kind: List` of manifests. */
export function buildKubernetesSchema(raw: { definitions: Record<string, JsonSchema> }): JsonSchema {
  const definitions = transformDefinitions(raw.definitions);
  const kinds = manifestKinds(raw.definitions);
  const apiVersions = [...new Set(kinds.map((k) => k.apiVersion))].sort();
  const listDefinition: JsonSchema = {
    description: 'List holds a list of objects, as `kubectl get -o json` prints several.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['v1'] },
      kind: { type: 'string', enum: ['List'] },
      metadata: { type: 'object' },
      items: { description: 'The manifests in this list.', type: 'array', items: { $ref: '#' } },
    },
    additionalProperties: false,
  };
  return {
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: {
        description: 'APIVersion defines the versioned schema of this representation of an object (v1, apps/v1, …).',
        type: 'string',
        enum: [...apiVersions],
      },
      kind: {
        description: 'Kind is the type of object this manifest describes (Pod, Deployment, Service, …).',
        type: 'string',
        enum: [...kinds.map((k) => k.kind), 'List'],
      },
    },
    allOf: [
      ...kinds.map((k) => ({
        if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
        then: { $ref: `#/definitions/${k.definition}` },
      })),
      { if: { properties: { kind: { const: 'List' } }, required: ['kind'] }, then: { $ref: '#/definitions/kubelab.List' } },
    ],
    definitions: { ...definitions, 'kubelab.List': listDefinition },
  };
}
