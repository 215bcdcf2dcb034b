// The editor's file tabs: open files in order, close (the file stays), new file and rename
// through an inline name field that explains a refused name, delete after asking.

import { useState } from 'react';
import type { FormEvent } from 'react';
import { baseName, fileNameProblem, nextFileName } from './files.ts';

export interface EditorTabsProps {
  readonly files: readonly string[];
  readonly open: readonly string[];
  readonly active: string | null;
  readonly panelId: string;
  onSelect(path: string): void;
  onClose(path: string): void;
  onCreate(name: string): void;
  onRename(from: string, toName: string): void;
  onDelete(path: string): void;
}

type Mode = { kind: 'tabs' } | { kind: 'new' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string };

function NameField({ initial, label, files, renaming, onDone, onCancel }: { initial: string; label: string; files: readonly string[]; renaming?: string; onDone(name: string): void; onCancel(): void }) {
  const [name, setName] = useState(initial);
  const [tried, setTried] = useState(false);
  const problem = fileNameProblem(name.trim(), files, renaming);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (!problem) onDone(name.trim());
  };
  return (
    <form className="editor-namefield" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          autoFocus
          value={name}
          aria-label={label}
          aria-invalid={tried && !!problem}
          aria-describedby="editor-name-problem"
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.target.setSelectionRange(0, e.target.value.replace(/\.[^.]*$/, '').length)}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        />
      </label>
      <button type="submit" className="btn">
        {renaming ? 'Rename' : 'Create'}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      {problem && (tried || name !== initial) && (
        <span id="editor-name-problem" className="editor-name-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

export function EditorTabs({ files, open, active, panelId, onSelect, onClose, onCreate, onRename, onDelete }: EditorTabsProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'tabs' });
  const closed = files.filter((f) => !open.includes(f));
  const back = (): void => setMode({ kind: 'tabs' });

  if (mode.kind === 'new')
    return (
      <div className="editor-tabbar">
        <NameField initial={nextFileName(files)} label="New file name" files={files} onCancel={back} onDone={(n) => (back(), onCreate(n))} />
      </div>
    );
  if (mode.kind === 'rename')
    return (
      <div className="editor-tabbar">
        <NameField initial={baseName(mode.path)} label={`New name for ${baseName(mode.path)}`} files={files} renaming={baseName(mode.path)} onCancel={back} onDone={(n) => (back(), onRename(mode.path, n))} />
      </div>
    );
  if (mode.kind === 'delete')
    return (
      <div className="editor-tabbar editor-confirm" role="alertdialog" aria-label={`Delete ${baseName(mode.path)}?`}>
        <span>
          Delete <strong>{baseName(mode.path)}</strong>? Objects already applied stay in the cluster.
        </span>
        <button type="button" className="btn editor-danger" autoFocus onClick={() => (back(), onDelete(mode.path))}>
          Delete
        </button>
        <button type="button" className="btn" onClick={back}>
          Cancel
        </button>
      </div>
    );

  return (
    <div className="editor-tabbar">
      <div className="editor-tabs" role="tablist" aria-label="Open files">
        {open.map((path) => {
          const name = baseName(path);
          const selected = path === active;
          // Only tabs may sit in a tablist: closing is the tab's own Delete key or its ×
          // (pointer only); rename and delete act on the active tab from beside the list.
          return (
            <div key={path} role="presentation" className={`editor-tab${selected ? ' is-active' : ''}`}>
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={panelId}
                aria-keyshortcuts="Delete"
                className="editor-tab-name"
                onClick={() => onSelect(path)}
                onDoubleClick={() => setMode({ kind: 'rename', path })}
                onKeyDown={(e) => e.key === 'Delete' && onClose(path)}
                title="Double-click to rename; Delete closes the tab (the file stays)"
              >
                {name}
                <span
                  className="editor-tab-icon editor-tab-close"
                  aria-hidden="true"
                  title="Close tab (the file stays)"
                  onClick={(e) => {
                    e.stopPropagation();
                    onClose(path);
                  }}
                >
                  ×
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {active && (
        <>
          <button type="button" className="editor-tab-icon" aria-label={`Rename ${baseName(active)}`} title="Rename" onClick={() => setMode({ kind: 'rename', path: active })}>
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
              <path d="M11 2.5l2.5 2.5L6 12.5H3.5V10z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
            </svg>
          </button>
          <button type="button" className="editor-tab-icon" aria-label={`Delete ${baseName(active)}`} title="Delete file" onClick={() => setMode({ kind: 'delete', path: active })}>
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
              <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M7 7v4M9 7v4" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
          <button type="button" className="editor-tab-icon" aria-label={`Close ${baseName(active)}`} title="Close tab (the file stays)" onClick={() => onClose(active)}>
            ×
          </button>
        </>
      )}
      {closed.length > 0 && (
        <select className="editor-open-select" aria-label="Open a file" value="" onChange={(e) => e.target.value && onSelect(e.target.value)}>
          <option value="">Open…</option>
          {closed.map((f) => (
            <option key={f} value={f}>
              {baseName(f)}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="btn editor-new" onClick={() => setMode({ kind: 'new' })}>
        <span aria-hidden="true">+</span> New file
      </button>
    </div>
  );
}
