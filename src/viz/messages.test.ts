import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/index.ts';
import { controllerName, homeOf, routeOf } from './messages.ts';

const rec = (component: string, action: string, object?: TraceRecord['object']): TraceRecord =>
  ({ id: 1, time: 0, component, action, why: '', ...(object ? { object } : {}) }) as TraceRecord;
const pod = { kind: 'Pod', namespace: 'default', name: 'web-1' };

describe('message routes', () => {
  it('send kubectl requests to the API server and writes on to etcd', () => {
    expect(routeOf(rec('kubectl', 'request'))?.legs).toEqual([['kubectl', 'api-server']]);
    expect(routeOf(rec('api-server', 'create'), 'kubectl')?.legs).toEqual([['api-server', 'etcd']]);
  });

  it('bring a controller or kubelet write through the API server first', () => {
    expect(routeOf(rec('api-server', 'create'), 'replicaset-controller')?.legs).toEqual([
      ['controller-manager', 'api-server'],
      ['api-server', 'etcd'],
    ]);
    expect(routeOf(rec('api-server', 'delete'), 'kubelet/w1')?.legs[0]).toEqual(['kubelet/w1', 'api-server']);
  });

  it('notify the scheduler and bring its binding back', () => {
    expect(routeOf(rec('scheduler', 'schedule', pod))?.legs).toEqual([['api-server', 'scheduler']]);
    expect(routeOf(rec('scheduler', 'bind', pod))?.legs).toEqual([['scheduler', 'api-server']]);
  });

  it('follow a pod from the kubelet to the runtime and into the pod', () => {
    expect(routeOf(rec('kubelet/w1', 'watch-notify', pod))?.legs).toEqual([['api-server', 'kubelet/w1']]);
    expect(routeOf(rec('container-runtime/w1', 'pull-image', pod))?.legs).toEqual([['kubelet/w1', 'container-runtime/w1']]);
    expect(routeOf(rec('container-runtime/w1', 'start-container', pod))?.legs).toEqual([['container-runtime/w1', 'pod/default/web-1']]);
    expect(routeOf(rec('container-runtime/w1', 'pull-failed', pod))?.kind).toBe('error');
  });

  it('have no arrow for records that happen in one place', () => {
    expect(routeOf(rec('registry', 'pull-image'))).toBeUndefined();
    expect(routeOf(rec('api-server', 'allocate-ip'))).toBeUndefined();
  });
});

describe('components', () => {
  it('live where the diagram draws them', () => {
    expect(homeOf('deployment-controller')).toBe('controller-manager');
    expect(homeOf('default-scheduler')).toBe('scheduler');
    expect(homeOf('kubelet/w2')).toBe('kubelet/w2');
    expect(homeOf('registry')).toBeUndefined();
  });

  it('are listed by their short controller names', () => {
    expect(controllerName('horizontal-pod-autoscaler-controller')).toBe('hpa');
    expect(controllerName('endpoint-controller')).toBe('endpoints');
    expect(controllerName('replicaset-controller')).toBe('replicaset');
    expect(controllerName('metallb-controller')).toBeUndefined();
  });
});
