// Which pods a ReplicaSet deletes first when it has too many: pkg/controller/controller_utils.go
// ActivePodsWithRanks.Less (with LogarithmicScaleDown, on by default) and replica_set.go
// getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode. The cheapest pod to lose goes first:
// unscheduled, then Pending, Unknown, Running; not ready; lower deletion cost; doubled up on a
// node; ready more recently; restarted more; created more recently.

import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { millisFromIso } from '../clock.ts';

type P = Stored<Pod>;

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const phaseOrdinal = (p: P): number => PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;

export const isPodActive = (p: P): boolean => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;

/** podutil.IsPodReady */
export function isPodReady(p: P): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** When the Ready condition turned True (simulated ms), undefined when not ready or unknown. */
export function readySince(p: P): number | undefined {
  const c = p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return c?.lastTransitionTime ? millisFromIso(c.lastTransitionTime) : undefined;
}

/** podutil.IsPodAvailable: ready, and for longer than minReadySeconds (strictly). */
export function isPodAvailable(p: P, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const since = readySince(p);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** helper.GetDeletionCostFromPodAnnotations: an int32, 0 when absent or malformed. */
function deletionCost(p: P): number {
  const v = p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** maxContainerRestarts: regular containers first, then restartable init containers (sidecars). */
function restarts(p: P): [number, number] {
  let regular = 0;
  let sidecar = 0;
  for (const c of p.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount);
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of p.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount);
  return [regular, sidecar];
}

/** logarithmicRankDiff: how many powers of two (of nanoseconds) apart two ages are. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** afterOrZero-then-log-rank comparison of two timestamps: the newer (in log buckets) first. */
function newerFirst(a: P, b: P, ta: number | undefined, tb: number | undefined, now: number): boolean | undefined {
  if (ta === tb) return undefined;
  if (ta === undefined || tb === undefined) return ta === undefined;
  const diff = logRankDiff(ta, tb, now);
  if (diff === 0) return a.metadata.uid < b.metadata.uid;
  return diff < 0;
}

/** ActivePodsWithRanks.Less: does `a` go before `b`? */
function less(a: P, b: P, rankA: number, rankB: number, now: number): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca < cb;
  if (rankA !== rankB) return rankA > rankB;
  if (ra && rb) {
    const r = newerFirst(a, b, readySince(a), readySince(b), now);
    if (r !== undefined) return r;
  }
  const [xa, sa] = restarts(a);
  const [xb, sb] = restarts(b);
  if (xa !== xb) return xa > xb;
  if (sa !== sb) return sa > sb;
  return newerFirst(a, b, millisFromIso(a.metadata.creationTimestamp), millisFromIso(b.metadata.creationTimestamp), now) ?? false;
}

/**
 * getPodsToDelete: the first `diff` of `pods` in deletion order. `related` are the active pods
 * of the ReplicaSet and its siblings (same Deployment), whose count per node is the rank.
 */
export function podsToDelete(pods: readonly P[], related: readonly P[], diff: number, now: number): P[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => (less(x.pod, y.pod, x.rank, y.rank, now) ? -1 : less(y.pod, x.pod, y.rank, x.rank, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
