// The lab's terminal: xterm.js with a small line editor (prompt, history on ↑/↓, Ctrl-C,
// Ctrl-L, paste). Each line goes to the lab shell; stderr shows in red. While a command
// waits (`get --watch`, `sleep`), simulated time plays and Ctrl-C stops it.

import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Lab } from '../state/labStore.ts';
import { useLineEditor } from './hooks/useLineEditor.ts';

const THEME = {
  background: '#0f172a',
  foreground: '#e2e8f0',
  cursor: '#93c5fd',
  selectionBackground: '#334155',
  blue: '#60a5fa',
  brightBlue: '#93c5fd',
  red: '#f87171',
  green: '#4ade80',
};

export function Terminal({ lab }: { lab: Lab }) {
  const host = useRef<HTMLDivElement>(null);
  const attach = useLineEditor(lab);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new XTerm({
      cursorBlink: true,
      fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.2,
      theme: THEME,
      scrollback: 5000,
      screenReaderMode: true,
      convertEol: true,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    const detach = attach(term);
    const onResize = (): void => fit.fit();
    window.addEventListener('resize', onResize);
    term.focus();
    return () => {
      window.removeEventListener('resize', onResize);
      detach();
      term.dispose();
    };
  }, [attach]);

  return (
    <section className="terminal" aria-label="Terminal">
      <div className="terminal-host" ref={host} />
    </section>
  );
}
