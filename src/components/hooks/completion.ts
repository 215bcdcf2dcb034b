// What Tab does in the terminal, as bash's readline does it: one candidate completes the word
// (a space after it, none after a directory's `/`); several complete their common prefix, and
// a second Tab with nothing more to add lists them in columns under the line.

import type { Completion } from '../../engine/index.ts';
import { replaceWord } from './lineBuffer.ts';
import type { LineState } from './lineBuffer.ts';
import { columns, commonPrefix } from './lineRender.ts';

export interface TabResult {
  /** the line after completing, when it changed */
  readonly line?: LineState;
  /** rows to print under the line (the second Tab on an ambiguous word) */
  readonly listing?: readonly string[];
  /** whether the next Tab lists the candidates */
  readonly armed: boolean;
}

export function completeAt(lab: { complete(line: string): Completion }, buf: LineState, armed: boolean, cols: number): TabResult {
  const before = buf.text.slice(0, buf.cursor);
  const { start, candidates } = lab.complete(before);
  const word = before.slice(start);
  if (candidates.length === 0) return { armed: false };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const space = only.endsWith('/') || buf.text[buf.cursor] === ' ' ? '' : ' ';
    return { line: replaceWord(buf, start, only + space), armed: false };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: replaceWord(buf, start, prefix), armed: true };
  if (!armed) return { armed: true };
  // Paths and type/name words list by their last part, as bash lists file names.
  const dir = word.slice(0, word.lastIndexOf('/') + 1);
  const shown = dir && candidates.every((c) => c.startsWith(dir)) ? candidates.map((c) => c.slice(dir.length)) : candidates;
  return { listing: columns(shown, cols), armed: false };
}
