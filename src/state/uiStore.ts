// What the page remembers about itself, apart from the cluster: theme, pane sizes, the
// editor's open tabs, overlays. Saved to localStorage (versioned) and restored on reload.

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export type Theme = 'light' | 'dark';

export interface PaneSizes {
  /** width of the inspector column, in px */
  readonly inspector: number;
  /** height of the bottom row (editor and terminal), in px */
  readonly bottom: number;
  /** the editor's share of the bottom row, 0..1 */
  readonly editorShare: number;
}

export interface UiState {
  readonly theme: Theme;
  readonly panes: PaneSizes;
  /** files open in the editor's tabs, in order */
  readonly openFiles: readonly string[];
  readonly activeFile: string | null;
  readonly helpOpen: boolean;
}

const UI_KEY = 'kubelab.ui';
const UI_VERSION = 1;

export const DEFAULT_PANES: PaneSizes = { inspector: 330, bottom: 250, editorShare: 0.44 };

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function loadUi(): Partial<UiState> {
  try {
    const raw = localStorage.getItem(UI_KEY);
    if (!raw) return {};
    const v = JSON.parse(raw) as { version?: number; state?: Partial<UiState> };
    if (v.version !== UI_VERSION || typeof v.state !== 'object' || v.state === null) return {};
    const s = v.state;
    const out: { -readonly [K in keyof UiState]?: UiState[K] } = {};
    if (s.theme === 'light' || s.theme === 'dark') out.theme = s.theme;
    if (s.panes && typeof s.panes.inspector === 'number' && typeof s.panes.bottom === 'number' && typeof s.panes.editorShare === 'number') out.panes = s.panes;
    if (Array.isArray(s.openFiles) && s.openFiles.every((f) => typeof f === 'string')) out.openFiles = s.openFiles;
    if (typeof s.activeFile === 'string') out.activeFile = s.activeFile;
    return out;
  } catch {
    return {}; // unreadable: the page starts with its defaults
  }
}

export function createUiStore(persist = true): StoreApi<UiState> {
  const store = createStore<UiState>(() => ({
    theme: prefersDark() ? 'dark' : 'light',
    panes: DEFAULT_PANES,
    openFiles: [],
    activeFile: null,
    helpOpen: false,
    ...(persist ? loadUi() : {}),
  }));
  if (persist) {
    store.subscribe((s) => {
      try {
        const { theme, panes, openFiles, activeFile } = s;
        localStorage.setItem(UI_KEY, JSON.stringify({ version: UI_VERSION, state: { theme, panes, openFiles, activeFile } }));
      } catch {
        // storage full or disabled: the page still works, it just forgets its layout
      }
    });
  }
  return store;
}
