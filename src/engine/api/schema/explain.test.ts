import { describe, expect, it } from 'vitest';
import { describeField, describeFields, explain } from './explain.ts';

// Expected texts are kubectl 1.32's own output, captured by running the real client against a
// stub API server that served these definitions as OpenAPI v3.

const POD = 'io.k8s.api.core.v1.Pod';
const DEPLOYMENT = 'io.k8s.api.apps.v1.Deployment';

describe('kubectl explain', () => {
  it('prints a kind with its description and top-level fields', () => {
    expect(explain([], POD)).toEqual({ ok: true, output: `KIND:       Pod
VERSION:    v1

DESCRIPTION:
    Pod is a collection of containers that can run on a host. This resource is
    created by clients and scheduled onto hosts.
    
FIELDS:
  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an object.
    Servers should convert recognized schemas to the latest internal value, and
    may reject unrecognized values. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

  kind\t<string>
    Kind is a string value representing the REST resource this object
    represents. Servers may infer this from the endpoint the client submits
    requests to. Cannot be updated. In CamelCase. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

  spec\t<PodSpec>
    Specification of the desired behavior of the pod. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status

  status\t<PodStatus>
    Most recently observed status of the pod. This data may not be up to date.
    Populated by the system. Read-only. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status


` });
  });

  it('prints a nested field: FIELD line, both descriptions, then the element type\'s fields', () => {
    expect(explain(['spec', 'containers', 'ports'], POD)).toEqual({ ok: true, output: `KIND:       Pod
VERSION:    v1

FIELD: ports <[]ContainerPort>


DESCRIPTION:
    List of ports to expose from the container. Not specifying a port here DOES
    NOT prevent that port from being exposed. Any port which is listening on the
    default "0.0.0.0" address inside a container will be accessible from the
    network. Modifying this array with strategic merge patch may corrupt the
    data. For more information See
    https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.
    ContainerPort represents a network port in a single container.
    
FIELDS:
  containerPort\t<integer> -required-
    Number of port to expose on the pod's IP address. This must be a valid port
    number, 0 < x < 65536.

  hostIP\t<string>
    What host IP to bind the external port to.

  hostPort\t<integer>
    Number of port to expose on the host. If specified, this must be a valid
    port number, 0 < x < 65536. If HostNetwork is specified, this must match
    ContainerPort. Most containers do not need this.

  name\t<string>
    If specified, this must be an IANA_SVC_NAME and unique within the pod. Each
    named port in a pod must have a unique name. Name for the port that can be
    referred to by services.

  protocol\t<string>
    Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".


` });
  });

  it('prints GROUP for grouped kinds and the one-line tree with --recursive', () => {
    expect(explain(['spec', 'strategy'], DEPLOYMENT, { recursive: true })).toEqual({ ok: true, output: `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>


DESCRIPTION:
    The deployment strategy to use to replace existing pods with new ones.
    DeploymentStrategy describes how to replace existing pods with new ones.
    
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    maxSurge\t<IntOrString>
    maxUnavailable\t<IntOrString>
  type\t<string>

` });
  });

  it('names IntOrString and Quantity fields by their type, not string', () => {
    expect(explain(['spec', 'strategy', 'rollingUpdate', 'maxSurge'], DEPLOYMENT)).toEqual({ ok: true, output: `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: maxSurge <IntOrString>


DESCRIPTION:
    The maximum number of pods that can be scheduled above the desired number of
    pods. Value can be an absolute number (ex: 5) or a percentage of desired
    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is
    calculated from percentage by rounding up. Defaults to 25%. Example: when
    this is set to 30%, the new ReplicaSet can be scaled up immediately when the
    rolling update starts, such that the total number of old and new pods do not
    exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet
    can be scaled up further, ensuring that total number of pods running at any
    time during the update is at most 130% of desired pods.
    IntOrString is a type that can hold an int32 or a string.  When used in JSON
    or YAML marshalling and unmarshalling, it produces or consumes the inner
    type.  This allows you to have, for example, a JSON field that can accept a
    name or number.
    

` });
    expect(explain(['spec', 'template', 'spec', 'containers', 'resources'], DEPLOYMENT, { recursive: true })).toEqual({ ok: true, output: `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: resources <ResourceRequirements>


DESCRIPTION:
    Compute Resources required by this container. Cannot be updated. More info:
    https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
    ResourceRequirements describes the compute resource requirements.
    
FIELDS:
  claims\t<[]ResourceClaim>
    name\t<string> -required-
    request\t<string>
  limits\t<map[string]Quantity>
  requests\t<map[string]Quantity>

` });
  });

  it('reports the last path element when a field does not exist, after printing the header', () => {
    expect(explain(['spec', 'foo'], POD)).toEqual({ ok: false, output: 'KIND:       Pod\nVERSION:    v1\n\n', error: 'error: field "foo" does not exist' });
    expect(explain(['foo', 'bar'], POD)).toMatchObject({ ok: false, error: 'error: field "bar" does not exist' });
    expect(explain(['metadata', 'name', 'x'], POD)).toMatchObject({ ok: false, error: 'error: field "x" does not exist' });
  });

  it('does not list fields added after Kubernetes 1.32', () => {
    const spec = explain(['spec'], POD);
    expect(spec.ok && spec.output).toContain('  hostname\t<string>');
    expect(spec.ok && spec.output).not.toContain('hostnameOverride');
    expect(explain(['spec', 'hostnameOverride'], POD).ok).toBe(false);
  });
});

describe('field docs for the editor', () => {
  it('lists the fields of an object inside an array, sorted, with explain\'s type names', () => {
    const fields = describeFields(POD, ['spec', 'containers', 0]);
    expect(fields?.map((f) => f.name).slice(0, 4)).toEqual(['args', 'command', 'env', 'envFrom']);
    expect(fields?.find((f) => f.name === 'name')).toEqual({
      name: 'name',
      type: 'string',
      required: true,
      description: 'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
    });
    expect(fields?.find((f) => f.name === 'ports')?.type).toBe('[]ContainerPort');
  });

  it('describes a single field at the end of a path', () => {
    expect(describeField(POD, ['spec', 'containers', 0, 'resources', 'limits'])?.type).toBe('map[string]Quantity');
    expect(describeField(DEPLOYMENT, ['spec', 'replicas'])).toMatchObject({ type: 'integer', required: false });
    expect(describeField(POD, ['metadata', 'labels'])?.type).toBe('map[string]string');
    expect(describeField(POD, ['spec', 'nope'])).toBeUndefined();
  });

  it('has no fields for scalars or unknown paths', () => {
    expect(describeFields(POD, ['metadata', 'name'])).toBeUndefined();
    expect(describeFields(POD, ['nope'])).toBeUndefined();
  });
});
