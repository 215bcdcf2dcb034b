// The inspector's plain logic: the read-only kubectl lines it asks the lab (describe, get -o
// yaml, events), the colour of a status, the cause chain of a trace record, the cluster store's
// keys grouped by resource, and a one-glance summary of the cluster.

import type { ObjectRef, TraceRecord } from '../../engine/index.ts';
import type { World } from '../../state/world.ts';

/** Kinds that live outside namespaces, so kubectl must not get `-n`. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass']);

/** `pod/hello`, as kubectl names objects. */
export const refLabel = (ref: ObjectRef): string => `${ref.kind.toLowerCase()}/${ref.name}`;

const scope = (ref: ObjectRef): string =>
  CLUSTER_SCOPED.has(ref.kind) || !ref.namespace ? '' : ` -n ${ref.namespace}`;

export const describeCommand = (ref: ObjectRef): string => `kubectl describe ${ref.kind.toLowerCase()} ${ref.name}${scope(ref)}`;
export const yamlCommand = (ref: ObjectRef): string => `kubectl get ${ref.kind.toLowerCase()} ${ref.name}${scope(ref)} -o yaml`;
export const eventsCommand = (ref: ObjectRef): string =>
  `kubectl get events${ref.namespace && !CLUSTER_SCOPED.has(ref.kind) ? ` -n ${ref.namespace}` : ''} --field-selector involvedObject.kind=${ref.kind},involvedObject.name=${ref.name}`;

export const sameRef = (a: ObjectRef | undefined, b: ObjectRef): boolean =>
  a !== undefined && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

/** The CSS variable for a kubectl STATUS value (pods) or a node/workload state. */
export function statusColor(status: string): string {
  if (status === 'Running' || status === 'Ready' || status === 'Active') return 'var(--st-running)';
  if (status === 'Pending') return 'var(--st-pending)';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:')) return 'var(--st-creating)';
  if (status === 'Terminating') return 'var(--st-terminating)';
  if (status === 'Completed' || status === 'Succeeded') return 'var(--st-succeeded)';
  if (status === 'CrashLoopBackOff') return 'var(--st-crash)';
  if (status === 'ImagePullBackOff' || status === 'ErrImagePull' || status === 'InvalidImageName') return 'var(--st-pull)';
  if (status === 'Error' || status === 'Failed' || status === 'OOMKilled' || status.startsWith('NotReady') || status === 'Evicted') return 'var(--st-failed)';
  return 'var(--st-unknown)';
}

/** The record, then what caused it, back to the first cause still kept; `lost` if the chain runs out. */
export function causeChain(record: TraceRecord, byId: ReadonlyMap<number, TraceRecord>): { chain: TraceRecord[]; lost: boolean } {
  const chain = [record];
  const seen = new Set([record.id]);
  let r = record;
  while (r.cause !== undefined && !seen.has(r.cause)) {
    const next = byId.get(r.cause);
    if (!next) return { chain, lost: true };
    chain.push(next);
    seen.add(next.id);
    r = next;
  }
  return { chain, lost: false };
}

/** Does a record by `component` belong to the selected component? The controller manager runs every controller. */
export function belongsTo(selected: string, component: string): boolean {
  if (selected === 'controller-manager') return component === selected || component.endsWith('-controller');
  if (selected === 'kubectl') return component === 'kubectl' || component === 'shell';
  return component === selected;
}

export interface KeyGroup {
  /** `pods`, `services`, `apiregistration.k8s.io/apiservices` … */
  readonly resource: string;
  readonly keys: readonly { key: string; resourceVersion: string }[];
}

/** Groups `/registry/<resource>/…` keys by resource, keeping only those containing `filter`. */
export function groupStoreKeys(keys: readonly { key: string; resourceVersion: string }[], filter: string): KeyGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, { key: string; resourceVersion: string }[]>();
  for (const k of keys) {
    if (needle && !k.key.toLowerCase().includes(needle)) continue;
    const parts = k.key.split('/');
    // `/registry/<group>/<resource>/…` for API groups whose names hold a dot
    // (and services, stored as `services/specs` and `services/endpoints`)
    const twoLevel = parts[2] === 'services' || parts[2]?.includes('.');
    const resource = twoLevel ? `${parts[2]}/${parts[3] ?? ''}` : (parts[2] ?? '');
    const list = groups.get(resource) ?? [];
    list.push(k);
    groups.set(resource, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([resource, list]) => ({ resource, keys: list }));
}

/**
 * A fingerprint of the store keys that `kubectl describe` of `ref` reads: the object, its
 * Events (`<name>.<hex>`) and things named after it (`<name>-<hash>` slices and ReplicaSets).
 * The inspector re-runs describe only when this changes, not on every write in the cluster.
 */
export function describeSignature(keys: readonly { key: string; resourceVersion: string }[], ref: ObjectRef): string {
  const ns = CLUSTER_SCOPED.has(ref.kind) ? undefined : ref.namespace;
  let count = 0;
  let newest = 0;
  for (const { key, resourceVersion } of keys) {
    const parts = key.split('/');
    const last = parts[parts.length - 1] ?? '';
    if (last !== ref.name && !last.startsWith(`${ref.name}.`) && !last.startsWith(`${ref.name}-`)) continue;
    if (ns !== undefined && parts[parts.length - 2] !== ns) continue;
    count++;
    newest = Math.max(newest, Number(resourceVersion) || 0);
  }
  return `${count}:${newest}`;
}

export interface ClusterSummary {
  readonly nodesReady: number;
  readonly nodes: number;
  /** pod counts by kubectl STATUS, most common first */
  readonly podsByStatus: readonly (readonly [string, number])[];
  readonly pods: number;
  readonly services: number;
}

export function summarize(world: World): ClusterSummary {
  const byStatus = new Map<string, number>();
  for (const p of world.pods) byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
  return {
    nodesReady: world.nodes.filter((n) => n.ready).length,
    nodes: world.nodes.length,
    podsByStatus: [...byStatus.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    pods: world.pods.length,
    services: world.services.length,
  };
}
