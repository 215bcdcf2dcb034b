// Property tests: random sequences of pod creations, deletions and waits against the
// scheduler's invariants. fast-check prints the seed and the shrunk sequence on failure;
// replay one with FC_SEED=<seed> npx vitest run src/engine/scheduler/scheduler.property.test.ts

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { Manifest, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';
import { filterNode, preparePodFilter } from './filters.ts';
import { nodeInfoOf } from './nodeInfo.ts';
import { podRequest } from './podResources.ts';

const PODS = typeForKind('Pod')!;
const NODES = typeForKind('Node')!;
const SEED = Number(process.env['FC_SEED'] ?? 20_260_101);
const NODE_NAMES = ['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2', 'kubelab-worker3'] as const;

type Op =
  | {
      readonly kind: 'create';
      readonly milliCpu: number;
      readonly memoryMi: number;
      readonly selector: string | null;
      readonly tolerate: boolean;
      readonly hostPort: number | null;
      readonly hostIP: string | null;
      readonly hostNetwork: boolean;
      /** busybox with restartPolicy Never: runs to completion and frees its requests */
      readonly job: boolean;
    }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'wait'; readonly ms: number };

const createOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('create' as const),
  milliCpu: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 4_500 })),
  memoryMi: fc.oneof(fc.constant(0), fc.integer({ min: 16, max: 9_000 })),
  selector: fc.option(fc.constantFrom<string>(...NODE_NAMES, 'nowhere'), { freq: 4, nil: null }),
  tolerate: fc.boolean(),
  hostPort: fc.option(fc.constantFrom(8080, 9090), { freq: 2, nil: null }),
  hostIP: fc.option(fc.constant('127.0.0.1'), { freq: 2, nil: null }),
  hostNetwork: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  job: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: createOp, weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }), weight: 2 },
);

function manifest(name: string, op: Extract<Op, { kind: 'create' }>): Manifest {
  const requests = { ...(op.milliCpu ? { cpu: `${op.milliCpu}m` } : {}), ...(op.memoryMi ? { memory: `${op.memoryMi}Mi` } : {}) };
  // A hostNetwork pod's container port becomes its host port (SetDefaults_PodSpec).
  const ports = op.hostNetwork ? [{ containerPort: op.hostPort ?? 8080 }] : op.hostPort ? [{ containerPort: 80, hostPort: op.hostPort, ...(op.hostIP ? { hostIP: op.hostIP } : {}) }] : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: op.job ? 'busybox' : 'nginx:1.27', ...(ports ? { ports } : {}), ...(Object.keys(requests).length ? { resources: { requests } } : {}) }],
      ...(op.selector ? { nodeSelector: { 'kubernetes.io/hostname': op.selector } } : {}),
      ...(op.tolerate ? { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } : {}),
      ...(op.hostNetwork ? { hostNetwork: true } : {}),
      ...(op.job ? { restartPolicy: 'Never' } : {}),
    },
  };
}

/** Runs the commands; `between` sees the cluster after each one. */
function run(seed: number, ops: readonly Op[], between?: (c: Cluster) => void): Cluster {
  const cluster = createCluster({ seed });
  let n = 0;
  for (const op of ops) {
    between?.(cluster);
    if (op.kind === 'create') {
      const r = cluster.api.create(manifest(`p${n++}`, op), 'default', { actor: 'kubectl' });
      if (!r.ok) throw new Error(r.error.message);
    } else if (op.kind === 'delete') {
      const pods = cluster.api.list(PODS, 'default');
      const victim = pods[op.pick % Math.max(1, pods.length)];
      if (victim) cluster.api.delete(PODS, 'default', victim.metadata.name, { actor: 'kubectl' });
    } else cluster.advance(op.ms);
  }
  // Long enough for graceful deletions (30 s), back-offs (10 s at most) and every first attempt.
  cluster.advance(60_000);
  return cluster;
}

const pods = (cluster: Cluster): Stored<Pod>[] => cluster.api.list(PODS, 'default') as unknown as Stored<Pod>[];
const nodes = (cluster: Cluster): Stored<Node>[] => cluster.api.list(NODES) as unknown as Stored<Node>[];
const counted = (p: Stored<Pod>): boolean => !!p.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

/** An independent reading of HostPortInfo.CheckConflict. */
function clash(a: string, b: string): boolean {
  const [pa, ia, na] = a.split('/');
  const [pb, ib, nb] = b.split('/');
  return pa === pb && na === nb && (ia === ib || ia === '0.0.0.0' || ib === '0.0.0.0');
}

/** 1, 2 and 4 hold at every moment, not only once the cluster has settled. */
function checkNodes(cluster: Cluster): void {
  const all = pods(cluster);
  for (const node of nodes(cluster)) {
    const name = node.metadata.name;
    const here = all.filter((p) => counted(p) && p.spec!.nodeName === name);
    const reqs = here.map((p) => podRequest(p));
    const alloc = nodeInfoOf(node);
    const sum = (f: (r: ReturnType<typeof podRequest>) => number): number => reqs.reduce((s, r) => s + f(r), 0);
    // 1. Nothing overcommitted.
    expect(sum((r) => r.milliCpu), `cpu on ${name}`).toBeLessThanOrEqual(alloc.allocatableMilliCpu);
    expect(sum((r) => r.memory), `memory on ${name}`).toBeLessThanOrEqual(alloc.allocatableMemory);
    expect(here.length, `pods on ${name}`).toBeLessThanOrEqual(alloc.allocatablePods);
    // 2. No two pods on one node hold the same host port.
    const ports = reqs.flatMap((r) => r.hostPorts);
    for (let i = 0; i < ports.length; i++) for (let j = i + 1; j < ports.length; j++) expect(clash(ports[i]!, ports[j]!), `${ports[i]} and ${ports[j]} on ${name}`).toBe(false);
    // 4. The scheduler's cache agrees with a recount from the store.
    const info = cluster.scheduler.cache.nodes.get(name)!;
    expect({ cpu: info.requestedMilliCpu, memory: info.requestedMemory, nonZeroCpu: info.nonZeroMilliCpu, nonZeroMemory: info.nonZeroMemory, pods: info.pods }, `cache of ${name}`).toEqual({
      cpu: sum((r) => r.milliCpu),
      memory: sum((r) => r.memory),
      nonZeroCpu: sum((r) => r.nonZeroMilliCpu),
      nonZeroMemory: sum((r) => r.nonZeroMemory),
      pods: here.length,
    });
    const cachedPorts = [...info.hostPorts].flatMap(([k, n]) => Array<string>(n).fill(k)).sort();
    expect(cachedPorts, `cached host ports of ${name}`).toEqual([...ports].sort());
  }
}

function checkInvariants(cluster: Cluster): void {
  checkNodes(cluster);
  const all = pods(cluster);
  // 3. Every pod is bound, or Pending with a FailedScheduling event that says why, and
  //    (nothing having changed since its last attempt that could help it) still fits nowhere.
  for (const p of all) {
    if (p.spec?.nodeName) continue;
    const name = p.metadata.name;
    const condition = p.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(condition, `PodScheduled of ${name}`).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(condition?.message).toMatch(/^0\/4 nodes are available: .+\. preemption: 0\/4 nodes are available: .+\.$/);
    const failed = (cluster.api.store.byIndex('events', 'involvedObject', `Pod/default/${name}`) as unknown as Event[]).filter((e) => e.reason === 'FailedScheduling');
    expect(failed.map((e) => e.message), `FailedScheduling events of ${name}`).toContain(condition?.message);
    const filter = preparePodFilter(p, podRequest(p));
    for (const info of cluster.scheduler.cache.nodes.values()) expect(filterNode(filter, info), `${name} would fit on ${info.node.metadata.name}`).toBeDefined();
  }
}

describe('the scheduler, over random sequences of pod creations and deletions', () => {
  it('never overcommits a node, never double-books a host port, explains every Pending pod and keeps its cache true', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(opArb, { minLength: 5, maxLength: 40, size: 'max' }), (clusterSeed, ops) => {
        checkInvariants(run(clusterSeed, ops, checkNodes));
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it('places the same pods on the same nodes given the same seed and commands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(opArb, { minLength: 5, maxLength: 30, size: 'max' }), (clusterSeed, ops) => {
        const placement = (c: Cluster): string[] => pods(c).map((p) => `${p.metadata.name}@${p.spec?.nodeName ?? '-'}`);
        expect(placement(run(clusterSeed, ops))).toEqual(placement(run(clusterSeed, ops)));
      }),
      { seed: SEED + 1, numRuns: 20 },
    );
  });
});
