import { describe, expect, it } from 'vitest';
import { append, columns, commonPrefix, paint, redraw, toStart, visibleWidth } from './lineRender.ts';

const PROMPT = '\x1b[1;34mme\x1b[0m$ '; // 4 columns

describe('drawing the line', () => {
  it('measures the prompt without its colour codes', () => {
    expect(visibleWidth(PROMPT)).toBe(4);
  });

  it('paints prompt and line and leaves the cursor at the end', () => {
    expect(paint(PROMPT, 80, { text: 'ls', cursor: 2 })).toBe(`\x1b[J${PROMPT}ls`);
  });

  it('moves the cursor back into the line when editing in the middle', () => {
    expect(paint(PROMPT, 80, { text: 'kubectl', cursor: 2 })).toBe(`\x1b[J${PROMPT}kubectl\r\x1b[6C`);
  });

  it('handles a line that wraps: goes up rows to the cursor', () => {
    // 4 + 20 = 24 columns on a 10-column terminal: rows 0..2, end at row 2 column 4.
    expect(paint(PROMPT, 10, { text: 'a'.repeat(20), cursor: 3 })).toBe(`\x1b[J${PROMPT}${'a'.repeat(20)}\x1b[2A\r\x1b[7C`);
    expect(toStart(4, 10, 20)).toBe('\x1b[2A\r');
  });

  it('moves to the next row when the line ends exactly at the margin', () => {
    expect(paint(PROMPT, 10, { text: 'a'.repeat(6), cursor: 6 })).toBe(`\x1b[J${PROMPT}aaaaaa\r\n`);
    expect(append(PROMPT, 10, { text: 'aaaaa', cursor: 5 }, 'a')).toBe('a\r\n');
    expect(append(PROMPT, 10, { text: 'aaaa', cursor: 4 }, 'a')).toBe('a');
  });

  it('redraws from the old cursor', () => {
    expect(redraw(PROMPT, 80, 3, { text: 'abcd', cursor: 4 })).toBe(`\r\x1b[J${PROMPT}abcd`);
  });
});

describe('completion listing', () => {
  it('finds the longest common prefix', () => {
    expect(commonPrefix(['deployments', 'delete', 'describe'])).toBe('de');
    expect(commonPrefix(['pods'])).toBe('pods');
    expect(commonPrefix([])).toBe('');
  });

  it('lays candidates out in columns, sorted down each column', () => {
    expect(columns(['a', 'b', 'c', 'd', 'e'], 9)).toEqual(['a  c  e', 'b  d']);
    expect(columns(['longname'], 4)).toEqual(['longname']);
  });
});
