import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { millisFromIso } from '../../clock.ts';
import { podRow } from './podColumns.ts';

const now = millisFromIso('2026-01-03T12:00:00Z')!;

function pod(spec: Pod['spec'], status: Pod['status'], meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-03T11:59:49Z', ...meta },
    spec,
    status,
  } as KubeObject;
}

const c = (name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  ...extra,
});
const running = { running: { startedAt: '2026-01-03T11:00:00Z' } };
const one = { containers: [{ name: 'a' }] };
const two = { containers: [{ name: 'a' }, { name: 'b' }] };
/** READY, STATUS, RESTARTS */
const summary = (p: KubeObject): string[] => podRow(p, now).slice(1, 4);

describe('pod STATUS', () => {
  it('starts from the phase, or status.reason when set', () => {
    expect(summary(pod(one, { phase: 'Pending' }))).toEqual(['0/1', 'Pending', '0']);
    expect(summary(pod(one, { phase: 'Failed', reason: 'Evicted' }))[1]).toBe('Evicted');
  });

  it('says SchedulingGated while a scheduling gate holds the pod', () => {
    const p = pod(one, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(summary(p)[1]).toBe('SchedulingGated');
  });

  it('shows the waiting reason of the first container that has one', () => {
    const p = pod(two, {
      phase: 'Pending',
      containerStatuses: [c('a', { state: { waiting: { reason: 'ErrImagePull' } } }), c('b', { state: { waiting: { reason: 'ContainerCreating' } } })],
    });
    expect(summary(p)).toEqual(['0/2', 'ErrImagePull', '0']);
  });

  it('shows CrashLoopBackOff with restarts and how long ago the last one ended', () => {
    const p = pod(one, {
      phase: 'Running',
      containerStatuses: [
        c('a', {
          restartCount: 4,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-03T11:59:49Z' } },
        }),
      ],
    });
    expect(summary(p)).toEqual(['0/1', 'CrashLoopBackOff', '4 (11s ago)']);
  });

  it('prints a bare restart count when no termination time is known', () => {
    const p = pod(one, { phase: 'Running', containerStatuses: [c('a', { restartCount: 2, ready: true, state: running })] });
    expect(summary(p)).toEqual(['1/1', 'Running', '2']);
  });

  it('uses terminated reasons, then ExitCode:N / Signal:N', () => {
    const term = (t: object): KubeObject => pod(one, { phase: 'Failed', containerStatuses: [c('a', { state: { terminated: { exitCode: 0, ...t } } })] });
    expect(summary(term({ reason: 'OOMKilled', exitCode: 137 }))[1]).toBe('OOMKilled');
    expect(summary(term({ exitCode: 3 }))[1]).toBe('ExitCode:3');
    expect(summary(term({ exitCode: 0, signal: 9 }))[1]).toBe('Signal:9');
  });

  it('turns Completed back into Running (or NotReady) while another container runs', () => {
    const statuses = [c('a', { state: { terminated: { exitCode: 0, reason: 'Completed' } } }), c('b', { ready: true, state: running })];
    expect(summary(pod(two, { phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }))).toEqual(['1/2', 'Running', '0']);
    expect(summary(pod(two, { phase: 'Running', containerStatuses: statuses }))[1]).toBe('NotReady');
  });

  it('reports init containers as Init:n/total, Init:<reason> or Init:ExitCode:N', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] };
    const done = c('i1', { state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(summary(pod(spec, { phase: 'Pending', initContainerStatuses: [done, c('i2', { state: running })] }))[1]).toBe('Init:1/2');
    const crash = c('i2', { restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-03T11:58:00Z' } } });
    expect(summary(pod(spec, { phase: 'Pending', initContainerStatuses: [done, crash] }))).toEqual(['0/1', 'Init:CrashLoopBackOff', '3 (2m ago)']);
    const failed = c('i2', { state: { terminated: { exitCode: 2 } } });
    expect(summary(pod(spec, { phase: 'Pending', initContainerStatuses: [done, failed] }))[1]).toBe('Init:ExitCode:2');
    const error = c('i2', { state: { terminated: { exitCode: 1, reason: 'Error' } } });
    expect(summary(pod(spec, { phase: 'Failed', initContainerStatuses: [done, error] }))[1]).toBe('Init:Error');
  });

  it('counts a started sidecar (restartable init container) in READY and its restarts once initialized', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [c('proxy', { started: true, ready: true, restartCount: 1, state: running })],
      containerStatuses: [c('a', { ready: true, state: running })],
    };
    expect(summary(pod(spec, status))).toEqual(['2/2', 'Running', '1']);
  });

  it('is Terminating once deleted, Unknown if the node was lost, untouched when already finished', () => {
    const deleted = { deletionTimestamp: '2026-01-03T11:59:58Z' };
    const live = { phase: 'Running', containerStatuses: [c('a', { ready: true, state: running })] };
    expect(summary(pod(one, live, deleted))[1]).toBe('Terminating');
    expect(summary(pod(one, { ...live, reason: 'NodeLost' }, deleted))[1]).toBe('Unknown');
    expect(summary(pod(one, { phase: 'Succeeded', containerStatuses: [c('a', { state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }, deleted))[1]).toBe('Completed');
  });
});

describe('pod wide columns', () => {
  it('shows IP, node, nominated node and readiness gates, <none> when unset', () => {
    const p = pod(
      { ...one, nodeName: 'node-1', readinessGates: [{ conditionType: 'lb' }, { conditionType: 'dns' }] },
      { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], conditions: [{ type: 'lb', status: 'True' }, { type: 'dns', status: 'False' }] },
    );
    expect(podRow(p, now).slice(5)).toEqual(['10.244.1.5', 'node-1', '<none>', '1/2']);
    expect(podRow(pod(one, { phase: 'Pending' }), now).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});
