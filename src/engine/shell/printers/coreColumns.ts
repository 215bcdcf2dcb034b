// Table rows of Node, Namespace, Secret, ConfigMap, ServiceAccount, PersistentVolumeClaim and
// Event, plus the `NAME AGE` fallback for kinds without a printer (printObjectMeta). Ports of
// the print functions in kubernetes pkg/printers/internalversion/printers.go (v1.32).

import type {
  ConfigMap,
  Event,
  Namespace,
  Node,
  PersistentVolumeClaim,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { translateTimestampSince } from './age.ts';
import { compareStrings, type KindPrinter, type TableColumn } from './table.ts';

const NAME: TableColumn = { name: 'Name', priority: 0, format: 'name' };
const AGE: TableColumn = { name: 'Age', priority: 0 };
const col = (name: string, priority = 0): TableColumn => ({ name, priority });
const age = (obj: KubeObject, now: number): string => translateTimestampSince(obj.metadata.creationTimestamp, now);
const keyCount = (...maps: (Readonly<Record<string, unknown>> | undefined)[]): number =>
  new Set(maps.flatMap((m) => Object.keys(m ?? {}))).size;

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`. */
export function nodeRoles(labels: Readonly<Record<string, string>> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort(compareStrings);
}

function nodeStatus(node: Node): string {
  // Only the Ready condition is shown (NodeAllConditions in printNode).
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const nodeAddress = (node: Node, type: string): string =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export const nodePrinter: KindPrinter = {
  columns: [
    NAME,
    col('Status'),
    col('Roles'),
    AGE,
    col('Version'),
    col('Internal-IP', 1),
    col('External-IP', 1),
    col('OS-Image', 1),
    col('Kernel-Version', 1),
    col('Container-Runtime', 1),
  ],
  row(obj, now) {
    const node = obj as unknown as Node;
    const info = node.status?.nodeInfo;
    const roles = nodeRoles(obj.metadata.labels).join(',');
    return [
      obj.metadata.name,
      nodeStatus(node),
      roles || '<none>',
      age(obj, now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespacePrinter: KindPrinter = {
  columns: [NAME, col('Status'), AGE],
  row: (obj, now) => [obj.metadata.name, (obj as unknown as Namespace).status?.phase ?? '', age(obj, now)],
};

export const secretPrinter: KindPrinter = {
  columns: [NAME, col('Type'), col('Data'), AGE],
  row(obj, now) {
    const secret = obj as unknown as Secret;
    // The API server folds stringData into data on write; counting both keys gives the same
    // answer for a stored object and stays right for one that skipped that step.
    return [obj.metadata.name, secret.type ?? '', String(keyCount(secret.data, secret.stringData)), age(obj, now)];
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [NAME, col('Data'), AGE],
  row(obj, now) {
    const cm = obj as unknown as ConfigMap;
    return [obj.metadata.name, String(keyCount(cm.data) + keyCount(cm.binaryData)), age(obj, now)];
  },
};

/** Leases: `NAME HOLDER AGE` (printers.go printLease). */
export const leasePrinter: KindPrinter = {
  columns: [NAME, col('Holder'), AGE],
  row: (obj, now) => [obj.metadata.name, String((obj['spec'] as { holderIdentity?: string } | undefined)?.holderIdentity ?? ''), age(obj, now)],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [NAME, col('Secrets'), AGE],
  row: (obj, now) => [obj.metadata.name, String((obj as unknown as ServiceAccount).secrets?.length ?? 0), age(obj, now)],
};

/** helper.GetAccessModesAsString: deduplicated, in this fixed order. */
function accessModes(modes: readonly string[] | undefined): string {
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short.filter(([m]) => modes?.includes(m)).map(([, s]) => s).join(',');
}

export const pvcPrinter: KindPrinter = {
  columns: [
    NAME,
    col('Status'),
    col('Volume'),
    col('Capacity'),
    col('Access Modes'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    AGE,
    col('VolumeMode', 1),
  ],
  row(obj, now) {
    const pvc = obj as unknown as PersistentVolumeClaim;
    const bound = Boolean(pvc.spec?.volumeName);
    const storageClass =
      obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    return [
      obj.metadata.name,
      obj.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.['storage'] ?? '0') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClass,
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      age(obj, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** formatEventSource: component (or reportingController), then `, host` when there is one. */
function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('Last Seen'),
    col('Type'),
    col('Reason'),
    col('Object'),
    col('Subobject', 1),
    col('Source', 1),
    col('Message'),
    col('First Seen', 1),
    col('Count', 1),
    { name: 'Name', priority: 1, format: 'name' },
  ],
  row(obj, now) {
    const ev = obj as unknown as Event;
    const first = ev.firstTimestamp
      ? translateTimestampSince(ev.firstTimestamp, now)
      : translateTimestampSince(ev.eventTime, now);
    let last = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, now) : first;
    let count = ev.count ?? 0;
    if (ev.series) {
      last = translateTimestampSince(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events of the events.k8s.io API have no count
    }
    const involved = ev.involvedObject;
    const kind = (involved.kind ?? '').toLowerCase();
    return [
      last,
      ev.type ?? '',
      ev.reason ?? '',
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      first,
      String(count),
      obj.metadata.name,
    ];
  },
};

/** printObjectMeta: what kubectl shows for a kind the server has no printer for. */
export const defaultPrinter: KindPrinter = {
  columns: [NAME, AGE],
  row: (obj, now) => [obj.metadata.name, age(obj, now)],
};
