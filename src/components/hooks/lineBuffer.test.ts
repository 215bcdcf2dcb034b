import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, editKey, insert, lineOf, printable, replaceWord } from './lineBuffer.ts';
import type { LineState } from './lineBuffer.ts';

const keys = (s: LineState, ...data: string[]): LineState => data.reduce((acc, d) => editKey(acc, d) ?? acc, s);

describe('the line editor', () => {
  it('inserts at the cursor, in the middle of the line too', () => {
    const s = keys(lineOf('kubectl pods'), '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D');
    expect(insert(s, 'get ')).toEqual({ text: 'kubectl get pods', cursor: 12 });
  });

  it('moves to the start and end with Ctrl-A/Ctrl-E and Home/End', () => {
    expect(keys(lineOf('abc'), '\x01')).toEqual({ text: 'abc', cursor: 0 });
    expect(keys(lineOf('abc'), '\x1b[H', '\x05')).toEqual({ text: 'abc', cursor: 3 });
    expect(keys(lineOf('abc'), '\x1bOH', '\x1b[F').cursor).toBe(3);
  });

  it('keeps the cursor inside the line', () => {
    expect(keys(EMPTY_LINE, '\x1b[D').cursor).toBe(0);
    expect(keys(lineOf('ab'), '\x1b[C').cursor).toBe(2);
  });

  it('deletes before the cursor with Backspace and under it with Delete', () => {
    const mid = keys(lineOf('abcd'), '\x1b[D', '\x1b[D');
    expect(keys(mid, '\x7f')).toEqual({ text: 'acd', cursor: 1 });
    expect(keys(mid, '\x1b[3~')).toEqual({ text: 'abd', cursor: 2 });
    expect(keys(lineOf('ab'), '\x1b[3~')).toEqual({ text: 'ab', cursor: 2 });
  });

  it('kills to the start with Ctrl-U, to the end with Ctrl-K, the word before with Ctrl-W', () => {
    const mid = keys(lineOf('kubectl get pods'), '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D');
    expect(keys(mid, '\x15')).toEqual({ text: ' pods', cursor: 0 });
    expect(keys(mid, '\x0b')).toEqual({ text: 'kubectl get', cursor: 11 });
    expect(keys(lineOf('kubectl get pods  '), '\x17')).toEqual({ text: 'kubectl get ', cursor: 12 });
    expect(keys(lineOf('kubectl apply -f a/b.yml'), '\x17')).toEqual({ text: 'kubectl apply -f ', cursor: 17 });
  });

  it('moves by words with Alt-B/Alt-F and Ctrl-←/→', () => {
    expect(keys(lineOf('kubectl get pod/web'), '\x1bb').cursor).toBe(16);
    expect(keys(lineOf('kubectl get pod/web'), '\x1b[1;5D', '\x1b[1;5D').cursor).toBe(12);
    expect(keys(lineOf('kubectl get'), '\x01', '\x1bf').cursor).toBe(7);
  });

  it('ignores keys that are not edits', () => {
    expect(editKey(lineOf('a'), '\x1b[A')).toBeUndefined();
    expect(editKey(lineOf('a'), 'x')).toBeUndefined();
  });

  it('lands a completion over the word before the cursor, keeping the rest of the line', () => {
    const s = keys(lineOf('kubectl get po -o wide'), '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D');
    expect(replaceWord(s, 12, 'pods ')).toEqual({ text: 'kubectl get pods  -o wide', cursor: 17 });
  });

  it('keeps only printable characters from typed or pasted text', () => {
    expect(printable('a\tb\x1b\x07c')).toBe('a bc');
  });
});
