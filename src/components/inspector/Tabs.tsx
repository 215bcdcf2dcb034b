// WAI-ARIA tabs (tablist / tab / tabpanel) with arrow keys, Home and End; the panel renders
// only the active tab so hidden tabs cost nothing.

import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabsProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly T[];
  readonly active: T;
  readonly onChange: (tab: T) => void;
  readonly children: ReactNode;
}

export function Tabs<T extends string>({ label, tabs, active, onChange, children }: TabsProps<T>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent): void => {
    const i = tabs.indexOf(active);
    const to =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    onChange(tabs[to]!);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <>
      <div className="insp-tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${base}-tab-${t}`}
            aria-selected={t === active}
            aria-controls={`${base}-panel`}
            tabIndex={t === active ? 0 : -1}
            onClick={() => onChange(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div className="insp-tabpanel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
