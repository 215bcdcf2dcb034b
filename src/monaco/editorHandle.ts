// One Monaco editor over the lab's manifest files: a model per file (so each keeps its undo
// history and cursor), kubectl's errors as markers, and the page's light or dark theme.

import * as monaco from 'monaco-editor/editor/editor.api';

export interface LineMarker {
  /** 1-based */
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
}

export interface EditorOptions {
  readonly theme: 'light' | 'dark';
  /** the person edited `path` */
  onChange(path: string, value: string): void;
  /** Ctrl/Cmd+Enter */
  onApply(): void;
}

export interface EditorHandle {
  /** shows `path`, creating its model from `content` the first time */
  show(path: string, content: string): void;
  /** replaces a model's text after a change from outside (the terminal); undo still works */
  sync(path: string, content: string): void;
  value(path: string): string | undefined;
  rename(from: string, to: string): void;
  close(path: string): void;
  /** kubectl's errors for `path` (replacing the previous ones) */
  setMarkers(path: string, markers: readonly LineMarker[]): void;
  reveal(path: string, line: number): void;
  setTheme(theme: 'light' | 'dark'): void;
  focus(): void;
  dispose(): void;
}

const KUBECTL_OWNER = 'kubectl';

const languageOf = (path: string): string => (/\.json$/i.test(path) ? 'json' : /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext');

/** `#fff` → `#ffffff`; anything but a hex colour → null (Monaco's themes take only hex). */
export function hexColor(value: string): string | null {
  const v = value.trim();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(v) ? v : null;
}

/** Monaco themes whose background is the panel's own colour (read from the CSS variables). */
function defineThemes(): void {
  const dark = document.documentElement.dataset['theme'] === 'dark';
  const panel = hexColor(getComputedStyle(document.documentElement).getPropertyValue('--panel'));
  const colors: Record<string, string> = panel ? { 'editor.background': panel, 'editorGutter.background': panel } : {};
  try {
    monaco.editor.defineTheme('kubelab-light', { base: 'vs', inherit: true, rules: [], colors: dark ? {} : colors });
    monaco.editor.defineTheme('kubelab-dark', { base: 'vs-dark', inherit: true, rules: [], colors: dark ? colors : {} });
  } catch {
    // an odd colour must never cost the editor: fall back to Monaco's own backgrounds
    monaco.editor.defineTheme('kubelab-light', { base: 'vs', inherit: true, rules: [], colors: {} });
    monaco.editor.defineTheme('kubelab-dark', { base: 'vs-dark', inherit: true, rules: [], colors: {} });
  }
}

export function createEditorHandle(host: HTMLElement, options: EditorOptions): EditorHandle {
  const models = new Map<string, monaco.editor.ITextModel>();
  const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  let current: string | null = null;
  let applyingSync = false;

  const editor = monaco.editor.create(host, {
    model: null,
    theme: options.theme === 'dark' ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    fontFamily: "'JetBrains Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    renderWhitespace: 'none',
    // only the schema's suggestions: words from the file are noise in a manifest
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, comments: false, strings: true },
    ariaLabel: 'Manifest text',
    padding: { top: 6 },
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onApply());

  const modelFor = (path: string, content: string): monaco.editor.ITextModel => {
    let model = models.get(path);
    if (!model) {
      model = monaco.editor.createModel(content, languageOf(path), monaco.Uri.file(path));
      const m = model;
      m.onDidChangeContent(() => {
        if (applyingSync) return;
        // kubectl's errors describe the text as it was applied; an edit makes them stale.
        monaco.editor.setModelMarkers(m, KUBECTL_OWNER, []);
        options.onChange(path, m.getValue());
      });
      models.set(path, model);
    }
    return model;
  };

  // The page sets `data-theme` in an effect that runs after ours, so the panel colour is read
  // on the next frame.
  let themeFrame = 0;
  const setTheme = (theme: 'light' | 'dark'): void => {
    cancelAnimationFrame(themeFrame);
    themeFrame = requestAnimationFrame(() => {
      defineThemes();
      try {
        monaco.editor.setTheme(theme === 'dark' ? 'kubelab-dark' : 'kubelab-light');
      } catch {
        monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
      }
    });
  };
  setTheme(options.theme);

  return {
    show(path, content) {
      if (current === path && editor.getModel()) return;
      if (current) viewStates.set(current, editor.saveViewState());
      editor.setModel(modelFor(path, content));
      const state = viewStates.get(path);
      if (state) editor.restoreViewState(state);
      current = path;
    },
    sync(path, content) {
      const model = models.get(path);
      if (!model || model.getValue() === content) return;
      applyingSync = true;
      try {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
        model.pushStackElement();
      } finally {
        applyingSync = false;
      }
    },
    value: (path) => models.get(path)?.getValue(),
    rename(from, to) {
      const model = models.get(from);
      if (!model) return;
      const content = model.getValue();
      const wasCurrent = current === from;
      const state = wasCurrent ? editor.saveViewState() : viewStates.get(from);
      model.dispose();
      models.delete(from);
      viewStates.delete(from);
      if (state) viewStates.set(to, state);
      if (wasCurrent) {
        current = null;
        this.show(to, content);
      }
    },
    close(path) {
      if (current === path) {
        editor.setModel(null);
        current = null;
      }
      models.get(path)?.dispose();
      models.delete(path);
      viewStates.delete(path);
    },
    setMarkers(path, markers) {
      const model = models.get(path);
      if (!model) return;
      monaco.editor.setModelMarkers(
        model,
        KUBECTL_OWNER,
        markers.map((m) => {
          const line = Math.min(Math.max(1, m.line), model.getLineCount());
          const endLine = Math.min(Math.max(line, m.endLine ?? line), model.getLineCount());
          return {
            severity: monaco.MarkerSeverity.Error,
            source: 'kubectl apply',
            message: m.message,
            startLineNumber: line,
            startColumn: m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
            endLineNumber: endLine,
            endColumn: m.endColumn ?? model.getLineMaxColumn(endLine),
          };
        }),
      );
    },
    reveal(path, line) {
      if (current !== path) return;
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    setTheme,
    focus: () => editor.focus(),
    dispose() {
      cancelAnimationFrame(themeFrame);
      editor.dispose();
      for (const m of models.values()) m.dispose();
      models.clear();
    },
  };
}
