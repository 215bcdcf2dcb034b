// The API server's own endpoints (kube-apiserver pkg/controlplane/reconcilers, lease.go and
// endpointsadapter.go): the `kubernetes` Endpoints and the EndpointSlice named `kubernetes`
// point at the advertise address and secure port. Edited or deleted by hand, they are put
// back at the next reconcile (every 10s), as the lease reconciler does.

import type { EndpointPort, Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { Random } from '../random.ts';

const ENDPOINTS = typeForKind('Endpoints')!;
const SLICES = typeForKind('EndpointSlice')!;
const NAME = 'kubernetes';
const NAMESPACE = 'default';
/** DefaultEndpointReconcilerInterval */
const RECONCILE_INTERVAL_MS = 10_000;
const ACTOR = 'api-server';

export interface ApiServerEndpoint {
  /** the advertise address: the control-plane node's InternalIP */
  readonly ip: string;
  /** the secure port (6443 on kind, 16443 on microk8s) */
  readonly port: number;
}

/** Writes both objects now, then keeps them as the reconciler would. */
export function startApiServerEndpointsReconciler(ctx: ClusterContext, endpoint: ApiServerEndpoint): void {
  // At bootstrap their UIDs come from a stream of their own, so that adding them left every
  // later pod name and UID as it was; once running, the API server's own stream serves.
  let uids: Random | undefined = new Random(ctx.random.state[3] ^ 0x6b756265);
  const ports: EndpointPort[] = [{ name: 'https', port: endpoint.port, protocol: 'TCP' }];
  const wantEndpoints = { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' }, subsets: [{ addresses: [{ ip: endpoint.ip }], ports }] };
  const wantSlice = {
    labels: { 'kubernetes.io/service-name': NAME },
    addressType: 'IPv4',
    endpoints: [{ addresses: [endpoint.ip], conditions: { ready: true } }],
    ports,
  };
  const endpointsOk = (o: KubeObject): boolean => {
    const ep = o as unknown as Endpoints;
    return deepEqual(ep.metadata?.labels ?? {}, wantEndpoints.labels) && deepEqual(ep.subsets ?? [], wantEndpoints.subsets);
  };
  const sliceOk = (o: KubeObject): boolean => {
    const s = o as unknown as EndpointSlice;
    return deepEqual(s.metadata?.labels ?? {}, wantSlice.labels) && s.addressType === 'IPv4' && deepEqual(s.endpoints ?? [], wantSlice.endpoints) && deepEqual(s.ports ?? [], ports);
  };
  const fresh = (): KubeObject['metadata'] => ({ name: NAME, namespace: NAMESPACE, uid: uids?.uuid() ?? '', resourceVersion: '', creationTimestamp: '' });
  const where = `${endpoint.ip}:${endpoint.port}`;

  const sync = (): void => {
    const ep = ctx.api.get(ENDPOINTS, NAMESPACE, NAME);
    if (!ep || !endpointsOk(ep)) {
      const next = { apiVersion: 'v1', kind: 'Endpoints', ...(ep ?? {}), metadata: { ...(ep?.metadata ?? fresh()), labels: wantEndpoints.labels }, subsets: wantEndpoints.subsets } as unknown as KubeObject;
      if (ep) ctx.api.replace(ENDPOINTS, next, ACTOR, `the API server serves at ${where}: resetting the kubernetes Endpoints`);
      else ctx.api.createTrusted(ENDPOINTS, next, ACTOR, `the API server serves at ${where}: writing the kubernetes Endpoints`);
    }
    const slice = ctx.api.get(SLICES, NAMESPACE, NAME);
    if (!slice || !sliceOk(slice)) {
      const { labels, ...body } = wantSlice;
      const next = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', ...(slice ?? {}), metadata: { ...(slice?.metadata ?? fresh()), labels }, ...body } as unknown as KubeObject;
      if (slice) ctx.api.replace(SLICES, next, ACTOR, `the API server serves at ${where}: resetting the kubernetes EndpointSlice`);
      else ctx.api.createTrusted(SLICES, next, ACTOR, `the API server serves at ${where}: writing the kubernetes EndpointSlice`);
    }
  };

  // Lazy where the reconciler is periodic: only a change by someone else needs the next round.
  let pending = false;
  const changed = (o: KubeObject, deleted: boolean, ok: (o: KubeObject) => boolean): void => {
    if (pending || o.metadata.namespace !== NAMESPACE || o.metadata.name !== NAME || (!deleted && ok(o))) return;
    pending = true;
    ctx.clock.after(RECONCILE_INTERVAL_MS, ACTOR, () => {
      pending = false;
      sync();
    });
  };
  ctx.api.store.watch('endpoints', (e) => {
    if (e.type !== 'ADDED') changed(e.object, e.type === 'DELETED', endpointsOk);
  });
  ctx.api.store.watch('endpointslices', (e) => {
    if (e.type !== 'ADDED') changed(e.object, e.type === 'DELETED', sliceOk);
  });
  sync();
  uids = undefined;
}
