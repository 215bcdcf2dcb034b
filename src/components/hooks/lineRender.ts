// How the line being typed is drawn in the terminal: escape sequences that go back to the
// prompt, repaint prompt and line and put the cursor in place, even when the line wraps over
// several rows; and bash's completion listing in columns. Pure strings, unit-tested.

import type { LineState } from './lineBuffer.ts';

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/** Columns the prompt takes on screen (its colour codes take none). */
export const visibleWidth = (s: string): number => s.replace(SGR, '').length;

/** Multi-line entries (heredocs recalled from history) show their newlines as ↵ on one line. */
export const display = (text: string): string => text.replace(/\n/g, '↵');

/** From the cursor at `cursor` in the line, back to column 0 of the prompt's row. */
export function toStart(promptWidth: number, cols: number, cursor: number): string {
  const up = Math.floor((promptWidth + cursor) / cols);
  return `${up > 0 ? `\x1b[${up}A` : ''}\r`;
}

/**
 * From column 0 of the prompt's row: clears below, writes prompt and line, and leaves the
 * cursor at `s.cursor`. A line that ends exactly at the right margin gets a CR LF so that the
 * cursor really sits on the next row (xterm otherwise holds it in the last column).
 */
export function paint(prompt: string, cols: number, s: LineState): string {
  const pw = visibleWidth(prompt);
  const end = pw + s.text.length;
  let out = `\x1b[J${prompt}${display(s.text)}`;
  if (end % cols === 0) out += '\r\n';
  const target = pw + s.cursor;
  const up = Math.floor(end / cols) - Math.floor(target / cols);
  if (up > 0) out += `\x1b[${up}A`;
  if (target !== end || up > 0) out += `\r${target % cols > 0 ? `\x1b[${target % cols}C` : ''}`;
  return out;
}

/** Redraws the line after an edit, from wherever the old cursor was. */
export function redraw(prompt: string, cols: number, oldCursor: number, next: LineState): string {
  return toStart(visibleWidth(prompt), cols, oldCursor) + paint(prompt, cols, next);
}

/** Typing at the end of the line needs no repaint: just the characters. */
export function append(prompt: string, cols: number, before: LineState, added: string): string {
  const end = visibleWidth(prompt) + before.text.length + added.length;
  return display(added) + (end % cols === 0 ? '\r\n' : '');
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** bash's listing of completions: sorted down the columns, as many columns as fit. */
export function columns(items: readonly string[], cols: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map((i) => i.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
