// A plain text area in place of Monaco when Monaco could not load (a blocked worker, a failed
// chunk): the file can still be edited and applied, and the reason is shown.

import { useState } from 'react';

export interface FallbackEditorProps {
  readonly path: string;
  /** the file's text in the lab */
  readonly text: string;
  readonly error: string;
  isDirty(path: string): boolean;
  onChange(path: string, value: string): void;
}

export function FallbackEditor({ path, text, error, isDirty, onChange }: FallbackEditorProps) {
  const [value, setValue] = useState(text);
  const [seen, setSeen] = useState({ path, text });
  // A change from outside (the terminal, another tab) replaces the text unless edits are pending.
  if (seen.path !== path || seen.text !== text) {
    setSeen({ path, text });
    if (seen.path !== path || !isDirty(path)) setValue(text);
  }
  return (
    <div className="editor-fallback">
      <p className="editor-fallback-note" role="note">
        The full editor could not be loaded ({error}); this plain editor still saves your file and Apply works.
      </p>
      <textarea
        aria-label="Manifest text"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onChange(path, e.target.value);
        }}
      />
    </div>
  );
}
