// The Go struct layout of a v1.PodTemplateSpec as of Kubernetes v1.32 (k8s.io/api core/v1
// and apimachinery meta/v1 types.go): field order, Go field names, JSON names and Go type
// names. The pod-template-hash prints these with go-spew, so order and names must match.
// Types the lab never sets are "opaque": exact while absent (nil), approximate if present.

export type GoType =
  | { readonly k: 'scalar'; readonly name: string; readonly of: 'string' | 'int' | 'bool' }
  | { readonly k: 'ptr'; readonly elem: GoType }
  | { readonly k: 'slice'; readonly elem: GoType }
  | { readonly k: 'map'; readonly name: string; readonly value: GoType }
  | { readonly k: 'struct'; readonly name: string; readonly fields: readonly GoField[] }
  | { readonly k: 'time' | 'intstr' | 'quantity' }
  | { readonly k: 'opaque'; readonly name: string };

export interface GoField {
  readonly go: string;
  /** JSON key; for embedded inline structs the value is read from the same object. */
  readonly json: string;
  readonly type: GoType;
  readonly inline?: boolean;
}

const str = (name = 'string'): GoType => ({ k: 'scalar', name, of: 'string' });
const int = (name: string): GoType => ({ k: 'scalar', name, of: 'int' });
const bool: GoType = { k: 'scalar', name: 'bool', of: 'bool' };
const ptr = (elem: GoType): GoType => ({ k: 'ptr', elem });
const slice = (elem: GoType): GoType => ({ k: 'slice', elem });
const opaque = (name: string): GoType => ({ k: 'opaque', name });
const struct = (name: string, fields: readonly (readonly [string, GoType, string?])[]): GoType => ({
  k: 'struct',
  name,
  fields: fields.map(([go, type, json]) => ({ go, type, json: json ?? go[0]!.toLowerCase() + go.slice(1) })),
});

const stringMap: GoType = { k: 'map', name: 'map[string]string', value: str() };
const resourceList: GoType = { k: 'map', name: 'v1.ResourceList', value: { k: 'quantity' } };
const int32 = int('int32');
const int64 = int('int64');

const objectMeta = struct('v1.ObjectMeta', [
  ['Name', str()], ['GenerateName', str()], ['Namespace', str()], ['SelfLink', str()], ['UID', str('types.UID'), 'uid'],
  ['ResourceVersion', str()], ['Generation', int64], ['CreationTimestamp', { k: 'time' }],
  ['DeletionTimestamp', ptr({ k: 'time' })], ['DeletionGracePeriodSeconds', ptr(int64)],
  ['Labels', stringMap], ['Annotations', stringMap], ['OwnerReferences', slice(opaque('v1.OwnerReference'))],
  ['Finalizers', slice(str())], ['ManagedFields', slice(opaque('v1.ManagedFieldsEntry'))],
]);

const resourceRequirements = struct('v1.ResourceRequirements', [
  ['Limits', resourceList], ['Requests', resourceList], ['Claims', slice(opaque('v1.ResourceClaim'))],
]);

const probeHandler = struct('v1.ProbeHandler', [
  ['Exec', ptr(struct('v1.ExecAction', [['Command', slice(str())]]))],
  ['HTTPGet', ptr(struct('v1.HTTPGetAction', [
    ['Path', str()], ['Port', { k: 'intstr' }], ['Host', str()], ['Scheme', str('v1.URIScheme')],
    ['HTTPHeaders', slice(struct('v1.HTTPHeader', [['Name', str()], ['Value', str()]])), 'httpHeaders'],
  ])), 'httpGet'],
  ['TCPSocket', ptr(struct('v1.TCPSocketAction', [['Port', { k: 'intstr' }], ['Host', str()]])), 'tcpSocket'],
  ['GRPC', ptr(opaque('v1.GRPCAction')), 'grpc'],
]);

const probe: GoType = {
  k: 'struct',
  name: 'v1.Probe',
  fields: [
    { go: 'ProbeHandler', json: '', type: probeHandler, inline: true },
    ...(['InitialDelaySeconds', 'TimeoutSeconds', 'PeriodSeconds', 'SuccessThreshold', 'FailureThreshold'] as const).map(
      (go) => ({ go, json: go[0]!.toLowerCase() + go.slice(1), type: int32 }),
    ),
    { go: 'TerminationGracePeriodSeconds', json: 'terminationGracePeriodSeconds', type: ptr(int64) },
  ],
};

const container = struct('v1.Container', [
  ['Name', str()], ['Image', str()], ['Command', slice(str())], ['Args', slice(str())], ['WorkingDir', str()],
  ['Ports', slice(struct('v1.ContainerPort', [
    ['Name', str()], ['HostPort', int32], ['ContainerPort', int32], ['Protocol', str('v1.Protocol')], ['HostIP', str(), 'hostIP'],
  ]))],
  ['EnvFrom', slice(opaque('v1.EnvFromSource'))],
  ['Env', slice(struct('v1.EnvVar', [['Name', str()], ['Value', str()], ['ValueFrom', ptr(opaque('v1.EnvVarSource'))]]))],
  ['Resources', resourceRequirements], ['ResizePolicy', slice(opaque('v1.ContainerResizePolicy'))],
  ['RestartPolicy', ptr(str('v1.ContainerRestartPolicy'))],
  ['VolumeMounts', slice(struct('v1.VolumeMount', [
    ['Name', str()], ['ReadOnly', bool], ['RecursiveReadOnly', ptr(str('v1.RecursiveReadOnlyMode'))], ['MountPath', str()],
    ['SubPath', str()], ['MountPropagation', ptr(str('v1.MountPropagationMode'))], ['SubPathExpr', str()],
  ]))],
  ['VolumeDevices', slice(opaque('v1.VolumeDevice'))],
  ['LivenessProbe', ptr(probe)], ['ReadinessProbe', ptr(probe)], ['StartupProbe', ptr(probe)],
  ['Lifecycle', ptr(opaque('v1.Lifecycle'))], ['TerminationMessagePath', str()],
  ['TerminationMessagePolicy', str('v1.TerminationMessagePolicy')], ['ImagePullPolicy', str('v1.PullPolicy')],
  ['SecurityContext', ptr(opaque('v1.SecurityContext'))], ['Stdin', bool], ['StdinOnce', bool], ['TTY', bool, 'tty'],
]);

const podSecurityContext = struct('v1.PodSecurityContext', [
  ['SELinuxOptions', ptr(opaque('v1.SELinuxOptions')), 'seLinuxOptions'],
  ['WindowsOptions', ptr(opaque('v1.WindowsSecurityContextOptions'))],
  ['RunAsUser', ptr(int64)], ['RunAsGroup', ptr(int64)], ['RunAsNonRoot', ptr(bool)],
  ['SupplementalGroups', slice(int64)], ['SupplementalGroupsPolicy', ptr(str('v1.SupplementalGroupsPolicy'))],
  ['FSGroup', ptr(int64), 'fsGroup'], ['Sysctls', slice(opaque('v1.Sysctl'))],
  ['FSGroupChangePolicy', ptr(str('v1.PodFSGroupChangePolicy')), 'fsGroupChangePolicy'],
  ['SeccompProfile', ptr(opaque('v1.SeccompProfile'))], ['AppArmorProfile', ptr(opaque('v1.AppArmorProfile'))],
  ['SELinuxChangePolicy', ptr(str('v1.PodSELinuxChangePolicy')), 'seLinuxChangePolicy'],
]);

export const podSpecFields: readonly (readonly [string, GoType, string?])[] = [
  ['Volumes', slice(opaque('v1.Volume'))], ['InitContainers', slice(container)], ['Containers', slice(container)],
  ['EphemeralContainers', slice(opaque('v1.EphemeralContainer'))], ['RestartPolicy', str('v1.RestartPolicy')],
  ['TerminationGracePeriodSeconds', ptr(int64)], ['ActiveDeadlineSeconds', ptr(int64)], ['DNSPolicy', str('v1.DNSPolicy'), 'dnsPolicy'],
  ['NodeSelector', stringMap], ['ServiceAccountName', str()], ['DeprecatedServiceAccount', str(), 'serviceAccount'],
  ['AutomountServiceAccountToken', ptr(bool)], ['NodeName', str()], ['HostNetwork', bool], ['HostPID', bool, 'hostPID'],
  ['HostIPC', bool, 'hostIPC'], ['ShareProcessNamespace', ptr(bool)], ['SecurityContext', ptr(podSecurityContext)],
  ['ImagePullSecrets', slice(struct('v1.LocalObjectReference', [['Name', str()]]))], ['Hostname', str()], ['Subdomain', str()],
  ['Affinity', ptr(opaque('v1.Affinity'))], ['SchedulerName', str()],
  ['Tolerations', slice(struct('v1.Toleration', [
    ['Key', str()], ['Operator', str('v1.TolerationOperator')], ['Value', str()], ['Effect', str('v1.TaintEffect')],
    ['TolerationSeconds', ptr(int64)],
  ]))],
  ['HostAliases', slice(opaque('v1.HostAlias'))], ['PriorityClassName', str()], ['Priority', ptr(int32)],
  ['DNSConfig', ptr(opaque('v1.PodDNSConfig')), 'dnsConfig'], ['ReadinessGates', slice(opaque('v1.PodReadinessGate'))],
  ['RuntimeClassName', ptr(str())], ['EnableServiceLinks', ptr(bool)], ['PreemptionPolicy', ptr(str('v1.PreemptionPolicy'))],
  ['Overhead', resourceList], ['TopologySpreadConstraints', slice(opaque('v1.TopologySpreadConstraint'))],
  ['SetHostnameAsFQDN', ptr(bool), 'setHostnameAsFQDN'], ['OS', ptr(opaque('v1.PodOS')), 'os'], ['HostUsers', ptr(bool)],
  ['SchedulingGates', slice(opaque('v1.PodSchedulingGate'))], ['ResourceClaims', slice(opaque('v1.PodResourceClaim'))],
  ['Resources', ptr(resourceRequirements)],
];

/** v1.PodTemplateSpec; podSpecFieldCount trims PodSpec to an older release's layout (for comparisons). */
export function podTemplateSpecType(podSpecFieldCount = podSpecFields.length): GoType {
  return struct('v1.PodTemplateSpec', [
    ['ObjectMeta', objectMeta, 'metadata'],
    ['Spec', struct('v1.PodSpec', podSpecFields.slice(0, podSpecFieldCount))],
  ]);
}
