// The editor's files and tabs kept in step with the lab's virtual files: tabs open for new
// files (also those the terminal writes), vanish with deleted ones, and the first visit gets
// the seed's hello-pod as pod.yml. Edits are written back after a short pause (debounced).

import { useCallback, useEffect, useRef } from 'react';
import type { Lab } from '../../state/labStore.ts';
import type { UiState } from '../../state/uiStore.ts';
import type { StoreApi } from 'zustand/vanilla';
import { STARTER_POD, homePath } from './files.ts';

const WRITE_DELAY_MS = 300;

export function useEditorFiles(lab: Lab, ui: StoreApi<UiState>, files: readonly string[]) {
  const known = useRef<Set<string> | null>(null);
  const pending = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback((): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const writes = [...pending.current];
    pending.current.clear();
    for (const [path, content] of writes) if (lab.readFile(path) !== undefined || content) lab.writeFile(path, content);
  }, [lab]);

  const schedule = useCallback(
    (path: string, content: string): void => {
      pending.current.set(path, content);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, WRITE_DELAY_MS);
    },
    [flush],
  );

  const forget = useCallback((path: string): void => {
    pending.current.delete(path);
  }, []);

  const isDirty = useCallback((path: string): boolean => pending.current.has(path), []);

  // Before the page goes away, unsaved edits are written.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  useEffect(() => {
    const first = known.current === null;
    if (first && files.length === 0) {
      known.current = new Set([homePath('pod.yml')]);
      ui.setState({ openFiles: [homePath('pod.yml')], activeFile: homePath('pod.yml') });
      lab.writeFile(homePath('pod.yml'), STARTER_POD);
      return;
    }
    const seen = known.current ?? new Set<string>();
    const { openFiles, activeFile } = ui.getState();
    const exists = new Set(files);
    let open = openFiles.filter((f) => exists.has(f));
    if (first && open.length === 0) open = [...files];
    else open.push(...files.filter((f) => !seen.has(f) && !open.includes(f)));
    known.current = new Set(files);
    const active = activeFile && open.includes(activeFile) ? activeFile : (open.at(-1) ?? null);
    if (open.length !== openFiles.length || open.some((f, i) => f !== openFiles[i]) || active !== activeFile) ui.setState({ openFiles: open, activeFile: active });
  }, [files, lab, ui]);

  /** marks a file the editor itself is about to create, so it is not reopened as "new" */
  const expect = useCallback((path: string): void => {
    known.current?.add(path);
  }, []);

  return { flush, schedule, forget, isDirty, expect };
}
