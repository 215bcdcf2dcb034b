// What the inspector shows when nothing is selected: how to use it, and the cluster at a glance.

import { useMemo } from 'react';
import type { LabState } from '../../state/labStore.ts';
import { useSampledLabState } from '../timeline/useSampledLabState.ts';
import { statusColor, summarize } from './inspectorModel.ts';

const selectWorld = (s: LabState) => s.world;

export function InspectorGuide() {
  const world = useSampledLabState(selectWorld, 500);
  const sum = useMemo(() => summarize(world), [world]);
  return (
    <div className="insp-guide">
      <p>
        Click a node, pod or component in the diagram, or a record in the timeline, to see what it is, its live YAML, its events and the
        trace of what the cluster did to it and why.
      </p>
      <h3 className="insp-sub">Cluster now</h3>
      <dl className="insp-facts">
        <dt>Nodes</dt>
        <dd>
          {sum.nodesReady} of {sum.nodes} Ready
        </dd>
        <dt>Pods</dt>
        <dd>
          {sum.pods === 0 ? (
            <span className="insp-dim">none yet: try kubectl run hello --image=nginx</span>
          ) : (
            <span className="insp-chips">
              {sum.podsByStatus.map(([status, n]) => (
                <span key={status} className="insp-status" style={{ ['--chip' as string]: statusColor(status) }}>
                  {n} {status}
                </span>
              ))}
            </span>
          )}
        </dd>
        <dt>Services</dt>
        <dd>{sum.services}</dd>
      </dl>
    </div>
  );
}
