// The command grammar: lists, and-or lists, pipelines, simple commands with assignments and
// redirections, and the compound commands for/while/until/if/{ }/( ). A recursive-descent
// reading of bash's yacc grammar (parse.y) with its error messages ("syntax error near
// unexpected token `X'", "syntax error: unexpected end of file").

import type { AndOrList, Assignment, Command, CommandList, HereDocRedirect, IfClause, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';
import { nextToken, peekToken } from './lexer.ts';
import { heredocDelimiter } from './scanHelpers.ts';
import { ShellSyntaxError } from './state.ts';
import type { Operator, ParseState, Token } from './state.ts';

/** Reserved words that end a list; where a command should start they are a syntax error. */
const RESERVED = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'esac', 'in']);
const UNSUPPORTED = new Set(['case', 'select', 'function', 'coproc']);
const REDIRECT_OPS = new Set<Operator>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);

type Closer = (t: Token) => boolean;
const closeParen: Closer = (t) => t.kind === 'op' && t.op === ')';
const keyword = (word: string): Closer => (t) => keywordOf(t) === word;
const closeThen = keyword('then');
const closeDo = keyword('do');
const closeDone = keyword('done');
const closeFi = keyword('fi');
const closeBrace = keyword('}');
const closeIfBody: Closer = (t) => {
  const kw = keywordOf(t);
  return kw === 'elif' || kw === 'else' || kw === 'fi';
};

/** The word's text if it could be a reserved word (one unquoted literal), else null. */
function keywordOf(t: Token): string | null {
  if (t.kind !== 'word' || t.word.parts.length !== 1) return null;
  const only = t.word.parts[0];
  return only?.type === 'literal' ? only.value : null;
}

type OpToken = Extract<Token, { kind: 'op' }>;

/** `t` is operator `a` (or `b`). Two fixed parameters, no rest array: this runs for every token. */
function isOp<O extends Operator>(t: Token, a: O, b?: O): t is OpToken & { op: O } {
  return t.kind === 'op' && (t.op === a || t.op === b);
}

function unexpected(st: ParseState, t: Token): never {
  if (t.kind === 'eof') st.fail('syntax error: unexpected end of file', t.start, true);
  // an fd number read before an operator is its own token in bash, so it is the one reported
  const text = t.kind === 'newline' ? 'newline' : t.kind === 'op' ? (t.fd !== null ? String(t.fd) : t.op) : t.word.text;
  st.fail(`syntax error near unexpected token \`${text}'`, t.start);
}

function expectKeyword(st: ParseState, word: string): void {
  const t = peekToken(st);
  if (keywordOf(t) !== word) unexpected(st, t);
  nextToken(st);
}

export function skipNewlines(st: ParseState): void {
  while (peekToken(st).kind === 'newline') nextToken(st);
}

/** One top-level line: and-or lists separated by `;` or `&`, up to a newline or the end (not consumed). */
export function parseLine(st: ParseState): CommandList {
  const items: AndOrList[] = [];
  for (;;) {
    const item = parseAndOr(st);
    items.push(item);
    const t = peekToken(st);
    if (isOp(t, ';', '&')) {
      nextToken(st);
      item.background = t.op === '&';
      const after = peekToken(st);
      if (after.kind === 'newline' || after.kind === 'eof') break;
    } else if (t.kind === 'newline' || t.kind === 'eof') {
      break;
    } else {
      unexpected(st, t);
    }
  }
  return { type: 'list', items };
}

/** A list inside a compound command: and-or lists separated by `;`, `&` or newlines, up to `closer`. */
function parseCompoundList(st: ParseState, closer: Closer): CommandList {
  skipNewlines(st);
  const items: AndOrList[] = [];
  for (let t = peekToken(st); t.kind !== 'eof' && !closer(t); t = peekToken(st)) {
    const item = parseAndOr(st);
    items.push(item);
    const sep = peekToken(st);
    if (isOp(sep, ';', '&')) {
      nextToken(st);
      item.background = sep.op === '&';
    } else if (sep.kind !== 'newline') {
      break;
    }
    skipNewlines(st);
  }
  if (items.length === 0) unexpected(st, peekToken(st));
  return { type: 'list', items };
}

/** The body of `$(...)` (open = offset of `$(`) or of a backquoted command (open = null). */
export function parseNested(st: ParseState, open: number | null): CommandList {
  if (open === null) {
    skipNewlines(st);
    const t = peekToken(st);
    const list: CommandList = t.kind === 'eof' ? { type: 'list', items: [] } : parseCompoundList(st, (u) => u.kind === 'eof');
    if (peekToken(st).kind !== 'eof') unexpected(st, peekToken(st));
    return list;
  }
  try {
    skipNewlines(st);
    const list: CommandList = closeParen(peekToken(st)) ? { type: 'list', items: [] } : parseCompoundList(st, closeParen);
    const t = peekToken(st);
    if (!closeParen(t)) unexpected(st, t);
    nextToken(st);
    return list;
  } catch (e) {
    // bash reads `$(` up to its matching `)` first, so any early end of input is reported as that.
    if (e instanceof ShellSyntaxError && e.incomplete && e.offset >= st.text.length) {
      st.fail("unexpected EOF while looking for matching `)'", e.offset, true);
    }
    throw e;
  }
}

function parseAndOr(st: ParseState): AndOrList {
  const item: AndOrList = { type: 'and-or', first: parsePipeline(st), rest: [], background: false };
  for (let t = peekToken(st); isOp(t, '&&', '||'); t = peekToken(st)) {
    nextToken(st);
    skipNewlines(st);
    item.rest.push({ op: t.op, pipeline: parsePipeline(st) });
  }
  return item;
}

function parsePipeline(st: ParseState): Pipeline {
  let negated = false;
  let bang: Token | null = null;
  while (keywordOf(peekToken(st)) === '!') {
    bang = nextToken(st);
    negated = !negated;
  }
  const end = peekToken(st);
  if (bang !== null && (end.kind === 'newline' || end.kind === 'eof' || isOp(end, ';'))) {
    // bash accepts a lone `!`: an empty command (status 0), negated
    const empty: SimpleCommand = { type: 'simple', line: st.lineOf(bang.start), assignments: [], words: [], redirects: [] };
    return { type: 'pipeline', commands: [empty], negated };
  }
  const commands = [parseCommand(st)];
  for (let t = peekToken(st); isOp(t, '|', '|&'); t = peekToken(st)) {
    nextToken(st);
    // `a |& b` is bash's shorthand for `a 2>&1 | b`
    if (t.op === '|&') commands[commands.length - 1]?.redirects.push({ type: 'dup', fd: 2, target: literalWord('1') });
    skipNewlines(st);
    if (keywordOf(peekToken(st)) === '!') unexpected(st, peekToken(st)); // `!` only starts a pipeline
    commands.push(parseCommand(st));
  }
  return { type: 'pipeline', commands, negated };
}

function parseCommand(st: ParseState): Command {
  const t = peekToken(st);
  const kw = keywordOf(t);
  const compound = isOp(t, '(') || kw === '{' || kw === 'if' || kw === 'for' || kw === 'while' || kw === 'until';
  if (!compound) {
    if (kw !== null && RESERVED.has(kw)) unexpected(st, t);
    if (kw !== null && UNSUPPORTED.has(kw)) st.fail(`\`${kw}' is not supported by the lab shell`, t.start);
    return parseSimple(st);
  }
  st.enter(t.start);
  nextToken(st);
  const line = st.lineOf(t.start);
  let command: Command;
  if (kw === 'if') command = { type: 'if', line, ...parseIfRest(st), redirects: [] };
  else if (kw === 'for') command = { type: 'for', line, ...parseForRest(st), redirects: [] };
  else if (kw === 'while' || kw === 'until') command = { type: kw, line, ...parseLoopRest(st), redirects: [] };
  else {
    const isGroup = kw === '{';
    const body = parseCompoundList(st, isGroup ? closeBrace : closeParen);
    if (isGroup) expectKeyword(st, '}');
    else if (!closeParen(peekToken(st))) unexpected(st, peekToken(st));
    else nextToken(st);
    command = { type: isGroup ? 'group' : 'subshell', line, body, redirects: [] };
  }
  while (isRedirect(peekToken(st))) command.redirects.push(parseRedirect(st));
  st.leave();
  return command;
}

function parseIfRest(st: ParseState): { clauses: IfClause[]; elseBody: CommandList | null } {
  const clauses: IfClause[] = [];
  for (;;) {
    const condition = parseCompoundList(st, closeThen);
    expectKeyword(st, 'then');
    clauses.push({ condition, body: parseCompoundList(st, closeIfBody) });
    const kw = keywordOf(peekToken(st));
    if (kw === 'elif' || kw === 'else') nextToken(st);
    if (kw === 'elif') continue;
    const elseBody = kw === 'else' ? parseCompoundList(st, closeFi) : null;
    expectKeyword(st, 'fi');
    return { clauses, elseBody };
  }
}

/** After `for`: `NAME [in WORDS...] ; do LIST done`. The name is checked when the loop runs, as bash does. */
function parseForRest(st: ParseState): { name: string; words: Word[] | null; body: CommandList } {
  const nameToken = nextToken(st);
  if (nameToken.kind !== 'word') unexpected(st, nameToken);
  skipNewlines(st);
  let words: Word[] | null = null;
  if (keywordOf(peekToken(st)) === 'in') {
    nextToken(st);
    words = [];
    for (let t = nextToken(st); t.kind !== 'newline' && !isOp(t, ';'); t = nextToken(st)) {
      if (t.kind !== 'word') unexpected(st, t);
      words.push(t.word);
    }
  } else if (isOp(peekToken(st), ';')) {
    nextToken(st);
  }
  skipNewlines(st);
  expectKeyword(st, 'do');
  const body = parseCompoundList(st, closeDone);
  expectKeyword(st, 'done');
  return { name: nameToken.word.text, words, body };
}

function parseLoopRest(st: ParseState): { condition: CommandList; body: CommandList } {
  const condition = parseCompoundList(st, closeDo);
  expectKeyword(st, 'do');
  const body = parseCompoundList(st, closeDone);
  expectKeyword(st, 'done');
  return { condition, body };
}

function parseSimple(st: ParseState): SimpleCommand {
  const first = peekToken(st);
  const cmd: SimpleCommand = { type: 'simple', line: st.lineOf(first.start), assignments: [], words: [], redirects: [] };
  let arrayStart = -1; // where `(` would open an array after `NAME=`
  for (let t = first; ; t = peekToken(st)) {
    if (isRedirect(t)) {
      cmd.redirects.push(parseRedirect(st));
    } else if (t.kind === 'word') {
      nextToken(st);
      const assignment = cmd.words.length === 0 ? splitAssignment(t.word) : null;
      if (assignment) cmd.assignments.push(assignment);
      else cmd.words.push(t.word);
      arrayStart = assignment?.value.text === '' ? t.start + t.word.text.length : -1;
    } else if (isOp(t, '(') && t.start === arrayStart) {
      st.fail('array assignments are not supported by the lab shell', t.start);
    } else if (isOp(t, '(') && cmd.words.length === 1 && cmd.assignments.length + cmd.redirects.length === 0) {
      // bash reads `name (` as the start of a function definition `name () { ...; }`
      nextToken(st);
      const close = nextToken(st);
      if (!isOp(close, ')')) unexpected(st, close.kind === 'eof' ? { kind: 'newline', start: close.start } : close);
      skipNewlines(st);
      const body = peekToken(st);
      const kw = keywordOf(body);
      if (!isOp(body, '(') && kw !== '{' && kw !== 'if' && kw !== 'for' && kw !== 'while' && kw !== 'until') unexpected(st, body);
      st.fail('function definitions are not supported by the lab shell', t.start);
    } else {
      break;
    }
  }
  if (cmd.words.length + cmd.assignments.length + cmd.redirects.length === 0) unexpected(st, first);
  return cmd;
}

/** Not a type guard on purpose: a false result must not narrow away the other operators. */
function isRedirect(t: Token): boolean {
  return t.kind === 'op' && REDIRECT_OPS.has(t.op);
}

function parseRedirect(st: ParseState): Redirect {
  const t = nextToken(st) as OpToken;
  const target = nextToken(st);
  // bash reads the end of input after a redirection operator as a newline
  if (target.kind !== 'word') unexpected(st, target.kind === 'eof' ? { kind: 'newline', start: target.start } : target);
  const word = target.word;
  const fd = t.fd;
  switch (t.op) {
    case '<<':
    case '<<-': {
      const node: HereDocRedirect = { type: 'heredoc', fd: fd ?? 0, ...heredocDelimiter(word.text), stripTabs: t.op === '<<-', body: '' };
      st.pendingHeredocs.push({ node, offset: t.start });
      return node;
    }
    case '<<<':
      return { type: 'herestring', fd: fd ?? 0, word };
    case '&>':
    case '&>>':
      return { type: 'file', fd: 'both', mode: t.op === '&>' ? 'write' : 'append', target: word };
    case '<&':
    case '>&': {
      const literal = keywordOf(target);
      // `>&file` with a word that is not a number or `-` means `&>file` in bash
      if (fd === null && t.op === '>&' && literal !== null && !/^([0-9]+|-)$/.test(literal)) {
        return { type: 'file', fd: 'both', mode: 'write', target: word };
      }
      return { type: 'dup', fd: fd ?? (t.op === '>&' ? 1 : 0), target: word };
    }
    case '<':
      return { type: 'file', fd: fd ?? 0, mode: 'read', target: word };
    case '<>':
      return { type: 'file', fd: fd ?? 0, mode: 'read-write', target: word };
    default:
      return { type: 'file', fd: fd ?? 1, mode: t.op === '>>' ? 'append' : 'write', target: word };
  }
}

function literalWord(text: string): Word {
  return { text, parts: [{ type: 'literal', value: text }] };
}

/**
 * `NAME=value` / `NAME+=value` → an assignment, else null. The parser applies it to the words
 * before a command name; `export`/`readonly` can use it on their arguments.
 */
export function splitAssignment(word: Word): Assignment | null {
  const first = word.parts[0];
  if (first?.type !== 'literal' || !first.value.includes('=')) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.value);
  if (m === null) return null;
  const tail = first.value.slice(m[0].length);
  const rest = word.parts.slice(1);
  const parts = tail === '' ? rest : [{ type: 'literal' as const, value: tail }, ...rest];
  const eq = word.text.indexOf('=');
  return { name: m[1] as string, append: m[2] === '+', value: { text: word.text.slice(eq + 1), parts } };
}
