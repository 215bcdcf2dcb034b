// The inspector for one object: a header with its status, the key facts, then tabs with what
// kubectl would show (describe, YAML, events) and the trace records about it. Read-only
// kubectl commands re-run only when the object or its events change in the store.

import { useEffect, useMemo, useState } from 'react';
import type { ObjectRef } from '../../engine/index.ts';
import type { LabState } from '../../state/labStore.ts';
import { useLab } from '../../state/context.tsx';
import { formatClock } from '../formatClock.ts';
import { useSampledLabState } from '../timeline/useSampledLabState.ts';
import { describeCommand, describeSignature, eventsCommand, refLabel, yamlCommand } from './inspectorModel.ts';
import { ObjectFacts, statusOf } from './ObjectFacts.tsx';
import { Tabs } from './Tabs.tsx';
import { TraceList } from './TraceList.tsx';

const TABS = ['Summary', 'YAML', 'Events', 'Trace'] as const;
type Tab = (typeof TABS)[number];

const selectWorld = (s: LabState) => s.world;
const selectTrace = (s: LabState) => s.trace;

interface QueryProps {
  readonly line: string;
  /** re-run when this changes */
  readonly signature: string;
  readonly live: boolean;
  readonly label: string;
  /** the last good output of each command, kept for when the object is gone */
  readonly kept: Map<string, string>;
}

function QueryOutput({ line, signature, live, label, kept }: QueryProps) {
  const lab = useLab();
  // `signature` is the reason to re-run: the store keys describe reads have changed.
  const result = useMemo(() => (live && signature ? lab.query(line) : null), [lab, line, live, signature]);
  useEffect(() => {
    if (result?.code === 0) kept.set(line, result.stdout);
  }, [result, kept, line]);
  const text = result ? (result.code === 0 ? result.stdout : result.stderr || result.stdout) : kept.get(line);
  if (text === undefined) return <p className="insp-dim insp-pad">It was deleted before this tab was opened.</p>;
  return (
    <>
      {!live && <p className="insp-dim insp-pad">As last seen, before it was deleted:</p>}
      <p className="insp-cmd">
        <span aria-hidden="true">$ </span>
        {line}
      </p>
      <pre className="insp-pre" aria-label={label} tabIndex={0}>
        {text}
      </pre>
    </>
  );
}

export function ObjectInspector({ objectRef }: { objectRef: ObjectRef }) {
  const lab = useLab();
  const world = useSampledLabState(selectWorld, 400);
  const trace = useSampledLabState(selectTrace, 500);
  const [tab, setTab] = useState<Tab>('Summary');
  const [kept] = useState(() => new Map<string, string>());
  // `world` stands for "the store moved": lab.object and lab.storeKeys read the engine directly.
  const obj = useMemo(() => (world ? lab.object(objectRef) : undefined), [lab, objectRef, world]);
  const signature = useMemo(() => (world ? describeSignature(lab.storeKeys(), objectRef) : ''), [lab, objectRef, world]);
  const about = useMemo(() => (trace ? lab.traceAbout(objectRef) : []), [lab, objectRef, trace]);
  const newestFirst = useMemo(() => about.slice(-200).reverse(), [about]);
  const deleted = obj === undefined;
  const deletedAt = deleted ? about.findLast((r) => r.action === 'delete' && r.component === 'api-server')?.time : undefined;
  const status = statusOf(objectRef, world);
  const name = refLabel(objectRef);

  return (
    <div className="insp-object">
      <div className="insp-head">
        <span className="insp-kind">{objectRef.kind}</span>
        <h3 className="insp-name">{objectRef.name}</h3>
        {status && !deleted && (
          <span className="insp-status" style={{ ['--chip' as string]: status.color }}>
            {status.text}
          </span>
        )}
      </div>
      {objectRef.namespace && <p className="insp-ns">namespace {objectRef.namespace}</p>}
      {deleted && (
        <p className="insp-banner" role="status">
          {deletedAt !== undefined ? `${name} was deleted at ${formatClock(deletedAt)}.` : `${name} is not in the cluster.`}
        </p>
      )}
      {!deleted && <ObjectFacts objectRef={objectRef} world={world} obj={obj} />}
      <Tabs label={`About ${name}`} tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'Summary' && <QueryOutput line={describeCommand(objectRef)} signature={signature} live={!deleted} kept={kept} label={`kubectl describe ${name}`} />}
        {tab === 'YAML' && <QueryOutput line={yamlCommand(objectRef)} signature={signature} live={!deleted} kept={kept} label={`${name} as YAML`} />}
        {tab === 'Events' && <QueryOutput line={eventsCommand(objectRef)} signature={signature} live={!deleted} kept={kept} label={`Events of ${name}`} />}
        {tab === 'Trace' && <TraceList records={newestFirst} kept={trace} about={objectRef} empty={`No trace records about ${name} are kept.`} />}
      </Tabs>
    </div>
  );
}
