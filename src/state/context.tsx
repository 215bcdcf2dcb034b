// How components reach the lab and the page's own settings: two contexts (the Lab, the UI
// store) and selector hooks over them, so a view re-renders only when what it selected changes.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Lab, LabState } from './labStore.ts';
import type { UiState } from './uiStore.ts';

export const LabContext = createContext<Lab | null>(null);
export const UiContext = createContext<StoreApi<UiState> | null>(null);

export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab must be used inside <LabContext.Provider>');
  return lab;
}

export function useLabState<T>(selector: (state: LabState) => T): T {
  return useStore(useLab().store, selector);
}

export function useUiStore(): StoreApi<UiState> {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUiStore must be used inside <UiContext.Provider>');
  return ui;
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useUiStore(), selector);
}
