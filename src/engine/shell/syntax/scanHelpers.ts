// Small non-recursive pieces of the word reader: collecting parts, decoding `$'...'`,
// unescaping backquoted commands, finding where `$((` and `${` end, and reading a heredoc
// delimiter. Each mirrors one helper in bash's parse.y / subst.c (ansicstr, parse_matched_pair,
// string_quote_removal).

import type { WordPart } from './ast.ts';

/** Collects word parts, merging adjacent literal text and adjacent escaped characters. */
export class PartsBuilder {
  readonly parts: WordPart[] = [];
  lit = '';

  add(text: string): void {
    this.lit += text;
  }

  addEscaped(ch: string): void {
    this.#flush();
    const last = this.parts[this.parts.length - 1];
    if (last?.type === 'escaped') last.value += ch;
    else this.parts.push({ type: 'escaped', value: ch });
  }

  push(part: WordPart): void {
    if (part.type === 'literal') {
      this.lit += part.value;
      return;
    }
    this.#flush();
    this.parts.push(part);
  }

  isEmpty(): boolean {
    return this.lit === '' && this.parts.length === 0;
  }

  finish(): WordPart[] {
    this.#flush();
    return this.parts;
  }

  #flush(): void {
    if (this.lit !== '') this.parts.push({ type: 'literal', value: this.lit });
    this.lit = '';
  }
}

const ANSI_SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/**
 * Reads `$'...'` starting at the quote after `$`; returns the decoded value and the offset
 * after the closing quote, or null when the quote never closes.
 */
export function readAnsiC(text: string, quote: number): { value: string; end: number } | null {
  let value = '';
  let i = quote + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'") return { value, end: i + 1 };
    if (c !== '\\' || i + 1 >= text.length) {
      value += c;
      i++;
      continue;
    }
    const n = text[i + 1] as string;
    const simple = ANSI_SIMPLE[n];
    const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4)) : null;
    const uni = n === 'u' || n === 'U' ? /^[0-9a-fA-F]{1,8}/.exec(text.slice(i + 2, i + (n === 'u' ? 6 : 10))) : null;
    const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (hex) {
      value += String.fromCharCode(parseInt(hex[0], 16));
      i += 2 + hex[0].length;
    } else if (uni) {
      value += String.fromCodePoint(Math.min(parseInt(uni[0], 16), 0x10ffff));
      i += 2 + uni[0].length;
    } else if (oct) {
      value += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
      i += 1 + oct[0].length;
    } else {
      value += '\\' + n;
      i += 2;
    }
  }
  return null;
}

/**
 * Reads a backquoted command starting at the opening backquote. Inside, a backslash quotes
 * only `$`, `` ` ``, `\` (and `"` within double quotes); backslash-newline is dropped.
 * Returns the command text and the offset after the closing backquote, or null if unclosed.
 */
export function readBackquotedText(text: string, open: number, inDq: boolean): { body: string; end: number } | null {
  let body = '';
  let i = open + 1;
  const special = /[`\\]/g;
  while (i < text.length) {
    special.lastIndex = i;
    const next = special.exec(text);
    if (next === null) return null;
    body += text.slice(i, next.index);
    i = next.index;
    if (text[i] === '`') return { body, end: i + 1 };
    const n = text[i + 1];
    if (n === undefined) return null;
    if (n === '$' || n === '`' || n === '\\' || (inDq && n === '"')) body += n;
    else if (n !== '\n') body += '\\' + n;
    i += 2;
  }
  return null;
}

/**
 * How `$((` at `from` (the offset after it) closes: bash reads arithmetic when the parentheses
 * close with `))` and falls back to a command substitution starting with a subshell when they
 * close with a single `)`. Running out of input is an error either way.
 */
export function arithmeticCloser(text: string, from: number): 'arithmetic' | 'subshell' | 'unclosed' {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return text.charCodeAt(i + 1) === 41 ? 'arithmetic' : i + 1 < text.length ? 'subshell' : 'unclosed';
      depth--;
    }
  }
  return 'unclosed';
}

/** The offset of the `}` closing `${` (braces nest), or -1. Used to cut out a bad substitution. */
export function findBraceEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '\\') i++;
  }
  return -1;
}

const TILDE_USER = /[A-Za-z0-9._-]*/y;

/** The user name of a tilde prefix at `tilde`, or null when the `~` is just a character. */
export function tildeUser(text: string, tilde: number, endsPrefix: (c: string) => boolean): string | null {
  TILDE_USER.lastIndex = tilde + 1;
  const user = (TILDE_USER.exec(text) as RegExpExecArray)[0];
  const after = text[tilde + 1 + user.length];
  return after === undefined || after === '/' || endsPrefix(after) ? user : null;
}

/** A heredoc delimiter as written → the string that ends the body, and whether it was quoted. */
export function heredocDelimiter(raw: string): { delimiter: string; quoted: boolean } {
  let delimiter = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && raw[i + 1] === '\n') {
      i++;
    } else if (c === '\\' && i + 1 < raw.length) {
      quoted = true;
      delimiter += raw[++i];
    } else if (c === "'" || c === '"') {
      quoted = true;
      const end = raw.indexOf(c, i + 1);
      const stop = end === -1 ? raw.length : end;
      const inner = raw.slice(i + 1, stop);
      delimiter += c === '"' ? inner.replace(/\\([$`"\\])/g, '$1') : inner;
      i = stop;
    } else {
      delimiter += c;
    }
  }
  return { delimiter, quoted };
}
