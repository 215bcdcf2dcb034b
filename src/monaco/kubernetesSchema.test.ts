import { describe, expect, it } from 'vitest';
import raw from '../engine/api/schema/definitions.json' with { type: 'json' };
import { buildKubernetesSchema, manifestKinds } from './kubernetesSchema.ts';
import type { JsonSchema } from './kubernetesSchema.ts';

const definitions = (raw as unknown as { definitions: Record<string, JsonSchema> }).definitions;
const schema = buildKubernetesSchema({ definitions });
const defs = schema.definitions!;

describe('the Kubernetes manifest schema', () => {
  it('lets IntOrString hold a number or a string and keeps the descriptions', () => {
    const ios = defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']!;
    expect(ios.type).toEqual(['string', 'integer']);
    expect(ios.format).toBeUndefined();
    expect(ios['x-description']).toMatch(/^IntOrString is a type that can hold an int32 or a string/);
    // hover on targetPort shows the port's own documentation, not IntOrString's
    const targetPort = defs['io.k8s.api.core.v1.ServicePort']!.properties!['targetPort']!;
    expect(targetPort.allOf).toEqual([{ $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }]);
    expect(targetPort.description).toMatch(/^Number or name of the port to access on the pods/);
  });

  it('lets a Quantity be written as a number (cpu: 1, cpu: 0.5)', () => {
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity']!.type).toEqual(['string', 'number']);
  });

  it('keeps a property description beside its reference by wrapping the reference in allOf', () => {
    const spec = defs['io.k8s.api.core.v1.Pod']!.properties!['spec']!;
    expect(spec.$ref).toBeUndefined();
    expect(spec.allOf).toEqual([{ $ref: '#/definitions/io.k8s.api.core.v1.PodSpec' }]);
    expect(spec.description).toMatch(/^Specification of the desired behavior of the pod/);
  });

  it("gives a reference without a description of its own the referenced type's description", () => {
    const items = defs['io.k8s.api.core.v1.PodSpec']!.properties!['containers']!.items!;
    expect(items.allOf).toEqual([{ $ref: '#/definitions/io.k8s.api.core.v1.Container' }]);
    expect(items.description).toMatch(/^A single application container/);
    expect(defs['io.k8s.api.core.v1.Container']!.description).toBeUndefined();
  });

  it('keeps plain property descriptions (containerPort) for hover docs', () => {
    const port = defs['io.k8s.api.core.v1.ContainerPort']!.properties!['containerPort']!;
    expect(port.description).toMatch(/port to expose on the pod's IP address/i);
    expect(port.type).toBe('integer');
  });

  it('rejects unknown fields as kubectl does', () => {
    expect(defs['io.k8s.api.core.v1.Container']!.additionalProperties).toBe(false);
    // maps such as labels still take any key
    const labels = defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']!.properties!['labels']!;
    expect(labels.additionalProperties).toEqual({ type: 'string' });
  });

  it('picks the definition by kind and pins each kind to its apiVersion', () => {
    const kinds = manifestKinds(definitions).map((k) => `${k.apiVersion} ${k.kind}`);
    for (const k of ['v1 Pod', 'apps/v1 Deployment', 'apps/v1 ReplicaSet', 'v1 Service', 'v1 ConfigMap', 'v1 Secret', 'v1 Namespace', 'autoscaling/v2 HorizontalPodAutoscaler', 'v1 Endpoints', 'discovery.k8s.io/v1 EndpointSlice']) {
      expect(kinds).toContain(k);
    }
    expect(kinds.some((k) => k.endsWith('List'))).toBe(false);
    const pod = schema.allOf!.find((s) => s.if?.properties?.['kind']?.const === 'Pod')!;
    expect(pod.then).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Pod' });
    expect(defs['io.k8s.api.apps.v1.Deployment']!.properties!['apiVersion']!.enum).toEqual(['apps/v1']);
    expect(schema.properties!['kind']!.enum).toContain('List');
  });
});
