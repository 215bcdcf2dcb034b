// `kubectl describe deployment` (describe.go DeploymentDescriber / describeDeployment): replica
// counts, strategy, the pod template, conditions and the old and new ReplicaSets, which
// kubectl finds as deploymentutil.GetAllReplicaSetsInChunks does.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { equalIgnoreHash } from '../../controllers/deployment/replicaSets.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './fields.ts';
import { formatLabelSelector } from './pod.ts';
import { describePodTemplate, describeWorkloadConditions } from './podTemplate.ts';
import { LEVEL_0, tabbedString } from './prefixWriter.ts';
import { formatRfc1123z } from './time.ts';

interface DeploymentReplicaSets {
  readonly oldReplicaSets: readonly ReplicaSet[];
  readonly newReplicaSet: ReplicaSet | undefined;
}

/**
 * `rss` are the ReplicaSets the Deployment controls. The new one is the oldest whose template
 * equals the Deployment's (ignoring pod-template-hash); every other one is old, in creation
 * order, scaled-down ones included (kubectl shows allOldRSs).
 */
function splitReplicaSets(d: Deployment, rss: readonly ReplicaSet[]): DeploymentReplicaSets {
  const sorted = [...rss].sort(byCreation);
  const newRs = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { oldReplicaSets: sorted.filter((rs) => rs !== newRs), newReplicaSet: newRs };
}

/** ReplicaSetsByCreationTimestamp: by creation time, then name. */
function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** labels.Selector.String of LabelSelectorAsSelector: like FormatLabelSelector, but empty is ''. */
function selectorString(sel: LabelSelector | undefined): string {
  const s = formatLabelSelector(sel ?? {});
  return s === '<none>' ? '' : s;
}

/** IntOrString.String of a *IntOrString. */
const intOrString = (v: number | string | undefined): string => (v === undefined ? '<nil>' : String(v));

function printReplicaSets(rss: readonly ReplicaSet[]): string {
  const list = rss.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return list === '' ? '<none>' : list;
}

/** `replicaSets`: the ReplicaSets whose controller is `d`. */
export function describeDeployment(d: Deployment, replicaSets: readonly ReplicaSet[], events: readonly Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const meta = d.metadata ?? {};
    const spec = d.spec;
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec?.template, w);
    describeWorkloadConditions(status.conditions, w);
    const rss = splitReplicaSets(d, replicaSets);
    const newRss = rss.newReplicaSet ? [rss.newReplicaSet] : [];
    if (rss.oldReplicaSets.length > 0 || newRss.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSets(rss.oldReplicaSets)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSets(newRss)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}
