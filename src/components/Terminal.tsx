// The lab's terminal: xterm.js under a panel header, with the line editor of useLineEditor
// (prompt, editing, history, Tab completion, Ctrl-C, Ctrl-L, paste). Each line goes to the lab
// shell; stderr shows in red. While a command waits (`get --watch`, `sleep`), simulated time
// plays and Ctrl-C stops it; the header says so.

import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import './Terminal.css';
import { useLab, useLabState, useUi, useUiStore } from '../state/context.tsx';
import { useLineEditor } from './hooks/useLineEditor.ts';
import type { LineEditor } from './hooks/useLineEditor.ts';
import { terminalTheme } from './hooks/terminalTheme.ts';
import { clipboardKeys } from './hooks/clipboardKeys.ts';

function StatusHint() {
  const running = useLabState((s) => s.running);
  const playing = useLabState((s) => s.playing);
  const hint = !running ? '' : playing ? 'running — Ctrl-C to stop' : 'paused: the clock is stopped';
  return (
    <span className="terminal-status" role="status">
      {hint}
    </span>
  );
}

export function Terminal() {
  const lab = useLab();
  const theme = useUi((s) => s.theme);
  const ui = useUiStore();
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  const editor = useRef<LineEditor | null>(null);
  const attach = useLineEditor(lab);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const t = new XTerm({
      cursorBlink: true,
      fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      lineHeight: 1.2,
      theme: terminalTheme(ui.getState().theme),
      scrollback: 5000,
      screenReaderMode: true,
      convertEol: true,
    });
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.attachCustomKeyEventHandler(clipboardKeys(t));
    t.open(el);
    fit.fit();
    term.current = t;
    editor.current = attach(t);
    // Panes are resizable: follow the host's size, not just the window's.
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit.fit());
    });
    ro.observe(el);
    t.focus();
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      editor.current?.detach();
      editor.current = null;
      term.current = null;
      t.dispose();
    };
  }, [attach, ui]);

  useEffect(() => {
    if (term.current) term.current.options.theme = terminalTheme(theme);
  }, [theme]);

  const clear = (): void => {
    editor.current?.clear();
    term.current?.focus();
  };

  return (
    <section className="panel terminal" aria-label="Terminal">
      <div className="panel-header">
        <h2>Terminal</h2>
        <StatusHint />
        <button type="button" className="btn" onClick={clear} title="Clear the screen (Ctrl-L)">
          Clear
        </button>
      </div>
      <div className="terminal-host" ref={host} style={{ background: terminalTheme(theme).background }} />
    </section>
  );
}
