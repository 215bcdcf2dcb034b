// `kubectl describe replicaset` (describe.go ReplicaSetDescriber / describeReplicaSet): the
// selector, owner, replica counts, its pods by phase (getPodStatusForController), the pod
// template, conditions and events.

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './fields.ts';
import { formatLabelSelector } from './pod.ts';
import { describePodTemplate, describeWorkloadConditions } from './podTemplate.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';

/** printController: `Kind/name` of the controlling owner, or '' when there is none. */
export function printController(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** `pods`: the pods whose controller is `rs` (kubectl skips orphans and other owners' pods). */
export function describeReplicaSet(rs: ReplicaSet, pods: readonly Pod[], events: readonly Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = rs.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector ?? {})}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = printController(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
    const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
    describePodTemplate(rs.spec?.template, w);
    describeWorkloadConditions(rs.status?.conditions, w);
    if (events) describeEvents(events, w, now);
  });
}
