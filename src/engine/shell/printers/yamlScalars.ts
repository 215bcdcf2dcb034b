// How yaml.v2 writes one string: double quotes when the plain text would read back as another
// type (encode.go stringv + resolve.go: `"80"`, `"true"`, `"yes"`, `""`, timestamps), single
// quotes when YAML syntax forbids plain, `|` literals for multi-line text, and emitterc.go's
// writers that fold long scalars at spaces once past column 80.

import { BEST_INDENT, BEST_WIDTH, type Emitter } from './yamlEmitter.ts';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** resolve.go resolveMap entries: YAML 1.1 booleans, nulls, infinities and NaN. */
const RESOLVED = new Set(
  [
    'y Y yes Yes YES true True TRUE on On ON',
    'n N no No NO false False FALSE off Off OFF',
    '~ null Null NULL',
    '.nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF',
  ].flatMap((s) => s.split(' ')),
);

const INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2})))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?))?$/;

const daysIn = (month: number, year: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** parseTimestamp: the layouts yaml.v2 tries with time.Parse, including its range checks. */
function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const n = m.map((x) => (x === undefined ? undefined : Number(x)));
  const [year, month, day] = [n[1]!, n[2]!, n[3]!];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  const hour = n[4] ?? n[9];
  const minute = n[5] ?? n[10];
  const second = n[6] ?? n[11];
  if (hour !== undefined && (hour > 23 || minute! > 59 || second! > 59)) return false;
  return n[7] === undefined || (n[7] <= 24 && n[8]! <= 60);
}

/** resolve("", s) != !!str: would this text, unquoted, read back as something else? */
function resolvesToNonString(s: string): boolean {
  if (s === '' || RESOLVED.has(s)) return true;
  const first = s[0]!;
  if (first === '.') return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (INT.test(plain)) return true;
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  return /^-0[bB][01]+$/.test(plain);
}

/** encode.go stringv: the style asked for; the emitter may still change plain to quoted. */
export function requestedStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  return resolvesToNonString(s) || BASE60_FLOAT.test(s) ? 'double' : 'plain';
}

const isBreak = (ch: string | undefined): boolean =>
  ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** emitterc.go is_printable: tabs, control characters and 4-byte UTF-8 (emoji) are not. */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for block context (flow indicators do not matter there). */
export function analyzeScalar(chars: readonly string[]): ScalarAnalysis {
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const text = chars.join('');
  let indicators = text.startsWith('---') || text.startsWith('...');
  const f = { lineBreaks: false, special: false, edgeSpace: false, trailingSpace: false, breakSpace: false, spaceBreak: false };
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch) || ('?:-'.includes(ch) && followedByWhitespace)) indicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(ch)) f.special = true;
    const edge = i === 0 || i === chars.length - 1;
    if (ch === ' ') {
      if (edge) f.edgeSpace = true;
      if (i === chars.length - 1) f.trailingSpace = true;
      if (previousBreak) f.breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(ch)) {
      f.lineBreaks = true;
      if (edge) f.edgeSpace = true;
      if (previousSpace) f.spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else {
      [previousSpace, previousBreak] = [false, false];
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch) || ch === '\0';
  });
  const noPlain = f.edgeSpace || f.breakSpace || f.spaceBreak || f.special || f.lineBreaks || indicators;
  return {
    multiline: f.lineBreaks,
    blockPlainAllowed: !noPlain,
    singleQuotedAllowed: !(f.breakSpace || f.spaceBreak || f.special),
    blockAllowed: !(f.trailingSpace || f.spaceBreak || f.special),
  };
}

/** yaml_emitter_select_scalar_style at flow level 0. */
export function selectScalarStyle(style: ScalarStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): ScalarStyle {
  let s = style;
  if (simpleKey && a.multiline) s = 'double';
  if (s === 'plain' && (!a.blockPlainAllowed || (empty && simpleKey))) s = 'single';
  if (s === 'single' && !a.singleQuotedAllowed) s = 'double';
  if (s === 'literal' && (!a.blockAllowed || simpleKey)) s = 'double';
  return s;
}

/** plain and single-quoted scalars share their folding: break at a space past column 80. */
function writeFolded(e: Emitter, chars: readonly string[], allowBreaks: boolean, quoted: boolean): void {
  let spaces = false;
  let breaks = false;
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      const inner = !quoted || (i > 0 && i < chars.length - 1);
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && inner && chars[i + 1] !== ' ') e.writeIndent();
      else e.put(ch);
      spaces = true;
    } else if (isBreak(ch)) {
      if (!breaks && ch === '\n') e.putBreak();
      e.writeBreak(ch);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      if (quoted && ch === "'") e.put("'");
      e.put(ch);
      e.indention = false;
      spaces = false;
      breaks = false;
    }
  });
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escape(ch: string): string {
  const v = ch.codePointAt(0)!;
  const short = SHORT_ESCAPES[v];
  if (short !== undefined) return `\\${short}`;
  const [prefix, width] = v <= 0xff ? ['x', 2] : v <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${prefix}${v.toString(16).toUpperCase().padStart(width, '0')}`;
}

function writeDoubleQuoted(e: Emitter, chars: readonly string[], allowBreaks: boolean): void {
  e.indicator('"', true, false, false);
  let spaces = false;
  chars.forEach((ch, i) => {
    if (!isPrintable(ch) || ch === '\ufeff' || isBreak(ch) || ch === '"' || ch === '\\') {
      e.put(escape(ch));
      spaces = false;
    } else if (ch === ' ') {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        e.writeIndent();
        // A space after the fold would be eaten by the reader: escape it.
        if (chars[i + 1] === ' ') e.put('\\');
      } else e.put(ch);
      spaces = true;
    } else {
      e.put(ch);
      spaces = false;
    }
  });
  e.indicator('"', false, false, false);
}

/** yaml_emitter_write_block_scalar_hints: `2` when the text starts with a space or break, then chomping. */
function blockHints(chars: readonly string[]): string {
  const indentHint = chars[0] === ' ' || isBreak(chars[0]) ? String(BEST_INDENT) : '';
  const n = chars.length;
  if (n === 0 || !isBreak(chars[n - 1])) return `${indentHint}-`;
  if (n === 1 || isBreak(chars[n - 2])) return `${indentHint}+`;
  return indentHint;
}

function writeLiteral(e: Emitter, chars: readonly string[]): void {
  e.indicator('|', true, false, false);
  e.indicator(blockHints(chars), false, false, false);
  e.putBreak();
  e.indention = true;
  e.whitespace = true;
  let breaks = true;
  for (const ch of chars) {
    if (isBreak(ch)) {
      e.writeBreak(ch);
      e.indention = true;
      breaks = true;
    } else {
      if (breaks) e.writeIndent();
      e.put(ch);
      e.indention = false;
      breaks = false;
    }
  }
}

/** yaml_emitter_process_scalar after the style has been chosen. */
export function writeScalar(e: Emitter, text: string, style: ScalarStyle, simpleKey: boolean): void {
  const chars = [...text];
  switch (style) {
    case 'plain':
      if (!e.whitespace) e.put(' ');
      writeFolded(e, chars, !simpleKey, false);
      e.whitespace = false;
      e.indention = false;
      return;
    case 'single':
      e.indicator("'", true, false, false);
      writeFolded(e, chars, !simpleKey, true);
      e.indicator("'", false, false, false);
      return;
    case 'double':
      writeDoubleQuoted(e, chars, !simpleKey);
      return;
    case 'literal':
      writeLiteral(e, chars);
  }
}
