// `kubectl explain` (1.32, the OpenAPI v3 explainer): the plaintext template of
// k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl ported function by function
// (output, fieldList, fieldDetail), so headers, tabs, `-required-`, wrapping at 76/78 columns
// and the blank lines come out byte for byte. Also the field docs an editor shows on hover.

import type { V3Schema } from './explainSchema.ts';
import { component, describe, mapValues, resolve, typeGuess } from './explainSchema.ts';
import { groupVersionKindOf } from './openapi.ts';
import { indent, wrapString } from './wordWrap.ts';

export interface ExplainOptions {
  readonly recursive?: boolean;
  /** override the served group/version/kind (defaults: the definition's own) */
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly group?: string;
}

/**
 * What kubectl prints: `output` goes to stdout. When a field does not exist kubectl has
 * already printed the KIND/VERSION header, then exits 1 with `error` (`error: field "foo"
 * does not exist`, no newline) on stderr.
 */
export type ExplainResult = { readonly ok: true; readonly output: string } | { readonly ok: false; readonly output: string; readonly error: string };

/**
 * `kubectl explain <resource>.<fieldPath…>`: `fieldPath` is what follows the resource
 * (`['spec', 'containers']` for `pods.spec.containers`), `definition` the resource's schema.
 */
export function explain(fieldPath: readonly string[], definition: string, opts: ExplainOptions = {}): ExplainResult {
  const gvk = groupVersionKindOf(definition);
  const apiVersion = opts.apiVersion ?? '';
  const group = opts.group ?? (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : (gvk?.group ?? ''));
  const version = apiVersion ? apiVersion.slice(apiVersion.indexOf('/') + 1) : (gvk?.version ?? '');
  const header = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${opts.kind ?? gvk?.kind ?? ''}\nVERSION:    ${version}\n\n`;
  const schema = component(definition);
  const body = schema ? output(schema, fieldPath, new Set(), opts.recursive ?? false) : '';
  if (!body) return { ok: false, output: header, error: `error: field "${fieldPath[fieldPath.length - 1] ?? ''}" does not exist` };
  return { ok: true, output: `${header}${body}\n` };
}

type History = ReadonlySet<string>;
const remember = (history: History, ref: string): History => new Set(history).add(ref);

/** Template "output": follows the field path, then prints FIELD, DESCRIPTION and FIELDS. */
function output(schema: V3Schema, fieldPath: readonly string[], history: History, recursive: boolean): string {
  const ref = schema.$ref ?? '';
  const next = remember(history, ref);
  const resolved = resolve(schema) ?? schema;
  if (fieldPath.length === 0) {
    let out = `DESCRIPTION:\n${indent(wrapString(describe(resolved) || '<empty>', 76), 4)}\n`;
    const fields = fieldList(resolved, 1, new Set(), recursive);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const first = fieldPath[0]!;
  const sub = resolved.properties?.[first];
  if (sub) {
    const head = fieldPath.length === 1 ? `FIELD: ${first} <${typeGuess(sub)}>\n\n\n` : '';
    return head + output(sub, fieldPath.slice(1), new Set(), recursive);
  }
  if (resolved.items) return output(resolved.items, fieldPath, next, recursive);
  const values = mapValues(resolved);
  if (values) return output(values, fieldPath, next, recursive);
  for (const alternative of resolved.allOf ?? []) {
    const out = output(alternative, fieldPath, next, recursive);
    if (out) return out;
  }
  return '';
}

/** Template "fieldList": every property (sorted), with its subfields when recursive. */
function fieldList(schema: V3Schema, level: number, history: History, recursive: boolean): string {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = remember(history, ref);
  const resolved = resolve(schema) ?? schema;
  let out = '';
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(name, resolved, recursive, level);
    if (recursive) out += fieldList(resolved.properties![name]!, level + 1, next, recursive);
  }
  for (const alternative of resolved.allOf ?? []) out += fieldList(alternative, level, next, recursive);
  if (resolved.items) out += fieldList(resolved.items, level, next, recursive);
  const values = mapValues(resolved);
  if (values) out += fieldList(values, level, next, recursive);
  return out;
}

/** Template "fieldDetail": `  name\t<type> -required-`, then the wrapped description. */
function fieldDetail(name: string, schema: V3Schema, short: boolean, level: number): string {
  const pad = level * 2;
  const field = schema.properties![name]!;
  let out = `${indent(name, pad)}\t<${typeGuess(field)}>${schema.required?.includes(name) ? ' -required-' : ''}\n`;
  if (!short) out += `${indent(wrapString(field.description || '<no description>', 78 - pad), pad + 2)}\n\n`;
  return out;
}

/** One field as an editor's hover or completion shows it. */
export interface FieldDoc {
  readonly name: string;
  /** explain's type name: `string`, `integer`, `[]Container`, `map[string]string`, `Quantity` */
  readonly type: string;
  readonly required: boolean;
  /** the field's own description (without its type's) */
  readonly description: string;
}

/**
 * The fields of the object at `path` inside `definition` (`[]` for the top level,
 * `['spec', 'containers', 0]` for a container: array indices are skipped), sorted by name as
 * explain lists them; undefined when the path leads nowhere or to a scalar with no fields.
 */
export function describeFields(definition: string, path: readonly (string | number)[] = []): FieldDoc[] | undefined {
  const target = navigate(definition, path);
  if (!target) return undefined;
  const docs: FieldDoc[] = [];
  collect(target, new Set(), docs);
  return docs.length ? docs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : undefined;
}

/** The doc of the field at the end of `path` (`['spec', 'containers', 0, 'image']`). */
export function describeField(definition: string, path: readonly (string | number)[]): FieldDoc | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const name = keys[keys.length - 1];
  if (name === undefined) return undefined;
  return describeFields(definition, keys.slice(0, -1))?.find((d) => d.name === name);
}

function navigate(definition: string, path: readonly (string | number)[]): V3Schema | undefined {
  let schema = component(definition);
  for (const key of path) {
    if (typeof key === 'number' || !schema) continue;
    schema = property(schema, key, new Set());
  }
  return schema;
}

/** The property `key` of a schema, looking through refs, arrays, maps and allOf as explain does. */
function property(schema: V3Schema, key: string, history: History): V3Schema | undefined {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return undefined;
  const next = remember(history, ref);
  const resolved = resolve(schema) ?? schema;
  const own = resolved.properties?.[key];
  if (own) return own;
  if (resolved.items) return property(resolved.items, key, next);
  const values = mapValues(resolved);
  if (values) return property(values, key, next);
  for (const alternative of resolved.allOf ?? []) {
    const found = property(alternative, key, next);
    if (found) return found;
  }
  return undefined;
}

function collect(schema: V3Schema, history: History, docs: FieldDoc[]): void {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return;
  const next = remember(history, ref);
  const resolved = resolve(schema) ?? schema;
  for (const [name, field] of Object.entries(resolved.properties ?? {})) {
    docs.push({ name, type: typeGuess(field), required: resolved.required?.includes(name) ?? false, description: field.description ?? '' });
  }
  for (const alternative of resolved.allOf ?? []) collect(alternative, next, docs);
  if (resolved.items) collect(resolved.items, next, docs);
  const values = mapValues(resolved);
  if (values) collect(values, next, docs);
}
