// kube-apiserver's strict decoding of a request body (fieldValidation=Strict, kubectl's default):
// sigs.k8s.io/json UnmarshalStrict over Go's encoding/json, wrapped by transformDecodeError.
// A wrong type wins (the first, or a custom unmarshaler's, which stops decoding); otherwise all
// unknown fields, in the order of the JSON kubectl sends (map keys sorted).

import type { DecodeNode, StructNode } from './compile.ts';
import { structNode } from './compile.ts';
import { base64Error, timeParseError } from './goErrors.ts';
import { definitions, groupVersionKindOf } from './openapi.ts';
import { quantityError } from './quantity.ts';

/** Where a problem is: keys and array indices from the top of the object. */
export type FieldSegments = readonly (string | number)[];

interface ProblemBase {
  /** The server's message: `Pod in version "v1" cannot be handled as a Pod: <decodeError>`. */
  readonly message: string;
  /** What the decoder said: `json: cannot unmarshal …`, `strict decoding error: …`, `quantities must …`. */
  readonly decodeError: string;
  /** `spec.containers[0].ports[0].containerPort` (the first unknown field, for unknown fields) */
  readonly path: string;
  readonly segments: FieldSegments;
}

/** A value Go cannot unmarshal into the field's type (BadRequest, decoding stops there). */
export interface TypeProblem extends ProblemBase {
  readonly kind: 'type';
}

/** Fields the schema does not have (BadRequest under fieldValidation=Strict). */
export interface UnknownFieldsProblem extends ProblemBase {
  readonly kind: 'unknown-fields';
  readonly fields: readonly { readonly path: string; readonly segments: FieldSegments }[];
}

export type DecodeProblem = TypeProblem | UnknownFieldsProblem;

/** `spec.containers[0].ports[0].containerPort`, the path format of strict decoding errors. */
export function formatFieldPath(segments: FieldSegments): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/**
 * Decodes `obj` (a parsed manifest) against `definition` as kube-apiserver 1.32 does with
 * strict field validation. Returns the problem that makes the server answer BadRequest, or
 * undefined when the object decodes. Definitions the lab does not carry decode as valid.
 */
export function decodeStrict(obj: Readonly<Record<string, unknown>>, definition: string): DecodeProblem | undefined {
  if (!definitions[definition]?.properties) return undefined;
  const walk = new Walk();
  const found = walk.run(obj, structNode(definition));
  if (!found) return undefined;
  const gvk = groupVersionKindOf(definition);
  const kind = typeof obj['kind'] === 'string' && obj['kind'] ? obj['kind'] : (gvk?.kind ?? '');
  const apiVersion = typeof obj['apiVersion'] === 'string' && obj['apiVersion'] ? obj['apiVersion'] : (gvk?.version ?? '');
  const message = `${kind} in version "${apiVersion.slice(apiVersion.indexOf('/') + 1)}" cannot be handled as a ${gvk?.kind ?? kind}: ${found.decodeError}`;
  return { ...found, message };
}

type Found = Omit<TypeProblem, 'message'> | Omit<UnknownFieldsProblem, 'message'>;

/** Thrown to stop decoding, as Go returns a custom UnmarshalJSON's error straight up. */
class Fatal {
  constructor(readonly problem: Omit<TypeProblem, 'message'>) {}
}

const MAX_STRICT_ERRORS = 100;
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's name for a JSON value's kind in `cannot unmarshal <kind> into …`. */
function jsonKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** Keys in the order encoding/json writes a map (sorted), which is the order the server reads. */
function orderedKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort();
  return keys;
}

class Walk {
  #saved: Omit<TypeProblem, 'message'> | undefined;
  #unknown: string[] = [];
  #unknownSegments: FieldSegments[] = [];
  /** keys and indices: the strict-error path (`spec.containers[0].commad`) */
  #path: (string | number)[] = [];
  /** struct field names only: Go's error-context FieldStack (`spec.containers.ports`) */
  #fields: string[] = [];

  run(obj: Record<string, unknown>, root: StructNode): Found | undefined {
    try {
      this.#struct(obj, root);
    } catch (e) {
      if (e instanceof Fatal) return e.problem;
      throw e;
    }
    if (this.#saved) return this.#saved;
    if (this.#unknown.length === 0) return undefined;
    const fields = this.#unknown.map((path, i) => ({ path, segments: this.#unknownSegments[i]! }));
    const decodeError = `strict decoding error: ${this.#unknown.map((p) => `unknown field "${p}"`).join(', ')}`;
    return { kind: 'unknown-fields', decodeError, path: fields[0]!.path, segments: fields[0]!.segments, fields };
  }

  #struct(o: Record<string, unknown>, node: StructNode): void {
    for (const key of orderedKeys(o)) {
      const field = node.fields.get(key);
      this.#path.push(key);
      if (field) {
        this.#fields.push(key);
        this.#value(o[key], field, node.goName);
        this.#fields.pop();
      } else if (this.#unknown.length < MAX_STRICT_ERRORS) {
        const segments = [...this.#path];
        this.#unknown.push(formatFieldPath(segments));
        this.#unknownSegments.push(segments);
      }
      this.#path.pop();
    }
  }

  #value(v: unknown, node: DecodeNode, struct: string): void {
    if (v === null || v === undefined) return;
    switch (node.kind) {
      case 'struct':
        return isObject(v) ? this.#struct(v, node) : this.#mismatch(jsonKind(v), node.goType, struct);
      case 'bytes':
        if (typeof v === 'string') {
          const err = base64Error(v);
          return err ? this.#save(err) : undefined;
        }
        return Array.isArray(v) ? this.#byteArray(v, struct) : this.#mismatch(jsonKind(v), node.goType, struct);
      case 'slice':
        if (!Array.isArray(v)) return this.#mismatch(jsonKind(v), node.goType, struct);
        for (let i = 0; i < v.length; i++) {
          this.#path.push(i);
          this.#value(v[i], node.elem, struct);
          this.#path.pop();
        }
        return;
      case 'map':
        if (!isObject(v)) return this.#mismatch(jsonKind(v), node.goType, struct);
        for (const key of orderedKeys(v)) {
          this.#path.push(key);
          this.#value(v[key], node.elem, struct);
          this.#path.pop();
        }
        return;
      case 'string':
        return typeof v === 'string' ? undefined : this.#mismatch(jsonKind(v), node.goType, struct);
      case 'bool':
        return typeof v === 'boolean' ? undefined : this.#mismatch(jsonKind(v), node.goType, struct);
      case 'float':
        return typeof v === 'number' ? undefined : this.#mismatch(jsonKind(v), node.goType, struct);
      case 'int': {
        const what = intProblem(v, node.goType);
        return what ? this.#mismatch(what, node.goType, struct) : undefined;
      }
      case 'quantity': {
        const text = typeof v === 'string' ? v.trim() : typeof v === 'object' ? '{' : String(v);
        const err = quantityError(text);
        return err ? this.#fatal(err) : undefined;
      }
      case 'intOrString': {
        // IntOrString.UnmarshalJSON: a JSON string is the string, anything else must be an int32.
        const what = typeof v === 'string' ? undefined : intProblem(v, 'int32');
        return what ? this.#fatal(this.#typeError(what, 'int32', struct)) : undefined;
      }
      case 'time':
        // metav1.Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (typeof v !== 'string') return this.#fatal(this.#typeError(jsonKind(v), 'string', struct));
        return this.#fatalIf(timeParseError(node.layout, v));
      case 'raw':
        return;
    }
  }

  /** A []byte written as a JSON array: Go decodes each element as a uint8. */
  #byteArray(v: readonly unknown[], struct: string): void {
    for (let i = 0; i < v.length; i++) {
      const b = v[i];
      if (b === null || (typeof b === 'number' && Number.isInteger(b) && b >= 0 && b < 256)) continue;
      this.#path.push(i);
      this.#mismatch(typeof b === 'number' ? `number ${String(b)}` : jsonKind(b), 'uint8', struct);
      this.#path.pop();
    }
  }

  #typeError(what: string, goType: string, struct: string): string {
    return `json: cannot unmarshal ${what} into Go struct field ${struct}.${this.#fields.join('.')} of type ${goType}`;
  }

  /** Go's saveError: the first wrong type is kept, decoding goes on. */
  #mismatch(what: string, goType: string, struct: string): void {
    this.#save(this.#typeError(what, goType, struct));
  }

  #save(decodeError: string): void {
    this.#saved ??= { kind: 'type', decodeError, path: formatFieldPath(this.#path), segments: [...this.#path] };
  }

  #fatalIf(decodeError: string | undefined): void {
    if (decodeError) this.#fatal(decodeError);
  }

  #fatal(decodeError: string): never {
    throw new Fatal({ kind: 'type', decodeError, path: formatFieldPath(this.#path), segments: [...this.#path] });
  }
}

/** What Go says when `v` is not an integer of `goType`: `string`, `number 80.5`, …; undefined if it is. */
function intProblem(v: unknown, goType: 'int32' | 'int64'): string | undefined {
  if (typeof v !== 'number') return jsonKind(v);
  const limit = goType === 'int32' ? INT32 : INT64;
  return Number.isInteger(v) && v >= -limit && v < limit ? undefined : `number ${String(v)}`;
}
