// The HPA's replica arithmetic for a CPU utilization target, a port of kube-controller-manager
// pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas, groupPods,
// calculatePodRequests) and metrics/utilization.go (GetResourceUtilizationRatio), v1.32.

import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { millisFromIso } from '../../clock.ts';
import { quantityMilliValue } from '../../api/schema/quantity.ts';

/** --horizontal-pod-autoscaler-tolerance */
export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay */
export const INITIAL_READINESS_DELAY_MS = 30_000;

/** One pod's CPU use as the resource metrics API reports it (summed over its containers). */
export interface PodMetric {
  readonly milliValue: number;
  readonly timestamp: number;
  readonly windowMs: number;
}

export interface ReplicaResult {
  readonly replicas: number;
  /** averageUtilization: percent of the requests, truncated as Go's integer division does */
  readonly utilization: number;
  /** averageValue in millicores */
  readonly rawAverageMilli: number;
}

export type Calculated = { readonly ok: true; readonly value: ReplicaResult } | { readonly ok: false; readonly error: string };

type P = Stored<Pod>;

const fail = (error: string): Calculated => ({ ok: false, error });

interface Groups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods: which pods count, which wait (pending, unready, just started) and which lack metrics. */
export function groupPods(pods: readonly P[], metrics: ReadonlyMap<string, PodMetric>, now: number): Groups {
  const g: Groups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    const start = pod.status?.startTime ? millisFromIso(pod.status.startTime) : undefined;
    let unready: boolean;
    if (!ready || start === undefined) unready = true;
    else {
      const transition = millisFromIso(ready.lastTransitionTime ?? '') ?? 0;
      if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
        // Still initialising: count it only once a whole metric window followed its readiness.
        unready = ready.status === 'False' || metric.timestamp < transition + metric.windowMs;
      } else {
        unready = ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
      }
    }
    if (unready) g.unready.add(name);
    else g.readyPodCount++;
  }
  return g;
}

/** calculatePodRequests: every container must ask for CPU, else utilization means nothing. */
export function podRequests(pods: readonly P[]): { ok: true; value: Map<string, number> } | { ok: false; error: string } {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const cpu = c.resources?.requests?.['cpu'];
      if (cpu === undefined) return { ok: false, error: `missing request for cpu in container ${c.name} of Pod ${pod.metadata.name ?? ''}` };
      sum += quantityMilliValue(cpu) ?? 0;
    }
    requests.set(pod.metadata.name ?? '', sum);
  }
  return { ok: true, value: requests };
}

/** GetResourceUtilizationRatio */
export function utilizationRatio(metrics: ReadonlyMap<string, PodMetric>, requests: ReadonlyMap<string, number>, target: number): { ok: true; ratio: number; utilization: number; rawAverage: number } | { ok: false; error: string } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, m] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += m.milliValue;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) return { ok: false, error: 'no metrics returned matched known pods' };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ok: true, ratio: utilization / target, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

const within = (ratio: number): boolean => Math.abs(1 - ratio) <= TOLERANCE;

/**
 * GetResourceReplicas: the replica count that brings average utilization to `target`. Missing
 * pods count as 0% on a scale-up and 100% on a scale-down, unready ones as 0% on a scale-up,
 * and any change within the tolerance or that would flip direction is dropped.
 */
export function resourceReplicas(currentReplicas: number, target: number, pods: readonly P[], podMetrics: ReadonlyMap<string, PodMetric>, now: number): Calculated {
  if (pods.length === 0) return fail('no pods returned by selector while calculating replica count');
  const metrics = new Map(podMetrics);
  for (const name of metrics.keys()) if (!pods.some((p) => p.metadata.name === name)) metrics.delete(name);
  const { readyPodCount, unready, missing, ignored } = groupPods(pods, metrics, now);
  for (const name of [...ignored, ...unready]) metrics.delete(name);
  if (metrics.size === 0) return fail('did not receive metrics for targeted pods (pods might be unready)');
  const requests = podRequests(pods);
  if (!requests.ok) return requests;
  const first = utilizationRatio(metrics, requests.value, target);
  if (!first.ok) return first;
  const result = (replicas: number): Calculated => ({ ok: true, value: { replicas, utilization: first.utilization, rawAverageMilli: first.rawAverage } });
  const usage = first.ratio;
  const scaleUpWithUnready = unready.size > 0 && usage > 1;
  if (!scaleUpWithUnready && missing.size === 0) {
    return result(within(usage) ? currentReplicas : Math.ceil(usage * readyPodCount));
  }
  if (missing.size > 0) {
    const fallback = Math.max(100, target);
    for (const name of missing) {
      if (usage < 1) metrics.set(name, { milliValue: Math.trunc((requests.value.get(name)! * fallback) / 100), timestamp: now, windowMs: 0 });
      else if (usage > 1) metrics.set(name, { milliValue: 0, timestamp: now, windowMs: 0 });
    }
  }
  if (scaleUpWithUnready) for (const name of unready) metrics.set(name, { milliValue: 0, timestamp: now, windowMs: 0 });
  const second = utilizationRatio(metrics, requests.value, target);
  if (!second.ok) return second;
  const next = second.ratio;
  if (within(next) || (usage < 1 && next > 1) || (usage > 1 && next < 1)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}
