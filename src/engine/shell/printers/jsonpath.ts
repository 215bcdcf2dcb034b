// `kubectl -o jsonpath=...`: evaluation and printing as in k8s.io/client-go/util/jsonpath
// (jsonpath.go) with kubectl's settings (missing keys allowed). Scalars print as Go's fmt
// does, maps and lists as compact JSON, several results of one expression space-separated.

import { utf8Encode } from '../../base64.ts';

import { marshalCompactJson } from './formats.ts';
import { goFloat } from './goyaml.ts';
import { parseJsonPath, type JsonPathNode, type ListNode, type SliceParam } from './jsonpathParser.ts';
import { compareStrings } from './table.ts';

/** A JSON value as the jsonpath engine sees it (null = Go's nil interface). */
type Value = unknown;

export class JsonPathError extends Error {}

const isMap = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedKeys = (m: Record<string, Value>): string[] => Object.keys(m).sort(compareStrings);

/** Go type names of unstructured values, for error messages. */
function goType(v: Value): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v;
}

/** fmt.Sprint of a value (%v): maps as map[k:v], lists as [a b]. */
export function goPrint(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goPrint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** Children in Go's order; map order is random in Go, sorted keys here. */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return utf8Encode(v); // `[*]` on a string yields its UTF-8 bytes, as Go's Index does
  return [];
}


type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Value): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JsonPathError('invalid type for comparison');
}

/** The forked text/template comparison functions (eq, lt, ...). */
function compare(left: Value, right: Value, operator: string): boolean {
  const [k1, k2] = [basicKind(left), basicKind(right)];
  const equal = (): boolean => {
    if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
    return left === right;
  };
  const less = (): boolean => {
    if (k1 === 'bool') throw new JsonPathError('invalid type for comparison');
    if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
    return k1 === 'string' ? compareStrings(left as string, right as string) < 0 : (left as number) < (right as number);
  };
  switch (operator) {
    case '==':
      return equal();
    case '!=':
      return !equal();
    case '<':
      return less();
    case '<=':
      return less() || equal();
    case '>':
      return !(less() || equal());
    case '>=':
      return !less();
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}

function evalArray(input: readonly Value[], params: readonly SliceParam[]): Value[] {
  const result: Value[] = [];
  for (const value of input) {
    if (value === null) continue;
    if (!Array.isArray(value)) throw new JsonPathError(`${goType(value)} is not array or slice`);
    const len = value.length;
    let start = params[0]!.known ? params[0]!.value : 0;
    if (start < 0) start += len;
    let end = params[1]!.known ? params[1]!.value : len;
    if (end < 0 || (end === 0 && params[1]!.derived)) end += len;
    if (end === start) return result;
    if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
    if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
    if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
    const step = params[2]!.known ? params[2]!.value : 1;
    if (params[2]!.known && step <= 0) throw new JsonPathError('step must be > 0');
    for (let i = start; i < end; i += step) result.push(value[i]);
  }
  return result;
}

function evalRecursive(input: readonly Value[]): Value[] {
  const result: Value[] = [];
  for (const value of input) {
    if (value === null) continue;
    const kids = children(value);
    if (kids.length > 0) result.push(value, ...evalRecursive(kids));
  }
  return result;
}

function evalFilter(input: readonly Value[], node: Extract<JsonPathNode, { kind: 'filter' }>, ev: Evaluator): Value[] {
  const results: Value[] = [];
  for (const value of input) {
    if (!Array.isArray(value)) throw new JsonPathError(`${goPrint(value)} is not array or slice and cannot be filtered`);
    for (const item of value) {
      if (node.operator === 'exists') {
        let lefts: Value[] = [];
        try {
          lefts = ev.evalList([item], node.left);
        } catch {
          // errors only mean "does not exist" here
        }
        if (lefts.length > 0) results.push(item);
        continue;
      }
      const lefts = ev.evalList([item], node.left);
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
      const rights = ev.evalList([item], node.right);
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
      if (compare(lefts[0], rights[0], node.operator)) results.push(item);
    }
  }
  return results;
}

/** jsonpath.go's JSONPath: walk + FindResults, with its range/end bookkeeping. */
class Evaluator {
  #beginRange = 0;
  #inRange = 0;
  #endRange = 0;
  #lastEnd = -1;

  constructor(private readonly nodes: readonly JsonPathNode[]) {}

  walk(input: readonly Value[], node: JsonPathNode): Value[] {
    switch (node.kind) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return input.flatMap((v) => (isMap(v) && Object.hasOwn(v, node.name) ? [v[node.name]] : []));
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return evalFilter(input, node, this);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : children(v)));
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        if (node.name === 'range') {
          this.#beginRange++;
          return [...input];
        }
        if (node.name === 'end') {
          if (this.#inRange === 0) throw new JsonPathError('not in range, nothing to end');
          this.#endRange++;
          return [];
        }
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  evalList(input: readonly Value[], list: ListNode): Value[] {
    return list.nodes.reduce<Value[]>((cur, n) => this.walk(cur, n), [...input]);
  }

  findResults(start: number, data: Value): Value[][] {
    const full: Value[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const results = this.walk([data], this.nodes[i]!);
      if (this.#endRange > 0 && this.#endRange <= this.#inRange) {
        this.#endRange--;
        this.#lastEnd = i;
        break;
      }
      if (this.#beginRange > 0) {
        this.#beginRange--;
        this.#inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.findResults(i + 1, v));
        else this.findResults(i + 1, null);
        this.#inRange--;
        if (this.#lastEnd > i) i = this.#lastEnd;
        continue;
      }
      full.push(results);
    }
    return full;
  }
}

/** PrintResults: JSON for maps and lists, fmt.Print for the rest, joined by spaces. */
function printResults(results: readonly Value[]): string {
  return results
    .map((r) => (Array.isArray(r) || isMap(r) ? marshalCompactJson(r) : r === null ? 'null' : goPrint(r)))
    .join(' ');
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\',
};

/** strconv.Quote, for the template in error messages. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (NAMED_ESCAPES[ch] !== undefined) out += NAMED_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** fmt's %#v of an unstructured value, as kubectl dumps the object after a failed template. */
export function goSyntax(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSyntax(v[k])}`).join(', ')}}`;
  return String(v);
}

/** FindResults: each top-level expression's values. Throws Error with the raw parse/evaluation message. */
export function evaluateJsonPath(template: string, data: Value): Value[][] {
  return new Evaluator(parseJsonPath(template).nodes).findResults(0, data);
}

export type JsonPathResult = { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string };

/**
 * Runs a kubectl jsonpath template on one object (or List). On failure `error` is kubectl's
 * message, newlines included, to be printed after `error: ` (kubectl prints nothing on stdout).
 */
export function executeJsonPath(template: string, data: Value): JsonPathResult {
  let root: ListNode;
  try {
    root = parseJsonPath(template);
  } catch (e) {
    return { ok: false, error: `error parsing jsonpath ${template}, ${(e as Error).message}\n` };
  }
  try {
    return { ok: true, output: new Evaluator(root.nodes).findResults(0, data).map(printResults).join('') };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const details = `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
    return {
      ok: false,
      error: `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n${details}\n`,
    };
  }
}
