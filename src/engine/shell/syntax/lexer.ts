// Splits the script into tokens: words, operators, newlines, end of input. Also reads
// heredoc bodies, which begin on the line after the `<<` operator, as bash's read_token and
// gather_here_documents do (parse.y): bodies are collected as soon as that newline is read.

import type { PendingHeredoc, ParseState, Operator, Token } from './state.ts';
import { isMetaChar, readWord } from './words.ts';

/** The next token without consuming it (one token of lookahead). */
export function peekToken(st: ParseState): Token {
  if (st.peeked === null) {
    const token = lex(st);
    st.afterDup = token.kind === 'op' && (token.op === '>&' || token.op === '<&');
    st.peeked = token;
  }
  return st.peeked;
}

export function nextToken(st: ParseState): Token {
  const token = peekToken(st);
  st.peeked = null;
  return token;
}

function lex(st: ParseState): Token {
  let c = st.peek();
  while (c === ' ' || c === '\t' || c === '#') {
    if (c === '#') {
      const eol = st.text.indexOf('\n', st.pos);
      st.pos = eol === -1 ? st.text.length : eol;
    } else {
      st.pos++;
    }
    c = st.peek();
  }
  const start = st.pos;
  if (c === undefined) {
    for (const h of takePending(st)) readHeredocBody(st, h);
    return { kind: 'eof', start };
  }
  if (c === '\n') {
    st.pos++;
    for (const h of takePending(st)) readHeredocBody(st, h);
    return { kind: 'newline', start };
  }
  if (isMetaChar(c)) return { kind: 'op', op: readOperator(st, c), fd: null, start };
  const word = readWord(st);
  const next = st.text[st.pos];
  // `2>file`: digits right before a redirection name the fd, except as the target of `>&`
  // (`2>&1>/dev/null`), as in bash's read_token_word.
  if ((next === '<' || next === '>') && !st.afterDup && /^[0-9]+$/.test(word.text)) {
    return { kind: 'op', op: readOperator(st, next), fd: Number(word.text), start };
  }
  return { kind: 'word', word, start };
}

function readOperator(st: ParseState, c: string): Operator {
  const n = st.advance();
  const take = <T extends Operator>(op: T): T => {
    st.pos++;
    return op;
  };
  switch (c) {
    case '&':
      if (n === '&') return take('&&');
      if (n === '>') return st.advance() === '>' ? take('&>>') : '&>';
      return '&';
    case '|':
      return n === '|' ? take('||') : n === '&' ? take('|&') : '|';
    case ';':
      // `;;`, `;&` and `;;&` belong to `case` (unsupported); they exist here for bash's error messages
      if (n === ';') return st.advance() === '&' ? take(';;&') : ';;';
      return n === '&' ? take(';&') : ';';
    case '<':
      if (n === '<') {
        const n2 = st.advance();
        return n2 === '<' ? take('<<<') : n2 === '-' ? take('<<-') : '<<';
      }
      return n === '&' ? take('<&') : n === '>' ? take('<>') : '<';
    case '>':
      return n === '>' ? take('>>') : n === '&' ? take('>&') : n === '|' ? take('>|') : '>';
    default:
      return c as '(' | ')';
  }
}

function takePending(st: ParseState): PendingHeredoc[] {
  const pending = st.pendingHeredocs;
  st.pendingHeredocs = [];
  return pending;
}

/** Reads lines up to the delimiter line into the heredoc node; at the end of input, warns as bash does. */
function readHeredocBody(st: ParseState, h: PendingHeredoc): void {
  const { node } = h;
  const text = st.text;
  const lines: string[] = [];
  let found = false;
  while (st.pos < text.length) {
    let { line, next, ended } = readLine(text, st.pos);
    // an unquoted body joins backslash-newline before looking for the delimiter (bash: "a \" + "EOF" is not the end)
    while (!node.quoted && ended && endsWithContinuation(line)) {
      const more = readLine(text, next);
      line = line.slice(0, -1) + more.line;
      next = more.next;
      ended = more.ended;
    }
    if (node.stripTabs) line = line.replace(/^\t+/, '');
    st.pos = next;
    if (line === node.delimiter) {
      found = true;
      break;
    }
    lines.push(line);
  }
  node.body = lines.length === 0 ? '' : lines.join('\n') + '\n';
  if (!found) {
    st.heredocAtEof = true;
    const message = `here-document at line ${st.lineOf(h.offset)} delimited by end-of-file (wanted \`${node.delimiter}')`;
    st.warnings.push(st.diagnostic(message, text.length));
  }
}

function endsWithContinuation(line: string): boolean {
  let n = 0;
  while (line.charCodeAt(line.length - 1 - n) === 92) n++;
  return n % 2 === 1;
}

function readLine(text: string, from: number): { line: string; next: number; ended: boolean } {
  const eol = text.indexOf('\n', from);
  return eol === -1 ? { line: text.slice(from), next: text.length, ended: false } : { line: text.slice(from, eol), next: eol + 1, ended: true };
}
