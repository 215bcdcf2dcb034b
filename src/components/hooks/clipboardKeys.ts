// Copy and paste keys for the terminal, as desktop terminals bind them: Ctrl+Shift+C copies
// the selection, and so does Ctrl+C while text is selected (instead of interrupting);
// Ctrl+V and Ctrl+Shift+V are left to the browser, whose paste event xterm turns into input.

import type { Terminal } from '@xterm/xterm';

function copy(term: Terminal): void {
  const text = term.getSelection();
  if (!text) return;
  void navigator.clipboard?.writeText(text).catch(() => {
    // no clipboard permission: the selection stays for the browser's own copy
  });
}

/** For `term.attachCustomKeyEventHandler`: false means xterm leaves the key alone. */
export function clipboardKeys(term: Terminal): (e: KeyboardEvent) => boolean {
  return (e) => {
    if (e.type !== 'keydown' || !(e.ctrlKey || e.metaKey) || e.altKey) return true;
    const key = e.key.toLowerCase();
    if (key === 'c' && (e.shiftKey || term.hasSelection())) {
      e.preventDefault();
      copy(term);
      if (!e.shiftKey) term.clearSelection();
      return false;
    }
    // The browser's paste (Ctrl+V, Ctrl+Shift+V) fires a paste event that xterm reads.
    if (key === 'v') return false;
    return true;
  };
}
