// The Kubernetes OpenAPI definitions the API server serves, loaded once from definitions.json
// (a subset of kubernetes/kubernetes api/openapi-spec/swagger.json, see SOURCE.md). The data
// is 1.36's; the fields added after 1.32 are listed here so the lab's 1.32 server does not
// know them, exactly as a real 1.32 apiserver would not.

import rawDefinitions from './definitions.json' with { type: 'json' };

/** One Swagger 2.0 schema, as far as the Kubernetes definitions use it. */
export interface SchemaObject {
  readonly description?: string;
  readonly type?: string;
  readonly format?: string;
  readonly $ref?: string;
  readonly items?: SchemaObject;
  readonly additionalProperties?: SchemaObject | boolean;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly 'x-kubernetes-group-version-kind'?: readonly GroupVersionKind[];
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export const definitions: Readonly<Record<string, SchemaObject>> = (rawDefinitions as unknown as { definitions: Record<string, SchemaObject> }).definitions;

export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
export const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';
export const FIELDS_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1';

/** `#/definitions/io.k8s.api.core.v1.PodSpec` → `io.k8s.api.core.v1.PodSpec` */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** `io.k8s.api.core.v1.ContainerPort` → `core.v1.ContainerPort`, the key of the lab's tables. */
export function shortDefinitionName(definition: string): string {
  return definition.replace(/^io\.k8s\.(api|apimachinery\.pkg\.apis|apimachinery\.pkg)\./, '');
}

/**
 * Fields in the 1.36 definitions that kube-apiserver 1.32 does not have (a 1.32 server
 * rejects them as unknown fields and `kubectl explain` does not list them). Found by decoding
 * a manifest with each field through kubectl 1.32's typed decoder.
 */
export const FIELDS_NEWER_THAN_1_32: ReadonlySet<string> = new Set([
  'apps.v1.DeploymentStatus.terminatingReplicas',
  'apps.v1.ReplicaSetStatus.terminatingReplicas',
  'autoscaling.v2.HPAScalingRules.tolerance',
  'core.v1.Container.restartPolicyRules',
  'core.v1.ContainerStatus.stopSignal',
  'core.v1.EnvVarSource.fileKeyRef',
  'core.v1.EphemeralContainer.restartPolicyRules',
  'core.v1.Lifecycle.stopSignal',
  'core.v1.NodeStatus.declaredFeatures',
  'core.v1.NodeSystemInfo.swap',
  'core.v1.PodCondition.observedGeneration',
  'core.v1.PodSpec.hostnameOverride',
  'core.v1.PodSpec.schedulingGroup',
  'core.v1.PodStatus.allocatedResources',
  'core.v1.PodStatus.extendedResourceClaimStatus',
  'core.v1.PodStatus.nodeAllocatableResourceClaimStatuses',
  'core.v1.PodStatus.observedGeneration',
  'core.v1.PodStatus.resources',
  'core.v1.ResourceHealth.message',
  'core.v1.VolumeMountStatus.volumeStatus',
  'core.v1.VolumeProjection.podCertificate',
  'discovery.v1.EndpointHints.forNodes',
]);

const propertyCache = new Map<string, ReadonlyArray<readonly [string, SchemaObject]>>();

/** The properties of a definition that the 1.32 API server knows, in the file's order. */
export function servedProperties(definition: string): ReadonlyArray<readonly [string, SchemaObject]> {
  let props = propertyCache.get(definition);
  if (!props) {
    const short = shortDefinitionName(definition);
    props = Object.entries(definitions[definition]?.properties ?? {}).filter(([name]) => !FIELDS_NEWER_THAN_1_32.has(`${short}.${name}`));
    propertyCache.set(definition, props);
  }
  return props;
}

/** The group, version and kind a top-level definition is served as. */
export function groupVersionKindOf(definition: string): GroupVersionKind | undefined {
  return definitions[definition]?.['x-kubernetes-group-version-kind']?.[0];
}

/** The definition of a kind, e.g. (`apps/v1`, `Deployment`) → `io.k8s.api.apps.v1.Deployment`. */
export function definitionFor(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  for (const [name, def] of Object.entries(definitions)) {
    const gvk = def['x-kubernetes-group-version-kind']?.[0];
    if (gvk && gvk.group === group && gvk.version === version && gvk.kind === kind) return name;
  }
  return undefined;
}
