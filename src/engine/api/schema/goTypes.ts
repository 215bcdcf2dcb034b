// The Go types behind the OpenAPI fields, as encoding/json names them in `cannot unmarshal
// number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol`:
// every field whose Go type the schema alone does not tell (named string types, ResourceList,
// types.UID), read field by field from kubectl 1.32's own decoder (k8s.io/api v0.32).

/** Go type → fields (`core.v1.ContainerPort.protocol`; `x[]` is an array's element, `x{}` a map's value). */
const NAMED_TYPES: Readonly<Record<string, readonly string[]>> = {
  'v1.ConditionStatus': [
    'apps.v1.DaemonSetCondition.status', 'apps.v1.DeploymentCondition.status', 'apps.v1.ReplicaSetCondition.status',
    'apps.v1.StatefulSetCondition.status', 'autoscaling.v2.HorizontalPodAutoscalerCondition.status', 'core.v1.NamespaceCondition.status',
    'core.v1.NodeCondition.status', 'core.v1.PersistentVolumeClaimCondition.status', 'core.v1.PodCondition.status', 'meta.v1.Condition.status',
  ],
  'v1.DaemonSetConditionType': ['apps.v1.DaemonSetCondition.type'],
  'v1.DaemonSetUpdateStrategyType': ['apps.v1.DaemonSetUpdateStrategy.type'],
  'v1.DeploymentConditionType': ['apps.v1.DeploymentCondition.type'],
  'v1.DeploymentStrategyType': ['apps.v1.DeploymentStrategy.type'],
  'v1.ReplicaSetConditionType': ['apps.v1.ReplicaSetCondition.type'],
  'v1.StatefulSetConditionType': ['apps.v1.StatefulSetCondition.type'],
  'v1.PersistentVolumeClaimRetentionPolicyType': [
    'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted', 'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled',
  ],
  'v1.PodManagementPolicyType': ['apps.v1.StatefulSetSpec.podManagementPolicy'],
  'v1.StatefulSetUpdateStrategyType': ['apps.v1.StatefulSetUpdateStrategy.type'],
  'v1.ResourceName': [
    'autoscaling.v2.ContainerResourceMetricSource.name', 'autoscaling.v2.ContainerResourceMetricStatus.name', 'autoscaling.v2.ResourceMetricSource.name',
    'autoscaling.v2.ResourceMetricStatus.name', 'core.v1.ContainerResizePolicy.resourceName', 'core.v1.ResourceStatus.name',
  ],
  'v2.HPAScalingPolicyType': ['autoscaling.v2.HPAScalingPolicy.type'],
  'v2.ScalingPolicySelect': ['autoscaling.v2.HPAScalingRules.selectPolicy'],
  'v2.HorizontalPodAutoscalerConditionType': ['autoscaling.v2.HorizontalPodAutoscalerCondition.type'],
  'v2.MetricSourceType': ['autoscaling.v2.MetricSpec.type', 'autoscaling.v2.MetricStatus.type'],
  'v2.MetricTargetType': ['autoscaling.v2.MetricTarget.type'],
  'v1.AppArmorProfileType': ['core.v1.AppArmorProfile.type'],
  'v1.UniqueVolumeName': ['core.v1.AttachedVolume.name', 'core.v1.NodeStatus.volumesInUse[]'],
  'v1.AzureDataDiskCachingMode': ['core.v1.AzureDiskVolumeSource.cachingMode'],
  'v1.AzureDataDiskKind': ['core.v1.AzureDiskVolumeSource.kind'],
  'v1.Capability': ['core.v1.Capabilities.add[]', 'core.v1.Capabilities.drop[]'],
  'types.UID': ['core.v1.ConfigMapNodeConfigSource.uid', 'core.v1.ObjectReference.uid', 'meta.v1.ObjectMeta.uid', 'meta.v1.OwnerReference.uid'],
  'v1.PullPolicy': ['core.v1.Container.imagePullPolicy', 'core.v1.EphemeralContainer.imagePullPolicy', 'core.v1.ImageVolumeSource.pullPolicy'],
  'v1.ContainerRestartPolicy': ['core.v1.Container.restartPolicy', 'core.v1.EphemeralContainer.restartPolicy'],
  'v1.TerminationMessagePolicy': ['core.v1.Container.terminationMessagePolicy', 'core.v1.EphemeralContainer.terminationMessagePolicy'],
  'v1.Protocol': [
    'core.v1.ContainerPort.protocol', 'core.v1.EndpointPort.protocol', 'core.v1.PortStatus.protocol', 'core.v1.ServicePort.protocol',
    'discovery.v1.EndpointPort.protocol', 'networking.v1.IngressPortStatus.protocol',
  ],
  'v1.ResourceResizeRestartPolicy': ['core.v1.ContainerResizePolicy.restartPolicy'],
  'v1.ResourceList': [
    'core.v1.ContainerStatus.allocatedResources', 'core.v1.NodeStatus.allocatable', 'core.v1.NodeStatus.capacity',
    'core.v1.PersistentVolumeClaimStatus.allocatedResources', 'core.v1.PersistentVolumeClaimStatus.capacity', 'core.v1.PodSpec.overhead',
    'core.v1.ResourceRequirements.limits', 'core.v1.ResourceRequirements.requests', 'core.v1.VolumeResourceRequirements.limits',
    'core.v1.VolumeResourceRequirements.requests',
  ],
  'v1.StorageMedium': ['core.v1.EmptyDirVolumeSource.medium'],
  'v1.URIScheme': ['core.v1.HTTPGetAction.scheme'],
  'v1.HostPathType': ['core.v1.HostPathVolumeSource.type'],
  'v1.LoadBalancerIPMode': ['core.v1.LoadBalancerIngress.ipMode'],
  'v1.PersistentVolumeClaimModifyVolumeStatus': ['core.v1.ModifyVolumeStatus.status'],
  'v1.NamespaceConditionType': ['core.v1.NamespaceCondition.type'],
  'v1.FinalizerName': ['core.v1.NamespaceSpec.finalizers[]'],
  'v1.NamespacePhase': ['core.v1.NamespaceStatus.phase'],
  'v1.NodeAddressType': ['core.v1.NodeAddress.type'],
  'v1.NodeConditionType': ['core.v1.NodeCondition.type'],
  'v1.NodeSelectorOperator': ['core.v1.NodeSelectorRequirement.operator'],
  'v1.NodePhase': ['core.v1.NodeStatus.phase'],
  'v1.PersistentVolumeClaimConditionType': ['core.v1.PersistentVolumeClaimCondition.type'],
  'v1.PersistentVolumeAccessMode': ['core.v1.PersistentVolumeClaimSpec.accessModes[]', 'core.v1.PersistentVolumeClaimStatus.accessModes[]'],
  'v1.PersistentVolumeMode': ['core.v1.PersistentVolumeClaimSpec.volumeMode'],
  'map[v1.ResourceName]v1.ClaimResourceStatus': ['core.v1.PersistentVolumeClaimStatus.allocatedResourceStatuses'],
  'v1.ClaimResourceStatus': ['core.v1.PersistentVolumeClaimStatus.allocatedResourceStatuses{}'],
  'v1.PersistentVolumeClaimPhase': ['core.v1.PersistentVolumeClaimStatus.phase'],
  'v1.PodConditionType': ['core.v1.PodCondition.type', 'core.v1.PodReadinessGate.conditionType'],
  'v1.OSName': ['core.v1.PodOS.name'],
  'v1.PodFSGroupChangePolicy': ['core.v1.PodSecurityContext.fsGroupChangePolicy'],
  'v1.PodSELinuxChangePolicy': ['core.v1.PodSecurityContext.seLinuxChangePolicy'],
  'v1.SupplementalGroupsPolicy': ['core.v1.PodSecurityContext.supplementalGroupsPolicy'],
  'v1.DNSPolicy': ['core.v1.PodSpec.dnsPolicy'],
  'v1.PreemptionPolicy': ['core.v1.PodSpec.preemptionPolicy'],
  'v1.RestartPolicy': ['core.v1.PodSpec.restartPolicy'],
  'v1.PodPhase': ['core.v1.PodStatus.phase'],
  'v1.PodQOSClass': ['core.v1.PodStatus.qosClass'],
  'v1.PodResizeStatus': ['core.v1.PodStatus.resize'],
  'v1.ResourceHealthStatus': ['core.v1.ResourceHealth.health'],
  'v1.ResourceID': ['core.v1.ResourceHealth.resourceID'],
  'v1.SeccompProfileType': ['core.v1.SeccompProfile.type'],
  'v1.SecretType': ['core.v1.Secret.type'],
  'v1.ProcMountType': ['core.v1.SecurityContext.procMount'],
  'v1.ServiceExternalTrafficPolicy': ['core.v1.ServiceSpec.externalTrafficPolicy'],
  'v1.ServiceInternalTrafficPolicy': ['core.v1.ServiceSpec.internalTrafficPolicy'],
  'v1.IPFamily': ['core.v1.ServiceSpec.ipFamilies[]'],
  'v1.IPFamilyPolicy': ['core.v1.ServiceSpec.ipFamilyPolicy'],
  'v1.ServiceAffinity': ['core.v1.ServiceSpec.sessionAffinity'],
  'v1.ServiceType': ['core.v1.ServiceSpec.type'],
  'v1.TaintEffect': ['core.v1.Taint.effect', 'core.v1.Toleration.effect'],
  'v1.TolerationOperator': ['core.v1.Toleration.operator'],
  'v1.NodeInclusionPolicy': ['core.v1.TopologySpreadConstraint.nodeAffinityPolicy', 'core.v1.TopologySpreadConstraint.nodeTaintsPolicy'],
  'v1.UnsatisfiableConstraintAction': ['core.v1.TopologySpreadConstraint.whenUnsatisfiable'],
  'v1.MountPropagationMode': ['core.v1.VolumeMount.mountPropagation'],
  'v1.RecursiveReadOnlyMode': ['core.v1.VolumeMount.recursiveReadOnly', 'core.v1.VolumeMountStatus.recursiveReadOnly'],
  'v1.AddressType': ['discovery.v1.EndpointSlice.addressType'],
  'v1.LabelSelectorOperator': ['meta.v1.LabelSelectorRequirement.operator'],
  'v1.ManagedFieldsOperationType': ['meta.v1.ManagedFieldsEntry.operation'],
  'v1.PathType': ['networking.v1.HTTPIngressPath.pathType'],
};

const byField = new Map<string, string>();
for (const [goType, fields] of Object.entries(NAMED_TYPES)) for (const f of fields) byField.set(f, goType);

/**
 * The Go type of a field when the schema alone does not tell it: `key` is
 * `core.v1.ContainerPort.protocol`, `core.v1.Capabilities.add[]` for an array's element or
 * `core.v1.PersistentVolumeClaimStatus.allocatedResourceStatuses{}` for a map's value.
 */
export function namedGoType(key: string): string | undefined {
  return byField.get(key);
}

/** `io.k8s.api.core.v1.PodSpec` → `v1.PodSpec` (package name, then type name, as reflect prints it). */
export function goTypeOfDefinition(definition: string): string {
  const parts = definition.split('.');
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}
