import { describe, expect, it } from 'vitest';
import { decodeStrict, formatFieldPath } from './decode.ts';

// Every expected message below was checked against kubectl 1.32's typed decoder (the same
// sigs.k8s.io/json + encoding/json code kube-apiserver 1.32 runs) or kube-apiserver's handler.

const POD = 'io.k8s.api.core.v1.Pod';
const SERVICE = 'io.k8s.api.core.v1.Service';
const DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';
const SECRET = 'io.k8s.api.core.v1.Secret';

/** The seed notes' first manifest. */
const helloPod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'hello-pod', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web-ctr', image: 'nigelpulton/getting-started-k8s:1.0', ports: [{ containerPort: 8080 }] }] },
});

const podWith = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x' },
  spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...spec },
});

const POD_PREFIX = 'Pod in version "v1" cannot be handled as a Pod: ';

describe('decodeStrict', () => {
  it('accepts the hello-pod manifest', () => {
    expect(decodeStrict(helloPod(), POD)).toBeUndefined();
  });

  it('reports an unknown field with its full path', () => {
    const problem = decodeStrict({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'nginx', commad: ['x'] }] } }, POD);
    expect(problem).toEqual({
      kind: 'unknown-fields',
      message: `${POD_PREFIX}strict decoding error: unknown field "spec.containers[0].commad"`,
      decodeError: 'strict decoding error: unknown field "spec.containers[0].commad"',
      path: 'spec.containers[0].commad',
      segments: ['spec', 'containers', 0, 'commad'],
      fields: [{ path: 'spec.containers[0].commad', segments: ['spec', 'containers', 0, 'commad'] }],
    });
  });

  it('lists every unknown field in the order of the JSON kubectl sends (keys sorted)', () => {
    const manifest = { spec: { foo: 1, containers: [{ name: 'c', zzz: 1, commad: ['x'] }] }, metadata: { name: 'x', bogus: true }, kind: 'Pod', apiVersion: 'v1', extra: 1 };
    expect(decodeStrict(manifest, POD)?.message).toBe(
      `${POD_PREFIX}strict decoding error: unknown field "extra", unknown field "metadata.bogus", unknown field "spec.containers[0].commad", unknown field "spec.containers[0].zzz", unknown field "spec.foo"`,
    );
  });

  it('reports a string containerPort as Go encoding/json does', () => {
    const problem = decodeStrict(podWith({ ports: [{ containerPort: 'abc' }] }), POD);
    expect(problem).toMatchObject({
      kind: 'type',
      message: `${POD_PREFIX}json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`,
      path: 'spec.containers[0].ports[0].containerPort',
      segments: ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
    });
  });

  it('names Go types: slices, maps, structs and named string types', () => {
    const errorOf = (m: Record<string, unknown>, def = POD) => decodeStrict(m, def)?.decodeError;
    expect(errorOf({ apiVersion: 'v1', kind: 'Pod', spec: { containers: {} } })).toBe('json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container');
    expect(errorOf({ apiVersion: 'v1', kind: 'Pod', spec: 'x' })).toBe('json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec');
    expect(errorOf({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 5 } } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(errorOf({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: ['a'] } })).toBe('json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string');
    expect(errorOf(podWith({ ports: [{ containerPort: 80, protocol: 5 }] }))).toBe('json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol');
    expect(errorOf(podWith({ resources: { limits: 'x' } }))).toBe('json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList');
    expect(errorOf(podWith({ args: [1] }))).toBe('json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string');
    expect(errorOf(podWith({ ports: [{ containerPort: 80.5 }] }))).toBe('json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(errorOf(podWith({ ports: [{ containerPort: 99999999999 }] }))).toBe('json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
    expect(errorOf({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [], hostNetwork: 'yes' } })).toBe('json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool');
  });

  it('accepts ints and strings for IntOrString, numbers and strings for Quantity', () => {
    const service = (port: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [port] } });
    expect(decodeStrict(service({ port: 8080 }), SERVICE)).toBeUndefined();
    expect(decodeStrict(service({ port: 80, targetPort: 8080 }), SERVICE)).toBeUndefined();
    expect(decodeStrict(service({ port: 80, targetPort: 'http' }), SERVICE)).toBeUndefined();
    for (const resources of [{ limits: { cpu: 1 } }, { limits: { cpu: '250m' } }, { requests: { memory: '64Mi', cpu: 0.5 } }]) {
      expect(decodeStrict(podWith({ resources }), POD)).toBeUndefined();
    }
  });

  it('rejects an IntOrString that is neither, with the context Go adds', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: true }] } };
    expect(decodeStrict(service, SERVICE)?.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
  });

  it('rejects an unparseable quantity with ParseQuantity\'s message', () => {
    expect(decodeStrict(podWith({ resources: { limits: { memory: '64MB' } } }), POD)).toMatchObject({
      kind: 'type',
      message: `${POD_PREFIX}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      path: 'spec.containers[0].resources.limits.memory',
    });
    expect(decodeStrict(podWith({ resources: { limits: { cpu: '1K' } } }), POD)?.decodeError).toBe("unable to parse quantity's suffix");
  });

  it('stops at a custom unmarshaler\'s error even after an earlier wrong type', () => {
    const manifest = podWith({ ports: [{ containerPort: 'a' }], resources: { limits: { cpu: 'x' } } });
    expect(decodeStrict(manifest, POD)?.decodeError).toMatch(/^quantities must match/);
  });

  it('reports the first wrong type before any unknown field', () => {
    const manifest = podWith({ commad: ['x'], image: 6, name: 5 });
    expect(decodeStrict(manifest, POD)?.decodeError).toBe('json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string');
  });

  it('checks Secret data as base64 and timestamps as RFC 3339', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { ok: 'YWJj', bad: 'abc!' } };
    expect(decodeStrict(secret, SECRET)?.message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
    expect(decodeStrict({ ...secret, data: { a: 5 } }, SECRET)?.decodeError).toBe('json: cannot unmarshal number into Go struct field Secret.data of type []uint8');
    const stamped = (t: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', creationTimestamp: t } });
    expect(decodeStrict(stamped('2024-01-01T09:00:00Z'), POD)).toBeUndefined();
    expect(decodeStrict(stamped('abc'), POD)?.decodeError).toBe('parsing time "abc" as "2006-01-02T15:04:05Z07:00": cannot parse "abc" as "2006"');
    expect(decodeStrict(stamped('2024-13-01T00:00:00Z'), POD)?.decodeError).toBe('parsing time "2024-13-01T00:00:00Z": month out of range');
    expect(decodeStrict(stamped(5), POD)?.decodeError).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string');
  });

  it('treats null as absent anywhere', () => {
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', creationTimestamp: null, labels: null }, spec: { containers: [{ name: 'c', image: null, resources: { limits: { cpu: null } }, ports: null }] } };
    expect(decodeStrict(manifest, POD)).toBeUndefined();
  });

  it('names the group kind\'s version without the group', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: '3', selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [] } }, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } },
    };
    expect(decodeStrict(deployment, DEPLOYMENT)?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('does not know fields added after Kubernetes 1.32', () => {
    expect(decodeStrict(podWith({}, { hostnameOverride: 'h' }), POD)?.message).toBe(`${POD_PREFIX}strict decoding error: unknown field "spec.hostnameOverride"`);
  });

  it('formats paths with indices and dots', () => {
    expect(formatFieldPath(['spec', 'containers', 0, 'ports', 1, 'name'])).toBe('spec.containers[0].ports[1].name');
    expect(formatFieldPath(['extra'])).toBe('extra');
  });

  it('decodes 10,000 small pods quickly', () => {
    const pods = Array.from({ length: 10_000 }, helloPod);
    const start = process.hrtime.bigint();
    for (const pod of pods) decodeStrict(pod, POD);
    const perPodMs = Number(process.hrtime.bigint() - start) / 1e6 / pods.length;
    expect(perPodMs).toBeLessThan(0.05);
  });
});
