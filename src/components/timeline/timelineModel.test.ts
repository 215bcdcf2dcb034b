import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/index.ts';
import { axisTicks, binFor, binRecords, labelledMarks, componentGroup, firstAtOrAfter, markLabel, recordLine } from './timelineModel.ts';

let id = 0;
const rec = (time: number, component: string, why = 'did a thing'): TraceRecord =>
  ({ id: ++id, time, component, action: 'update', why }) as TraceRecord;

describe('componentGroup', () => {
  it('puts every controller with the controller manager and runtimes with kubelets', () => {
    expect(componentGroup('replicaset-controller')).toBe('controllers');
    expect(componentGroup('controller-manager')).toBe('controllers');
    expect(componentGroup('kubelet/kind-worker')).toBe('kubelets');
    expect(componentGroup('container-runtime/kind-worker')).toBe('kubelets');
    expect(componentGroup('kube-proxy/kind-worker')).toBe('kube-proxy');
    expect(componentGroup('api-server')).toBe('api-server');
    expect(componentGroup('registry')).toBe('other');
  });
});

describe('binRecords', () => {
  const records = [rec(100, 'kubectl'), rec(900, 'api-server'), rec(1500, 'api-server'), rec(1600, 'scheduler'), rec(1700, 'api-server'), rec(5200, 'kubelet/n1')];

  it('collapses a burst into one mark with its count and newest record', () => {
    const marks = binRecords(records, 0, 1000, 'all');
    expect(marks.map((m) => [m.start, m.count])).toEqual([[0, 2], [1000, 3], [5000, 1]]);
    expect(marks[1]!.last.component).toBe('api-server');
    expect(marks[1]!.group).toBe('api-server');
    expect(marks[0]!.object).toBeUndefined();
  });

  it('skips records before the window and those the filter hides', () => {
    const marks = binRecords(records, 1000, 1000, 'scheduler');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.count).toBe(1);
    expect(marks[0]!.last.component).toBe('scheduler');
  });

  it('finds the first record at a time by binary search', () => {
    expect(firstAtOrAfter(records, 0)).toBe(0);
    expect(firstAtOrAfter(records, 1500)).toBe(2);
    expect(firstAtOrAfter(records, 9999)).toBe(records.length);
  });
});

describe('record text', () => {
  it('reads as time, component, action and why', () => {
    const r = { id: 1, time: 42_000, component: 'scheduler', action: 'bind', why: 'assigned default/hello to kind-worker2' } as TraceRecord;
    expect(recordLine(r)).toBe('00:42 scheduler — bind: assigned default/hello to kind-worker2');
    expect(markLabel({ start: 42_000, count: 3, last: r, group: 'scheduler' })).toContain('3 records');
  });

  it('remembers the newest object in a bin for clicking', () => {
    const a = { ...rec(10, 'api-server'), object: { kind: 'Pod', namespace: 'default', name: 'a' } } as TraceRecord;
    const marks = binRecords([a, rec(20, 'kubectl')], 0, 1000, 'all');
    expect(marks[0]!.object?.name).toBe('a');
  });

  it('labels the axis on whole steps', () => {
    expect(axisTicks(5_000, 40_000, 15_000).map((t) => t.label)).toEqual(['00:15', '00:30']);
  });
});

describe('track density', () => {
  it('widens bins on a narrow track', () => {
    expect(binFor(120_000, 740)).toBe(1_000);
    expect(binFor(120_000, 300)).toBe(5_000);
  });
  it('writes counts only where they do not collide', () => {
    const r = rec(0, 'api-server');
    const marks = [0, 1000, 2000, 5000].map((start) => ({ start, count: 9, last: r, group: 'api-server' as const }));
    expect([...labelledMarks(marks, 0.01)]).toEqual([0, 5000]);
  });
});
