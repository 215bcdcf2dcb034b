// Loads Monaco the first time the editor panel is on screen (a dynamic import, so it stays
// out of the page's first chunk) and mounts it in `host`; a failure leaves a readable error.

import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { EditorHandle, EditorOptions } from '../../monaco/setup.ts';

export type MonacoStatus = 'waiting' | 'loading' | 'ready' | 'failed';

/** Runs `fn` once the page is idle, so the terminal is usable before Monaco is parsed. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 800 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}

export function useMonaco(section: RefObject<HTMLElement | null>, host: RefObject<HTMLDivElement | null>, options: EditorOptions) {
  const [status, setStatus] = useState<MonacoStatus>('waiting');
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<EditorHandle | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const el = section.current;
    if (!el) return;
    let cancelled = false;
    let mounted: EditorHandle | null = null;
    let cancelIdle = (): void => {};
    const load = (): void => {
      setStatus('loading');
      import('../../monaco/setup.ts')
        .then((m) => {
          if (cancelled || !host.current) return;
          mounted = m.mountEditor(host.current, {
            theme: latest.current.theme,
            onChange: (path, value) => latest.current.onChange(path, value),
            onApply: () => latest.current.onApply(),
          });
          handle.current = mounted;
          setStatus('ready');
        })
        .catch((e: unknown) => {
          if (cancelled) return;
          setError(e instanceof Error ? e.message : String(e));
          setStatus('failed');
        });
    };
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      cancelIdle = whenIdle(load);
    });
    seen.observe(el);
    return () => {
      cancelled = true;
      seen.disconnect();
      cancelIdle();
      mounted?.dispose();
      handle.current = null;
    };
  }, [section, host]);

  return { status, error, handle };
}
