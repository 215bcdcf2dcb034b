// The terminal's line editor, as bash with readline behaves: prompt, editing anywhere in the
// line, history (↑/↓, kept by the lab across reloads), tab completion, Ctrl-C, Ctrl-L, pasted
// lines run in turn, and the editor's Apply echoed as if it had been typed.

import { useCallback } from 'react';
import type { Terminal } from '@xterm/xterm';
import type { Lab } from '../../state/labStore.ts';
import type { ShellRun, Stream } from '../../engine/index.ts';
import { EMPTY_LINE, editKey, insert, lineOf, printable } from './lineBuffer.ts';
import type { LineState } from './lineBuffer.ts';
import { append, paint, redraw, toStart, visibleWidth } from './lineRender.ts';
import { completeAt } from './completion.ts';

const PROMPT = '\x1b[1;34mlearner@kubelab\x1b[0m:\x1b[1;36m~\x1b[0m$ ';
const CONTINUATION = '> ';
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export interface LineEditor {
  /** clears the screen and redraws the prompt and the line being typed (Ctrl-L) */
  clear(): void;
  detach(): void;
}

const colour = (stream: Stream, text: string): string => (stream === 'stderr' ? `\x1b[31m${text}\x1b[0m` : text);

export function useLineEditor(lab: Lab): (term: Terminal) => LineEditor {
  return useCallback((term: Terminal) => attachLineEditor(term, lab), [lab]);
}

export function attachLineEditor(term: Terminal, lab: Lab): LineEditor {
  let buf: LineState = EMPTY_LINE;
  let pending = '';
  let running: ShellRun | undefined;
  let typeahead = '';
  let histIndex: number | null = null;
  let draft = '';
  let tabArmed = false;
  let atLineStart = true;
  let disposed = false;
  let echo: { timer: ReturnType<typeof setTimeout>; endsLine: boolean } | undefined;

  const write = (s: string): void => {
    if (!disposed) term.write(s);
  };
  const prompt = (): string => (pending ? CONTINUATION : PROMPT);
  const set = (next: LineState): void => {
    if (next.text === buf.text && next.cursor === buf.cursor) return;
    const appending = buf.cursor === buf.text.length && next.cursor === next.text.length && next.text.startsWith(buf.text);
    write(appending ? append(prompt(), term.cols, buf, next.text.slice(buf.text.length)) : redraw(prompt(), term.cols, buf.cursor, next));
    buf = next;
  };
  /** Leaves the line: the cursor goes to the start of the row below it. */
  const leaveLine = (): void => {
    set({ text: buf.text, cursor: buf.text.length });
    if ((visibleWidth(prompt()) + buf.text.length) % term.cols !== 0) write('\r\n');
  };
  const showPrompt = (): void => write(paint(prompt(), term.cols, buf));
  const output = (stream: Stream, text: string): void => {
    if (!text) return;
    write(colour(stream, text));
    atLineStart = text.endsWith('\n');
  };

  const submit = (): void => {
    const text = pending + buf.text;
    leaveLine();
    buf = EMPTY_LINE;
    histIndex = null;
    if (!text.trim()) {
      pending = '';
      return showPrompt();
    }
    // Heredocs and trailing backslashes continue on the next line.
    if ((/<<-?\s*['"]?(\w+)['"]?/.test(text) && !heredocClosed(text)) || text.endsWith('\\')) {
      pending = text.endsWith('\\') ? `${text.slice(0, -1)}\n` : `${text}\n`;
      return showPrompt();
    }
    pending = '';
    atLineStart = true;
    const run = lab.run(text, output);
    running = run;
    run.onFinish(() => {
      running = undefined;
      // A prompt always starts its own row, even after output without a final newline.
      if (!atLineStart) write('\r\n');
      showPrompt();
      const queued = typeahead;
      typeahead = '';
      if (queued) onData(queued);
    });
  };

  const history = (dir: -1 | 1): void => {
    const h = lab.history();
    if (dir < 0) {
      if (h.length === 0 || histIndex === 0) return;
      if (histIndex === null) draft = buf.text;
      histIndex = (histIndex ?? h.length) - 1;
      return set(lineOf(h[histIndex] ?? ''));
    }
    if (histIndex === null) return;
    histIndex += 1;
    if (histIndex >= h.length) histIndex = null;
    set(lineOf(histIndex === null ? draft : (h[histIndex] ?? '')));
  };

  const clear = (): void => {
    if (running) return write(CLEAR_SCREEN);
    write(CLEAR_SCREEN + paint(prompt(), term.cols, buf));
  };

  const tab = (): void => {
    const r = completeAt(lab, buf, tabArmed, term.cols);
    tabArmed = r.armed;
    if (r.listing) {
      leaveLine();
      write(r.listing.join('\r\n') + '\r\n');
      showPrompt();
    } else if (r.line) set(r.line);
  };

  const typed = (data: string): void => {
    // Pasted text may hold several lines: each complete line runs in turn, the rest waits.
    const parts = data.split(/\r\n|\r|\n/);
    for (let i = 0; i < parts.length; i++) {
      set(insert(buf, printable(parts[i]!)));
      if (i === parts.length - 1) return;
      submit();
      if (running) {
        typeahead += parts.slice(i + 1).join('\r');
        return;
      }
    }
  };

  const onData = (data: string): void => {
    if (echo) finishEcho();
    if (running) {
      if (data.includes('\x03')) {
        write('^C\r\n');
        typeahead = '';
        atLineStart = true;
        running.interrupt();
      } else typeahead += data;
      return;
    }
    if (data !== '\t') tabArmed = false;
    if (data === '\r') return submit();
    if (data === '\t') return tab();
    if (data === '\x03') {
      set({ text: buf.text, cursor: buf.text.length });
      write('^C\r\n');
      buf = EMPTY_LINE;
      pending = '';
      histIndex = null;
      return showPrompt();
    }
    if (data === '\x0c') return clear();
    if (data === '\x1b[A' || data === '\x10') return history(-1);
    if (data === '\x1b[B' || data === '\x0e') return history(1);
    const edited = editKey(buf, data);
    if (edited) return set(edited);
    if (data.startsWith('\x1b') || data.length === 1 && data < ' ') return;
    typed(data);
  };

  // The editor's Apply: shown as if typed at a fresh prompt, then the line being typed comes back.
  const finishEcho = (): void => {
    if (!echo) return;
    clearTimeout(echo.timer);
    if (!echo.endsLine) write('\r\n');
    echo = undefined;
    if (!running) showPrompt();
  };
  const onOutput = (line: string, stream: Stream, text: string): void => {
    if (!echo) {
      if (running) write(`${line}\r\n`);
      else write(`${toStart(visibleWidth(prompt()), term.cols, buf.cursor)}\x1b[J${PROMPT}${line}\r\n`);
    } else clearTimeout(echo.timer);
    write(colour(stream, text));
    echo = { timer: setTimeout(finishEcho, 0), endsLine: text.endsWith('\n') };
  };

  write('\x1b[1;34mkubelab\x1b[0m — a simulated Kubernetes cluster.\r\n');
  const restored = lab.restored();
  if (restored) {
    const commands = restored.commands === 1 ? '1 command' : `${restored.commands} commands`;
    write(`\x1b[2mRestored from this browser: ${commands} replayed, the cluster is as you left it.\x1b[0m\r\n`);
  }
  write('Try \x1b[1mkubectl get nodes\x1b[0m or \x1b[1mkubelab help\x1b[0m; Tab completes.\r\n');
  showPrompt();
  const sub = term.onData(onData);
  const unsubscribe = lab.onOutput(onOutput);
  return {
    clear,
    detach() {
      disposed = true;
      if (echo) clearTimeout(echo.timer);
      sub.dispose();
      unsubscribe();
    },
  };
}

function heredocClosed(text: string): boolean {
  const m = /<<-?\s*['"]?(\w+)['"]?/.exec(text);
  if (!m) return true;
  return text.split('\n').slice(1).some((l) => l.trim() === m[1]);
}
