// The terminal's line editor: prompt, editing, history, Ctrl-C and Ctrl-L, kept apart from
// the xterm component so the behaviour reads in one place.

import { useCallback } from 'react';
import type { Terminal } from '@xterm/xterm';
import type { Lab } from '../../state/labStore.ts';
import type { ShellRun } from '../../engine/index.ts';

const PROMPT = '\x1b[1;34mlearner@kubelab\x1b[0m:\x1b[1;36m~\x1b[0m$ ';

export function useLineEditor(lab: Lab): (term: Terminal) => () => void {
  return useCallback(
    (term: Terminal) => {
      let line = '';
      let pending = '';
      const history: string[] = [];
      let cursor = 0;
      let running: ShellRun | undefined;
      const stopClock = lab.startClock(1);

      term.writeln('\x1b[1;34mkubelab\x1b[0m — a simulated Kubernetes cluster (kind preset: a control plane and 3 workers).');
      term.writeln("Try \x1b[1mkubectl get nodes\x1b[0m, or \x1b[1mkubelab help\x1b[0m for what the lab can do.");
      term.write(PROMPT);

      const submit = (): void => {
        const text = pending + line;
        term.write('\r\n');
        line = '';
        if (!text.trim()) {
          pending = '';
          term.write(PROMPT);
          return;
        }
        // Heredocs and trailing backslashes continue on the next line.
        if (/<<-?\s*['"]?(\w+)['"]?/.test(text) && !heredocClosed(text)) {
          pending = `${text}\n`;
          term.write('> ');
          return;
        }
        if (text.endsWith('\\')) {
          pending = `${text.slice(0, -1)}\n`;
          term.write('> ');
          return;
        }
        pending = '';
        history.push(text);
        cursor = history.length;
        running = lab.run(text, (stream, chunk) => term.write(stream === 'stderr' ? `\x1b[31m${chunk}\x1b[0m` : chunk));
        running.onFinish(() => {
          running = undefined;
          term.write(PROMPT);
        });
      };

      const replaceLine = (next: string): void => {
        term.write('\b \b'.repeat(line.length));
        line = next;
        term.write(line);
      };

      const sub = term.onData((data) => {
        if (running) {
          if (data === '\x03') {
            term.write('^C\r\n');
            running.interrupt();
          }
          return;
        }
        if (data === '\r') return submit();
        if (data === '\x03') {
          term.write('^C\r\n' + PROMPT);
          line = '';
          pending = '';
          return;
        }
        if (data === '\x0c') {
          term.clear();
          return;
        }
        if (data === '\x7f') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            term.write('\b \b');
          }
          return;
        }
        if (data === '\x1b[A') {
          if (cursor > 0) replaceLine(history[--cursor] ?? '');
          return;
        }
        if (data === '\x1b[B') {
          if (cursor < history.length) replaceLine(history[++cursor] ?? '');
          return;
        }
        if (data.startsWith('\x1b')) return;
        // Pasted text may hold several lines: run each complete line in turn.
        const parts = data.replace(/\r\n?/g, '\n').split('\n');
        parts.forEach((part, i) => {
          line += part;
          term.write(part);
          if (i < parts.length - 1) submit();
        });
      });
      return () => {
        sub.dispose();
        stopClock();
      };
    },
    [lab],
  );
}

function heredocClosed(text: string): boolean {
  const m = /<<-?\s*['"]?(\w+)['"]?/.exec(text);
  if (!m) return true;
  return text.split('\n').slice(1).some((l) => l.trim() === m[1]);
}
