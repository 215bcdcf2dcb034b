// The terminal's line being typed: text and cursor, and the edits readline's emacs mode binds
// to keys (GNU readline's defaults: Ctrl-A/E, ←/→, Home/End, Delete, Ctrl-U/K/W, Alt-B/F).
// Pure values in, values out, so the editing rules are unit-tested without a terminal.

export interface LineState {
  readonly text: string;
  /** index into `text`, 0..text.length */
  readonly cursor: number;
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

export const lineOf = (text: string): LineState => ({ text, cursor: text.length });

export function insert(s: LineState, str: string): LineState {
  return { text: s.text.slice(0, s.cursor) + str + s.text.slice(s.cursor), cursor: s.cursor + str.length };
}

export function backspace(s: LineState): LineState {
  if (s.cursor === 0) return s;
  return { text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 };
}

export function deleteForward(s: LineState): LineState {
  if (s.cursor === s.text.length) return s;
  return { text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1), cursor: s.cursor };
}

const moveTo = (s: LineState, cursor: number): LineState => ({ text: s.text, cursor: Math.max(0, Math.min(s.text.length, cursor)) });

/** Where the word before the cursor starts (readline's backward-word: alphanumerics). */
function wordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && !/[A-Za-z0-9]/.test(text[i - 1]!)) i--;
  while (i > 0 && /[A-Za-z0-9]/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[A-Za-z0-9]/.test(text[i]!)) i++;
  while (i < text.length && /[A-Za-z0-9]/.test(text[i]!)) i++;
  return i;
}

/** Ctrl-W (unix-word-rubout): deletes back to the previous whitespace. */
export function killWordBack(s: LineState): LineState {
  let i = s.cursor;
  while (i > 0 && /\s/.test(s.text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(s.text[i - 1]!)) i--;
  return { text: s.text.slice(0, i) + s.text.slice(s.cursor), cursor: i };
}

/** Replaces `text[start, cursor)` with `word`: how a completion lands in the line. */
export function replaceWord(s: LineState, start: number, word: string): LineState {
  return { text: s.text.slice(0, start) + word + s.text.slice(s.cursor), cursor: start + word.length };
}

type Edit = (s: LineState) => LineState;

/** The editing keys, by the bytes xterm sends for them. */
const KEYS: Readonly<Record<string, Edit>> = {
  '\x7f': backspace,
  '\b': backspace,
  '\x1b[3~': deleteForward,
  '\x04': deleteForward,
  '\x1b[D': (s) => moveTo(s, s.cursor - 1),
  '\x02': (s) => moveTo(s, s.cursor - 1),
  '\x1b[C': (s) => moveTo(s, s.cursor + 1),
  '\x06': (s) => moveTo(s, s.cursor + 1),
  '\x01': (s) => moveTo(s, 0),
  '\x1b[H': (s) => moveTo(s, 0),
  '\x1bOH': (s) => moveTo(s, 0),
  '\x1b[1~': (s) => moveTo(s, 0),
  '\x05': (s) => moveTo(s, s.text.length),
  '\x1b[F': (s) => moveTo(s, s.text.length),
  '\x1bOF': (s) => moveTo(s, s.text.length),
  '\x1b[4~': (s) => moveTo(s, s.text.length),
  '\x1bb': (s) => moveTo(s, wordStart(s.text, s.cursor)),
  '\x1b[1;5D': (s) => moveTo(s, wordStart(s.text, s.cursor)),
  '\x1bf': (s) => moveTo(s, wordEnd(s.text, s.cursor)),
  '\x1b[1;5C': (s) => moveTo(s, wordEnd(s.text, s.cursor)),
  '\x15': (s) => ({ text: s.text.slice(s.cursor), cursor: 0 }),
  '\x0b': (s) => ({ text: s.text.slice(0, s.cursor), cursor: s.cursor }),
  '\x17': killWordBack,
};

/** The edit a key makes, or undefined when the key is not an editing key. */
export function editKey(s: LineState, data: string): LineState | undefined {
  const edit = KEYS[data];
  return edit ? edit(s) : undefined;
}

/** Text as it may enter the line: printable characters only (tabs become spaces). */
export function printable(data: string): string {
  // eslint-disable-next-line no-control-regex
  return data.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
}
