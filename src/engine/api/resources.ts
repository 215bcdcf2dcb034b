// The API server's discovery table: which kinds exist, their plural resource names, groups,
// short names and scope, as `kubectl api-resources` lists them. Kinds with a schema in
// schema/definitions.json are validated field by field; `simulated` says which kinds have
// behaviour in the lab (the rest are stored and listed, nothing acts on them yet).

export interface ResourceType {
  readonly kind: string;
  /** plural, lower case: `pods`, `deployments` */
  readonly resource: string;
  readonly singular: string;
  /** '' for the core group */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** OpenAPI definition name, when the lab carries its schema */
  readonly definition?: string;
  /** which controller or component gives it behaviour; undefined = stored only */
  readonly simulatedBy?: string;
  readonly categories?: readonly string[];
}

const core = (
  kind: string,
  resource: string,
  namespaced: boolean,
  shortNames: string[],
  simulatedBy?: string,
  categories?: string[],
): ResourceType => ({
  kind,
  resource,
  singular: kind.toLowerCase(),
  group: '',
  version: 'v1',
  namespaced,
  shortNames,
  definition: `io.k8s.api.core.v1.${kind}`,
  ...(simulatedBy ? { simulatedBy } : {}),
  ...(categories ? { categories } : {}),
});

const grouped = (
  group: string,
  version: string,
  kind: string,
  resource: string,
  shortNames: string[],
  definition?: string,
  categories?: string[],
): ResourceType => ({
  kind,
  resource,
  singular: kind.toLowerCase(),
  group,
  version,
  namespaced: true,
  shortNames,
  ...(definition ? { definition } : {}),
  ...(categories ? { categories } : {}),
});

const ALL = ['all'];

/** In the order `kubectl api-resources` prints them (core group first, then by group). */
export const resourceTypes: readonly ResourceType[] = [
  core('ConfigMap', 'configmaps', true, ['cm'], 'kubelet (configMap volumes)'),
  core('Endpoints', 'endpoints', true, ['ep'], 'endpoint-controller'),
  core('Event', 'events', true, ['ev'], 'every component'),
  core('Namespace', 'namespaces', false, ['ns'], 'api-server'),
  core('Node', 'nodes', false, ['no'], 'kubelet'),
  { ...core('PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']) },
  { ...core('Pod', 'pods', true, ['po'], 'scheduler and kubelet', ALL) },
  { kind: 'ReplicationController', resource: 'replicationcontrollers', singular: 'replicationcontroller', group: '', version: 'v1', namespaced: true, shortNames: ['rc'], categories: ALL },
  core('Secret', 'secrets', true, [], 'kubelet (secret volumes, image pull secrets)'),
  { kind: 'ServiceAccount', resource: 'serviceaccounts', singular: 'serviceaccount', group: '', version: 'v1', namespaced: true, shortNames: ['sa'] },
  core('Service', 'services', true, ['svc'], 'api-server (ClusterIPs, node ports) and the endpoint controllers', ALL),
  grouped('apps', 'v1', 'DaemonSet', 'daemonsets', ['ds'], 'io.k8s.api.apps.v1.DaemonSet', ALL),
  { ...grouped('apps', 'v1', 'Deployment', 'deployments', ['deploy'], 'io.k8s.api.apps.v1.Deployment', ALL), simulatedBy: 'deployment-controller' },
  { ...grouped('apps', 'v1', 'ReplicaSet', 'replicasets', ['rs'], 'io.k8s.api.apps.v1.ReplicaSet', ALL), simulatedBy: 'replicaset-controller' },
  grouped('apps', 'v1', 'StatefulSet', 'statefulsets', ['sts'], 'io.k8s.api.apps.v1.StatefulSet', ALL),
  { ...grouped('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa'], 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler', ALL), simulatedBy: 'horizontal-pod-autoscaler (CPU utilization)' },
  grouped('batch', 'v1', 'CronJob', 'cronjobs', ['cj'], undefined, ALL),
  grouped('batch', 'v1', 'Job', 'jobs', [], undefined, ALL),
  grouped('coordination.k8s.io', 'v1', 'Lease', 'leases', [], undefined, undefined),
  { ...grouped('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', [], 'io.k8s.api.discovery.v1.EndpointSlice'), simulatedBy: 'endpointslice-controller' },
  grouped('networking.k8s.io', 'v1', 'Ingress', 'ingresses', ['ing'], 'io.k8s.api.networking.v1.Ingress'),
];

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `pods`, `deployments.apps`: the resource as API errors name it. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** `pod`, `deployment.apps`: the prefix of `kubectl` success messages and `-o name`. */
export function qualifiedKind(t: ResourceType): string {
  const k = t.kind.toLowerCase();
  return t.group ? `${k}.${t.group}` : k;
}

const byKind = new Map(resourceTypes.map((t) => [t.kind, t]));
const byName = new Map<string, ResourceType>();
for (const t of resourceTypes) {
  for (const n of [t.resource, t.singular, t.kind.toLowerCase(), ...t.shortNames]) {
    byName.set(n, t);
    if (t.group) byName.set(`${n}.${t.group}`, t);
  }
}

export function typeForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/** Looks up what a user typed (`po`, `pods`, `Pod`, `deployments.apps`). */
export function typeForName(name: string): ResourceType | undefined {
  return byName.get(name.toLowerCase());
}

/** Finds the type for an apiVersion + kind pair from a manifest. */
export function typeForGVK(apiVersion: string, kind: string): ResourceType | undefined {
  const t = byKind.get(kind);
  return t && apiVersionOf(t) === apiVersion ? t : undefined;
}
