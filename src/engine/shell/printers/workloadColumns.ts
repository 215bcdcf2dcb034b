// Table rows of the workload controllers' objects: Deployment, ReplicaSet,
// ReplicationController, DaemonSet, StatefulSet, Job, CronJob, HorizontalPodAutoscaler.
// Ports of the matching print functions in kubernetes pkg/printers/internalversion/printers.go.

import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Container, ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { humanDuration, timestampMillis, translateTimestampSince } from './age.ts';
import { formatLabelSelector, selectorString } from './selectors.ts';
import { formatLabels, type KindPrinter, type TableColumn } from './table.ts';

const NAME: TableColumn = { name: 'Name', priority: 0, format: 'name' };
const AGE: TableColumn = { name: 'Age', priority: 0 };
const col = (name: string, priority = 0): TableColumn => ({ name, priority });
const TEMPLATE_WIDE = [col('Containers', 1), col('Images', 1), col('Selector', 1)];

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

const age = (obj: KubeObject, now: number): string => translateTimestampSince(obj.metadata.creationTimestamp, now);

// spec.replicas is defaulted to 1 by the API server; an object here always went through it.
const replicas = (n: number | undefined): number => n ?? 1;

export const deploymentPrinter: KindPrinter = {
  columns: [NAME, col('Ready'), col('Up-to-date'), col('Available'), AGE, ...TEMPLATE_WIDE],
  row(obj, now) {
    const d = obj as unknown as Deployment;
    const st = d.status ?? {};
    return [
      obj.metadata.name,
      `${st.readyReplicas ?? 0}/${replicas(d.spec?.replicas)}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      age(obj, now),
      ...containerCells(d.spec?.template?.spec?.containers),
      selectorString(d.spec?.selector) ?? '<invalid>',
    ];
  },
};

const replicaColumns = [NAME, col('Desired'), col('Current'), col('Ready'), AGE, ...TEMPLATE_WIDE];

export const replicaSetPrinter: KindPrinter = {
  columns: replicaColumns,
  row(obj, now) {
    const rs = obj as unknown as ReplicaSet;
    const st = rs.status;
    return [
      obj.metadata.name,
      String(replicas(rs.spec?.replicas)),
      String(st?.replicas ?? 0),
      String(st?.readyReplicas ?? 0),
      age(obj, now),
      ...containerCells(rs.spec?.template?.spec?.containers),
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

export const replicationControllerPrinter: KindPrinter = {
  columns: replicaColumns,
  row(obj, now) {
    const rc = obj as unknown as ReplicationController;
    const st = rc.status;
    return [
      obj.metadata.name,
      String(replicas(rc.spec?.replicas)),
      String(st?.replicas ?? 0),
      String(st?.readyReplicas ?? 0),
      age(obj, now),
      ...containerCells(rc.spec?.template?.spec?.containers),
      formatLabels(rc.spec?.selector),
    ];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [NAME, col('Desired'), col('Current'), col('Ready'), col('Up-to-date'), col('Available'), col('Node Selector'), AGE, ...TEMPLATE_WIDE],
  row(obj, now) {
    const ds = obj as unknown as DaemonSet;
    const st = ds.status;
    return [
      obj.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(obj, now),
      ...containerCells(ds.spec?.template?.spec?.containers),
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [NAME, col('Ready'), AGE, col('Containers', 1), col('Images', 1)],
  row(obj, now) {
    const ss = obj as unknown as StatefulSet;
    return [
      obj.metadata.name,
      `${ss.status?.readyReplicas ?? 0}/${replicas(ss.spec?.replicas)}`,
      age(obj, now),
      ...containerCells(ss.spec?.template?.spec?.containers),
    ];
  },
};

/** printers.go hasJobCondition: the first condition of that type decides. */
const jobCondition = (conditions: readonly JobCondition[], type: string): boolean =>
  conditions.find((c) => c.type === type)?.status === 'True';

function jobStatus(job: Job): string {
  const conditions = job.status?.conditions ?? [];
  if (jobCondition(conditions, 'Complete')) return 'Complete';
  if (jobCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (jobCondition(conditions, 'Suspended')) return 'Suspended';
  if (jobCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = timestampMillis(job.status?.startTime);
  if (start === undefined) return '';
  const end = timestampMillis(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), AGE, ...TEMPLATE_WIDE],
  row(obj, now) {
    const job = obj as unknown as Job;
    return [
      obj.metadata.name,
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      age(obj, now),
      ...containerCells(job.spec?.template?.spec?.containers),
      formatLabelSelector(job.spec?.selector),
    ];
  },
};

/** printBoolPtr */
const boolCell = (b: boolean | undefined): string => (b === undefined ? '<unset>' : b ? 'True' : 'False');

export const cronJobPrinter: KindPrinter = {
  columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend'), col('Active'), col('Last Schedule'), AGE, ...TEMPLATE_WIDE],
  row(obj, now) {
    const cj = obj as unknown as CronJob;
    const last = cj.status?.lastScheduleTime;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    return [
      obj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      boolCell(cj.spec?.suspend),
      String(cj.status?.active?.length ?? 0),
      last ? translateTimestampSince(last, now) : '<none>',
      age(obj, now),
      ...containerCells(jobSpec?.template?.spec?.containers),
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
