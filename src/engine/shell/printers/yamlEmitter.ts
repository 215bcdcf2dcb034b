// The cursor of gopkg.in/yaml.v2's emitter (yaml_emitter_t in emitterc.go): column, indent
// stack and the whitespace/indention flags that decide where spaces and line breaks go.
// kubectl's YAML is yaml.v2 with its defaults: indent 2, lines folded past column 80.

export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

export class Emitter {
  out = '';
  column = 0;
  indent = -1;
  /** the last thing written was whitespace (a space or the start of a line) */
  whitespace = true;
  /** only indentation has been written on this line so far */
  indention = true;
  readonly #indents: number[] = [];

  /** put/write: Go counts one column per character written. */
  put(s: string): void {
    this.out += s;
    for (const _ of s) this.column++;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  /** write_break: '\n' becomes a line break; other break characters are copied as they are. */
  writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
      return;
    }
    this.out += ch;
    this.column = 0;
    this.indention = true;
  }

  /** yaml_emitter_write_indent: a new line unless already at the indentation, then spaces. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator */
  indicator(s: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(s);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent (v2: no allowance for the `- ` of a sequence item) */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.#indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  decreaseIndent(): void {
    this.indent = this.#indents.pop() ?? -1;
  }
}
