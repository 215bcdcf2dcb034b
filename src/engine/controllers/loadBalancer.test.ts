import type { Event, Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';
import type { AddressPool } from './addressPool.ts';
import { firstFree, parseAddressPool, poolSize } from './addressPool.ts';

const SERVICES = typeForKind('Service')!;

function pool(text: string): AddressPool {
  const p = parseAddressPool(text);
  if ('bad' in p) throw new Error(p.bad);
  return p;
}

const lbService = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...extra },
});

const svc = (c: Cluster, name: string): Service | undefined => c.api.get(SERVICES, 'default', name) as unknown as Service | undefined;
const externalIP = (c: Cluster, name: string): string | undefined => svc(c, name)?.status?.loadBalancer?.ingress?.[0]?.ip;
const eventsAbout = (c: Cluster, name: string): string[] =>
  (c.api.store.list('events', 'default') as unknown as Event[]).filter((e) => e.involvedObject.name === name && e.involvedObject.kind === 'Service').map((e) => `${e.type} ${e.reason} ${e.source?.component ?? ''}: ${e.message}`);

function cluster(): Cluster {
  return createCluster({ seed: 1, uptimeMs: 0 });
}

function create(c: Cluster, manifest: Record<string, unknown>): void {
  const r = c.api.create(manifest, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error('create failed');
}

describe('address pools', () => {
  it('reads ranges and CIDRs, in the order given', () => {
    const p = pool('10.64.140.43-10.64.140.45,192.168.0.8/30');
    expect(poolSize(p)).toBe(7);
    expect(firstFree(p, new Set(['10.64.140.43', '10.64.140.44', '10.64.140.45']))).toBe('192.168.0.8');
  });

  it('names the entry that is not a range', () => {
    expect(parseAddressPool('10.64.140.49-10.64.140.43')).toEqual({ bad: '10.64.140.49-10.64.140.43' });
    expect(parseAddressPool('10.64.140.43-10.64.140.49,nope')).toEqual({ bad: 'nope' });
  });
});

describe('without a load balancer', () => {
  it('leaves EXTERNAL-IP pending forever, with node ports allocated', () => {
    const c = cluster();
    create(c, lbService('web'));
    c.advance(600_000);
    expect(svc(c, 'web')?.status).toEqual({ loadBalancer: {} });
    expect(svc(c, 'web')?.spec?.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(eventsAbout(c, 'web')).toEqual([]);
  });
});

describe('the MetalLB-style controller', () => {
  it('assigns the next free address to each LoadBalancer Service, with ipMode VIP and an IPAllocated event', () => {
    const c = cluster();
    create(c, lbService('a'));
    c.loadBalancer.enable(pool('10.64.140.43-10.64.140.49'));
    c.advance(1000);
    create(c, lbService('b'));
    c.advance(1000);
    expect(svc(c, 'a')?.status?.loadBalancer?.ingress).toEqual([{ ip: '10.64.140.43', ipMode: 'VIP' }]);
    expect(externalIP(c, 'b')).toBe('10.64.140.44');
    expect(eventsAbout(c, 'a')).toEqual(['Normal IPAllocated metallb-controller: Assigned IP ["10.64.140.43"]']);
    expect(c.trace.records().some((r) => r.component === 'metallb-controller' && r.action === 'allocate-ip' && r.object?.name === 'a')).toBe(true);
  });

  it('gives the address back when the Service is deleted or stops being a LoadBalancer', () => {
    const c = cluster();
    c.loadBalancer.enable(pool('10.64.140.43-10.64.140.44'));
    create(c, lbService('a'));
    create(c, lbService('b'));
    c.advance(1000);
    c.api.delete(SERVICES, 'default', 'a', { actor: 'kubectl' });
    const b = svc(c, 'b')!;
    const asClusterIP = { ...b, spec: { ...b.spec, type: 'ClusterIP', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    expect(c.api.update(asClusterIP as never, 'default', { actor: 'kubectl' }).ok).toBe(true);
    c.advance(1000);
    expect(svc(c, 'b')?.status).toEqual({ loadBalancer: {} });
    create(c, lbService('c'));
    create(c, lbService('d'));
    c.advance(1000);
    expect([externalIP(c, 'c'), externalIP(c, 'd')]).toEqual(['10.64.140.43', '10.64.140.44']);
  });

  it('honours spec.loadBalancerIP inside the pool and refuses it outside, as MetalLB words it', () => {
    const c = cluster();
    c.loadBalancer.enable(pool('10.64.140.43-10.64.140.49'));
    create(c, lbService('pinned', { loadBalancerIP: '10.64.140.47' }));
    create(c, lbService('outside', { loadBalancerIP: '10.0.0.1' }));
    create(c, lbService('taken', { loadBalancerIP: '10.64.140.47' }));
    c.advance(1000);
    expect(externalIP(c, 'pinned')).toBe('10.64.140.47');
    expect(externalIP(c, 'outside')).toBeUndefined();
    expect(eventsAbout(c, 'outside')).toEqual(['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/outside": ["10.0.0.1"] is not allowed in config']);
    expect(eventsAbout(c, 'taken')).toEqual([
      'Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/taken": can\'t change sharing key for "default/taken", address also in use by default/pinned',
    ]);
  });

  it('leaves Services pending when the pool is exhausted, until an address frees up', () => {
    const c = cluster();
    c.loadBalancer.enable(pool('10.64.140.43/32'));
    create(c, lbService('first'));
    c.advance(1000);
    create(c, lbService('second'));
    c.advance(1000);
    expect(externalIP(c, 'second')).toBeUndefined();
    expect(eventsAbout(c, 'second')).toEqual(['Warning AllocationFailed metallb-controller: Failed to allocate IP for "default/second": no available IPs']);
    c.api.delete(SERVICES, 'default', 'first', { actor: 'kubectl' });
    c.advance(1000);
    expect(externalIP(c, 'second')).toBe('10.64.140.43');
  });

  it('has a speaker announce the address from a node once a ready endpoint exists, and curl reaches it from the kind host', () => {
    const c = cluster();
    c.loadBalancer.enable(pool('172.18.255.200-172.18.255.250'));
    create(c, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nigelpoulton/getting-started-k8s:2.0', ports: [{ containerPort: 8080 }] }] } } },
    });
    create(c, lbService('web'));
    c.advance(2000);
    expect(c.loadBalancer.announcingNode('172.18.255.200')).toBeUndefined();
    expect(c.kubeProxy.request({ client: { kind: 'outside', ip: '172.18.0.1' }, host: '172.18.255.200', port: 80 }).outcome).toBe('timeout');
    c.advance(30_000);
    const node = c.loadBalancer.announcingNode('172.18.255.200');
    // kind's control-plane node carries exclude-from-external-load-balancers: never the speaker.
    expect(node).toMatch(/^kubelab-worker/);
    expect(eventsAbout(c, 'web')).toContain(`Normal nodeAssigned metallb-speaker: announcing from node "${node}" with protocol "layer2"`);
    const r = c.kubeProxy.request({ client: { kind: 'outside', ip: '172.18.0.1' }, host: '172.18.255.200', port: 80 });
    expect(r.outcome).toBe('response');
  });

  it('does nothing once disabled, and keeps a shown address when enabled again', () => {
    const c = cluster();
    c.loadBalancer.enable(pool('10.64.140.43-10.64.140.49'));
    create(c, lbService('a', { loadBalancerIP: '10.64.140.45' }));
    c.advance(1000);
    c.loadBalancer.disable();
    create(c, lbService('b'));
    c.advance(1000);
    expect(externalIP(c, 'a')).toBe('10.64.140.45');
    expect(externalIP(c, 'b')).toBeUndefined();
    c.loadBalancer.enable(pool('10.64.140.43-10.64.140.49'));
    c.advance(1000);
    expect(externalIP(c, 'a')).toBe('10.64.140.45');
    expect(externalIP(c, 'b')).toBe('10.64.140.43');
  });
});
