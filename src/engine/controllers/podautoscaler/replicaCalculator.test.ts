import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/objects.ts';
import { isoFromMillis, EPOCH_MS } from '../../clock.ts';
import { applyRules, stabilize } from './normalize.ts';
import type { PodMetric } from './replicaCalculator.ts';
import { resourceReplicas } from './replicaCalculator.ts';

const NOW = 3_600_000;
const iso = (ms: number): string => isoFromMillis(EPOCH_MS + ms);

function pod(name: string, o: { cpu?: string; ready?: boolean; phase?: string } = {}): Stored<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: iso(0) },
    spec: { containers: [{ name: 'app', ...(o.cpu === undefined ? {} : { resources: { requests: { cpu: o.cpu } } }) }] },
    status: { phase: o.phase ?? 'Running', startTime: iso(0), conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(1000) }] },
  } as unknown as Stored<Pod>;
}

const metrics = (usage: Record<string, number>): Map<string, PodMetric> => new Map(Object.entries(usage).map(([n, m]) => [n, { milliValue: m, timestamp: NOW, windowMs: 15_000 }]));

describe('the HPA replica calculator', () => {
  it('asks for ceil(replicas × utilization / target)', () => {
    const pods = [pod('a', { cpu: '100m' }), pod('b', { cpu: '100m' })];
    const r = resourceReplicas(2, 50, pods, metrics({ a: 200, b: 100 }), NOW);
    expect(r).toEqual({ ok: true, value: { replicas: 6, utilization: 150, rawAverageMilli: 150 } });
  });

  it('keeps the count when utilization is within 10% of the target', () => {
    const pods = [pod('a', { cpu: '100m' }), pod('b', { cpu: '100m' })];
    expect(resourceReplicas(2, 50, pods, metrics({ a: 54, b: 54 }), NOW)).toMatchObject({ ok: true, value: { replicas: 2, utilization: 54 } });
    // 55/50 is 1.1 in floating point, a hair past the tolerance, as in Go: it scales.
    expect(resourceReplicas(2, 50, pods, metrics({ a: 55, b: 55 }), NOW)).toMatchObject({ ok: true, value: { replicas: 3 } });
    expect(resourceReplicas(2, 50, pods, metrics({ a: 56, b: 56 }), NOW)).toMatchObject({ ok: true, value: { replicas: 3 } });
  });

  it('counts pods without metrics as idle on a scale-up', () => {
    const pods = [pod('a', { cpu: '100m' }), pod('b', { cpu: '100m' })];
    // a alone: 200% of 50% → ratio 4; with b at 0: 100% → ratio 2 → 4 pods
    expect(resourceReplicas(2, 50, pods, metrics({ a: 200 }), NOW)).toMatchObject({ ok: true, value: { replicas: 4, utilization: 200 } });
  });

  it('ignores unready pods unless it scales up', () => {
    const pods = [pod('a', { cpu: '100m' }), pod('b', { cpu: '100m', ready: false })];
    expect(resourceReplicas(2, 50, pods, metrics({ a: 10, b: 500 }), NOW)).toMatchObject({ ok: true, value: { replicas: 1, utilization: 10 } });
  });

  it('fails when a container asks for no CPU', () => {
    expect(resourceReplicas(1, 50, [pod('a')], metrics({ a: 10 }), NOW)).toEqual({ ok: false, error: 'missing request for cpu in container app of Pod a' });
  });
});

describe('the HPA normalisation without spec.behavior', () => {
  it('keeps the highest recommendation of the last five minutes when scaling down', () => {
    const history = [{ replicas: 8, at: 0 }];
    expect(stabilize(history, 2, 299_999)).toBe(8);
    expect(stabilize(history, 2, 300_001)).toBe(2);
  });

  it('scales up at most to max(2 × current, 4) per sync', () => {
    expect(applyRules(1, 10, 1, 20)).toMatchObject({ replicas: 4, limited: true, reason: 'ScaleUpLimit' });
    expect(applyRules(3, 10, 1, 20)).toMatchObject({ replicas: 6, reason: 'ScaleUpLimit' });
  });

  it('holds the count within min and max replicas', () => {
    expect(applyRules(5, 30, 1, 8)).toMatchObject({ replicas: 8, limited: true, reason: 'TooManyReplicas' });
    expect(applyRules(5, 1, 2, 8)).toMatchObject({ replicas: 2, limited: true, reason: 'TooFewReplicas' });
    expect(applyRules(5, 6, 2, 8)).toMatchObject({ replicas: 6, limited: false, reason: 'DesiredWithinRange' });
  });
});
