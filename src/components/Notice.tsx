// A banner for what the person must know about the lab itself (a save that could not be
// restored, storage that is full); dismissable, announced politely.

import { useState } from 'react';
import { useLabState } from '../state/context.tsx';

export function Notice() {
  const notice = useLabState((s) => s.notice);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!notice || dismissed === notice) return null;
  return (
    <div className="notice" role="status">
      <span>{notice}</span>
      <button type="button" className="btn" onClick={() => setDismissed(notice)}>
        Dismiss
      </button>
    </div>
  );
}
