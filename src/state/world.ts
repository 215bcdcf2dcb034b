// What the views see of the cluster: plain, immutable summaries of nodes, pods, services and
// workloads, rebuilt only when the store's revision moves. Pod status and readiness come
// from the same functions as `kubectl get pods`, so the diagram never disagrees with it.

import { podRow, nodeRow, serviceRow } from '../engine/index.ts';
import type { KubeObject } from '../engine/index.ts';

export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly state: 'waiting' | 'running' | 'terminated';
  /** why it waits or ended: ContainerCreating, ImagePullBackOff, CrashLoopBackOff, Completed … */
  readonly reason?: string;
  readonly ready: boolean;
  readonly restarts: number;
}

export interface PodView {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  /** the node it is bound to, if scheduled */
  readonly nodeName?: string;
  readonly phase: string;
  /** the STATUS column of `kubectl get pods`: Running, ContainerCreating, Terminating … */
  readonly status: string;
  /** the READY column: `1/1` */
  readonly readyText: string;
  readonly ready: boolean;
  /** the RESTARTS column */
  readonly restarts: string;
  readonly ip?: string;
  readonly containers: readonly ContainerView[];
  readonly labels: Readonly<Record<string, string>>;
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly terminating: boolean;
}

export interface NodeView {
  readonly name: string;
  /** the STATUS column of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled */
  readonly status: string;
  readonly ready: boolean;
  readonly roles: string;
  readonly controlPlane: boolean;
  readonly internalIP: string;
  readonly podCIDR?: string;
}

export interface ServiceView {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly clusterIP: string;
  readonly externalIP: string;
  /** the PORT(S) column: `80:31111/TCP` */
  readonly ports: string;
  readonly selector: Readonly<Record<string, string>>;
  /** addresses of ready endpoints (from the EndpointSlices) */
  readonly endpoints: readonly string[];
}

export interface WorkloadView {
  readonly kind: 'Deployment' | 'ReplicaSet';
  readonly name: string;
  readonly namespace: string;
  readonly desired: number;
  readonly ready: number;
  readonly owner?: { readonly kind: string; readonly name: string };
}

export interface World {
  /** the store revision these views were built from */
  readonly revision: number;
  readonly nodes: readonly NodeView[];
  readonly pods: readonly PodView[];
  readonly services: readonly ServiceView[];
  readonly workloads: readonly WorkloadView[];
}

export const EMPTY_WORLD: World = { revision: 0, nodes: [], pods: [], services: [], workloads: [] };

interface ListSource {
  list(resource: string): KubeObject[];
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function ownerOf(o: KubeObject): { kind: string; name: string } | undefined {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

function containerView(spec: Obj, statuses: Obj[]): ContainerView {
  const name = str(spec['name']) ?? '';
  const st = statuses.find((s) => s['name'] === name) ?? {};
  const state = rec(st['state']);
  const restarts = num(st['restartCount']);
  const ready = st['ready'] === true;
  const image = str(spec['image']) ?? '';
  if (state['running']) return { name, image, state: 'running', ready, restarts };
  if (state['terminated']) {
    const reason = str(rec(state['terminated'])['reason']);
    return { name, image, state: 'terminated', ready, restarts, ...(reason ? { reason } : {}) };
  }
  const reason = str(rec(state['waiting'])['reason']) ?? 'Pending';
  return { name, image, state: 'waiting', reason, ready, restarts };
}

export function podView(o: KubeObject, now: number): PodView {
  const [, readyText = '0/0', status = '', restarts = '0', , ip] = podRow(o, now);
  const spec = rec(o['spec']);
  const st = rec(o['status']);
  const statuses = arr(st['containerStatuses']);
  const [readyNow = 0, total = 0] = readyText.split('/').map(Number);
  const nodeName = str(spec['nodeName']);
  const owner = ownerOf(o);
  return {
    uid: o.metadata.uid,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? 'default',
    ...(nodeName ? { nodeName } : {}),
    phase: str(st['phase']) ?? 'Pending',
    status,
    readyText,
    ready: total > 0 && readyNow === total,
    restarts,
    ...(ip && ip !== '<none>' ? { ip } : {}),
    containers: arr(spec['containers']).map((c) => containerView(c, statuses)),
    labels: o.metadata.labels ?? {},
    ...(owner ? { owner } : {}),
    terminating: Boolean(o.metadata.deletionTimestamp),
  };
}

function nodeView(o: KubeObject, now: number): NodeView {
  const [, status = 'Unknown', roles = '<none>', , , internalIP = '<none>'] = nodeRow(o, now);
  const podCIDR = str(rec(o['spec'])['podCIDR']);
  return {
    name: o.metadata.name,
    status,
    ready: status.startsWith('Ready'),
    roles,
    controlPlane: roles.split(',').includes('control-plane'),
    internalIP,
    ...(podCIDR ? { podCIDR } : {}),
  };
}

function serviceViews(source: ListSource, now: number): ServiceView[] {
  const ready = new Map<string, string[]>();
  for (const slice of source.list('endpointslices')) {
    const svc = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const key = `${slice.metadata.namespace ?? ''}/${svc}`;
    const list = ready.get(key) ?? [];
    for (const ep of arr(slice['endpoints'])) {
      if (rec(ep['conditions'])['ready'] === false) continue;
      for (const a of arr(ep['addresses']) as unknown[]) if (typeof a === 'string') list.push(a);
    }
    ready.set(key, list);
  }
  return source.list('services').map((o) => {
    const [, type = '', clusterIP = '', externalIP = '', ports = ''] = serviceRow(o, now);
    const spec = rec(o['spec']);
    const namespace = o.metadata.namespace ?? 'default';
    return {
      name: o.metadata.name,
      namespace,
      type,
      clusterIP,
      externalIP,
      ports,
      selector: rec(spec['selector']) as Record<string, string>,
      endpoints: ready.get(`${namespace}/${o.metadata.name}`) ?? [],
    };
  });
}

function workloadViews(source: ListSource): WorkloadView[] {
  const out: WorkloadView[] = [];
  for (const [resource, kind] of [['deployments', 'Deployment'], ['replicasets', 'ReplicaSet']] as const) {
    for (const o of source.list(resource)) {
      const owner = ownerOf(o);
      out.push({
        kind,
        name: o.metadata.name,
        namespace: o.metadata.namespace ?? 'default',
        desired: num(rec(o['spec'])['replicas']),
        ready: num(rec(o['status'])['readyReplicas']),
        ...(owner ? { owner } : {}),
      });
    }
  }
  return out;
}

/** Builds the views from the store's current objects. */
export function buildWorld(source: ListSource, revision: number, now: number): World {
  return {
    revision,
    nodes: source.list('nodes').map((o) => nodeView(o, now)),
    pods: source.list('pods').map((o) => podView(o, now)),
    services: serviceViews(source, now),
    workloads: workloadViews(source),
  };
}
