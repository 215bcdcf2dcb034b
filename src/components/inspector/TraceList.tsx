// Trace records as a list, newest first. Opening a record shows its cause chain: the earlier
// records that led to it, followed through `cause` back to the command that started it all.

import { useMemo, useState } from 'react';
import type { ObjectRef, TraceRecord } from '../../engine/index.ts';
import { useLab } from '../../state/context.tsx';
import { formatClock } from '../formatClock.ts';
import { groupColor } from '../timeline/timelineModel.ts';
import { causeChain, refLabel, sameRef } from './inspectorModel.ts';

export interface TraceListProps {
  /** newest first */
  readonly records: readonly TraceRecord[];
  /** the records the page still keeps, to follow causes through */
  readonly kept: readonly TraceRecord[];
  /** the object being inspected, whose name need not be repeated */
  readonly about?: ObjectRef;
  readonly empty: string;
}

function RecordText({ r }: { r: TraceRecord }) {
  return (
    <>
      <span className="insp-time">{formatClock(r.time)}</span>
      <span className="cg-dot" style={{ background: groupColor(r.component) }} aria-hidden="true" />
      <span className="insp-comp">{r.component}</span>
      <span className="insp-action">{r.action}</span>
      <span className="insp-why">{r.why}</span>
    </>
  );
}

function CauseChain({ record, kept, about }: { record: TraceRecord; kept: readonly TraceRecord[]; about: ObjectRef | undefined }) {
  const lab = useLab();
  const { chain, lost } = useMemo(() => causeChain(record, new Map(kept.map((r) => [r.id, r]))), [record, kept]);
  const causes = chain.slice(1);
  return (
    <div className="insp-chain">
      {record.object && !sameRef(record.object, about ?? { kind: '', name: '' }) && (
        <button type="button" className="insp-link" onClick={() => lab.select({ type: 'object', ref: record.object! })}>
          Inspect {refLabel(record.object)}
        </button>
      )}
      <p className="insp-chain-title">{causes.length ? 'Why: caused by' : lost ? 'Its cause is older than the records kept.' : 'Nothing earlier caused this: it started here.'}</p>
      {causes.length > 0 && (
        <ol>
          {causes.map((c) => (
            <li key={c.id}>
              <RecordText r={c} />
              {c.object && !sameRef(c.object, about ?? { kind: '', name: '' }) && (
                <button type="button" className="insp-link" onClick={() => lab.select({ type: 'object', ref: c.object! })}>
                  {refLabel(c.object)}
                </button>
              )}
            </li>
          ))}
          {lost && <li className="insp-dim">… earlier causes are no longer kept</li>}
        </ol>
      )}
    </div>
  );
}

export function TraceList({ records, kept, about, empty }: TraceListProps) {
  const [open, setOpen] = useState<number | null>(null);
  if (!records.length) return <p className="insp-dim insp-pad">{empty}</p>;
  return (
    <ol className="insp-trace">
      {records.map((r) => (
        <li key={r.id}>
          <button type="button" className="insp-trace-row" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
            <RecordText r={r} />
          </button>
          {open === r.id && <CauseChain record={r} kept={kept} about={about} />}
        </li>
      ))}
    </ol>
  );
}
