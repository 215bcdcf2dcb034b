// The inspector: explains whatever is selected in the diagram or the timeline. An object gets
// its facts, describe, YAML, events and trace; a component gets what it is and what it did;
// nothing selected gets a short guide and the cluster at a glance.

import type { KeyboardEvent } from 'react';
import type { Selection } from '../../state/labStore.ts';
import { useLab, useLabState } from '../../state/context.tsx';
import { ComponentInspector } from './ComponentInspector.tsx';
import { InspectorGuide } from './InspectorGuide.tsx';
import { ObjectInspector } from './ObjectInspector.tsx';
import '../timeline/componentColors.css';
import './inspector.css';

const selectSelection = (s: { selection: Selection | null }) => s.selection;

const selectionKey = (s: Selection): string =>
  s.type === 'object' ? `${s.ref.kind}/${s.ref.namespace ?? ''}/${s.ref.name}` : `component/${s.component}`;

export function Inspector() {
  const lab = useLab();
  const selection = useLabState(selectSelection);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && selection) {
      e.stopPropagation();
      lab.select(null);
    }
  };
  return (
    <section className="panel inspector" aria-label="Inspector" onKeyDown={onKeyDown}>
      <div className="panel-header">
        <h2>Inspector</h2>
        {selection && (
          <button type="button" className="btn insp-close" onClick={() => lab.select(null)} title="Clear the selection (Esc)">
            Close
          </button>
        )}
      </div>
      {/* keyed by the selection so a new selection starts at the top, not at the old scroll */}
      <div className="panel-body insp-body" key={selection ? selectionKey(selection) : 'none'}>
        {selection === null ? (
          <InspectorGuide />
        ) : selection.type === 'object' ? (
          <ObjectInspector key={selectionKey(selection)} objectRef={selection.ref} />
        ) : (
          <ComponentInspector key={selectionKey(selection)} component={selection.component} />
        )}
      </div>
    </section>
  );
}
