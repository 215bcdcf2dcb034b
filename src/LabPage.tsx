// The lab itself, loaded just after the first paint: one screen with the cluster diagram, the inspector, the manifest editor, the
// terminal and the timeline, around one Lab (the simulated cluster) and the page's UI store.

import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { SPEEDS, createLab } from './state/labStore.ts';
import type { Lab } from './state/labStore.ts';
import { createUiStore } from './state/uiStore.ts';
import type { UiState } from './state/uiStore.ts';
import { LabContext, UiContext } from './state/context.tsx';
import { Workspace } from './components/layout/Workspace.tsx';
import { Timeline } from './components/timeline/Timeline.tsx';
import { TimeControls } from './components/TimeControls.tsx';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { ResetButton } from './components/ResetButton.tsx';
import { Notice } from './components/Notice.tsx';
import { isTypingTarget, shortcutFor } from './components/shortcuts.ts';

function useShortcuts(lab: Lab, ui: StoreApi<UiState>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const s = shortcutFor(e.key);
      if (!s) return;
      e.preventDefault();
      const { speed, playing } = lab.store.getState();
      const i = SPEEDS.findIndex((v) => v >= speed);
      switch (s.action) {
        case 'toggle-play':
          return playing ? lab.pause() : lab.play();
        case 'step':
          lab.step();
          return;
        case 'slower':
          return lab.setSpeed(SPEEDS[Math.max(0, i - 1)]!);
        case 'faster':
          return lab.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!);
        case 'theme':
          return ui.setState((u) => ({ theme: u.theme === 'dark' ? 'light' : 'dark' }));
        case 'help':
          return ui.setState((u) => ({ helpOpen: !u.helpOpen }));
        case 'fit':
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab, ui]);
}

/**
 * The lab to open: the saved one, or a fresh cluster when the address asks for one
 * (`?preset=microk8s`, `?nodes=10`, `?seed=7`: handy for demos). The settings then leave the
 * address, so a reload restores this lab instead of starting another.
 */
let opened: Lab | undefined;
function openLab(): Lab {
  // React's strict mode calls state initialisers twice; the page has one lab.
  return (opened ??= labFromAddress());
}

function labFromAddress(): Lab {
  const q = new URLSearchParams(location.search);
  if (!['preset', 'nodes', 'seed'].some((k) => q.has(k))) return createLab({ persist: true });
  const preset = q.get('preset') === 'microk8s' ? 'microk8s' : 'kind';
  const nodes = Math.round(Number(q.get('nodes')));
  const seed = Math.round(Number(q.get('seed')));
  history.replaceState(null, '', location.pathname);
  return createLab({ preset, persist: true, restore: false, seed: seed > 0 ? seed : 1, ...(nodes >= 1 && nodes <= 200 ? { nodes } : {}) });
}

export function LabPage() {
  const [lab] = useState(openLab);
  const [ui] = useState(() => createUiStore());
  const theme = useStore(ui, (s) => s.theme);
  useEffect(() => lab.start(), [lab]);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useShortcuts(lab, ui);
  return (
    <LabContext.Provider value={lab}>
      <UiContext.Provider value={ui}>
        <div className="app">
          <header className="topbar">
            <div className="brand">
              <img src="/favicon.svg" alt="" width={26} height={26} />
              <h1>kubelab</h1>
              <span className="tagline">a Kubernetes cluster, simulated in your browser</span>
            </div>
            <TimeControls />
            <div className="topbar-actions">
              <ResetButton />
              <button type="button" className="btn" aria-pressed={theme === 'dark'} onClick={() => ui.setState({ theme: theme === 'dark' ? 'light' : 'dark' })} title="Switch theme (t)">
                Dark theme
              </button>
              <button type="button" className="btn" onClick={() => ui.setState({ helpOpen: true })} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
                Help
              </button>
            </div>
          </header>
          <Notice />
          <Workspace />
          <div className="timeline-strip">
            <Timeline />
          </div>
          <HelpOverlay />
        </div>
      </UiContext.Provider>
    </LabContext.Provider>
  );
}
