// Parameter expansion with an operator: `${X:-default}`, `${X:=v}`, `${X:+alt}`, `${X:?msg}`,
// `${#X}`, `${X#pat}`, `${X%%pat}`, `${X/pat/rep}`, `${X:off:len}`. Mirrors bash's
// parameter_brace_expand (subst.c), including which results are split into fields.

import { evaluateArithmetic } from './arith.ts';
import type { ParamOp, ParamPart, Word } from './ast.ts';
import type { ExpandContext } from './expand.ts';
import { ExpansionError } from './expansionError.ts';
import { joinText, patternSource } from './segments.ts';
import type { Segment, SegmentKind } from './segments.ts';

/**
 * Expands an operand word as if unquoted: expansion results stay pattern-active (bash matches
 * `"${Y#$P}"` with P='p*' as a pattern); callers quote the result where the `${...}` was quoted.
 */
export type OperandExpander = (word: Word) => Segment[];

export function expandParam(part: ParamPart, ctx: ExpandContext, inDq: boolean, operand: OperandExpander): Segment[] {
  const value = ctx.getVar(part.name);
  const kind: SegmentKind = inDq ? 'quoted' : 'expanded';
  const op = part.op;
  const result = (text: string): Segment[] => [{ text, kind }];
  if (op === null) return result(value ?? '');
  switch (op.kind) {
    case 'length':
      return result(String(Array.from(value ?? '').length));
    case 'default':
    case 'assign':
    case 'alternative':
    case 'error':
      return conditional(part.name, value, op, ctx, inDq, operand);
    case 'remove-prefix':
    case 'remove-suffix':
      return result(removeAffix(value ?? '', op.kind === 'remove-prefix', op.longest, operand(op.pattern)));
    case 'replace':
      return result(replace(value ?? '', op, operand(op.pattern), joinText(operand(op.replacement))));
    case 'substring':
      return result(substring(value ?? '', op, ctx, operand));
  }
}

type ConditionalOp = Extract<ParamOp, { kind: 'default' | 'assign' | 'alternative' | 'error' }>;

function conditional(name: string, value: string | undefined, op: ConditionalOp, ctx: ExpandContext, inDq: boolean, operand: OperandExpander): Segment[] {
  const missing = value === undefined || (op.colon && value === '');
  const kind: SegmentKind = inDq ? 'quoted' : 'expanded';
  const useValue = op.kind === 'alternative' ? missing : !missing;
  if (useValue) return op.kind === 'alternative' ? [] : [{ text: value ?? '', kind }];
  const word = operand(op.word);
  if (op.kind === 'error') {
    const message = joinText(word) || (op.colon ? 'parameter null or not set' : 'parameter not set');
    throw new ExpansionError(`${name}: ${message}`, true);
  }
  if (op.kind === 'assign') {
    const text = joinText(word);
    ctx.setVar?.(name, text);
    return [{ text, kind }];
  }
  // Inside "..." nothing is split; unquoted, the operand's own unquoted text is split like any
  // expansion result: ${U:-a  b} gives "a" "b".
  return word.map((s) => (inDq ? { text: s.text, kind: 'quoted' } : s.kind === 'literal' ? { text: s.text, kind: 'expanded' } : s));
}

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null; // e.g. a reversed range [z-a]: bash matches nothing
  }
}

function removeAffix(value: string, prefix: boolean, longest: boolean, pattern: Segment[]): string {
  const src = patternSource(pattern, prefix && !longest);
  const rest = '([\\s\\S]*)';
  const re = compile(prefix ? `^(?:${src})${rest}$` : `^${longest ? '([\\s\\S]*?)' : rest}(?:${src})$`);
  return re?.exec(value)?.[1] ?? value;
}

function replace(value: string, op: Extract<ParamOp, { kind: 'replace' }>, pattern: Segment[], replacement: string): string {
  const src = patternSource(pattern, false);
  if (src === '' && op.anchor === null) return value;
  const anchored = op.anchor === 'start' ? `^(?:${src})` : op.anchor === 'end' ? `(?:${src})$` : src;
  const re = compile(anchored);
  if (re === null) return value;
  const global = op.all && op.anchor === null ? new RegExp(re.source, 'g') : re;
  return value.replace(global, (m) => (m === '' && op.anchor === null ? m : replacement));
}

function substring(value: string, op: Extract<ParamOp, { kind: 'substring' }>, ctx: ExpandContext, operand: OperandExpander): string {
  const chars = Array.from(value);
  const arith = (w: Word): number => Number(evaluateArithmetic(joinText(operand(w)), ctx));
  let start = arith(op.offset);
  if (start < 0) start += chars.length;
  if (start < 0 || start > chars.length) return '';
  if (op.length === null) return chars.slice(start).join('');
  const length = arith(op.length);
  const end = length < 0 ? chars.length + length : start + length;
  if (end < start) throw new ExpansionError(`${op.length.text}: substring expression < 0`, false);
  return chars.slice(start, end).join('');
}
