// A port of Go's text/tabwriter as kubectl describe configures it
// (`tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`): tab-terminated cells, column blocks of
// consecutive lines, each column as wide as its widest cell plus padding.

/** Go's text/tabwriter.Writer for padchar ' ' and no flags. */
export class TabWriter {
  readonly #minwidth: number;
  readonly #padding: number;
  #pending = '';
  #out = '';

  constructor(minwidth = 0, padding = 2) {
    this.#minwidth = minwidth;
    this.#padding = padding;
  }

  write(text: string): void {
    this.#pending += text;
  }

  /**
   * Formats everything written so far. Columns never align across a flush, which is why
   * kubectl's events table (flushed before it is written) has its own widths.
   */
  flush(): void {
    if (this.#pending === '') return;
    const lines = this.#pending.split('\n').map((l) => l.split('\t'));
    this.#out += formatLines(lines, this.#minwidth, this.#padding);
    this.#pending = '';
  }

  toString(): string {
    this.flush();
    return this.#out;
  }
}

/** Go counts cell widths in runes (code points), not UTF-16 units. */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * `lines` are the buffered lines split into cells; the last cell of each line is the text
 * after its last tab and belongs to no column. The last line has no newline after it.
 */
function formatLines(lines: string[][], minwidth: number, padding: number): string {
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      line.forEach((cell, j) => {
        out += cell;
        if (j < widths.length) out += ' '.repeat(Math.max(0, widths[j]! - runeWidth(cell)));
      });
      if (i + 1 < lines.length) out += '\n';
    }
  };

  // Mirrors tabwriter's recursive format(): a column block is a run of consecutive lines
  // that have a tab-terminated cell in this column.
  const format = (start: number, line1: number): void => {
    let line0 = start;
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row]!.length - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let width = minwidth;
      for (; row < line1; row++) {
        const line = lines[row]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, runeWidth(line[column]!) + padding);
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}
