// Word expansion at run time, in bash's order (subst.c expand_word_internal): tilde,
// parameters, command substitution and arithmetic left to right, then field splitting of
// unquoted results on blanks and newlines, then quote removal. No pathname globbing: `*`
// stays literal, as if every pattern matched nothing under bash's default settings.

import { evaluateArithmetic } from './arith.ts';
import type { ParsedList, Word, WordPart } from './ast.ts';
import { ExpansionError } from './expansionError.ts';
import { expandParam } from './paramExpand.ts';
import { parseHeredocBody } from './parse.ts';
import { joinText, splitFields, trimTrailingNewlines } from './segments.ts';
import type { Segment } from './segments.ts';

export { ExpansionError } from './expansionError.ts';

/** What expansion needs from the running shell. */
export interface ExpandContext {
  /** a variable or special parameter (`?`, `#`, `$`, `0`…); undefined when unset. */
  getVar(name: string): string | undefined;
  /** for `${X:=value}` and arithmetic assignments (`$((i += 1))`); without it they do not stick. */
  setVar?(name: string, value: string): void;
  /** what `~` expands to. */
  home: string;
  /** runs a `$(...)`/backquoted list and returns its stdout (trailing newlines are removed here). */
  runSubstitution(list: ParsedList): string;
}

interface Quoting {
  /** inside double quotes: expansion results are not split. */
  inDq: boolean;
  /** literal text counts as quoted (inside "..." or a heredoc), not as pattern text. */
  quoteLiterals: boolean;
}

const UNQUOTED: Quoting = { inDq: false, quoteLiterals: false };
const DOUBLE_QUOTED: Quoting = { inDq: true, quoteLiterals: true };

/**
 * Expands command words into fields: `a "b c" $X` with X="d e" gives ["a", "b c", "d", "e"].
 * Throws ExpansionError for what bash reports at run time (bad substitution, `${X:?}`, arithmetic).
 */
export function expandWords(words: readonly Word[], ctx: ExpandContext): string[] {
  const fields: string[] = [];
  for (const word of words) {
    for (const field of splitFields(segmentsOf(word.parts, ctx, UNQUOTED))) fields.push(field);
  }
  return fields;
}

/** Expands one word without field splitting: assignment values, `case` words, here-strings. */
export function expandWord(word: Word, ctx: ExpandContext): string {
  return joinText(segmentsOf(word.parts, ctx, UNQUOTED));
}

/** A redirection target: must expand to exactly one field, else bash's "ambiguous redirect". */
export function expandRedirectTarget(word: Word, ctx: ExpandContext): string {
  const fields = splitFields(segmentsOf(word.parts, ctx, UNQUOTED));
  if (fields.length !== 1) throw new ExpansionError(`${word.text}: ambiguous redirect`, false);
  return fields[0] as string;
}

/**
 * A heredoc body: unchanged when the delimiter was quoted, else expanded like double-quoted
 * text (`$X`, `${...}`, `$(...)`, backquotes, `$((...))`; `\` quotes only `$`, `` ` ``, `\`).
 */
export function expandHeredoc(body: string, quoted: boolean, ctx: ExpandContext): string {
  if (quoted || !/[$`\\]/.test(body)) return body;
  const parsed = parseHeredocBody(body);
  if (!parsed.ok) throw new ExpansionError(parsed.message, false);
  return joinText(segmentsOf(parsed.parts, ctx, DOUBLE_QUOTED));
}

function segmentsOf(parts: readonly WordPart[], ctx: ExpandContext, q: Quoting): Segment[] {
  const out: Segment[] = [];
  for (const part of parts) expandPart(part, ctx, q, out);
  return out;
}

function expandPart(part: WordPart, ctx: ExpandContext, q: Quoting, out: Segment[]): void {
  const resultKind = q.inDq ? 'quoted' : 'expanded';
  switch (part.type) {
    case 'literal':
      out.push({ text: part.value, kind: q.quoteLiterals ? 'quoted' : 'literal' });
      return;
    case 'escaped':
    case 'single-quoted':
      out.push({ text: part.value, kind: 'quoted' });
      return;
    case 'double-quoted':
      out.push({ text: '', kind: 'quoted' }); // `""` is still a field
      for (const inner of part.parts) expandPart(inner, ctx, DOUBLE_QUOTED, out);
      return;
    case 'tilde':
      // no user database in the lab: `~name` stays as written, as bash leaves an unknown user
      out.push({ text: part.user === '' ? ctx.home : `~${part.user}`, kind: 'quoted' });
      return;
    case 'param':
      for (const s of expandParam(part, ctx, q.inDq, (w) => segmentsOf(w.parts, ctx, UNQUOTED))) out.push(s);
      return;
    case 'command-substitution':
      out.push({ text: trimTrailingNewlines(ctx.runSubstitution(part.list)), kind: resultKind });
      return;
    case 'arithmetic': {
      const expression = joinText(segmentsOf(part.expression.parts, ctx, DOUBLE_QUOTED));
      out.push({ text: evaluateArithmetic(expression, ctx).toString(), kind: resultKind });
      return;
    }
    case 'bad-substitution':
      throw new ExpansionError(`${part.text}: bad substitution`, false);
  }
}
