// `npm run bench`: measures the engine and the page (`--engine-only` skips the page) and writes bench/results.json,
// an array of { id, value, unit, target }. Figures are wall-clock milliseconds on this machine.

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../src/engine/api/objects.ts';
import { typeForKind } from '../src/engine/api/resources.ts';
import type { Cluster } from '../src/engine/cluster.ts';
import { createCluster } from '../src/engine/cluster.ts';
import { OWNER_INDEX } from '../src/engine/controllers/indexes.ts';
import { measureUi } from './ui.ts';

interface Result {
  id: string;
  value: number;
  unit: string;
  target: number | null;
  note?: string;
}

/** Creates `pods` bare pods through the API server on a cluster of `nodes` nodes and runs until all are Running. */
function podsOnNodes(pods: number, nodes: number): { ms: number; perPodUs: number; simSeconds: number } {
  const cluster = createCluster({ seed: 7, nodes, timings: {} });
  const running = new Set<string>();
  cluster.api.store.watch('pods', (e) => {
    const phase = (e.object['status'] as { phase?: string } | undefined)?.phase;
    if (e.type !== 'DELETED' && phase === 'Running') running.add(e.object.metadata.name);
    else running.delete(e.object.metadata.name);
  });
  const start = performance.now();
  for (let i = 0; i < pods; i++) {
    const r = cluster.api.create(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `bench-${i}`, labels: { app: 'bench' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
      'default',
      { actor: 'kubectl' },
    );
    if (!r.ok) throw new Error(r.error.message);
  }
  const done = cluster.runUntil(() => running.size === pods, 600_000);
  const ms = performance.now() - start;
  if (!done) throw new Error(`only ${running.size}/${pods} pods Running`);
  return { ms, perPodUs: (ms * 1000) / pods, simSeconds: cluster.clock.now / 1000 };
}

const DEPLOYMENTS = typeForKind('Deployment')!;
const getWeb = (cluster: Cluster): Deployment & KubeObject => cluster.api.get(DEPLOYMENTS, 'default', 'web') as unknown as Deployment & KubeObject;

function createWeb(cluster: Cluster, replicas: number, image: string): void {
  const manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }], resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
  const r = cluster.api.create(manifest, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
}

/** A kubectl-style PUT of the edited Deployment. */
function editWeb(cluster: Cluster, edit: (spec: NonNullable<Deployment['spec']>) => NonNullable<Deployment['spec']>): void {
  const d = getWeb(cluster);
  const r = cluster.api.update({ ...d, spec: edit(d.spec!) } as unknown as KubeObject, 'default', { actor: 'kubectl' });
  if (!r.ok) throw new Error(r.error.message);
}

/** The rollout is over: the controller saw the latest spec, every replica runs it and is available, no old pod is left. */
function rolledOut(cluster: Cluster, replicas: number): boolean {
  const d = getWeb(cluster);
  const s = d.status ?? {};
  // Zero counters are omitted from the status (omitempty).
  if (s.observedGeneration !== d.metadata.generation || (s.updatedReplicas ?? 0) !== replicas || (s.replicas ?? 0) !== replicas || (s.availableReplicas ?? 0) !== replicas) return false;
  const store = cluster.api.store;
  return store.byIndex('replicasets', OWNER_INDEX, d.metadata.uid).every((rs) => (rs as unknown as { spec?: { replicas?: number } }).spec?.replicas === replicas || store.countByIndex('pods', OWNER_INDEX, rs.metadata.uid) === 0);
}

/** One Deployment at 0 replicas on `nodes` nodes, scaled to `replicas`; runs until all are ready and available. */
function scaleDeployment(replicas: number, nodes: number): { ms: number; perPodUs: number } {
  const cluster = createCluster({ seed: 7, nodes, timings: {} });
  createWeb(cluster, 0, 'nginx:1.27');
  if (!cluster.runUntil(() => rolledOut(cluster, 0), 60_000)) throw new Error('the empty Deployment did not settle');
  const start = performance.now();
  editWeb(cluster, (spec) => ({ ...spec, replicas }));
  const done = cluster.runUntil(() => rolledOut(cluster, replicas) && (getWeb(cluster).status?.readyReplicas ?? 0) === replicas, 600_000);
  const ms = performance.now() - start;
  if (!done) throw new Error(`scale-up stuck at ${JSON.stringify(getWeb(cluster).status)}`);
  return { ms, perPodUs: (ms * 1000) / replicas };
}

/** A Deployment of `replicas` ready pods on `nodes` nodes moved to a new image (default 25%/25%); runs until the rollout is complete. */
function rollout(replicas: number, nodes: number): { ms: number; simSeconds: number } {
  const cluster = createCluster({ seed: 7, nodes, timings: {} });
  createWeb(cluster, replicas, 'nginx:1.27');
  if (!cluster.runUntil(() => rolledOut(cluster, replicas), 600_000)) throw new Error('the Deployment did not come up');
  const startSim = cluster.clock.now;
  const start = performance.now();
  editWeb(cluster, (spec) => ({ ...spec, template: { ...spec.template, spec: { ...spec.template.spec!, containers: [{ ...spec.template.spec!.containers[0]!, image: 'nginx:1.26' }] } } }));
  const done = cluster.runUntil(() => rolledOut(cluster, replicas), 600_000);
  const ms = performance.now() - start;
  if (!done) throw new Error(`rollout stuck at ${JSON.stringify(getWeb(cluster).status)}`);
  return { ms, simSeconds: (cluster.clock.now - startSim) / 1000 };
}

// Warm the JIT first, so the figures are steady-state costs, not compile time.
podsOnNodes(300, 20);
scaleDeployment(300, 20);
rollout(100, 10);
const results: Result[] = [];
const small = podsOnNodes(1_000, 100);
results.push({ id: 'engine.pods-1k-nodes-100.wall-ms', value: Math.round(small.ms), unit: 'ms', target: null, note: `${small.perPodUs.toFixed(0)} µs per pod` });
const large = podsOnNodes(10_000, 1_000);
results.push({ id: 'engine.pods-10k-nodes-1k.wall-ms', value: Math.round(large.ms), unit: 'ms', target: 2000, note: `${large.perPodUs.toFixed(0)} µs per pod` });
const scale = scaleDeployment(10_000, 1_000);
results.push({ id: 'engine.scale-10k-nodes-1k.wall-ms', value: Math.round(scale.ms), unit: 'ms', target: 3000, note: `${scale.perPodUs.toFixed(0)} µs per pod` });
const roll = rollout(1_000, 100);
results.push({ id: 'engine.rollout-1k.wall-ms', value: Math.round(roll.ms), unit: 'ms', target: 3000, note: `${roll.simSeconds.toFixed(0)} simulated s` });

if (!process.argv.includes('--engine-only')) results.push(...(await measureUi()));

console.table(results.map((r) => ({ id: r.id, value: r.value, unit: r.unit, target: r.target ?? '', note: r.note ?? '' })));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results.map(({ note: _note, ...r }) => r), null, 2)}\n`);
