// The Service allocators: no address or port handed out twice, requested values checked
// against the range and what is in use, everything given back when its Service goes.
// Replay a property failure with FC_SEED=<seed> npx vitest run <this file>.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Service } from 'kubernetes-types/core/v1';
import { ClusterIPAllocator, NodePortAllocator } from './allocators.ts';
import { Random } from '../random.ts';
import { typeForKind } from './resources.ts';
import { createCluster } from '../cluster.ts';
import type { Cluster } from '../cluster.ts';

const SERVICES = typeForKind('Service')!;
const SEED = Number(process.env['FC_SEED'] ?? 20_260_104);

const svc = (name: string, spec: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } });
const create = (c: Cluster, name: string, spec: Record<string, unknown> = {}) => c.api.create(svc(name, spec), 'default', { actor: 'kubectl' });
const specOf = (o: unknown): NonNullable<Service['spec']> => (o as Service).spec!;

describe('the ClusterIP allocator', () => {
  it('never hands out the network, broadcast or a used address, and prefers the upper band', () => {
    const a = new ClusterIPAllocator('10.152.183.0/24', new Random(1));
    expect(a.allocate('10.152.183.1')).toBe('ok');
    expect(a.allocate('10.152.183.1')).toBe('allocated');
    expect(a.allocate('10.152.183.0')).toBe('not-in-range');
    expect(a.allocate('10.152.183.255')).toBe('not-in-range');
    const seen = new Set<string>();
    for (let i = 0; i < 238; i++) {
      const ip = a.allocateNext()!;
      expect(seen.has(ip)).toBe(false);
      seen.add(ip);
      // the static band is .1-.16: the first 16 offsets
      expect(Number(ip.split('.')[3])).toBeGreaterThan(16);
    }
    expect(a.allocateNext()).toMatch(/^10\.152\.183\.([2-9]|1[0-6])$/);
  });
});

describe('the node port allocator', () => {
  it('picks from 30086-32767 first and reports the range', () => {
    const p = new NodePortAllocator(new Random(2));
    expect(p.range).toBe('30000-32767');
    for (let i = 0; i < 50; i++) expect(p.allocateNext()).toBeGreaterThanOrEqual(30086);
    expect(p.allocate(29999)).toBe('not-in-range');
    expect(p.allocate(32768)).toBe('not-in-range');
    expect(p.allocate(30000)).toBe('ok');
    expect(p.allocate(30000)).toBe('allocated');
  });
});

describe('when Services are created through the API server', () => {
  it('gives the first address to `kubernetes` and refuses it to anyone else', () => {
    const c = createCluster({ seed: 3 });
    const r = create(c, 'taken', { clusterIP: '10.96.0.1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Service "taken" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated');
    const out = create(c, 'outside', { clusterIP: '1.1.1.1' });
    if (!out.ok) expect(out.error.message).toContain('the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    expect(out.ok).toBe(false);
  });

  it('rejects node ports outside 30000-32767 or already used, and frees them on delete', () => {
    const c = createCluster({ seed: 4 });
    const bad = create(c, 'np-bad', { type: 'NodePort', ports: [{ port: 80, nodePort: 32768 }] });
    if (!bad.ok) expect(bad.error.message).toBe('Service "np-bad" is invalid: spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(create(c, 'a', { type: 'NodePort', ports: [{ port: 80, nodePort: 31111 }] }).ok).toBe(true);
    const dup = create(c, 'b', { type: 'NodePort', ports: [{ port: 80, nodePort: 31111 }] });
    if (!dup.ok) expect(dup.error.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 31111: provided port is already allocated');
    expect(dup.ok).toBe(false);
    c.api.delete(SERVICES, 'default', 'a', { actor: 'kubectl' });
    expect(create(c, 'b', { type: 'NodePort', ports: [{ port: 80, nodePort: 31111 }] }).ok).toBe(true);
  });

  it('defaults and validates as kube-apiserver does', () => {
    const c = createCluster({ seed: 5 });
    const r = create(c, 'lb', { type: 'LoadBalancer', ports: [{ port: 80 }] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const s = specOf(r.value);
      expect(s).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
      expect(s.ports![0]).toMatchObject({ protocol: 'TCP', targetPort: 80 });
      expect(s.ports![0]!.nodePort).toBeGreaterThanOrEqual(30086);
    }
    const multi = create(c, 'multi', { ports: [{ port: 80 }, { port: 80, protocol: 'HTTP' }] });
    if (!multi.ok) expect(multi.error.causes?.map((x) => `${x.field}: ${x.message}`)).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      'spec.ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    const headless = create(c, 'db', { clusterIP: 'None' });
    if (headless.ok) expect(specOf(headless.value).clusterIPs).toEqual(['None']);
    const ext = create(c, 'ext', { type: 'ExternalName', ports: [] });
    if (!ext.ok) expect(ext.error.message).toBe('Service "ext" is invalid: spec.externalName: Required value');
    expect(ext.ok).toBe(false);
  });

  it('never holds one address or port for two Services, over random creates and deletes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ del: fc.boolean(), pick: fc.nat(7), port: fc.option(fc.integer({ min: 29990, max: 30010 })) }), { maxLength: 40 }), (ops) => {
        const c = createCluster({ seed: 6 });
        for (const op of ops) {
          const name = `s${op.pick}`;
          if (op.del) c.api.delete(SERVICES, 'default', name, { actor: 'kubectl' });
          else create(c, name, { type: 'NodePort', ports: [{ port: 80, ...(op.port ? { nodePort: op.port } : {}) }] });
        }
        const all = c.api.list(SERVICES, 'default').map((o) => specOf(o));
        const ips = all.map((s) => s.clusterIP);
        const ports = all.flatMap((s) => (s.ports ?? []).map((p) => p.nodePort).filter(Boolean));
        expect(new Set(ips).size).toBe(ips.length);
        expect(new Set(ports).size).toBe(ports.length);
        // what the allocators hold is exactly what the stored Services use
        expect(c.api.services.clusterIPs.used).toBe(ips.length);
        expect(c.api.services.nodePorts.used).toBe(ports.length);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
