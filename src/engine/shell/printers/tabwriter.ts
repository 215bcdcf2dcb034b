// Go's text/tabwriter (as vendored by kubectl from github.com/liggitt/tabwriter), with kubectl's
// settings from cli-runtime printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3, pad ' '.
// Cells end at a tab; the text after a line's last tab is not a column and is never padded.

export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

export const KUBECTL_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };

interface Cell {
  readonly text: string;
  /** utf8.RuneCount of the text, as Go measures it */
  readonly width: number;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Lays out `text` the way `tabwriter.Writer.Write` + `Flush` would. A line without any tab
 * flushes the lines before it (Go does this too), so column widths never reach across it.
 */
export function tabwrite(text: string, opts: TabwriterOptions = KUBECTL_TABWRITER): string {
  const out: string[] = [];
  let block: Cell[][] = [];
  const lines = text.split('\n');
  // Text after the last newline is written by Flush as a partial line (no newline added).
  const partial = lines[lines.length - 1] !== '';
  if (!partial) lines.pop();
  for (const raw of lines) {
    const cells = raw.split(/[\t\v]/).map((t) => ({ text: t, width: runeCount(t) }));
    block.push(cells);
    if (cells.length === 1) {
      formatBlock(block, opts, out);
      block = [];
    }
  }
  formatBlock(block, opts, out);
  const result = out.join('');
  return partial ? result.slice(0, -1) : result;
}

function formatBlock(lines: readonly Cell[][], opts: TabwriterOptions, out: string[]): void {
  if (lines.length === 0) return;
  formatColumns(lines, 0, lines.length, [], opts, out);
}

/** tabwriter.format: a column's width is set per block of consecutive lines that have it. */
function formatColumns(
  lines: readonly Cell[][],
  line0: number,
  line1: number,
  widths: number[],
  opts: TabwriterOptions,
  out: string[],
): void {
  const column = widths.length;
  let start = line0;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i]!.length - 1) continue;
    writeLines(lines, start, i, widths, out);
    start = i;
    let width = opts.minWidth;
    for (; i < line1; i++) {
      const line = lines[i]!;
      if (column >= line.length - 1) break;
      width = Math.max(width, line[column]!.width + opts.padding);
    }
    widths.push(width);
    formatColumns(lines, start, i, widths, opts, out);
    widths.pop();
    start = i;
    i--;
  }
  writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: readonly Cell[][], from: number, to: number, widths: readonly number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    let text = '';
    lines[i]!.forEach((cell, j) => {
      text += cell.text;
      if (j < widths.length) text += ' '.repeat(widths[j]! - cell.width);
    });
    out.push(`${text}\n`);
  }
}
