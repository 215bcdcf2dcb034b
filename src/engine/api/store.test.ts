import { describe, expect, it } from 'vitest';
import type { KubeObject } from './objects.ts';
import type { WatchEvent } from './store.ts';
import { Store, storeKey } from './store.ts';

/** A stored object as the API server would hand it to the store (versioned by the caller). */
function obj(store: Store, kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: store.nextResourceVersion(), creationTimestamp: '2026-01-01T09:00:00Z' },
    ...extra,
  };
}

const pod = (store: Store, name: string, namespace = 'default', nodeName?: string): KubeObject =>
  obj(store, 'Pod', name, namespace, { spec: nodeName === undefined ? {} : { nodeName } });

const names = (xs: readonly KubeObject[]): string[] => xs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

const nodeIndex = (o: KubeObject): string[] => [(o['spec'] as { nodeName?: string } | undefined)?.nodeName ?? ''];

describe('the cluster store', () => {
  describe('put, get and list', () => {
    it('returns what was put, by namespace and name', () => {
      const s = new Store();
      const p = pod(s, 'web');
      s.put('pods', p);
      expect(s.get('pods', 'default', 'web')).toBe(p);
      expect(s.get('pods', 'other', 'web')).toBeUndefined();
      expect(s.get('services', 'default', 'web')).toBeUndefined();
      expect(s.count('pods')).toBe(1);
    });

    it('replaces an object under the same key instead of adding a second', () => {
      const s = new Store();
      s.put('pods', pod(s, 'web'));
      const newer = pod(s, 'web');
      s.put('pods', newer);
      expect(s.count('pods')).toBe(1);
      expect(s.get('pods', 'default', 'web')).toBe(newer);
    });

    it('lists by namespace then name whatever order they were written in', () => {
      const s = new Store();
      for (const [ns, n] of [['kube-system', 'b'], ['default', 'zeta'], ['default', 'alpha'], ['kube-system', 'a'], ['default', 'web-1'], ['default', 'web']] as const) {
        s.put('pods', pod(s, n, ns));
      }
      expect(names(s.list('pods'))).toEqual(['default/alpha', 'default/web', 'default/web-1', 'default/zeta', 'kube-system/a', 'kube-system/b']);
      expect(names(s.list('pods', 'kube-system'))).toEqual(['kube-system/a', 'kube-system/b']);
      expect(s.list('pods', 'nowhere')).toEqual([]);
      expect(s.list('deployments')).toEqual([]);
    });

    it("lists in etcd's key order, where a namespace followed by '-' sorts before the same name followed by '/'", () => {
      const s = new Store();
      s.put('pods', pod(s, 'a', 'dev'));
      s.put('pods', pod(s, 'a', 'dev-team'));
      // /registry/pods/dev-team/a < /registry/pods/dev/a because '-' (0x2d) < '/' (0x2f)
      expect(names(s.list('pods'))).toEqual(['dev-team/a', 'dev/a']);
    });

    it('lists cluster-scoped objects by name', () => {
      const s = new Store();
      for (const n of ['kubelab-worker2', 'kubelab-control-plane', 'kubelab-worker']) s.put('nodes', obj(s, 'Node', n));
      expect(s.list('nodes').map((o) => o.metadata.name)).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    });
  });

  describe('resource versions', () => {
    it('hands out a larger resourceVersion for every write', () => {
      const s = new Store();
      const first = Number(s.nextResourceVersion());
      const second = Number(s.nextResourceVersion());
      expect(second).toBe(first + 1);
      expect(s.revision).toBe(second);
    });
  });

  describe('watches', () => {
    it('sends ADDED, MODIFIED with the old object, and DELETED with the last stored state', () => {
      const s = new Store();
      const events: WatchEvent[] = [];
      s.watch('pods', (e) => events.push(e));
      const v1 = pod(s, 'web');
      s.put('pods', v1);
      const v2 = pod(s, 'web', 'default', 'kubelab-worker');
      s.put('pods', v2);
      // A delete by a stale copy still reports what the store held.
      s.remove('pods', v1);
      expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
      expect(events[0]).toEqual({ type: 'ADDED', resource: 'pods', object: v1 });
      expect(events[1]!.object).toBe(v2);
      expect(events[1]!.old).toBe(v1);
      expect(events[2]!.object).toBe(v2);
      expect(events[2]!.old).toBe(v2);
      expect(s.get('pods', 'default', 'web')).toBeUndefined();
    });

    it('is silent when removing what is not there', () => {
      const s = new Store();
      const events: WatchEvent[] = [];
      s.watchAll((e) => events.push(e));
      s.remove('pods', pod(s, 'ghost'));
      expect(events).toEqual([]);
    });

    it('only tells a resource watcher about its resource, and watchAll about every resource', () => {
      const s = new Store();
      const podEvents: string[] = [];
      const all: string[] = [];
      s.watch('pods', (e) => podEvents.push(e.object.metadata.name));
      s.watchAll((e) => all.push(`${e.resource}/${e.object.metadata.name}`));
      s.put('pods', pod(s, 'web'));
      s.put('services', obj(s, 'Service', 'web-svc', 'default'));
      expect(podEvents).toEqual(['web']);
      expect(all).toEqual(['pods/web', 'services/web-svc']);
    });

    it('stops notifying once unsubscribed', () => {
      const s = new Store();
      const seen: string[] = [];
      const stop = s.watch('pods', (e) => seen.push(e.object.metadata.name));
      const stopAll = s.watchAll((e) => seen.push(`all:${e.object.metadata.name}`));
      s.put('pods', pod(s, 'a'));
      stop();
      stopAll();
      s.put('pods', pod(s, 'b'));
      expect(seen).toEqual(['a', 'all:a']);
    });
  });

  describe('indexes', () => {
    it('indexes objects that were stored before the index was declared', () => {
      const s = new Store();
      s.put('pods', pod(s, 'a', 'default', 'node-1'));
      s.put('pods', pod(s, 'b', 'default', 'node-2'));
      s.addIndex('pods', 'node', nodeIndex);
      expect(names(s.byIndex('pods', 'node', 'node-1'))).toEqual(['default/a']);
      expect(s.countByIndex('pods', 'node', 'node-2')).toBe(1);
    });

    it('moves an object between buckets when the indexed value changes', () => {
      const s = new Store();
      s.addIndex('pods', 'node', nodeIndex);
      s.put('pods', pod(s, 'a'));
      expect(names(s.byIndex('pods', 'node', ''))).toEqual(['default/a']);
      const bound = pod(s, 'a', 'default', 'node-1');
      s.put('pods', bound);
      expect(s.byIndex('pods', 'node', '')).toEqual([]);
      expect(s.countByIndex('pods', 'node', '')).toBe(0);
      expect(s.byIndex('pods', 'node', 'node-1')).toEqual([bound]);
    });

    it('points the bucket at the newest object when an update keeps the indexed value', () => {
      const s = new Store();
      s.addIndex('pods', 'node', nodeIndex);
      s.put('pods', pod(s, 'a', 'default', 'node-1'));
      s.put('pods', pod(s, 'b', 'default', 'node-1'));
      const newer = { ...pod(s, 'a', 'default', 'node-1'), status: { phase: 'Running' } };
      s.put('pods', newer);
      const bucket = s.byIndex('pods', 'node', 'node-1');
      expect(names(bucket)).toEqual(['default/a', 'default/b']);
      expect(bucket[0]).toBe(newer);
    });

    it('drops removed objects from their buckets', () => {
      const s = new Store();
      s.addIndex('pods', 'node', nodeIndex);
      const a = pod(s, 'a', 'default', 'node-1');
      s.put('pods', a);
      s.put('pods', pod(s, 'b', 'default', 'node-1'));
      s.remove('pods', a);
      expect(names(s.byIndex('pods', 'node', 'node-1'))).toEqual(['default/b']);
      expect(s.countByIndex('pods', 'node', 'node-1')).toBe(1);
    });

    it('files an object under every value its indexer returns', () => {
      const s = new Store();
      const labelPairs = (o: KubeObject): string[] => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`);
      s.addIndex('pods', 'label', labelPairs);
      const p = pod(s, 'a');
      p.metadata.labels = { app: 'web', tier: 'front' };
      s.put('pods', p);
      expect(s.countByIndex('pods', 'label', 'app=web')).toBe(1);
      expect(s.countByIndex('pods', 'label', 'tier=front')).toBe(1);
      const relabelled = pod(s, 'a');
      relabelled.metadata.labels = { app: 'web' };
      s.put('pods', relabelled);
      expect(s.countByIndex('pods', 'label', 'tier=front')).toBe(0);
      expect(s.byIndex('pods', 'label', 'app=web')).toEqual([relabelled]);
    });

    it('keeps indexes of the same name on different resources apart', () => {
      const s = new Store();
      s.addIndex('pods', 'ns', (o) => [o.metadata.namespace ?? '']);
      s.addIndex('services', 'ns', (o) => [o.metadata.namespace ?? '']);
      s.put('pods', pod(s, 'web'));
      s.put('services', obj(s, 'Service', 'web', 'default'));
      expect(s.byIndex('pods', 'ns', 'default').map((o) => o.kind)).toEqual(['Pod']);
      expect(s.byIndex('services', 'ns', 'default').map((o) => o.kind)).toEqual(['Service']);
    });

    it('rebuilds an index declared again, so later moves use the new indexer', () => {
      const s = new Store();
      s.addIndex('pods', 'key', () => ['old']);
      s.put('pods', pod(s, 'a'));
      s.addIndex('pods', 'key', (o) => [o.metadata.name]);
      expect(s.countByIndex('pods', 'key', 'old')).toBe(0);
      s.remove('pods', pod(s, 'a'));
      expect(s.countByIndex('pods', 'key', 'a')).toBe(0);
    });

    it('moves an updated object to the end of each of its buckets when it is filed under several values', () => {
      const s = new Store();
      s.addIndex('pods', 'pairs', () => ['x', 'y']);
      s.put('pods', pod(s, 'a'));
      s.put('pods', pod(s, 'b'));
      s.put('pods', pod(s, 'a'));
      expect(names(s.byIndex('pods', 'pairs', 'x'))).toEqual(['default/b', 'default/a']);
      expect(names(s.byIndex('pods', 'pairs', 'y'))).toEqual(['default/b', 'default/a']);
    });

    it('keeps the values filed before when the index vouches an update left them alone', () => {
      const s = new Store();
      let calls = 0;
      s.addIndex('pods', 'node', (o) => (calls++, nodeIndex(o)), (a, b) => a['spec'] === b['spec']);
      const first = pod(s, 'a', 'default', 'n1');
      s.put('pods', first);
      s.put('pods', { ...first, status: { phase: 'Running' } });
      expect(calls).toBe(1);
      expect(s.byIndex('pods', 'node', 'n1')[0]?.['status']).toEqual({ phase: 'Running' });
      s.put('pods', pod(s, 'a', 'default', 'n2'));
      expect(calls).toBe(2);
      expect(names(s.byIndex('pods', 'node', 'n2'))).toEqual(['default/a']);
      expect(s.countByIndex('pods', 'node', 'n1')).toBe(0);
    });

    it('answers an unknown index or value with nothing', () => {
      const s = new Store();
      expect(s.byIndex('pods', 'node', 'x')).toEqual([]);
      expect(s.countByIndex('pods', 'nope', 'x')).toBe(0);
    });
  });

  describe('snapshots', () => {
    it('do not see writes made after them', () => {
      const s = new Store();
      const a = pod(s, 'a');
      s.put('pods', a);
      const snap = s.snapshot();
      const rev = snap.revision;
      s.put('pods', pod(s, 'b'));
      s.put('pods', pod(s, 'a', 'default', 'node-1'));
      s.remove('pods', pod(s, 'a'));
      s.put('services', obj(s, 'Service', 'svc', 'default'));
      expect(snap.revision).toBe(rev);
      expect([...snap.data.get('pods')!.values()]).toEqual([a]);
      expect(snap.data.has('services')).toBe(false);
      expect(s.revision).toBeGreaterThan(rev);
    });
  });

  describe('keys (the etcd view)', () => {
    it("names every object by its etcd key, sorted, with kube-apiserver's special prefixes", () => {
      const s = new Store();
      const p = pod(s, 'web');
      s.put('pods', p);
      s.put('nodes', obj(s, 'Node', 'kubelab-worker'));
      s.put('services', obj(s, 'Service', 'kubernetes', 'default'));
      s.put('endpoints', obj(s, 'Endpoints', 'kubernetes', 'default'));
      s.put('namespaces', obj(s, 'Namespace', 'default'));
      s.put('deployments', obj(s, 'Deployment', 'web', 'default'));
      expect(s.keys()).toEqual([
        { key: '/registry/deployments/default/web', resourceVersion: expect.any(String) },
        { key: '/registry/minions/kubelab-worker', resourceVersion: expect.any(String) },
        { key: '/registry/namespaces/default', resourceVersion: expect.any(String) },
        { key: '/registry/pods/default/web', resourceVersion: p.metadata.resourceVersion },
        { key: '/registry/services/endpoints/default/kubernetes', resourceVersion: expect.any(String) },
        { key: '/registry/services/specs/default/kubernetes', resourceVersion: expect.any(String) },
      ]);
    });

    it('builds keys as etcd does for namespaced and cluster-scoped objects', () => {
      expect(storeKey('pods', 'default', 'web')).toBe('/registry/pods/default/web');
      expect(storeKey('namespaces', undefined, 'default')).toBe('/registry/namespaces/default');
      expect(storeKey('ingresses', 'default', 'web')).toBe('/registry/ingress/default/web');
      expect(storeKey('replicationcontrollers', 'default', 'rc')).toBe('/registry/controllers/default/rc');
    });
  });
});
