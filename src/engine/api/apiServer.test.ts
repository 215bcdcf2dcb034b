import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster.ts';
import type { KubeObject, Manifest } from './objects.ts';
import { clone } from './objects.ts';
import { typeForKind } from './resources.ts';

const PODS = typeForKind('Pod')!;
const NODES = typeForKind('Node')!;
const DEPLOYMENTS = typeForKind('Deployment')!;
const KUBECTL = { actor: 'kubectl' } as const;
const SUFFIX_ALPHABET = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function podManifest(name: string, extra: Record<string, unknown> = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...extra }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
}

function deploymentManifest(replicas: number, metadata: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, ...metadata },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
}

/** Creates and returns the stored object, failing the test loudly if the server refused. */
function mustCreate(cluster: ReturnType<typeof createCluster>, manifest: Manifest, namespace?: string): KubeObject {
  const r = cluster.api.create(manifest, namespace, KUBECTL);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the API server', () => {
  describe('on create', () => {
    it('versions the object: a uid, a fresh resourceVersion and the simulated time', () => {
      const cluster = createCluster({ seed: 1, uptimeMs: 42_000 });
      const before = cluster.api.store.revision;
      const pod = mustCreate(cluster, podManifest('web'));
      expect(pod.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number(pod.metadata.resourceVersion)).toBeGreaterThan(before);
      expect(pod.metadata.creationTimestamp).toBe('2026-01-01T09:00:42Z');
      expect(cluster.api.get(PODS, 'default', 'web')).toBe(pod);
    });

    it('gives each write a larger resourceVersion than the last', () => {
      const cluster = createCluster({ seed: 1 });
      const versions = ['a', 'b', 'c'].map((n) => Number(mustCreate(cluster, podManifest(n)).metadata.resourceVersion));
      expect(versions[1]).toBeGreaterThan(versions[0]!);
      expect(versions[2]).toBeGreaterThan(versions[1]!);
    });

    it('names a generateName object <prefix><5 characters> from the seeded generator', () => {
      const namesFor = (seed: number): string[] => {
        const cluster = createCluster({ seed });
        return [1, 2, 3].map(() => mustCreate(cluster, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }).metadata.name);
      };
      const names = namesFor(7);
      for (const n of names) {
        expect(n.startsWith('web-')).toBe(true);
        expect(n.slice(4)).toMatch(SUFFIX_ALPHABET);
      }
      expect(new Set(names).size).toBe(3);
      expect(namesFor(7)).toEqual(names);
      expect(namesFor(8)).not.toEqual(names);
    });

    it('keeps an explicit name even when generateName is also given', () => {
      const cluster = createCluster({ seed: 1 });
      expect(mustCreate(cluster, podManifest('exact', { generateName: 'web-' })).metadata.name).toBe('exact');
    });

    it('puts namespaced objects in `default` unless told otherwise, and cluster-scoped ones in none', () => {
      const cluster = createCluster({ seed: 1 });
      expect(mustCreate(cluster, podManifest('a')).metadata.namespace).toBe('default');
      expect(mustCreate(cluster, podManifest('b'), 'kube-system').metadata.namespace).toBe('kube-system');
      expect(mustCreate(cluster, podManifest('c', { namespace: 'kube-public' })).metadata.namespace).toBe('kube-public');
      const ns = mustCreate(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', namespace: 'default' } });
      expect(ns.metadata.namespace).toBeUndefined();
    });

    it('refuses an object whose namespace does not exist', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create(podManifest('web'), 'foo', KUBECTL);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toMatchObject({ reason: 'NotFound', code: 404, message: 'namespaces "foo" not found' });
      expect(cluster.api.store.count('pods')).toBe(0);
    });

    it('refuses a namespace in the manifest that contradicts the one asked for', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create(podManifest('web', { namespace: 'kube-system' }), 'default', KUBECTL);
      expect(!r.ok && r.error).toMatchObject({
        reason: 'BadRequest',
        message: `the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.`,
      });
    });

    it('refuses a second object with the same name', () => {
      const cluster = createCluster({ seed: 1 });
      mustCreate(cluster, podManifest('web'));
      const r = cluster.api.create(podManifest('web'), 'default', KUBECTL);
      expect(!r.ok && r.error).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'pods "web" already exists' });
    });

    it("rejects a bad name with kube-apiserver's message", () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create(podManifest('Hello_World'), 'default', KUBECTL);
      expect(!r.ok && r.error).toMatchObject({
        reason: 'Invalid',
        code: 422,
        message:
          `Pod "Hello_World" is invalid: metadata.name: Invalid value: "Hello_World": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', ` +
          `and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      });
    });

    it('holds Services to the stricter DNS-1035 label rule', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }, 'default', KUBECTL);
      expect(!r.ok && r.error.message).toBe(
        `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, ` +
          `and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      );
    });

    it('requires a name or generateName', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'web', image: 'nginx' }] } }, 'default', KUBECTL);
      expect(!r.ok && r.error.message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
    });

    it('stores nothing on a dry run', () => {
      const cluster = createCluster({ seed: 1 });
      const revision = cluster.api.store.revision;
      const r = cluster.api.create(podManifest('web'), 'default', { ...KUBECTL, dryRun: true });
      expect(r.ok && r.value.metadata.name).toBe('web');
      expect(cluster.api.get(PODS, 'default', 'web')).toBeUndefined();
      expect(cluster.api.store.revision).toBe(revision);
    });
  });

  describe('metadata.generation of a Deployment', () => {
    it('starts at 1 and grows only when the spec changes', () => {
      const cluster = createCluster({ seed: 1 });
      const created = mustCreate(cluster, deploymentManifest(1));
      expect(created.metadata.generation).toBe(1);
      const relabelled = cluster.api.update(deploymentManifest(1, { labels: { app: 'web', tier: 'front' } }), 'default', KUBECTL);
      expect(relabelled.ok && relabelled.value.metadata.generation).toBe(1);
      const scaled = cluster.api.update(deploymentManifest(3, { labels: { app: 'web', tier: 'front' } }), 'default', KUBECTL);
      expect(scaled.ok && scaled.value.metadata.generation).toBe(2);
      const again = cluster.api.update(deploymentManifest(5, { labels: { app: 'web', tier: 'front' } }), 'default', KUBECTL);
      expect(again.ok && again.value.metadata.generation).toBe(3);
    });

    it('leaves an identical update unwritten', () => {
      const cluster = createCluster({ seed: 1 });
      const created = mustCreate(cluster, deploymentManifest(2));
      const r = cluster.api.update(deploymentManifest(2), 'default', KUBECTL);
      expect(r.ok && r.value).toBe(created);
    });

    // deploymentStrategy.PrepareForUpdate also bumps generation when annotations change
    // ("annotations are copied from deployments to their replica sets").
    it('grows when only the annotations change, as deploymentStrategy does', () => {
      const cluster = createCluster({ seed: 1 });
      mustCreate(cluster, deploymentManifest(1));
      const r = cluster.api.update(deploymentManifest(1, { annotations: { note: 'x' } }), 'default', KUBECTL);
      expect(r.ok && r.value.metadata.generation).toBe(2);
    });

    it('is not kept for Pods', () => {
      const cluster = createCluster({ seed: 1 });
      expect(mustCreate(cluster, podManifest('web')).metadata.generation).toBeUndefined();
    });
  });

  describe('on update', () => {
    const livePod = (cluster: ReturnType<typeof createCluster>): KubeObject => {
      mustCreate(cluster, podManifest('web'));
      return clone(cluster.api.get(PODS, 'default', 'web')!);
    };

    it('lets a pod change its image', () => {
      const cluster = createCluster({ seed: 1 });
      const live = livePod(cluster);
      (live as unknown as Pod).spec!.containers[0]!.image = 'nginx:1.28';
      const r = cluster.api.update(live, 'default', KUBECTL);
      expect(r.ok).toBe(true);
      const stored = cluster.api.get(PODS, 'default', 'web') as unknown as Pod;
      expect(stored.spec?.containers[0]?.image).toBe('nginx:1.28');
      expect(Number(stored.metadata?.resourceVersion)).toBeGreaterThan(Number(live.metadata.resourceVersion));
      expect(stored.metadata?.uid).toBe(live.metadata.uid);
    });

    it('forbids other changes to a pod spec, such as a container name', () => {
      const cluster = createCluster({ seed: 1 });
      const live = livePod(cluster);
      (live as unknown as Pod).spec!.containers[0]!.name = 'renamed';
      const r = cluster.api.update(live, 'default', KUBECTL);
      expect(!r.ok && r.error.reason).toBe('Invalid');
      if (r.ok) return;
      expect(r.error.message.startsWith('Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,')).toBe(true);
      expect(r.error.causes?.[0]?.field).toBe('spec');
      expect((cluster.api.get(PODS, 'default', 'web') as unknown as Pod).spec?.containers[0]?.name).toBe('web');
    });

    it('keeps status, uid and creationTimestamp from the stored object', () => {
      const cluster = createCluster({ seed: 1 });
      const live = livePod(cluster);
      const sent = { ...clone(live), metadata: { ...live.metadata, uid: 'forged', creationTimestamp: '2000-01-01T00:00:00Z' }, status: { phase: 'Succeeded' } };
      (sent as unknown as Pod).spec!.containers[0]!.image = 'nginx:1.28';
      const r = cluster.api.update(sent, 'default', KUBECTL);
      expect(r.ok && r.value.metadata.uid).toBe(live.metadata.uid);
      expect(r.ok && r.value.metadata.creationTimestamp).toBe(live.metadata.creationTimestamp);
      expect(r.ok && (r.value['status'] as { phase: string }).phase).toBe('Pending');
    });

    it('refuses a write based on a stale resourceVersion', () => {
      const cluster = createCluster({ seed: 1 });
      const live = livePod(cluster);
      const staleVersion = live.metadata.resourceVersion;
      (live as unknown as Pod).spec!.containers[0]!.image = 'nginx:1.28';
      expect(cluster.api.update(clone(live), 'default', { ...KUBECTL, resourceVersion: staleVersion }).ok).toBe(true);
      (live as unknown as Pod).spec!.containers[0]!.image = 'nginx:1.29';
      const r = cluster.api.update(live, 'default', { ...KUBECTL, resourceVersion: staleVersion });
      expect(!r.ok && r.error).toMatchObject({
        reason: 'Conflict',
        code: 409,
        message: 'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
      });
    });

    it('refuses to update what does not exist', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.update(podManifest('ghost'), 'default', KUBECTL);
      expect(!r.ok && r.error).toMatchObject({ reason: 'NotFound', message: 'pods "ghost" not found' });
    });

    it('stores nothing on a dry run', () => {
      const cluster = createCluster({ seed: 1 });
      const live = livePod(cluster);
      (live as unknown as Pod).spec!.containers[0]!.image = 'nginx:1.28';
      const r = cluster.api.update(live, 'default', { ...KUBECTL, dryRun: true });
      expect(r.ok && (r.value as unknown as Pod).spec?.containers[0]?.image).toBe('nginx:1.28');
      expect((cluster.api.get(PODS, 'default', 'web') as unknown as Pod).spec?.containers[0]?.image).toBe('nginx:1.27');
    });
  });

  // Once known differences from kube-apiserver 1.32 (kept as `it.fails` until fixed).
  describe('in the finer points of kube-apiserver 1.32', () => {
    it('checks the namespace (NamespaceLifecycle admission) before validating the name', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create(podManifest('Hello_World'), 'foo', KUBECTL);
      expect(!r.ok && r.error.message).toBe('namespaces "foo" not found');
    });

    it('treats a stale metadata.resourceVersion in the body as a precondition', () => {
      const cluster = createCluster({ seed: 1 });
      mustCreate(cluster, podManifest('web'));
      const live = clone(cluster.api.get(PODS, 'default', 'web')!);
      live.metadata.resourceVersion = '1';
      const r = cluster.api.update(live, 'default', KUBECTL);
      expect(!r.ok && r.error.reason).toBe('Conflict');
    });

    it('cuts a generateName prefix to 58 characters (SimpleNameGenerator)', () => {
      const cluster = createCluster({ seed: 1 });
      const pod = mustCreate(cluster, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: `${'a'.repeat(60)}-` }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
      expect(pod.metadata.name).toHaveLength(63);
    });

    it('fills uid and creationTimestamp on a dry-run create, as BeforeCreate does', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.create(podManifest('web'), 'default', { ...KUBECTL, dryRun: true });
      expect(r.ok && r.value.metadata.creationTimestamp).toBe(cluster.clock.iso());
    });

    it('gives a dry-run create its uid without drawing on the cluster\'s random stream', () => {
      // A ConfigMap: nothing else in its create draws randomness (a pod's service account volume does).
      const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } };
      const plain = createCluster({ seed: 1 });
      const tried = createCluster({ seed: 1 });
      const dry = tried.api.create(configMap, 'default', { ...KUBECTL, dryRun: true });
      const real = mustCreate(tried, configMap);
      expect(real.metadata.uid).toBe(mustCreate(plain, configMap).metadata.uid);
      expect(dry.ok && dry.value.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(dry.ok && dry.value.metadata.uid).not.toBe(real.metadata.uid);
    });
  });

  describe('on delete', () => {
    it('answers NotFound for an object that is not there', () => {
      const cluster = createCluster({ seed: 1 });
      const r = cluster.api.delete(PODS, 'default', 'nope', KUBECTL);
      expect(!r.ok && r.error).toMatchObject({ reason: 'NotFound', code: 404, message: 'pods "nope" not found' });
      const n = cluster.api.delete(NODES, undefined, 'kubelab-worker9', KUBECTL);
      expect(!n.ok && n.error.message).toBe('nodes "kubelab-worker9" not found');
    });

    it('removes an object with no graceful termination at once', () => {
      const cluster = createCluster({ seed: 1 });
      mustCreate(cluster, deploymentManifest(1));
      expect(cluster.api.delete(DEPLOYMENTS, 'default', 'web', KUBECTL).ok).toBe(true);
      expect(cluster.api.get(DEPLOYMENTS, 'default', 'web')).toBeUndefined();
    });

    it('keeps the object on a dry run', () => {
      const cluster = createCluster({ seed: 1 });
      mustCreate(cluster, deploymentManifest(1));
      expect(cluster.api.delete(DEPLOYMENTS, 'default', 'web', { ...KUBECTL, dryRun: true }).ok).toBe(true);
      expect(cluster.api.get(DEPLOYMENTS, 'default', 'web')).toBeDefined();
    });
  });
});
