// Which arrow a trace record travels: kubectl → API server → etcd, API server → scheduler →
// bind, API server → kubelet → container runtime → status back, controllers ↔ API server.
// Mirrors the real flow (only the API server talks to etcd; everyone else watches it).

import type { TraceRecord } from '../engine/index.ts';

/** A place a message can start or end: a component, or `pod/<namespace>/<name>`. */
export type Endpoint = string;

export type MessageKind = 'request' | 'write' | 'notify' | 'status' | 'error';

export interface Route {
  readonly legs: readonly (readonly [Endpoint, Endpoint])[];
  readonly kind: MessageKind;
}

/** The diagram element a component's records belong to (controllers live in the controller manager). */
export function homeOf(component: string): Endpoint | undefined {
  if (component === 'kubectl' || component === 'api-server' || component === 'etcd' || component === 'scheduler') return component;
  if (component === 'apiserver') return 'api-server';
  if (component === 'default-scheduler') return 'scheduler';
  if (/^(kubelet|container-runtime|kube-proxy)\//.test(component)) return component;
  if (component.endsWith('-controller') || component === 'controller-manager' || component === 'horizontal-pod-autoscaler') return 'controller-manager';
  return undefined;
}

/** The controller's short name as the controller manager lists it: `replicaset`, `hpa` … */
export function controllerName(component: string): string | undefined {
  if (!component.endsWith('-controller') || component.startsWith('metallb')) return undefined;
  const base = component.slice(0, -'-controller'.length);
  if (base === 'horizontal-pod-autoscaler') return 'hpa';
  if (base === 'endpoint') return 'endpoints';
  return base;
}

const nodeOf = (component: string): string => component.slice(component.indexOf('/') + 1);
const podOf = (r: TraceRecord): Endpoint | undefined =>
  r.object?.kind === 'Pod' ? `pod/${r.object.namespace ?? 'default'}/${r.object.name}` : undefined;

function apiServerRoute(r: TraceRecord, cause: string | undefined): Route | undefined {
  if (r.action === 'reject') return { legs: [['api-server', 'kubectl']], kind: 'error' };
  if (r.action !== 'create' && r.action !== 'update' && r.action !== 'delete' && r.action !== 'persist') return undefined;
  const from = cause === undefined ? undefined : homeOf(cause);
  // kubectl's own request record already travelled to the API server.
  const first: [Endpoint, Endpoint][] = from && from !== 'kubectl' && from !== 'api-server' && from !== 'etcd' ? [[from, 'api-server']] : [];
  return { legs: [...first, ['api-server', 'etcd']], kind: 'write' };
}

function nodeRoute(r: TraceRecord): Route | undefined {
  const node = nodeOf(r.component);
  const kubelet = `kubelet/${node}`;
  const runtime = `container-runtime/${node}`;
  const pod = podOf(r);
  if (r.component.startsWith('kubelet/')) {
    if (r.action === 'watch-notify') return { legs: [['api-server', kubelet]], kind: 'notify' };
    if (r.action === 'kill-container') return { legs: [[kubelet, runtime], ...(pod ? [[runtime, pod] as const] : [])], kind: 'error' };
    return { legs: [[kubelet, 'api-server']], kind: 'status' };
  }
  if (r.component.startsWith('container-runtime/')) {
    if (r.action === 'pull-image') return { legs: [[kubelet, runtime]], kind: 'request' };
    if (r.action === 'pull-failed') return { legs: [[runtime, kubelet]], kind: 'error' };
    if (r.action === 'image-pulled') return { legs: [[runtime, kubelet]], kind: 'status' };
    return pod ? { legs: [[runtime, pod]], kind: 'request' } : undefined;
  }
  if (r.component.startsWith('kube-proxy/')) return pod ? { legs: [[r.component, pod]], kind: 'request' } : undefined;
  return undefined;
}

/** The legs a record's message dot travels, or nothing for records with no arrow. */
export function routeOf(r: TraceRecord, causeComponent?: string): Route | undefined {
  switch (r.component as string) {
    case 'kubectl':
      return r.action === 'request' ? { legs: [['kubectl', 'api-server']], kind: 'request' } : undefined;
    case 'api-server':
    case 'apiserver':
      return apiServerRoute(r, causeComponent);
    case 'etcd':
      return { legs: [['api-server', 'etcd']], kind: 'write' };
    case 'scheduler':
    case 'default-scheduler':
      if (r.action === 'bind') return { legs: [['scheduler', 'api-server']], kind: 'request' };
      if (r.action === 'schedule') return { legs: [['api-server', 'scheduler']], kind: 'notify' };
      return r.action === 'unschedulable' ? { legs: [['scheduler', 'api-server']], kind: 'error' } : undefined;
  }
  if (homeOf(r.component) === 'controller-manager') {
    return r.action === 'reconcile'
      ? { legs: [['api-server', 'controller-manager']], kind: 'notify' }
      : { legs: [['controller-manager', 'api-server']], kind: 'request' };
  }
  return nodeRoute(r);
}
