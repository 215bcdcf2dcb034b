// Text wrapping exactly as `kubectl explain` does it: kubectl's template `wrap` function is
// github.com/mitchellh/go-wordwrap v1.0.1 WrapString (breaks only at white space, keeps the
// description's own line breaks, lets a long URL run past the limit), and `indent` pads
// every line, blank ones included.

// unicode.IsSpace, minus U+00A0, which go-wordwrap treats as part of a word.
const SPACES = new Set(['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000']);
for (let c = 0x2000; c <= 0x200a; c++) SPACES.add(String.fromCharCode(c));

/** go-wordwrap WrapString: wraps `s` to `limit` characters per line. */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + spaceLen > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
        [word, wordLen] = ['', 0];
      }
      [space, spaceLen] = ['', 0];
      out += ch;
      current = 0;
    } else if (SPACES.has(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        [space, spaceLen, word, wordLen] = ['', 0, '', 0];
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        [space, spaceLen] = ['', 0];
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** The template's `indent`: `amount` spaces before the text and after every newline. */
export function indent(text: string, amount: number): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
