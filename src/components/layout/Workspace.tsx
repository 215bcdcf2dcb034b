// The lab's panes: the diagram (largest) with the inspector beside it, the editor and the
// terminal below, each border a splitter whose position the UI store remembers.

import { useEffect, useRef, useState } from 'react';
import { useUi, useUiStore } from '../../state/context.tsx';
import { Splitter } from './Splitter.tsx';
import { ClusterDiagram } from '../diagram/ClusterDiagram.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { ManifestEditor } from '../editor/ManifestEditor.tsx';
import { Terminal } from '../Terminal.tsx';

function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 1200, height: 600 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setSize({ width: entry.contentRect.width, height: entry.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size] as const;
}

export function Workspace() {
  const panes = useUi((s) => s.panes);
  const ui = useUiStore();
  const [ref, size] = useSize<HTMLElement>();
  const set = (patch: Partial<typeof panes>): void => ui.setState((s) => ({ panes: { ...s.panes, ...patch } }));
  // Panes never squeeze the diagram below a usable size, whatever was saved.
  const inspector = Math.min(panes.inspector, Math.max(240, size.width * 0.45));
  const bottom = Math.min(panes.bottom, Math.max(160, size.height - 200));
  // The inspector takes the whole right column; the editor and terminal sit under the diagram.
  const bottomWidth = size.width - inspector - 6;
  return (
    <main
      ref={ref}
      className="workspace"
      style={{ gridTemplateColumns: `minmax(0, 1fr) 6px ${inspector}px`, gridTemplateRows: `minmax(0, 1fr) 6px ${bottom}px` }}
    >
      <div className="pane" style={{ gridArea: '1 / 1' }}>
        <ClusterDiagram />
      </div>
      <Splitter label="Resize the inspector" orientation="vertical" style={{ gridArea: '1 / 2 / 4 / 3' }} value={inspector} min={240} max={Math.max(260, size.width * 0.45)} direction={-1} onChange={(v) => set({ inspector: v })} />
      <div className="pane" style={{ gridArea: '1 / 3 / 4 / 4' }}>
        <Inspector />
      </div>
      <Splitter label="Resize the editor and terminal" orientation="horizontal" style={{ gridArea: '2 / 1' }} value={bottom} min={160} max={Math.max(180, size.height - 200)} direction={-1} onChange={(v) => set({ bottom: v })} />
      <div className="pane-bottom" style={{ gridArea: '3 / 1', gridTemplateColumns: `minmax(0, ${panes.editorShare}fr) 6px minmax(0, ${1 - panes.editorShare}fr)` }}>
        <div className="pane">
          <ManifestEditor />
        </div>
        <Splitter label="Resize the editor against the terminal" orientation="vertical" value={panes.editorShare} min={0.25} max={0.75} direction={1} scale={bottomWidth} onChange={(v) => set({ editorShare: v })} />
        <div className="pane">
          <Terminal />
        </div>
      </div>
    </main>
  );
}
