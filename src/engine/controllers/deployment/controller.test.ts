import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../api/objects.ts';
import { getCondition } from './status.ts';
import { boundsWatch, editDeployment, getDeployment, isDone, replicaSets, revisionsOf, scaleDeployment, setImage, setupDeployment } from './testing.ts';

const SEED_STRATEGY = { minReadySeconds: 5, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } };

describe('Deployment controller', () => {
  describe('when a Deployment is created', () => {
    it('creates <name>-<hash> with the hash label, revision 1 and replicas annotations', () => {
      const c = setupDeployment();
      expect(c.runUntil(() => isDone(c), 120_000)).toBe(true);
      const [rs] = replicaSets(c);
      const hash = rs!.metadata.labels!['pod-template-hash']!;
      expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
      expect(rs!.metadata.name).toBe(`web-${hash}`);
      expect(rs!.spec!.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(rs!.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(rs!.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '5', 'deployment.kubernetes.io/max-replicas': '7' });
      const d = getDeployment(c);
      expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
      expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 5, updatedReplicas: 5, readyReplicas: 5, availableReplicas: 5 });
      expect(getCondition(d.status, 'Available')?.reason).toBe('MinimumReplicasAvailable');
      expect(getCondition(d.status, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.` });
      expect(d.status!.conditions!.map((x) => x.type)).toEqual(['Available', 'Progressing']);
    });
  });

  describe('when the image changes with maxSurge 1, maxUnavailable 0 and minReadySeconds 5', () => {
    it('never runs more than 6 pods nor fewer than 5 available, and ends on the new template', () => {
      const c = setupDeployment(SEED_STRATEGY, 'nigelpoulton/getting-started-k8s:1.0');
      c.runUntil(() => isDone(c), 120_000);
      const bounds = boundsWatch(c);
      bounds.armed = true;
      setImage(c, 'nigelpoulton/getting-started-k8s:2.0');
      const start = c.clock.now;
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      bounds.stop();
      expect(bounds.maxTotal).toBeLessThanOrEqual(6);
      expect(bounds.minAvailable).toBeGreaterThanOrEqual(5);
      // Five steps, each waiting for a new pod to be ready for 5 s.
      expect(c.clock.now - start).toBeGreaterThan(25_000);
      const rss = replicaSets(c);
      expect(rss.map((rs) => rs.spec!.replicas).sort()).toEqual([0, 5]);
      expect(revisionsOf(c)).toEqual([1, 2]);
    });

    it('writes the Deployment only when its status or revision changes (each write is a rollout status line)', () => {
      const c = setupDeployment(SEED_STRATEGY, 'nigelpoulton/getting-started-k8s:1.0');
      c.runUntil(() => isDone(c), 120_000);
      const unchanged: string[] = [];
      let writes = 0;
      const stop = c.api.store.watch('deployments', (e) => {
        if (e.type !== 'MODIFIED' || !e.old) return;
        writes++;
        const same = deepEqual(e.old.status, e.object.status) && deepEqual(e.old.metadata.annotations, e.object.metadata.annotations) && deepEqual(e.old.spec, e.object.spec);
        if (same) unchanged.push(`write at ${c.clock.now} ms changed nothing`);
      });
      setImage(c, 'nigelpoulton/getting-started-k8s:2.0');
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      c.advance(10_000);
      stop();
      expect(unchanged).toEqual([]);
      // As upstream: the revision + NewReplicaSetCreated write, the first status, then per new pod
      // its creation, readiness and availability and the old pod's removal.
      expect(writes).toBeGreaterThan(5 * 3);
    });
  });

  describe('with the Recreate strategy', () => {
    it('scales the old ReplicaSet to 0 and waits for its pods before starting new ones', () => {
      const c = setupDeployment({ strategy: { type: 'Recreate' } });
      c.runUntil(() => isDone(c), 120_000);
      let overlap = false;
      const stop = c.api.store.watch('replicasets', () => {
        const rss = replicaSets(c);
        if (rss.filter((rs) => (rs.status?.replicas ?? 0) > 0).length > 1) overlap = true;
      });
      setImage(c, 'nginx:1.26');
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      stop();
      expect(overlap).toBe(false);
      expect(replicaSets(c).map((rs) => rs.spec!.replicas).sort()).toEqual([0, 5]);
    });
  });

  describe('when rolled back to an earlier template', () => {
    it('reuses that ReplicaSet and renumbers it as the newest revision', () => {
      const c = setupDeployment();
      c.runUntil(() => isDone(c), 120_000);
      const first = replicaSets(c)[0]!.metadata.name;
      setImage(c, 'nginx:1.26');
      c.runUntil(() => isDone(c), 300_000);
      setImage(c, 'nginx:1.27');
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      expect(replicaSets(c)).toHaveLength(2);
      const back = replicaSets(c).find((rs) => rs.metadata.name === first)!;
      expect(back.spec!.replicas).toBe(5);
      expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
      expect(revisionsOf(c)).toEqual([2, 3]);
      expect(getDeployment(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    });
  });

  describe('with revisionHistoryLimit 2', () => {
    it('deletes the oldest ReplicaSets once a rollout completes', () => {
      const c = setupDeployment({ replicas: 2, revisionHistoryLimit: 2 });
      c.runUntil(() => isDone(c), 120_000);
      for (const tag of ['1.24', '1.25', '1.26', '1.27-alpine']) {
        setImage(c, `nginx:${tag}`);
        expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      }
      c.advance(5_000);
      expect(revisionsOf(c)).toEqual([3, 4, 5]);
    });
  });

  describe('when scaled in the middle of a rollout', () => {
    it('grows every active ReplicaSet in proportion (TestScale: 5 → 10 with 2 new / 3 old)', () => {
      const c = setupDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 2 } } }, 'nginx:1.27');
      c.runUntil(() => isDone(c), 120_000);
      editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, paused: true } }));
      c.advance(1_000);
      setImage(c, 'nigelpulton/getting-started-k8s:1.0');
      editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, paused: false } }));
      c.runUntil(() => replicaSets(c).length === 2, 10_000);
      c.advance(2_000);
      const sizes = (): number[] => replicaSets(c).map((rs) => rs.spec!.replicas!).sort((a, b) => a - b);
      expect(sizes()).toEqual([2, 3]);
      scaleDeployment(c, 10);
      c.advance(2_000);
      expect(sizes()).toEqual([4, 6]);
      expect(replicaSets(c).every((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'] === '10')).toBe(true);
    });
  });

  describe('when scaled down and given a new image before the controller has looked', () => {
    it('does not grow the old ReplicaSet back while its status still counts the removed pod', () => {
      // The scale-down is synced first (a scaling event), then the rolling pass sees the old
      // ReplicaSet at spec 1 with status.availableReplicas still 2 (FC_SEED=20260102).
      const c = setupDeployment({ replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }, 'nginx:1.27', 1);
      c.runUntil(() => isDone(c), 120_000);
      const old = replicaSets(c)[0]!.metadata.name;
      const oldSizes: number[] = [];
      const bounds = boundsWatch(c);
      const stop = c.api.store.watch('replicasets', (e) => {
        if (e.object.metadata.name === old) oldSizes.push((e.object.spec as { replicas?: number } | undefined)?.replicas ?? 0);
      });
      scaleDeployment(c, 1);
      setImage(c, 'nginx:1.24');
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      stop();
      bounds.stop();
      expect(bounds.maxTotal).toBeLessThanOrEqual(1);
      expect(oldSizes.every((n, i) => i === 0 || n <= oldSizes[i - 1]!)).toBe(true);
      expect(oldSizes.at(-1)).toBe(0);
    });
  });

  describe('while paused', () => {
    it('creates no new ReplicaSet for a template change until resumed', () => {
      const c = setupDeployment({ replicas: 2 });
      c.runUntil(() => isDone(c), 120_000);
      editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, paused: true } }));
      setImage(c, 'nginx:1.26');
      c.advance(30_000);
      expect(replicaSets(c)).toHaveLength(1);
      expect(getCondition(getDeployment(c).status, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
      editDeployment(c, (d) => ({ ...d, spec: { ...d.spec!, paused: false } }));
      expect(c.runUntil(() => isDone(c), 300_000)).toBe(true);
      expect(replicaSets(c)).toHaveLength(2);
    });
  });

  describe('when the new image cannot be pulled', () => {
    it('reports ProgressDeadlineExceeded after progressDeadlineSeconds and keeps the old pods', () => {
      const c = setupDeployment({ replicas: 3, progressDeadlineSeconds: 60 });
      c.runUntil(() => isDone(c), 120_000);
      setImage(c, 'nigelpulton/getting-started-k8s:1.0');
      c.advance(50_000);
      expect(getCondition(getDeployment(c).status, 'Progressing')?.reason).toBe('ReplicaSetUpdated');
      c.advance(30_000);
      const d = getDeployment(c);
      const rsName = replicaSets(c).find((rs) => rs.spec?.template?.spec?.containers[0]?.image?.startsWith('nigelpulton'))!.metadata.name;
      expect(getCondition(d.status, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` });
      expect(d.status!.availableReplicas).toBeGreaterThanOrEqual(2);
    });
  });

  describe('when only annotations change', () => {
    it('copies kubernetes.io/change-cause onto the new ReplicaSet', () => {
      const c = setupDeployment({ replicas: 1 });
      c.runUntil(() => isDone(c), 120_000);
      editDeployment(c, (d) => ({ ...d, metadata: { ...d.metadata, annotations: { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'first' } } }));
      c.advance(2_000);
      expect(replicaSets(c)[0]!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first');
      expect(isDone(c)).toBe(true);
    });
  });
});
