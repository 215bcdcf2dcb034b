import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandList, Word } from './ast.ts';
import { ExpansionError, expandHeredoc, expandWords } from './expand.ts';
import type { ExpandContext } from './expand.ts';
import { parseScript } from './parse.ts';

/** Shell-heavy alphabet: random text made of it hits quotes, expansions and operators often. */
const PIECES = [
  'a', 'x', '1', ' ', '\t', '\n', '\r\n', '\\', "'", '"', '`', '$', '{', '}', '(', ')', '[', ']', '#', ';', '&', '|',
  '<', '>', '=', ':', '~', '*', '?', '!', '-', '/', '%', '+', '$(', '${', '$((', '))', '<<EOF\n', '\nEOF\n', '<<-', '2>&1',
  'if ', 'then ', 'fi', 'for ', 'in ', 'do ', 'done', 'while ', '{ ', ' }', 'X', '${X:-', '${#X}', '$?', "$'",
];
const script = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

function context(): ExpandContext {
  return {
    getVar: (name) => ({ X: 'a b', '?': '0' })[name],
    setVar: () => {},
    home: '/home/learner',
    runSubstitution: (list: CommandList) => `${list.items.length}\n`,
  };
}

function wordsOf(list: CommandList): Word[] {
  const words: Word[] = [];
  for (const item of list.items) {
    for (const pipeline of [item.first, ...item.rest.map((l) => l.pipeline)]) {
      for (const command of pipeline.commands) {
        if (command.type === 'simple') words.push(...command.words, ...command.assignments.map((a) => a.value));
      }
    }
  }
  return words;
}

describe('whatever a learner types', () => {
  it('parses to a result or an error with a position, never an exception', () => {
    fc.assert(
      fc.property(script, (text) => {
        const r = parseScript(text);
        if (!r.ok) {
          expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(r.error.column).toBeGreaterThanOrEqual(1);
          expect(r.error.message).not.toBe('');
        }
      }),
      { seed: 20260101, numRuns: 3000 },
    );
  });

  it('expands parsed words to fields or an ExpansionError, nothing else', () => {
    fc.assert(
      fc.property(script, (text) => {
        const r = parseScript(text);
        for (const unit of r.units) {
          try {
            expandWords(wordsOf(unit.list), context());
            expandHeredoc(unit.source, false, context());
          } catch (e) {
            expect(e).toBeInstanceOf(ExpansionError);
          }
        }
      }),
      { seed: 20260102, numRuns: 3000 },
    );
  });

  it('keeps each unit source inside the script, in order', () => {
    fc.assert(
      fc.property(script, (text) => {
        const normalized = text.replace(/\r\n/g, '\n');
        let from = 0;
        for (const unit of parseScript(text).units) {
          const at = normalized.indexOf(unit.source, from);
          expect(at).toBeGreaterThanOrEqual(from);
          expect(unit.source.startsWith(unit.firstLine)).toBe(true);
          from = at + unit.source.length;
        }
      }),
      { seed: 20260103, numRuns: 3000 },
    );
  });
});
