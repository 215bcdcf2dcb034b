// The Pod Template section that workload describers share (describe.go DescribePodTemplate):
// template labels, containers without status, volumes, spread constraints, node selectors
// and tolerations, each two spaces in. Also the Conditions table of the workload describers.

import type { PodTemplateSpec, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describeContainers } from './containers.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './fields.ts';
import { formatLabelSelector } from './pod.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter.ts';
import { describeVolumes } from './volumes.ts';

const SPACE = '  ';

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, `${SPACE}Labels`, template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, `${SPACE}Annotations`, template.metadata?.annotations);
  }
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec?.initContainers ?? [], undefined, undefined, w, SPACE);
  }
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, SPACE);
  describeVolumes(spec?.volumes, w, SPACE);
  describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w);
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, `${SPACE}Node-Selectors`, spec?.nodeSelector);
  printTolerationsMultiline(w, `${SPACE}Tolerations`, spec?.tolerations);
}

/** describeTopologySpreadConstraints with the template's two-space prefix. */
function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, `${SPACE}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${SPACE}\t`);
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

interface WorkloadCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
}

/** The Type/Status/Reason table of describeDeployment, describeReplicaSet and friends. */
export function describeWorkloadConditions(conditions: readonly WorkloadCondition[] | undefined, w: PrefixWriter): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
