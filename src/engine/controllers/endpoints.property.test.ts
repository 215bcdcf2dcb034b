// Property test: over random label changes, readiness flips and deletions of pods, once the
// controllers have caught up the Endpoints hold exactly the selected ready pods (not-ready ones
// in notReadyAddresses) and the EndpointSlices every selected pod, 100 at most per slice.
// Pods sit on a node no kubelet runs, so only the test writes their status.
// Replay a failure with FC_SEED=<seed> npx vitest run <this file>.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Endpoints, Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';

const PODS = typeForKind('Pod')!;
const ENDPOINTS = typeForKind('Endpoints')!;
const SEED = Number(process.env['FC_SEED'] ?? 20_260_105);

type Op =
  | { readonly kind: 'add'; readonly id: number; readonly app: string; readonly ready: boolean }
  | { readonly kind: 'relabel'; readonly id: number; readonly app: string }
  | { readonly kind: 'ready'; readonly id: number; readonly ready: boolean }
  | { readonly kind: 'delete'; readonly id: number }
  | { readonly kind: 'wait' };

const app = fc.constantFrom('web', 'db');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.nat(12), app, ready: fc.boolean() }),
  fc.record({ kind: fc.constant('relabel' as const), id: fc.nat(12), app }),
  fc.record({ kind: fc.constant('ready' as const), id: fc.nat(12), ready: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.nat(12) }),
  fc.record({ kind: fc.constant('wait' as const) }),
);

const status = (id: number, ready: boolean): Pod['status'] => ({
  phase: 'Running',
  podIP: `10.244.9.${id + 2}`,
  conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2026-01-01T09:00:00Z' }],
});

function apply(c: Cluster, op: Op): void {
  const name = `p${op.kind === 'wait' ? 0 : op.id}`;
  const pod = c.api.get(PODS, 'default', name);
  if (op.kind === 'add' && !pod) {
    const made = c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: op.app } }, spec: { nodeName: 'ghost', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] } }, 'default', { actor: 'kubectl' });
    if (made.ok) c.api.replace(PODS, { ...made.value, status: status(op.id, op.ready) } as KubeObject, 'kubelet/ghost');
  } else if (op.kind === 'relabel' && pod) {
    c.api.replace(PODS, { ...pod, metadata: { ...pod.metadata, labels: { app: op.app } } }, 'kubectl');
  } else if (op.kind === 'ready' && pod) {
    c.api.replace(PODS, { ...pod, status: status(op.id, op.ready) } as KubeObject, 'kubelet/ghost');
  } else if (op.kind === 'delete' && pod) {
    c.api.remove(PODS, pod, 'kubectl');
  } else if (op.kind === 'wait') c.advance(15);
}

const isReady = (p: Pod): boolean => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;

describe('the Endpoints and EndpointSlice controllers', () => {
  it('list exactly the selected pods, ready ones as ready, over random changes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const c = createCluster({ seed: 7 });
        c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } }, 'default', { actor: 'kubectl' });
        for (const op of ops) apply(c, op);
        c.advance(100);
        const pods = (c.api.list(PODS, 'default') as unknown as Pod[]).filter((p) => p.metadata?.labels?.['app'] === 'web');
        const ip = (p: Pod): string => p.status!.podIP!;
        const ready = pods.filter(isReady).map(ip).sort();
        const notReady = pods.filter((p) => !isReady(p)).map(ip).sort();
        const ep = c.api.get(ENDPOINTS, 'default', 'web') as unknown as Endpoints;
        const subsets = ep.subsets ?? [];
        expect(subsets.flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort()).toEqual(ready);
        expect(subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)).sort()).toEqual(notReady);
        for (const s of subsets) expect(s.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
        const slices = c.api.store.list('endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web') as unknown as EndpointSlice[];
        expect(slices.length).toBeGreaterThan(0);
        const endpoints = slices.flatMap((s) => s.endpoints ?? []);
        expect(endpoints.filter((e) => e.conditions?.ready).flatMap((e) => e.addresses).sort()).toEqual(ready);
        expect(endpoints.filter((e) => !e.conditions?.ready).flatMap((e) => e.addresses).sort()).toEqual(notReady);
        for (const s of slices) {
          expect(s.endpoints?.length ?? 0).toBeLessThanOrEqual(100);
          expect(s.metadata?.name).toMatch(/^web-[a-z0-9]{5}$/);
          expect(s.metadata?.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('leaves the Endpoints of a Service without a selector alone', () => {
    const c = createCluster({ seed: 8 });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { ports: [{ port: 80 }] } }, 'default', { actor: 'kubectl' });
    c.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '192.0.2.1' }], ports: [{ port: 80 }] }] }, 'default', { actor: 'kubectl' });
    c.advance(1_000);
    expect((c.api.get(ENDPOINTS, 'default', 'ext') as unknown as Endpoints).subsets?.[0]?.addresses).toEqual([{ ip: '192.0.2.1' }]);
    expect(c.api.store.list('endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'ext')).toEqual([]);
  });

  it('keeps at most 100 endpoints in a slice', () => {
    const c = createCluster({ seed: 9 });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'big' }, spec: { selector: { app: 'big' }, ports: [{ port: 80 }] } }, 'default', { actor: 'kubectl' });
    for (let i = 0; i < 250; i++) {
      const made = c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `b${i}`, labels: { app: 'big' } }, spec: { nodeName: 'ghost', containers: [{ name: 'c', image: 'nginx' }] } }, 'default', { actor: 'kubectl' });
      if (made.ok) c.api.replace(PODS, { ...made.value, status: { phase: 'Running', podIP: `10.245.${Math.floor(i / 200)}.${(i % 200) + 2}` } } as KubeObject, 'kubelet/ghost');
    }
    c.advance(100);
    const sizes = c.api.store.list('endpointslices', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'big').map((s) => (s as unknown as EndpointSlice).endpoints?.length ?? 0);
    expect(sizes.sort()).toEqual([100, 100, 50]);
  });
});
