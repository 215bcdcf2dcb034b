// `npm run bench`: measures the engine (and later the page) and writes bench/results.json,
// an array of { id, value, unit, target }. Figures are wall-clock milliseconds on this machine.

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/engine/cluster.ts';

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

// Warm the JIT first, so the figures are steady-state costs, not compile time.
podsOnNodes(300, 20);
const results: Result[] = [];
const small = podsOnNodes(1_000, 100);
results.push({ id: 'engine.pods-1k-nodes-100.wall-ms', value: Math.round(small.ms), unit: 'ms', target: null, note: `${small.perPodUs.toFixed(0)} µs per pod` });
const large = podsOnNodes(10_000, 1_000);
results.push({ id: 'engine.pods-10k-nodes-1k.wall-ms', value: Math.round(large.ms), unit: 'ms', target: 2000, note: `${large.perPodUs.toFixed(0)} µs per pod` });

console.table(results.map((r) => ({ id: r.id, value: r.value, unit: r.unit, target: r.target ?? '', note: r.note ?? '' })));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results.map(({ note: _note, ...r }) => r), null, 2)}\n`);
