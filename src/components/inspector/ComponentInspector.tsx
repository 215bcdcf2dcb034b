// The inspector for a part of the architecture: what it is, in plain words, and the trace
// records it produced recently. The cluster store (etcd) opens as its live keys.

import { useMemo } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useSampledLabState } from '../timeline/useSampledLabState.ts';
import { componentInfo } from './componentInfo.ts';
import { belongsTo } from './inspectorModel.ts';
import { StoreKeys } from './StoreKeys.tsx';
import { TraceList } from './TraceList.tsx';

const selectTrace = (s: LabState) => s.trace;
const RECENT = 100;

export function ComponentInspector({ component }: { component: string }) {
  const trace = useSampledLabState(selectTrace, 500);
  const info = componentInfo(component);
  const recent = useMemo(() => {
    const out = [];
    for (let i = trace.length - 1; i >= 0 && out.length < RECENT; i--) if (belongsTo(component, trace[i]!.component)) out.push(trace[i]!);
    return out;
  }, [trace, component]);
  const isEtcd = component === 'etcd';
  return (
    <div className="insp-component">
      <div className="insp-head">
        <span className="insp-kind">Component</span>
        <h3 className="insp-name">{info.title}</h3>
      </div>
      <p className="insp-about">{info.text}</p>
      {isEtcd ? (
        <>
          <p className="insp-about insp-note">
            Only the API server talks to etcd: the scheduler, the controllers and the kubelets read and write through the API server. These are its keys now:
          </p>
          <StoreKeys />
        </>
      ) : (
        <>
          <h4 className="insp-sub">Recent activity</h4>
          <TraceList records={recent} kept={trace} empty={`No recent trace records from ${info.title}.`} />
        </>
      )}
    </div>
  );
}
