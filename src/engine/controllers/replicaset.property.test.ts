// Property test: random sequences of scale changes, pod deletions, label flips and waits;
// afterwards the ReplicaSet must settle with exactly spec.replicas active owned pods, all
// matching its selector. Replay a failure with FC_SEED=<seed> npx vitest run <this file>.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';

const PODS = typeForKind('Pod')!;
const RS = typeForKind('ReplicaSet')!;
const SEED = Number(process.env['FC_SEED'] ?? 20_260_101);

type Op =
  | { readonly kind: 'scale'; readonly replicas: number }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'relabel'; readonly pick: number; readonly app: 'web' | 'other' }
  | { readonly kind: 'wait'; readonly ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat(), app: fc.constantFrom('web' as const, 'other' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 5, 15, 200, 2_000, 40_000) }),
);

const allPods = (c: Cluster): Stored<Pod>[] => c.api.list(PODS, 'default') as unknown as Stored<Pod>[];

function apply(c: Cluster, op: Op): void {
  const ps = allPods(c);
  const target = op.kind === 'delete' || op.kind === 'relabel' ? ps[op.pick % Math.max(1, ps.length)] : undefined;
  if (op.kind === 'scale') {
    const rs = c.api.get(RS, 'default', 'web')!;
    c.api.update({ ...rs, spec: { ...(rs['spec'] as object), replicas: op.replicas } }, 'default', { actor: 'kubectl' });
  } else if (op.kind === 'delete' && target) {
    c.api.delete(PODS, 'default', target.metadata.name, { actor: 'kubectl' });
  } else if (op.kind === 'relabel' && target) {
    c.api.update({ ...(target as unknown as KubeObject), metadata: { ...target.metadata, labels: { app: op.app } } }, 'default', { actor: 'kubectl' });
  } else if (op.kind === 'wait') c.advance(op.ms);
}

describe('ReplicaSet controller properties', () => {
  it('always converges to spec.replicas owned, active, matching pods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 6 }), fc.array(opArb, { minLength: 3, maxLength: 30 }), (seed, initial, ops) => {
        const c = createCluster({ seed });
        c.api.create(
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            metadata: { name: 'web' },
            spec: { replicas: initial, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
          },
          'default',
          { actor: 'kubectl' },
        );
        for (const op of ops) apply(c, op);
        c.advance(120_000);
        const rs = c.api.get(RS, 'default', 'web')!;
        const want = (rs['spec'] as { replicas: number }).replicas;
        const owned = allPods(c).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid && r.controller) && !p.metadata.deletionTimestamp);
        expect((rs['status'] as { replicas: number }).replicas).toBe(want);
        expect(owned).toHaveLength(want);
        expect(owned.every((p) => p.metadata.labels?.['app'] === 'web')).toBe(true);
        // Every pod labelled app=web is owned: orphans that match get adopted.
        expect(allPods(c).filter((p) => p.metadata.labels?.['app'] === 'web' && !p.metadata.deletionTimestamp)).toHaveLength(want);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
