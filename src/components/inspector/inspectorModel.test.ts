import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/index.ts';
import { EMPTY_WORLD } from '../../state/world.ts';
import type { PodView, World } from '../../state/world.ts';
import { belongsTo, causeChain, describeCommand, describeSignature, groupStoreKeys, statusColor, summarize, yamlCommand } from './inspectorModel.ts';
import { componentInfo } from './componentInfo.ts';

describe('kubectl lines', () => {
  it('names the namespace only for namespaced kinds', () => {
    expect(describeCommand({ kind: 'Pod', namespace: 'default', name: 'hello' })).toBe('kubectl describe pod hello -n default');
    expect(yamlCommand({ kind: 'Node', name: 'kind-worker' })).toBe('kubectl get node kind-worker -o yaml');
  });
});

describe('statusColor', () => {
  it('maps kubectl STATUS values to the status palette', () => {
    expect(statusColor('Running')).toBe('var(--st-running)');
    expect(statusColor('ErrImagePull')).toBe('var(--st-pull)');
    expect(statusColor('Init:0/1')).toBe('var(--st-creating)');
    expect(statusColor('Whatever')).toBe('var(--st-unknown)');
  });
});

describe('causeChain', () => {
  const r = (id: number, cause?: number): TraceRecord => ({ id, time: id, component: 'api-server', action: 'update', why: `r${id}`, ...(cause ? { cause } : {}) }) as TraceRecord;
  it('follows causes back to the first record', () => {
    const byId = new Map([1, 2, 3].map((i) => [i, r(i, i > 1 ? i - 1 : undefined)]));
    expect(causeChain(byId.get(3)!, byId).chain.map((x) => x.id)).toEqual([3, 2, 1]);
  });
  it('says when an earlier cause is no longer kept', () => {
    const byId = new Map([[5, r(5, 4)]]);
    expect(causeChain(byId.get(5)!, byId)).toMatchObject({ lost: true });
  });
});

describe('components', () => {
  it('counts every controller as the controller manager', () => {
    expect(belongsTo('controller-manager', 'deployment-controller')).toBe(true);
    expect(belongsTo('scheduler', 'deployment-controller')).toBe(false);
    expect(belongsTo('kubelet/a', 'kubelet/a')).toBe(true);
  });
  it('names the node a kubelet runs on', () => {
    expect(componentInfo('kubelet/kind-worker').title).toBe('kubelet on node kind-worker');
  });
});

describe('groupStoreKeys', () => {
  const keys = [
    { key: '/registry/pods/default/b', resourceVersion: '3' },
    { key: '/registry/pods/default/a', resourceVersion: '2' },
    { key: '/registry/apiregistration.k8s.io/apiservices/v1.', resourceVersion: '1' },
    { key: '/registry/services/specs/default/web', resourceVersion: '4' },
  ];
  it('groups by resource, API groups included', () => {
    expect(groupStoreKeys(keys, '').map((g) => [g.resource, g.keys.length])).toEqual([
      ['apiregistration.k8s.io/apiservices', 1],
      ['pods', 2],
      ['services/specs', 1],
    ]);
  });
  it('filters by any part of the key', () => {
    expect(groupStoreKeys(keys, 'WEB').map((g) => g.resource)).toEqual(['services/specs']);
  });
});

describe('describeSignature', () => {
  const keys = [
    { key: '/registry/pods/default/hello', resourceVersion: '10' },
    { key: '/registry/events/default/hello.18868fc9a477a01d', resourceVersion: '12' },
    { key: '/registry/pods/other/hello', resourceVersion: '99' },
    { key: '/registry/pods/default/hello2', resourceVersion: '50' },
  ];
  it('changes when the object or its events change, not for other objects', () => {
    const ref = { kind: 'Pod', namespace: 'default', name: 'hello' };
    expect(describeSignature(keys, ref)).toBe('2:12');
    expect(describeSignature([...keys, { key: '/registry/pods/default/zz', resourceVersion: '70' }], ref)).toBe('2:12');
    expect(describeSignature([...keys, { key: '/registry/events/default/hello.1', resourceVersion: '71' }], ref)).toBe('3:71');
  });
});

describe('summarize', () => {
  it('counts ready nodes and pods by status', () => {
    const pod = (status: string) => ({ status }) as PodView;
    const world: World = { ...EMPTY_WORLD, pods: [pod('Running'), pod('Pending'), pod('Running')] };
    expect(summarize(world).podsByStatus).toEqual([['Running', 2], ['Pending', 1]]);
  });
});
