// Entry point of the lab shell's parser: a script becomes top-level units, one per line
// as bash reads them (a line plus whatever continues it: backslash-newline, `&&` at the end,
// an open `if`/`for`, heredoc bodies). Like bash reading a script, units before a syntax
// error are kept so they can run before the error is reported.

import type { CommandList, WordPart } from './ast.ts';
import { parseLine, parseNested, skipNewlines } from './grammar.ts';
import { nextToken, peekToken } from './lexer.ts';
import { ParseState, ShellSyntaxError } from './state.ts';
import type { ParseDiagnostic } from './state.ts';
import { readHeredocParts } from './words.ts';

export type { ParseDiagnostic } from './state.ts';
export { MAX_NESTING_DEPTH } from './state.ts';
export { splitAssignment } from './grammar.ts';

/** One top-level command line of a script: what a transcript shows behind one `$ `. */
export interface ScriptUnit {
  list: CommandList;
  /** the exact text of the unit (CRLF read as LF), heredoc bodies and trailing comment included. */
  source: string;
  /** the first physical line as written (a trailing `\` included), for the `$ ` prompt line. */
  firstLine: string;
  /** 1-based line of `firstLine` in the script. */
  line: number;
  /** bash warnings met while reading this unit (a heredoc cut off by the end of input). */
  warnings: ParseDiagnostic[];
}

/** A syntax error. `incomplete`: the input ended too soon, so more lines could still complete it. */
export interface ParseError extends ParseDiagnostic {
  incomplete: boolean;
}

export type ParseResult =
  | {
      ok: true;
      units: ScriptUnit[];
      /** all units' warnings, in order. */
      warnings: ParseDiagnostic[];
      /** ended inside a heredoc or on a line continuation: an interactive shell would ask for more. */
      incomplete: boolean;
    }
  | {
      ok: false;
      /** the units before the error (bash runs these, then reports the error and stops). */
      units: ScriptUnit[];
      error: ParseError;
      warnings: ParseDiagnostic[];
    };

/** Parses a whole script. Never throws: errors come back as `{ ok: false, error }`. */
export function parseScript(text: string): ParseResult {
  const src = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  const st = new ParseState(src, parseNested);
  const units: ScriptUnit[] = [];
  try {
    for (skipNewlines(st); peekToken(st).kind !== 'eof'; skipNewlines(st)) {
      units.push(parseUnit(st));
    }
  } catch (e) {
    const error = toError(st, e);
    return { ok: false, units, error, warnings: st.warnings };
  }
  return { ok: true, units, warnings: st.warnings, incomplete: st.heredocAtEof || st.trailingBackslash };
}

function parseUnit(st: ParseState): ScriptUnit {
  const start = peekToken(st).start;
  const warningsBefore = st.warnings.length;
  const list = parseLine(st);
  nextToken(st); // the newline (after which the heredoc bodies were read) or the end
  const text = st.text;
  const end = text.charCodeAt(st.pos - 1) === 10 ? st.pos - 1 : st.pos;
  const eol = text.indexOf('\n', start);
  return {
    list,
    source: text.slice(start, Math.max(start, end)),
    firstLine: text.slice(start, eol === -1 ? text.length : eol),
    line: st.lineOf(start),
    warnings: st.warnings.slice(warningsBefore),
  };
}

function toError(st: ParseState, e: unknown): ParseError {
  if (e instanceof ShellSyntaxError) {
    // bash reads a missing final newline at the end of input, so it reports running out of
    // input on the line after the last one.
    const text = st.text;
    if (e.incomplete && e.offset >= text.length && text !== '' && !text.endsWith('\n')) {
      return { line: st.lineOf(text.length) + 1, column: 1, message: e.message, incomplete: true };
    }
    return { ...st.diagnostic(e.message, e.offset), incomplete: e.incomplete };
  }
  // The nesting cap keeps recursion shallow; this only guards against an engine with a tiny stack.
  if (e instanceof RangeError) return { ...st.diagnostic('script too deeply nested', st.pos), incomplete: false };
  throw e;
}

/**
 * Parses an unquoted heredoc body into parts (`$VAR`, `${...}`, `$(...)`, backquotes, `$((...))`).
 * Bash does this when the heredoc is used, so errors here are run-time errors.
 */
export function parseHeredocBody(body: string): { ok: true; parts: WordPart[] } | { ok: false; message: string } {
  const st = new ParseState(body, parseNested);
  try {
    return { ok: true, parts: readHeredocParts(st) };
  } catch (e) {
    return { ok: false, message: toError(st, e).message };
  }
}
