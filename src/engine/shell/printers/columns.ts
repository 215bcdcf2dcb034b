// `kubectl get` tables: the API server's per-kind Table (kubernetes printers.go, generated with
// Wide on, as pkg/printers/storage does) laid out by kubectl's table printer. Kinds without a
// printer get the server's default `NAME AGE` table.

import type { KubeObject } from '../../api/objects.ts';
import { qualifiedKind, type ResourceType } from '../../api/resources.ts';
import {
  configMapPrinter,
  defaultPrinter,
  eventPrinter,
  leasePrinter,
  namespacePrinter,
  nodePrinter,
  pvcPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './coreColumns.ts';
import { hpaPrinter } from './hpaColumns.ts';
import { endpointSlicePrinter, endpointsPrinter, ingressPrinter, servicePrinter } from './networkColumns.ts';
import { podColumns, podRow } from './podColumns.ts';
import { renderTable, type KindPrinter, type Table } from './table.ts';
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloadColumns.ts';

const printers: ReadonlyMap<string, KindPrinter> = new Map([
  ['Pod', { columns: podColumns, row: podRow }],
  ['Node', nodePrinter],
  ['Namespace', namespacePrinter],
  ['Secret', secretPrinter],
  ['ConfigMap', configMapPrinter],
  ['ServiceAccount', serviceAccountPrinter],
  ['PersistentVolumeClaim', pvcPrinter],
  ['Event', eventPrinter],
  ['Lease', leasePrinter],
  ['Service', servicePrinter],
  ['Endpoints', endpointsPrinter],
  ['EndpointSlice', endpointSlicePrinter],
  ['Ingress', ingressPrinter],
  ['Deployment', deploymentPrinter],
  ['ReplicaSet', replicaSetPrinter],
  ['ReplicationController', replicationControllerPrinter],
  ['DaemonSet', daemonSetPrinter],
  ['StatefulSet', statefulSetPrinter],
  ['Job', jobPrinter],
  ['CronJob', cronJobPrinter],
  ['HorizontalPodAutoscaler', hpaPrinter],
]);

/** The Table kube-apiserver would return for these objects (all columns, wide included). */
export function serverTable(kind: string, objects: readonly KubeObject[], now: number): Table {
  const printer = printers.get(kind) ?? defaultPrinter;
  return { columns: printer.columns, rows: objects.map((object) => ({ cells: printer.row(object, now), object })) };
}

export interface TableForOptions {
  readonly wide: boolean;
  readonly showLabels: boolean;
  readonly allNamespaces: boolean;
  readonly noHeaders: boolean;
  /** current simulated time (millis since the cluster's epoch, as the clock counts) */
  readonly now: number;
  /** several kinds in one command: NAME becomes `pod/x`, `deployment.apps/x` */
  readonly withKindPrefix: boolean;
  /** -L keys, each shown as its own column */
  readonly labelColumns?: readonly string[];
}

/**
 * `kubectl get <type>` output for `objects`, in the order given (the API server lists by
 * namespace, then name). '' when there are none: the caller prints `No resources found...`.
 * Every line ends with '\n'. Several kinds: call once per kind and join with joinTableGroups.
 */
export function tableFor(type: ResourceType, objects: readonly KubeObject[], opts: TableForOptions): string {
  return renderTable(serverTable(type.kind, objects, opts.now), {
    wide: opts.wide,
    showLabels: opts.showLabels,
    noHeaders: opts.noHeaders,
    // get.go: cluster-scoped kinds never get the NAMESPACE column, even with -A.
    withNamespace: opts.allNamespaces && type.namespaced,
    ...(opts.withKindPrefix ? { kindPrefix: qualifiedKind(type) } : {}),
    ...(opts.labelColumns ? { labelColumns: opts.labelColumns } : {}),
  });
}
