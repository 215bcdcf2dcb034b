// Reads shell words into parts that keep their quoting: quotes, backslashes, `$NAME`,
// `${...}`, `$(...)`, backquotes, `$((...))` and tildes. Follows bash's read_token_word and
// parse_matched_pair (parse.y): a word ends at an unquoted blank or metacharacter, and
// `$(...)` is parsed as a nested command list right away, as bash 5.2 does.

import type { DoubleQuotedInner, DoubleQuotedPart, ParamOp, SingleQuotedPart, Word, WordPart } from './ast.ts';
import { PartsBuilder, arithmeticCloser, findBraceEnd, readAnsiC, readBackquotedText, tildeUser } from './scanHelpers.ts';
import { ParseState, ShellSyntaxError } from './state.ts';

const NORMAL_RUN = /[^ \t\n;&|<>()\\$`'"=:~]+/y;
const PLAIN_WORD = /[^ \t\n;&|<>()\\$`'"~]+/y;
const OPERAND_RUN = /[^}\\$`'"~/:]+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const DIGITS = /[0-9]+/y;
const ASSIGN_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*\+?$/;

/** How text between quotes (or in a heredoc, or `$((...))`) is read. */
interface QuotedMode {
  /** sticky regex matching a run of characters with no special meaning. */
  run: RegExp;
  /** characters a backslash quotes; before anything else the backslash stays. */
  escapable: string;
  /** characters ending the text (outside parentheses when `parens`). */
  closers: string;
  /** `"` opens nested double quotes (inside `${...}` operands and `$((...))`). */
  nestedQuotes: boolean;
  parens: boolean;
}

const DQ_MODE: QuotedMode = { run: /[^\\$`"]+/y, escapable: '$`"\\', closers: '"', nestedQuotes: false, parens: false };
const HEREDOC_MODE: QuotedMode = { run: /[^\\$`]+/y, escapable: '$`\\', closers: '', nestedQuotes: false, parens: false };
const ARITH_MODE: QuotedMode = { run: /[^\\$`"()]+/y, escapable: '$`"\\', closers: ')', nestedQuotes: true, parens: true };
const DQ_OPERAND_RUN = /[^\\$`"}/:]+/y;

export function isMetaChar(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';
}

/** Reads one shell word at `st.pos` (the caller has checked it does not start with a metacharacter). */
export function readWord(st: ParseState): Word {
  const start = st.pos;
  // Most words are plain (`kubectl`, `--image=nginx:1.27`): take them in one step.
  PLAIN_WORD.lastIndex = start;
  if (PLAIN_WORD.test(st.text)) {
    const next = st.text[PLAIN_WORD.lastIndex];
    if (next === undefined || isMetaChar(next)) {
      st.pos = PLAIN_WORD.lastIndex;
      const text = st.text.slice(start, st.pos);
      return { text, parts: [{ type: 'literal', value: text }] };
    }
  }
  const b = new PartsBuilder();
  readUnquoted(st, b, null);
  return { text: st.text.slice(start, st.pos), parts: b.finish() };
}

/** Unquoted text: a whole word (closers null) or an operand of `${name<op>...}` outside double quotes. */
function readUnquoted(st: ParseState, b: PartsBuilder, closers: string | null): void {
  const text = st.text;
  const isStop = closers === null ? isMetaChar : (c: string): boolean => closers.includes(c);
  const run = closers === null ? NORMAL_RUN : OPERAND_RUN;
  let assignLike = false;
  for (let c = st.peek(); c !== undefined && !isStop(c); c = st.peek()) {
    if (c === '\\') {
      const n = text[st.pos + 1];
      if (n === undefined) {
        st.trailingBackslash = true;
        b.add('\\');
        st.pos++;
      } else {
        b.addEscaped(n);
        st.pos += 2;
      }
    } else if (c === "'") b.push(readSingleQuoted(st));
    else if (c === '"') b.push(readDoubleQuoted(st));
    else if (c === '$') b.push(readDollar(st, false));
    else if (c === '`') b.push(readBackquoted(st, false));
    else if (c === '~' && (b.isEmpty() || (assignLike && /[=:]$/.test(b.lit.slice(-1))))) {
      // `A=~/x` and `PATH=~/a:~/b` expand tildes after `=` and `:`, as in bash.
      const user = tildeUser(text, st.pos, (a) => isStop(a) || (assignLike && a === ':'));
      if (user === null) b.add('~');
      else b.push({ type: 'tilde', user });
      st.pos += 1 + (user?.length ?? 0);
    } else if (c === '=' && closers === null && !assignLike && b.parts.length === 0 && ASSIGN_PREFIX.test(b.lit)) {
      assignLike = true;
      b.add('=');
      st.pos++;
    } else {
      const start = st.pos;
      st.pos = runEnd(run, text, start);
      b.add(text.slice(start, st.pos));
    }
  }
}

/** The end of the run of ordinary characters at `pos` (at least one character). */
function runEnd(run: RegExp, text: string, pos: number): number {
  run.lastIndex = pos;
  return run.test(text) ? run.lastIndex : pos + 1;
}

function readSingleQuoted(st: ParseState): SingleQuotedPart {
  const start = st.pos;
  const end = st.text.indexOf("'", start + 1);
  if (end === -1) st.fail("unexpected EOF while looking for matching `''", start, true);
  st.pos = end + 1;
  return { type: 'single-quoted', value: st.text.slice(start + 1, end) };
}

function readDoubleQuoted(st: ParseState): DoubleQuotedPart {
  const start = st.pos;
  st.pos++;
  const b = new PartsBuilder();
  if (readQuoted(st, b, DQ_MODE) === undefined) st.fail('unexpected EOF while looking for matching `"\'', start, true);
  st.pos++;
  // DQ_MODE never nests quotes, so only double-quoted-inner parts were produced.
  return { type: 'double-quoted', parts: b.finish() as DoubleQuotedInner[] };
}

/** Reads quoted-style text up to a closer (returned, not consumed) or the end (undefined). */
function readQuoted(st: ParseState, b: PartsBuilder, mode: QuotedMode): string | undefined {
  const text = st.text;
  let depth = 0;
  for (let c = st.peek(); c !== undefined; c = st.peek()) {
    if (mode.parens && (c === '(' || (c === ')' && depth > 0))) {
      depth += c === '(' ? 1 : -1;
      b.add(c);
      st.pos++;
      continue;
    }
    if (mode.closers.includes(c)) return c;
    if (c === '\\') {
      const n = text[st.pos + 1];
      const quoted = n !== undefined && mode.escapable.includes(n);
      b.add(quoted ? n : '\\');
      st.pos += quoted ? 2 : 1;
    } else if (c === '$') b.push(readDollar(st, true));
    else if (c === '`') b.push(readBackquoted(st, true));
    else if (c === '"' && mode.nestedQuotes) b.push(readDoubleQuoted(st));
    else {
      const start = st.pos;
      st.pos = runEnd(mode.run, text, start);
      b.add(text.slice(start, st.pos));
    }
  }
  return undefined;
}

/** Reads what follows a `$`: an expansion, or a plain `$` when nothing expandable follows. */
function readDollar(st: ParseState, inDq: boolean): WordPart {
  const start = st.pos;
  const c = st.advance();
  if (c === '{') return readBraced(st, start, inDq);
  if (c === '(') return readParen(st, start);
  if (c === "'" && !inDq) {
    const ansi = readAnsiC(st.text, st.pos);
    if (ansi === null) st.fail("unexpected EOF while looking for matching `''", st.pos, true);
    st.pos = ansi.end;
    return { type: 'single-quoted', value: ansi.value };
  }
  if (c === '"' && !inDq) return readDoubleQuoted(st); // $"..." (locale translation) is plain "..." here
  const name = c === undefined ? null : matchAt(NAME, st) ?? (/[?#$!@*0-9-]/.test(c) ? c : null);
  if (name === null) return { type: 'literal', value: '$' };
  st.pos += name.length;
  return { type: 'param', name, op: null };
}

function matchAt(re: RegExp, st: ParseState): string | null {
  re.lastIndex = st.pos;
  return re.exec(st.text)?.[0] ?? null;
}

/** `$(` at `start`: arithmetic `$((...))` when it closes with `))`, else a command substitution. */
function readParen(st: ParseState, start: number): WordPart {
  st.enter(start);
  st.pos++;
  const closer = st.text[st.pos] === '(' ? arithmeticCloser(st.text, st.pos + 1) : 'subshell';
  if (closer === 'unclosed') st.fail("unexpected EOF while looking for matching `)'", start, true);
  if (closer === 'arithmetic') {
    const exprStart = st.pos + 1;
    st.pos = exprStart;
    const b = new PartsBuilder();
    if (readQuoted(st, b, ARITH_MODE) === ')' && st.text[st.pos + 1] === ')') {
      const expression: Word = { text: st.text.slice(exprStart, st.pos), parts: b.finish() };
      st.pos += 2;
      st.leave();
      return { type: 'arithmetic', expression };
    }
    st.pos = exprStart - 1; // the quoting fooled the quick scan: read it as `$( (...) )`
  }
  const bodyStart = st.pos;
  const list = st.parseNested(st, start);
  st.leave();
  return { type: 'command-substitution', list, source: st.text.slice(bodyStart, st.pos - 1), backquoted: false };
}

function readBackquoted(st: ParseState, inDq: boolean): WordPart {
  const start = st.pos;
  const found = readBackquotedText(st.text, start, inDq);
  if (found === null) st.fail('unexpected EOF while looking for matching ``\'', start, true);
  const sub = new ParseState(found.body, st.parseNested, st.lineOf(start) - 1);
  sub.depth = st.depth;
  sub.enter(start);
  try {
    const list = st.parseNested(sub, null);
    st.pos = found.end;
    return { type: 'command-substitution', list, source: found.body, backquoted: true };
  } catch (e) {
    // positions inside the unescaped copy do not map back; point at the backquote instead.
    if (e instanceof ShellSyntaxError) st.fail(e.message, start, e.incomplete);
    throw e;
  }
}

/** `${...}` with `st.pos` on the `{`. Forms bash does not know become a bad-substitution part. */
function readBraced(st: ParseState, start: number, inDq: boolean): WordPart {
  st.enter(start);
  const c = st.advance();
  const isLength = c === '#' && st.text[st.pos + 1] !== '}' && st.text[st.pos + 1] !== undefined;
  if (isLength) st.pos++;
  const name = matchAt(NAME, st) ?? matchAt(DIGITS, st) ?? (/[?#$!@*-]/.test(st.text[st.pos] ?? '') ? (st.text[st.pos] as string) : null);
  if (name === null) return badSubstitution(st, start);
  st.pos += name.length;
  const op = isLength ? st.peek() === '}' ? { kind: 'length' as const } : null : readParamOp(st, start, inDq);
  if (op === null || st.peek() !== '}') return badSubstitution(st, start);
  st.pos++;
  st.leave();
  return { type: 'param', name, op: op === 'none' ? null : op };
}

/** the operator after the name; 'none' for a plain `${name}`, null for something bash rejects. */
type ParsedOp = ParamOp | 'none' | null;

function readParamOp(st: ParseState, start: number, inDq: boolean): ParsedOp {
  const c = st.peek();
  if (c === '}') return 'none';
  const operand = (closers: string): Word => readOperand(st, start, inDq, closers);
  const colon = c === ':';
  const op = colon ? st.advance() : c;
  const kind = op === '-' ? 'default' : op === '=' ? 'assign' : op === '+' ? 'alternative' : op === '?' ? 'error' : null;
  if (kind !== null) {
    st.pos++;
    return { kind, colon, word: operand('}') };
  }
  if (colon) {
    const offset = operand(':}');
    const length = st.peek() === ':' ? (st.pos++, operand('}')) : null;
    return { kind: 'substring', offset, length };
  }
  if (op === '#' || op === '%') {
    const longest = st.advance() === op;
    if (longest) st.pos++;
    return { kind: op === '#' ? 'remove-prefix' : 'remove-suffix', longest, pattern: operand('}') };
  }
  if (op === '/') {
    const n = st.advance();
    const all = n === '/';
    const anchor = n === '#' ? 'start' : n === '%' ? 'end' : null;
    if (all || anchor !== null) st.pos++;
    const pattern = operand('/}');
    const replacement = st.peek() === '/' ? (st.pos++, operand('}')) : { text: '', parts: [] };
    return { kind: 'replace', all, anchor, pattern, replacement };
  }
  return null;
}

/** The word after a `${name<op>` up to one of `closers`; inside double quotes it reads like quoted text. */
function readOperand(st: ParseState, open: number, inDq: boolean, closers: string): Word {
  const start = st.pos;
  const b = new PartsBuilder();
  if (inDq) {
    readQuoted(st, b, { run: DQ_OPERAND_RUN, escapable: '$`"\\}', closers, nestedQuotes: true, parens: false });
  } else {
    readUnquoted(st, b, closers);
  }
  if (st.peek() === undefined) st.fail("unexpected EOF while looking for matching `}'", open, true);
  return { text: st.text.slice(start, st.pos), parts: b.finish() };
}

function badSubstitution(st: ParseState, start: number): WordPart {
  const end = findBraceEnd(st.text, start + 2);
  if (end === -1) st.fail("unexpected EOF while looking for matching `}'", start, true);
  st.pos = end + 1;
  st.leave();
  return { type: 'bad-substitution', text: st.text.slice(start, end + 1) };
}

/** The parts of an unquoted heredoc body: `$` expansions and backquotes; `\` quotes only `$`, `` ` ``, `\`. */
export function readHeredocParts(st: ParseState): WordPart[] {
  const b = new PartsBuilder();
  readQuoted(st, b, HEREDOC_MODE);
  return b.finish();
}
