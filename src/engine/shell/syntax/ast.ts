// The syntax tree of the lab shell: the subset of bash a learner types (pipelines, and-or
// lists, for/while/if, heredocs, redirections). Shapes follow the bash grammar (parse.y) and
// POSIX "Shell Command Language" §2.9; words keep their quoting so expansion can happen at
// run time, when variables hold the values of that moment.

/** A top-level list: and-or lists run one after the other (`a; b`, newlines, `a & b`). */
export interface CommandList {
  type: 'list';
  items: AndOrList[];
}

/** What `runSubstitution` receives: the parsed body of `$(...)` or a backquoted command. */
export type ParsedList = CommandList;

/** `p1 && p2 || p3`: run `first`, then each link depending on the previous status. */
export interface AndOrList {
  type: 'and-or';
  first: Pipeline;
  rest: AndOrLink[];
  /** ended with `&`. The lab shell has no job control and runs it in the foreground. */
  background: boolean;
}

export interface AndOrLink {
  op: '&&' | '||';
  pipeline: Pipeline;
}

/** `[!] c1 | c2 | c3`: stdout of each command feeds the next; status is the last one's. */
export interface Pipeline {
  type: 'pipeline';
  commands: Command[];
  /** `! cmd` inverts the exit status (0 becomes 1, anything else 0). */
  negated: boolean;
}

export type Command = SimpleCommand | ForCommand | WhileCommand | IfCommand | BraceGroup | Subshell;

/**
 * `A=1 B=2 cmd arg... >out`. With no words the assignments change the shell's own variables;
 * with words they are the environment of that command only.
 */
export interface SimpleCommand {
  type: 'simple';
  /** 1-based source line of the command's first token (bash's `line N:` in messages). */
  line: number;
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

/** `NAME=value` or `NAME+=value` (append). */
export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
}

/** `for name in words; do body; done`; `words` is null for `for name; do` (the positional parameters). */
export interface ForCommand {
  type: 'for';
  line: number;
  name: string;
  words: Word[] | null;
  body: CommandList;
  redirects: Redirect[];
}

/** `while cond; do body; done`, or `until` (loops while the condition fails). */
export interface WhileCommand {
  type: 'while' | 'until';
  line: number;
  condition: CommandList;
  body: CommandList;
  redirects: Redirect[];
}

/** `if c1; then b1; elif c2; then b2; else b3; fi`: the first clause whose condition succeeds runs. */
export interface IfCommand {
  type: 'if';
  line: number;
  clauses: IfClause[];
  elseBody: CommandList | null;
  redirects: Redirect[];
}

export interface IfClause {
  condition: CommandList;
  body: CommandList;
}

/** `{ list; }`: runs in the current shell, so assignments persist. */
export interface BraceGroup {
  type: 'group';
  line: number;
  body: CommandList;
  redirects: Redirect[];
}

/** `( list )`: runs in a copy of the shell; variable and directory changes do not leak out. */
export interface Subshell {
  type: 'subshell';
  line: number;
  body: CommandList;
  redirects: Redirect[];
}

export type Redirect = FileRedirect | DupRedirect | HereDocRedirect | HereStringRedirect;

/**
 * `[n]< f` read, `[n]> f` / `[n]>| f` write, `[n]>> f` append, `[n]<> f` read-write,
 * `&> f` / `&>> f` (fd 'both': stdout and stderr). `>&word` with a word that is not a number
 * also lands here as 'both', as in bash.
 */
export interface FileRedirect {
  type: 'file';
  fd: number | 'both';
  mode: 'read' | 'write' | 'append' | 'read-write';
  target: Word;
}

/** `2>&1`, `>&2`, `<&0`: fd becomes a copy of the target fd; a target of `-` closes fd. */
export interface DupRedirect {
  type: 'dup';
  fd: number;
  target: Word;
}

/**
 * `<<EOF` … `EOF`. `body` is the raw text (each line ending in "\n", tabs already stripped for
 * `<<-`, backslash-newline already joined when unquoted); expand it with `expandHeredoc`.
 */
export interface HereDocRedirect {
  type: 'heredoc';
  fd: number;
  delimiter: string;
  /** any part of the delimiter was quoted (`'EOF'`, `"EOF"`, `\EOF`): the body is not expanded. */
  quoted: boolean;
  stripTabs: boolean;
  body: string;
}

/** `<<< word`: the expanded word plus a newline on stdin. */
export interface HereStringRedirect {
  type: 'herestring';
  fd: number;
  word: Word;
}

/** One shell word as written: `text` is its source, `parts` what expansion works on. */
export interface Word {
  text: string;
  parts: WordPart[];
}

export type WordPart =
  | LiteralPart
  | EscapedPart
  | SingleQuotedPart
  | DoubleQuotedPart
  | TildePart
  | ParamPart
  | CommandSubstitutionPart
  | ArithmeticPart
  | BadSubstitutionPart;

/** What may appear between double quotes (its literals are quoted text). */
export type DoubleQuotedInner = LiteralPart | ParamPart | CommandSubstitutionPart | ArithmeticPart | BadSubstitutionPart;

/** Plain text, backslashes and quotes already removed. Unquoted unless inside double quotes. */
export interface LiteralPart {
  type: 'literal';
  value: string;
}

/** Characters quoted by a backslash outside quotes (`a\ b`): literal, never split or globbed. */
export interface EscapedPart {
  type: 'escaped';
  value: string;
}

/** `'...'` (or `$'...'` with its escapes decoded): literal text. */
export interface SingleQuotedPart {
  type: 'single-quoted';
  value: string;
}

/** `"..."`: expansions inside run, but their results are not split into fields. */
export interface DoubleQuotedPart {
  type: 'double-quoted';
  parts: DoubleQuotedInner[];
}

/** `~` or `~user` at the start of a word (or after `=`/`:` in an assignment). */
export interface TildePart {
  type: 'tilde';
  user: string;
}

/** `$NAME`, `${NAME}`, `$?`, `${NAME:-word}`, `${#NAME}`, `${NAME#pattern}`… */
export interface ParamPart {
  type: 'param';
  name: string;
  op: ParamOp | null;
}

export type ParamOp =
  /** `${#NAME}` */
  | { kind: 'length' }
  /** `${N:-w}` default, `${N:=w}` assign, `${N:+w}` alternative, `${N:?w}` error; without `:` only unset counts. */
  | { kind: 'default' | 'assign' | 'alternative' | 'error'; colon: boolean; word: Word }
  /** `${N#p}` `${N##p}` `${N%p}` `${N%%p}` */
  | { kind: 'remove-prefix' | 'remove-suffix'; longest: boolean; pattern: Word }
  /** `${N/p/r}` `${N//p/r}` `${N/#p/r}` `${N/%p/r}` */
  | { kind: 'replace'; all: boolean; anchor: 'start' | 'end' | null; pattern: Word; replacement: Word }
  /** `${N:offset}` `${N:offset:length}` (arithmetic) */
  | { kind: 'substring'; offset: Word; length: Word | null };

/** `$(list)` or `` `list` ``: replaced by the list's stdout minus trailing newlines. */
export interface CommandSubstitutionPart {
  type: 'command-substitution';
  list: CommandList;
  /** source between the delimiters, for messages and tracing. */
  source: string;
  backquoted: boolean;
}

/** `$((expr))`: `expression` is expanded (like double-quoted text) and then evaluated. */
export interface ArithmeticPart {
  type: 'arithmetic';
  expression: Word;
}

/** `${...}` bash cannot make sense of; bash reports it only when the word is expanded. */
export interface BadSubstitutionPart {
  type: 'bad-substitution';
  text: string;
}
