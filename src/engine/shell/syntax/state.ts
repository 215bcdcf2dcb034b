// Shared state of one parse: the text, the read position, nesting depth, heredocs waiting
// for their bodies and the warnings so far. Bash's equivalents are the globals of parse.y
// (shell_input_line, need_here_doc, redir_stack); here they live in one object per parse.

import type { CommandList, HereDocRedirect, Word } from './ast.ts';

/** Deeper nesting than this (`$(`, `${`, `(`, `{`, if/for/while) is refused, not recursed into. */
export const MAX_NESTING_DEPTH = 200;

/** A position in the script with a bash-style message. Lines and columns count from 1. */
export interface ParseDiagnostic {
  line: number;
  column: number;
  message: string;
}

/** Thrown inside the parser and turned into a ParseResult at the top; never escapes the module. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** the input ended too soon: more lines could complete it (the REPL's `> ` prompt). */
    readonly incomplete: boolean,
  ) {
    super(message);
  }
}

export interface PendingHeredoc {
  node: HereDocRedirect;
  /** offset of the `<<` operator, for the end-of-file warning. */
  offset: number;
}

/** Shell operators (bash's `|&`, `&>` and `&>>` included). */
export type Operator =
  | '&&' | '||' | ';' | ';;' | ';&' | ';;&' | '&' | '|' | '|&' | '(' | ')'
  | '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export type Token =
  | { kind: 'word'; word: Word; start: number }
  /** `fd` is the IO number written right before a redirection (`2>`), else null. */
  | { kind: 'op'; op: Operator; fd: number | null; start: number }
  | { kind: 'newline'; start: number }
  | { kind: 'eof'; start: number };

/**
 * Parses a command list for `$(...)` (open = offset of `$(`; stops after the matching `)`)
 * or a whole text (open = null; backquoted commands). Lives on the state so the word reader
 * can recurse into the grammar without importing it.
 */
export type NestedParser = (st: ParseState, open: number | null) => CommandList;

export class ParseState {
  pos = 0;
  /** one token of lookahead (see lexer.ts). */
  peeked: Token | null = null;
  /** the last token read was `>&` or `<&`, whose target may be a bare fd number. */
  afterDup = false;
  depth = 0;
  pendingHeredocs: PendingHeredoc[] = [];
  warnings: ParseDiagnostic[] = [];
  /** the text ended in a lone backslash: an interactive shell would wait for another line. */
  trailingBackslash = false;
  /** set when a heredoc ran into the end of the input. */
  heredocAtEof = false;
  #lineStarts: number[] | null = null;

  constructor(
    readonly text: string,
    readonly parseNested: NestedParser,
    /** lines before `text` in the script, for texts cut out of a larger one (backquotes). */
    readonly lineBase = 0,
  ) {}

  /** The character at `pos`, after skipping backslash-newline pairs (line continuations). */
  peek(): string | undefined {
    const text = this.text;
    if (text.charCodeAt(this.pos) === 92 && text.charCodeAt(this.pos + 1) === 10) {
      do this.pos += 2;
      while (text.charCodeAt(this.pos) === 92 && text.charCodeAt(this.pos + 1) === 10);
      if (this.pos >= text.length) this.trailingBackslash = true;
    }
    return text[this.pos];
  }

  /** Moves past the current character and returns the next one (continuations skipped). */
  advance(): string | undefined {
    this.pos++;
    return this.peek();
  }

  enter(offset: number): void {
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new ShellSyntaxError(`maximum nesting depth exceeded (${MAX_NESTING_DEPTH})`, offset, false);
    }
  }

  leave(): void {
    this.depth--;
  }

  fail(message: string, offset: number, incomplete = false): never {
    throw new ShellSyntaxError(message, offset, incomplete);
  }

  /** Line and column (1-based) of an offset into `text`. */
  locate(offset: number): { line: number; column: number } {
    const starts = (this.#lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lineBase + lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  lineOf(offset: number): number {
    return this.locate(offset).line;
  }

  diagnostic(message: string, offset: number): ParseDiagnostic {
    return { ...this.locate(offset), message };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** `NAME` as bash accepts it for variables and `for`. */
export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}
