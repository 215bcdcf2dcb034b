import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/objects.ts';
import { Store } from '../api/store.ts';
import { OWNER_INDEX, addWorkloadIndexes, compileSelector, controllerOf, hasAllLabels } from './indexes.ts';
import { isPodActive, isPodReady } from './podRanking.ts';
import type { RS } from './replicaset.ts';
import { ReplicaSetTally } from './replicaSetTally.ts';

const UIDS = ['rs-a', 'rs-b'];

function replicaSet(store: Store, uid: string, templateLabels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: uid, namespace: 'default', uid, resourceVersion: store.nextResourceVersion(), creationTimestamp: '2026-01-01T09:00:00Z' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: templateLabels }, spec: { containers: [] } } },
  } as unknown as KubeObject;
}

interface PodState {
  owner: number;
  labels: number;
  ready: boolean;
  phase: number;
  deleting: boolean;
}

const LABELS: Record<string, string>[] = [{ app: 'web', tier: 'front' }, { app: 'web' }, { app: 'db' }, {}];
const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'];

function pod(store: Store, name: string, s: PodState): KubeObject {
  const uid = UIDS[s.owner];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: store.nextResourceVersion(),
      creationTimestamp: '2026-01-01T09:00:00Z',
      labels: LABELS[s.labels],
      ...(uid ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true }] } : {}),
      ...(s.deleting ? { deletionTimestamp: '2026-01-01T09:00:01Z' } : {}),
    },
    spec: { containers: [] },
    status: { phase: PHASES[s.phase], conditions: [{ type: 'Ready', status: s.ready ? 'True' : 'False' }] },
  } as unknown as KubeObject;
}

/** What claimPods and calculateStatus would find by walking the owner index. */
function walk(store: Store, rs: RS): { count: number; fully: number; ready: number; mismatched: number } {
  const selector = compileSelector(rs.spec?.selector);
  const out = { count: 0, fully: 0, ready: 0, mismatched: 0 };
  for (const o of store.byIndex('pods', OWNER_INDEX, rs.metadata.uid)) {
    const p = o as never;
    if (controllerOf(o)?.uid !== rs.metadata.uid || !isPodActive(p)) continue;
    if (!selector.matches(o.metadata.labels)) {
      out.mismatched++;
      continue;
    }
    out.count++;
    if (hasAllLabels(rs.spec?.template?.metadata?.labels, o.metadata.labels)) out.fully++;
    if (isPodReady(p)) out.ready++;
  }
  return out;
}

const podState = fc.record({ owner: fc.integer({ min: 0, max: 2 }), labels: fc.integer({ min: 0, max: 3 }), ready: fc.boolean(), phase: fc.integer({ min: 0, max: 3 }), deleting: fc.boolean() });
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), pod: fc.integer({ min: 0, max: 7 }), state: podState }),
  fc.record({ kind: fc.constant('delete' as const), pod: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('template' as const), rs: fc.integer({ min: 0, max: 1 }), labels: fc.integer({ min: 0, max: 3 }) }),
);

describe('the ReplicaSet tally', () => {
  it('counts what a walk over the owner index would, whatever the pods and ReplicaSets do', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new Store();
        addWorkloadIndexes(store);
        const tally = new ReplicaSetTally(store);
        store.watch('replicasets', (e) => tally.replicaSetChanged(e));
        store.watch('pods', (e) => tally.podChanged(e));
        for (const uid of UIDS) store.put('replicasets', replicaSet(store, uid, LABELS[0]!));
        for (const o of ops) {
          if (o.kind === 'put') store.put('pods', pod(store, `p${o.pod}`, o.state));
          else if (o.kind === 'delete') {
            const cur = store.get('pods', 'default', `p${o.pod}`);
            if (cur) store.remove('pods', cur);
          } else store.put('replicasets', replicaSet(store, UIDS[o.rs]!, LABELS[o.labels]!));
          for (const uid of UIDS) {
            const rs = store.get('replicasets', 'default', uid) as unknown as RS;
            const want = walk(store, rs);
            const got = tally.counts(rs);
            if (want.mismatched > 0) expect(got).toBeUndefined();
            else expect(got).toEqual({ count: want.count, fully: want.fully, ready: want.ready });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has nothing to say about a ReplicaSet it has not seen', () => {
    const store = new Store();
    const tally = new ReplicaSetTally(store);
    expect(tally.counts(replicaSet(store, 'rs-a', {}) as unknown as RS)).toBeUndefined();
  });
});
