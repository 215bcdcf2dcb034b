// The manifest editor: the lab's files in tabs, Monaco (loaded lazily) with the Kubernetes
// schema, Apply as `kubectl apply -f <file>` with kubectl's errors as markers, YAML ⇄ JSON
// conversion, and files dropped from the desktop. A plain text area stands in if Monaco fails.

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useLab, useLabState, useUi, useUiStore } from '../../state/context.tsx';
import { ApplyOutput } from './ApplyOutput.tsx';
import type { ApplyResult, OutputLine } from './ApplyOutput.tsx';
import { EditorTabs } from './EditorTabs.tsx';
import { FallbackEditor } from './FallbackEditor.tsx';
import { baseName, convertManifest, convertedName, homePath, isJsonName } from './files.ts';
import { kubectlErrorMarkers } from './markers.ts';
import { useEditorFiles } from './useEditorFiles.ts';
import { useMonaco } from './useMonaco.ts';
import { useDroppedFiles } from './useDroppedFiles.ts';
import './editor.css';

const outputLines = (text: string, stream: OutputLine['stream']): OutputLine[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ text: l, stream }));

export function ManifestEditor() {
  const lab = useLab();
  const ui = useUiStore();
  const files = useLabState((s) => s.files);
  const fileRevision = useLabState((s) => s.fileRevision);
  const openFiles = useUi((s) => s.openFiles);
  const active = useUi((s) => s.activeFile);
  const theme = useUi((s) => s.theme);
  const panelId = useId();
  const section = useRef<HTMLElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const applyRef = useRef<() => void>(() => {});
  /** a file just created or renamed: the cursor goes into it once it is shown */
  const focusNext = useRef(false);
  const [result, setResult] = useState<ApplyResult | null>(null);
  const { flush, schedule, forget, isDirty } = useEditorFiles(lab, ui, files);
  const { status, error, handle } = useMonaco(section, host, { theme, onChange: schedule, onApply: () => applyRef.current() });
  const activeText = active ? (lab.readFile(active) ?? '') : '';

  const openTab = useCallback(
    (path: string): void => ui.setState((s) => ({ openFiles: s.openFiles.includes(path) ? s.openFiles : [...s.openFiles, path], activeFile: path })),
    [ui],
  );

  const closeTab = useCallback(
    (path: string): void => {
      flush();
      handle.current?.close(path);
      ui.setState((s) => {
        const i = s.openFiles.indexOf(path);
        const open = s.openFiles.filter((f) => f !== path);
        return { openFiles: open, activeFile: s.activeFile === path ? (open[Math.min(i, open.length - 1)] ?? null) : s.activeFile };
      });
    },
    [flush, handle, ui],
  );

  const applying = useRef(false);
  const apply = useCallback(async (): Promise<void> => {
    const path = ui.getState().activeFile;
    // Ctrl+Enter pressed again while kubectl still runs does not start a second apply.
    if (!path || applying.current) return;
    applying.current = true;
    flush();
    const content = lab.readFile(path) ?? '';
    const command = `kubectl apply -f ${baseName(path)}`;
    setResult({ command, lines: [], running: true, markers: [] });
    const r = await lab.apply(path).finally(() => {
      applying.current = false;
    });
    const markers = r.code === 0 ? [] : kubectlErrorMarkers(r.stderr, content);
    handle.current?.setMarkers(path, markers);
    setResult({ command, lines: [...outputLines(r.stdout, 'stdout'), ...outputLines(r.stderr, 'stderr')], running: false, markers });
  }, [flush, handle, lab, ui]);
  useEffect(() => {
    applyRef.current = () => void apply();
  }, [apply]);

  const convert = useCallback((): void => {
    if (!active) return;
    flush();
    const to = convertedName(active);
    const command = `Convert ${baseName(active)} to ${isJsonName(active) ? 'YAML' : 'JSON'}`;
    const r = convertManifest(active, lab.readFile(active) ?? '');
    if (!r.ok) {
      setResult({ command, lines: [{ text: r.error, stream: 'stderr' }], running: false, markers: [] });
      return;
    }
    lab.writeFile(to, r.content);
    handle.current?.sync(to, r.content);
    openTab(to);
    setResult({ command, lines: [{ text: `Wrote ${baseName(to)}`, stream: 'stdout' }], running: false, markers: [] });
  }, [active, flush, handle, lab, openTab]);

  const create = (name: string): void => {
    const path = homePath(name);
    lab.writeFile(path, '');
    focusNext.current = true;
    openTab(path);
  };
  const rename = (from: string, name: string): void => {
    const to = homePath(name);
    if (to === from) return;
    flush();
    focusNext.current = true;
    ui.setState((s) => ({ openFiles: s.openFiles.map((f) => (f === from ? to : f)), activeFile: s.activeFile === from ? to : s.activeFile }));
    lab.renameFile(from, to);
    handle.current?.rename(from, to);
  };
  const remove = (path: string): void => {
    forget(path);
    closeTab(path);
    lab.removeFile(path);
  };

  const drop = useDroppedFiles(lab, files, openTab, setResult);

  // Monaco follows the active tab, the theme, and changes made outside the editor.
  useEffect(() => {
    if (status !== 'ready' || !active) return;
    handle.current?.show(active, lab.readFile(active) ?? '');
    if (focusNext.current) handle.current?.focus();
    focusNext.current = false;
  }, [status, active, handle, lab]);
  useEffect(() => {
    if (status === 'ready') handle.current?.setTheme(theme);
  }, [status, theme, handle]);
  useEffect(() => {
    if (status !== 'ready') return;
    for (const path of openFiles) {
      const content = lab.readFile(path);
      if (content !== undefined && !isDirty(path)) handle.current?.sync(path, content);
    }
  }, [status, fileRevision, openFiles, handle, lab, isDirty]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !e.defaultPrevented) {
      e.preventDefault();
      void apply();
    }
  };

  return (
    <section ref={section} className={`panel editor${drop.over ? ' is-drop-target' : ''}`} aria-label="Manifest editor" onKeyDown={onKeyDown} onDragOverCapture={drop.onDragOver} onDragLeave={drop.onDragLeave} onDropCapture={drop.onDrop as (e: DragEvent) => void}>
      <header className="panel-header">
        <h2>Editor</h2>
        <span className="editor-status" aria-live="polite">
          {status === 'loading' || status === 'waiting' ? 'Loading editor…' : ''}
        </span>
        <button type="button" className="btn" disabled={!active} onClick={convert} title="Write the same manifest in the other format beside this file">
          {active && isJsonName(active) ? 'Convert to YAML' : 'Convert to JSON'}
        </button>
        <button type="button" className="btn btn-primary" disabled={!active || result?.running} onClick={() => void apply()} title="kubectl apply -f this file (Ctrl+Enter)">
          Apply
        </button>
      </header>
      <EditorTabs files={files} open={openFiles} active={active} panelId={panelId} onSelect={openTab} onClose={closeTab} onCreate={create} onRename={rename} onDelete={remove} />
      <div className="editor-body" id={panelId} role="tabpanel" aria-label={active ? baseName(active) : 'No file open'}>
        <div ref={host} className="editor-host" hidden={status === 'failed' || !active} />
        {status !== 'ready' && status !== 'failed' && active && (
          <pre className="editor-skeleton" aria-busy="true">
            {activeText}
          </pre>
        )}
        {status === 'failed' && active && <FallbackEditor path={active} text={activeText} error={error ?? 'unknown error'} isDirty={isDirty} onChange={schedule} />}
        {!active && <p className="editor-empty">No file open. Create one with “New file”, or drop a .yml or .json file here.</p>}
        {drop.over && <div className="editor-drop-hint">Drop a .yml, .yaml or .json file to open it</div>}
      </div>
      <ApplyOutput result={result} onReveal={(line) => active && handle.current?.reveal(active, line)} onDismiss={() => setResult(null)} />
    </section>
  );
}
