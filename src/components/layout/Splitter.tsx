// A draggable, keyboard-operable divider between two panes (WAI-ARIA "window splitter"):
// drag it, or focus it and use the arrow keys (Shift for bigger steps), Home/End for limits.

import { useRef } from 'react';
import type { CSSProperties, KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  readonly label: string;
  /** 'vertical' divides columns (drag left/right); 'horizontal' divides rows */
  readonly orientation: 'vertical' | 'horizontal';
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right/down grows the value, -1 when it shrinks it */
  readonly direction: 1 | -1;
  /** pixels per unit of value (1 for px values; the pane's size for fractions) */
  readonly scale?: number;
  readonly onChange: (value: number) => void;
  /** where it sits in its grid */
  readonly style?: CSSProperties;
}

export function Splitter({ label, orientation, value, min, max, direction, scale = 1, onChange, style }: SplitterProps) {
  const drag = useRef<{ start: number; value: number } | null>(null);
  const clamp = (v: number): number => Math.min(max, Math.max(min, v));
  const pos = (e: PointerEvent): number => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: pos(e), value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    onChange(clamp(drag.current.value + (direction * (pos(e) - drag.current.start)) / scale));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = ((e.shiftKey ? 64 : 16) / scale) * direction;
    const grow: Record<string, number> = orientation === 'vertical' ? { ArrowRight: step, ArrowLeft: -step } : { ArrowDown: step, ArrowUp: -step };
    const delta = grow[e.key];
    if (delta !== undefined) onChange(clamp(value + delta));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={`splitter splitter-${orientation}`}
      style={style}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuemin={Math.round(min * 100) / 100}
      aria-valuemax={Math.round(max * 100) / 100}
      aria-valuenow={Math.round(value * 100) / 100}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
