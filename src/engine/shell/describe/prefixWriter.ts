// kubectl describe's PrefixWriter (k8s.io/kubectl/pkg/describe): every line is written at an
// indentation level of two spaces per level into one tabwriter, through cli-runtime's
// terminal escaper, and `tabbedString` returns what the tabwriter formatted.

import { TabWriter } from './tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Writes `text` (already formatted: Go's Sprintf happens at the call site) at `level`. */
  write(level: number, text: string): void;
  /** fmt.Sprintln of one value: the value and a newline, unindented. */
  writeLine(text: string): void;
  /** Formats what the tabwriter holds, so later lines align on their own. */
  flush(): void;
}

/** printers.WriteEscaped: terminal control characters are shown, not obeyed. */
function escapeTerminal(s: string): string {
  return s.split('\x1b').join('^[').split('\r').join('\\r');
}

class TabPrefixWriter implements PrefixWriter {
  readonly #out: TabWriter;

  constructor(out: TabWriter) {
    this.#out = out;
  }

  write(level: number, text: string): void {
    this.#out.write(escapeTerminal('  '.repeat(level) + text));
  }

  writeLine(text: string): void {
    this.#out.write(escapeTerminal(text + '\n'));
  }

  flush(): void {
    this.#out.flush();
  }
}

/**
 * NewNestedPrefixWriter: adds `indent` levels to every write, including each piece of a
 * line written in several calls (which is why nested continuation lines drift right).
 */
export function nestedPrefixWriter(parent: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => parent.write(level + indent, text),
    writeLine: (text) => parent.write(indent, text + '\n'),
    flush: () => parent.flush(),
  };
}

/** describe.go's tabbedString: minwidth 0, tabwidth 8, padding 2, padchar ' '. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const out = new TabWriter(0, 2);
  f(new TabPrefixWriter(out));
  return out.toString();
}
