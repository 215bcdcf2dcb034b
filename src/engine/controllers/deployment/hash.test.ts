import { describe, expect, it } from 'vitest';
import { computeHash, dumpPodTemplate, fnv32a, replicaSetName, safeEncodeString } from './hash.ts';

// Server-defaulted templates as a v1.32 API server stores them.
const withDefaults = (c: Record<string, unknown>) =>
  ({ resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...c });
const template = (labels: Record<string, string>, containers: Record<string, unknown>[]) => ({
  metadata: { creationTimestamp: null, labels },
  spec: {
    containers: containers.map(withDefaults), restartPolicy: 'Always', terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler',
  },
});
const nginx = template({ app: 'nginx' }, [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always' }]);

describe('pod-template-hash', () => {
  // Expected values are ReplicaSet/pod names seen in public transcripts of these exact
  // commands run against recent clusters (kind, minikube, AKS, k3s).
  it.each([
    ['kubectl create deployment nginx --image=nginx', nginx, '5869d7778c'],
    ['kubectl create deployment nginx --image=nginx --port=80',
      template({ app: 'nginx' }, [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'TCP' }] }]),
      '86c57bc6b8'],
    ['minikube hello-node (agnhost with a command)',
      template({ app: 'hello-node' }, [{
        name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
        command: ['/agnhost', 'netexec', '--http-port=8080'], imagePullPolicy: 'IfNotPresent',
      }]),
      'c74958b5d'],
    ['kubectl create deployment web --image=gcr.io/google-samples/hello-app:1.0',
      template({ app: 'web' }, [{ name: 'hello-app', image: 'gcr.io/google-samples/hello-app:1.0', imagePullPolicy: 'IfNotPresent' }]),
      '75995f7dbf'],
  ])('matches a real cluster for %s', (_, t, hash) => {
    expect(computeHash(t)).toBe(hash);
  });

  it('ignores key order and treats empty lists and maps like absent ones, as protobuf decoding does', () => {
    const reordered = { spec: { ...nginx.spec, volumes: [], nodeSelector: {} }, metadata: { labels: { app: 'nginx' } } };
    expect(computeHash(reordered)).toBe('5869d7778c');
  });

  it('changes with the template and with status.collisionCount', () => {
    const other = template({ app: 'nginx' }, [{ name: 'nginx', image: 'nginx:1.16.1', imagePullPolicy: 'IfNotPresent' }]);
    expect(computeHash(other)).not.toBe('5869d7778c');
    expect(computeHash(nginx, 1)).not.toBe(computeHash(nginx));
    expect(computeHash(nginx, 1)).toBe(computeHash(nginx, 1));
  });

  it('only ever uses the digits the safe alphabet maps 0-9 to', () => {
    expect(computeHash(nginx, 7)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('prints Go values the way go-spew does for %#v', () => {
    const dump = dumpPodTemplate(nginx);
    expect(dump.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) GenerateName:(string) ')).toBe(true);
    expect(dump).toContain('Labels:(map[string]string)map[app:nginx] Annotations:(map[string]string)<nil>');
    expect(dump).toContain('TerminationGracePeriodSeconds:(*int64)30 ActiveDeadlineSeconds:(*int64)<nil>');
  });

  it('prints resource quantities as a decoded resource.Quantity', () => {
    const t = template({ app: 'x' }, [{ name: 'x', image: 'x', resources: { limits: { cpu: '100m', memory: '128Mi' } } }]);
    expect(dumpPodTemplate(t)).toContain(
      'Limits:(v1.ResourceList)map[cpu:{i:(resource.int64Amount){value:(int64)100 scale:(resource.Scale)-3} ' +
        'd:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)100m Format:(resource.Format)DecimalSI} ' +
        'memory:{i:(resource.int64Amount){value:(int64)134217728 scale:(resource.Scale)0} ' +
        'd:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string) Format:(resource.Format)BinarySI}]',
    );
  });
});

describe('the building blocks', () => {
  it('computes FNV-32a', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a([...'a'].map((c) => c.charCodeAt(0)))).toBe(0xe40c292c);
    expect(fnv32a([...'foobar'].map((c) => c.charCodeAt(0)))).toBe(0xbf9cf968);
  });

  it('maps bytes onto an alphabet without vowels or 0, 1, 3', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('abc')).toBe('vwx');
  });

  it('names the ReplicaSet after the Deployment and the hash', () => {
    expect(replicaSetName('nginx', computeHash(nginx))).toBe('nginx-5869d7778c');
  });
});
