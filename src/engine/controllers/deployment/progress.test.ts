import { describe, expect, it } from 'vitest';
import { rollingUpdateCases as cases } from './fixtures/rollingUpdateCases.ts';
import type { HistoryReplicaSet } from './history.ts';
import { REVISION_ANNOTATION, replicaSetsToDelete } from './history.ts';
import type { StatusCounts } from './progress.ts';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut } from './progress.ts';

interface CompleteCase { name: string; specReplicas: number; statusReplicas: number; updatedReplicas: number; availableReplicas: number; expectedComplete: boolean }
interface ProgressCase { name: string; oldStatus: StatusCounts; newStatus: StatusCounts; expectedProgressing: boolean }
interface TimeoutCase { name: string; progressDeadlineSeconds: number | null; conditionLastUpdate?: string; now?: string; conditionReason?: string; expectedTimedOut: boolean }
interface CleanupCase { oldRSs: { name: string; specReplicas: number; statusReplicas: number; deletionTimestamp?: string }[]; revisionHistoryLimit: number; expectedDeletions: number; note?: string }
interface OrderCase { oldRSs: { name: string; replicas: number; revision: string | null }[]; revisionHistoryLimit: number; expectedDeleted: string[] }

const millis = (hhmmss = '00:00:00') => hhmmss.split(':').reduce((t, part) => t * 60 + Number(part), 0) * 1000;
const created = (i: number) => `2026-01-01T09:00:0${i}Z`;

describe('a complete rollout', () => {
  it.each((cases.deploymentComplete.cases as CompleteCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const status = { replicas: c.statusReplicas, updatedReplicas: c.updatedReplicas, availableReplicas: c.availableReplicas };
    expect(deploymentComplete({ replicas: c.specReplicas }, status)).toBe(c.expectedComplete);
  });

  it('is not complete until the latest generation is observed', () => {
    const status = { replicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: 1 };
    expect(deploymentComplete({ replicas: 2, generation: 2 }, status)).toBe(false);
  });
});

describe('progress between two statuses', () => {
  it.each((cases.deploymentProgressing.cases as ProgressCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(deploymentProgressing(c.oldStatus, c.newStatus)).toBe(c.expectedProgressing);
  });
});

describe('the progress deadline', () => {
  it.each((cases.deploymentTimedOut.cases as TimeoutCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const condition = { reason: c.conditionReason ?? 'ReplicaSetUpdated', lastUpdateMillis: millis(c.conditionLastUpdate) };
    expect(deploymentTimedOut(c.progressDeadlineSeconds, condition, millis(c.now))).toBe(c.expectedTimedOut);
  });

  it('stays expired once ProgressDeadlineExceeded and never expires without a condition', () => {
    expect(deploymentTimedOut(600, { reason: 'ProgressDeadlineExceeded', lastUpdateMillis: 0 }, 0)).toBe(true);
    expect(deploymentTimedOut(600, undefined, 10_000_000)).toBe(false);
  });
});

describe('pruning old ReplicaSets beyond revisionHistoryLimit', () => {
  const name = (c: CleanupCase) =>
    `${c.oldRSs.length} old, limit ${c.revisionHistoryLimit}: ${c.expectedDeletions} deleted${c.note ? ` (${c.note})` : ''}`;
  it.each((cases.cleanupDeployment.cases as CleanupCase[]).map((c) => [name(c), c] as const))('%s', (_, c) => {
    const rss: HistoryReplicaSet[] = c.oldRSs.map((r, i) => ({
      name: r.name, creationTimestamp: created(i), replicas: r.specReplicas, statusReplicas: r.statusReplicas,
      ...(r.deletionTimestamp ? { deleting: true } : {}),
    }));
    expect(replicaSetsToDelete(rss, c.revisionHistoryLimit)).toHaveLength(c.expectedDeletions);
  });

  const orderName = (c: OrderCase) =>
    `revisions ${c.oldRSs.map((r) => `${r.name}=${r.revision ?? 'none'}${r.replicas ? ' (scaled up)' : ''}`).join(', ')} ` +
    `with limit ${c.revisionHistoryLimit} delete [${c.expectedDeleted.join(', ')}]`;
  it.each((cases.cleanupDeploymentOrder.cases as OrderCase[]).map((c) => [orderName(c), c] as const))('%s', (_, c) => {
    const rss: HistoryReplicaSet[] = c.oldRSs.map((r, i) => ({
      name: r.name, creationTimestamp: created(i), replicas: r.replicas, statusReplicas: r.replicas,
      ...(r.revision === null ? {} : { annotations: { [REVISION_ANNOTATION]: r.revision } }),
    }));
    expect(replicaSetsToDelete(rss, c.revisionHistoryLimit)).toEqual(c.expectedDeleted);
  });
});
