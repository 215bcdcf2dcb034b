// YAML exactly as `kubectl -o yaml` writes it: sigs.k8s.io/yaml.Marshal, which is JSON values
// put through gopkg.in/yaml.v2's encoder. This walks the value the way yaml.v2's encoder and
// emitter (encode.go, emitterc.go) do: keys in sorter.go's order, sequences not indented under
// their key, `{}` and `[]` for empty collections, and the scalar rules of yamlScalars.ts.

import { Emitter } from './yamlEmitter.ts';
import { analyzeScalar, requestedStyle, selectScalarStyle, writeScalar, type ScalarStyle } from './yamlScalars.ts';

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => /\p{Nd}/u.test(ch);
const code = (ch: string): number => ch.codePointAt(0)!;

/**
 * yaml.v2 sorter.go keyList.Less for string keys, as vendored in kubectl 1.32 (before the
 * `digits` fix): runs of digits compare as numbers, a non-letter sorts before a letter.
 * Not transitive for keys like a2/a10/a1b; Go's order then depends on map iteration, so
 * kubectl itself is not deterministic there.
 */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return code(x) < code(y);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + code(ar[ai]!) - 48;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + code(br[bi]!) - 48;
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return code(x) < code(y);
  }
  return ar.length < br.length;
}

const compareYamlKeys = (a: string, b: string): number => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0);

/** strconv.FormatFloat(f, 'g', -1, 64) with yaml.v2's names for the infinities and NaN. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // 'g' with the shortest precision switches to an exponent from 1e6 on (and below 1e-4).
  if (exp >= -4 && exp < 6) return String(n);
  const abs = Math.abs(exp);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

/**
 * JSONToYAML parses the JSON text with yaml.v2 first: a raw NEL (U+0085, which Go's JSON does
 * not escape) inside a double-quoted scalar is a line break there, folded to a space.
 */
function asParsed(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *(?:\u0085 *)+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

interface Context {
  /** the node is a value or key of a block mapping */
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const VALUE: Context = { mapping: true, simpleKey: false };
const ITEM: Context = { mapping: false, simpleKey: false };

function scalarText(value: unknown): [string, ScalarStyle] {
  if (value === null || value === undefined) return ['null', 'plain'];
  if (typeof value === 'boolean') return [String(value), 'plain'];
  if (typeof value === 'number') {
    // JSON integers come back from yaml.v2's decoder as ints; everything else as float64.
    return [Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : goFloat(value), 'plain'];
  }
  const s = asParsed(String(value));
  return [s, requestedStyle(s)];
}

function emitScalar(e: Emitter, value: unknown, ctx: Context): void {
  const [text, requested] = scalarText(value);
  const style = selectScalarStyle(requested, analyzeScalar([...text]), text === '', ctx.simpleKey);
  e.increaseIndent(true, false);
  writeScalar(e, text, style, ctx.simpleKey);
  e.decreaseIndent();
}

/** An empty collection is written in flow style: ` {}` / ` []`. */
function emitEmpty(e: Emitter, open: string, close: string): void {
  e.indicator(open, true, true, false);
  e.increaseIndent(true, false);
  e.decreaseIndent();
  e.indicator(close, false, false, false);
}

const utf8Length = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = code(ch);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** yaml_emitter_check_simple_key: a one-line key of at most 128 bytes. */
function isSimpleKey(key: string): boolean {
  return !analyzeScalar([...key]).multiline && utf8Length(key) <= 128;
}

function emitMapping(e: Emitter, map: Readonly<Record<string, unknown>>): void {
  const keys = Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort(compareYamlKeys);
  if (keys.length === 0) return emitEmpty(e, '{', '}');
  e.increaseIndent(false, false);
  for (const key of keys) {
    e.writeIndent();
    if (isSimpleKey(key)) {
      emitScalar(e, key, { mapping: true, simpleKey: true });
      e.indicator(':', false, false, false);
    } else {
      e.indicator('?', true, false, true);
      emitScalar(e, key, VALUE);
      e.writeIndent();
      e.indicator(':', true, false, true);
    }
    emitNode(e, map[key], VALUE);
  }
  e.decreaseIndent();
}

function emitSequence(e: Emitter, items: readonly unknown[], ctx: Context): void {
  if (items.length === 0) return emitEmpty(e, '[', ']');
  // A sequence that is a mapping's value starts at its key's column (`containers:\n- name: x`).
  e.increaseIndent(false, ctx.mapping && !e.indention);
  for (const item of items) {
    e.writeIndent();
    e.indicator('-', true, false, true);
    emitNode(e, item, ITEM);
  }
  e.decreaseIndent();
}

function emitNode(e: Emitter, value: unknown, ctx: Context): void {
  if (Array.isArray(value)) emitSequence(e, value, ctx);
  else if (typeof value === 'object' && value !== null) emitMapping(e, value as Record<string, unknown>);
  else emitScalar(e, value, ctx);
}

/** sigs.k8s.io/yaml.Marshal of a JSON-shaped value; always ends with a newline. */
export function marshalYaml(value: unknown): string {
  const e = new Emitter();
  emitNode(e, value, { mapping: false, simpleKey: false });
  e.writeIndent();
  return e.out;
}
