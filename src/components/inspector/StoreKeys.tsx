// The cluster store as etcd holds it: every key (`/registry/pods/default/hello`) with the
// resourceVersion of its last write, grouped by resource and live as the cluster changes.

import { useId, useMemo, useState } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useLab } from '../../state/context.tsx';
import { useSampledLabState } from '../timeline/useSampledLabState.ts';
import { groupStoreKeys } from './inspectorModel.ts';

const selectRevision = (s: LabState) => s.world.revision;

export function StoreKeys() {
  const lab = useLab();
  const id = useId();
  const revision = useSampledLabState(selectRevision, 400);
  const [filter, setFilter] = useState('');
  const keys = useMemo(() => (revision >= 0 ? lab.storeKeys() : []), [lab, revision]);
  const groups = useMemo(() => groupStoreKeys(keys, filter), [keys, filter]);
  const shown = groups.reduce((n, g) => n + g.keys.length, 0);
  return (
    <div className="insp-keys">
      <div className="insp-keys-bar">
        <label htmlFor={`${id}-filter`}>Filter keys</label>
        <input id={`${id}-filter`} type="search" value={filter} placeholder="pods/default" onChange={(e) => setFilter(e.target.value)} />
        <span className="insp-dim" aria-live="polite">
          {shown} of {keys.length} keys · revision {revision}
        </span>
      </div>
      {groups.map((g) => (
        <details key={g.resource} open={g.keys.length <= 12 || filter !== ''}>
          <summary>
            {g.resource} <span className="insp-dim">({g.keys.length})</span>
          </summary>
          <ul>
            {g.keys.map((k) => (
              <li key={k.key}>
                <span className="insp-key">{k.key}</span>
                <span className="insp-rv">rv {k.resourceVersion}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
