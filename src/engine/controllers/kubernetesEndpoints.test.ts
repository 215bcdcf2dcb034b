import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';
import { proxyEndpoints } from '../node/serviceEndpoints.ts';

const ENDPOINTS = typeForKind('Endpoints')!;
const SLICES = typeForKind('EndpointSlice')!;
const SERVICES = typeForKind('Service')!;

const endpoints = (c: Cluster): Endpoints | undefined => c.api.get(ENDPOINTS, 'default', 'kubernetes') as unknown as Endpoints | undefined;
const slice = (c: Cluster): EndpointSlice | undefined => c.api.get(SLICES, 'default', 'kubernetes') as unknown as EndpointSlice | undefined;

function create(c: Cluster, manifest: Record<string, unknown>): void {
  const r = c.api.create(manifest, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error('create failed');
}

describe('the API server endpoints', () => {
  it('point the kubernetes Endpoints at the kind control plane on 6443', () => {
    const ep = endpoints(createCluster({ seed: 1 }))!;
    expect(ep.metadata?.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('name the EndpointSlice kubernetes, without a suffix or an owner', () => {
    const s = slice(createCluster({ seed: 1 }))!;
    expect(s.metadata?.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(s.metadata?.ownerReferences).toBeUndefined();
    expect(s.addressType).toBe('IPv4');
    expect(s.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
    expect(s.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });

  it('use the microk8s node address and port 16443', () => {
    const c = createCluster({ seed: 1, preset: 'microk8s' });
    expect(endpoints(c)!.subsets![0]!.addresses).toEqual([{ ip: '192.168.1.70' }]);
    expect(slice(c)!.ports![0]!.port).toBe(16443);
  });

  it('are left alone by the endpoints and EndpointSlice controllers', () => {
    const c = createCluster({ seed: 1 });
    const before = [endpoints(c)!.metadata!.resourceVersion, slice(c)!.metadata!.resourceVersion];
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.advance(60_000);
    expect([endpoints(c)!.metadata!.resourceVersion, slice(c)!.metadata!.resourceVersion]).toEqual(before);
    expect((c.api.store.list('endpointslices', 'default') as unknown as EndpointSlice[]).filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'kubernetes')).toHaveLength(1);
  });

  it('give kube-proxy the API server once for the kubernetes Service', () => {
    const c = createCluster({ seed: 1 });
    const svc = c.api.get(SERVICES, 'default', 'kubernetes') as unknown as Service;
    expect(proxyEndpoints(c.api, svc, svc.spec!.ports![0]!)).toEqual([{ ip: '172.18.0.2', port: 6443 }]);
  });

  it('come back at the next reconcile after being deleted', () => {
    const c = createCluster({ seed: 1 });
    const uid = endpoints(c)!.metadata!.uid;
    c.api.delete(ENDPOINTS, 'default', 'kubernetes', { actor: 'kubectl' });
    c.api.delete(SLICES, 'default', 'kubernetes', { actor: 'kubectl' });
    c.advance(9_999);
    expect(endpoints(c)).toBeUndefined();
    c.advance(1);
    expect(endpoints(c)!.subsets![0]!.addresses).toEqual([{ ip: '172.18.0.2' }]);
    expect(endpoints(c)!.metadata!.uid).not.toBe(uid);
    expect(slice(c)!.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
  });

  it('are reset when edited by hand, keeping their identity', () => {
    const c = createCluster({ seed: 1 });
    const ep = endpoints(c)!;
    const edited = { ...ep, metadata: { ...ep.metadata, labels: { mine: 'yes' } }, subsets: [{ addresses: [{ ip: '10.0.0.9' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] };
    c.api.replace(ENDPOINTS, edited as unknown as KubeObject, 'kubectl');
    c.advance(10_000);
    expect(endpoints(c)!.subsets![0]!.addresses).toEqual([{ ip: '172.18.0.2' }]);
    expect(endpoints(c)!.metadata!.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(endpoints(c)!.metadata!.uid).toBe(ep.metadata!.uid);
  });
});
