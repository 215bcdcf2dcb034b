// The page's keyboard shortcuts, in one table: the help overlay lists it and the key handler
// reads it. They act only when focus is not in a text field, the editor or the terminal.

export interface Shortcut {
  readonly keys: readonly string[];
  /** what the help overlay shows, e.g. "k" or "Space" */
  readonly label: string;
  readonly does: string;
  readonly action: 'toggle-play' | 'step' | 'slower' | 'faster' | 'help' | 'theme' | 'fit';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['k', ' '], label: 'k or Space', does: 'Play or pause simulated time', action: 'toggle-play' },
  { keys: ['.', 'n'], label: '. or n', does: 'Step to the next thing a component does', action: 'step' },
  { keys: ['-', ','], label: '-', does: 'Slower', action: 'slower' },
  { keys: ['+', '='], label: '+', does: 'Faster', action: 'faster' },
  { keys: ['t'], label: 't', does: 'Switch between light and dark theme', action: 'theme' },
  { keys: ['?'], label: '?', does: 'Show or hide this help', action: 'help' },
];

/** Whether a key press belongs to a place where the person types (inputs, editor, terminal). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.monaco-editor, .xterm')) return true;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range');
}

export function shortcutFor(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
