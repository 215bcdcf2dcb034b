// The text equivalent of the animation: a visually hidden polite live region that, at most
// once every two seconds, says how many steps the cluster took and the newest one's "why".

import { useEffect, useState } from 'react';
import type { TraceRecord } from '../../engine/index.ts';
import { useLab } from '../../state/context.tsx';

const EVERY_MS = 2000;

export function LiveSummary() {
  const lab = useLab();
  const [text, setText] = useState('');
  useEffect(() => {
    let count = 0;
    let newest: TraceRecord | undefined;
    const unsubscribe = lab.store.subscribe((s, prev) => {
      if (s.traceBatch === prev.traceBatch || !s.traceBatch.length) return;
      count += s.traceBatch.length;
      newest = s.traceBatch.at(-1);
    });
    const timer = window.setInterval(() => {
      if (!count || !newest) return;
      setText(`${count} step${count === 1 ? '' : 's'} in the cluster. Latest, ${newest.component}: ${newest.why}`);
      count = 0;
    }, EVERY_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [lab]);
  return (
    <div className="visually-hidden" aria-live="polite" role="status">
      {text}
    </div>
  );
}
