// The "?" overlay: the keyboard shortcuts and how to drive the lab, as a modal dialog.

import { useEffect, useRef } from 'react';
import { useUi, useUiStore } from '../state/context.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpOverlay() {
  const open = useUi((s) => s.helpOpen);
  const ui = useUiStore();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog help" aria-labelledby="help-title" onClose={() => ui.setState({ helpOpen: false })}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <p className="dim">They work when the terminal and the editor do not have the focus (press Esc in the editor, or click the diagram).</p>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.label}</kbd>
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Tab</kbd>
            </td>
            <td>In the terminal: complete a command, resource type or name</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd>+<kbd>C</kbd> · <kbd>Ctrl</kbd>+<kbd>L</kbd>
            </td>
            <td>In the terminal: stop the running command · clear the screen</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
            </td>
            <td>In the editor: apply the file</td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button className="btn btn-primary" type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
}
