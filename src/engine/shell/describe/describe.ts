// `kubectl describe` for one stored object: picks the describer kubectl 1.32 would use
// (k8s.io/kubectl/pkg/describe describerMap) and falls back to the generic describer for
// kinds the lab has no dedicated describer for yet.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ConfigMap, Endpoints, Event, Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api/objects.ts';
import { describeConfigMap, describeNamespace, describeSecret } from './basic.ts';
import { describeDeployment } from './deployment.ts';
import { describeGeneric } from './generic.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet } from './replicaSet.ts';
import { describeService } from './service.ts';
import { describeEndpoints } from './endpoints.ts';
import { describeHorizontalPodAutoscaler } from './hpa.ts';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';

export interface DescribeContext {
  /** Simulated now, in millis (ages are measured against it). */
  readonly now: number;
  /**
   * Events about the object, already selected by involvedObject as kubectl's field selector
   * does (for a node: events whose uid is the node's uid or its name). Omit for
   * `--show-events=false`.
   */
  readonly events?: readonly Event[];
  /** Nodes only: the pods bound to the node (terminated ones are left out here). */
  readonly podsOnNode?: readonly Pod[];
  /** Nodes only: the node's Lease in kube-node-lease, when it has one. */
  readonly nodeLease?: Lease;
  /** Deployments only: the ReplicaSets the Deployment controls. */
  readonly replicaSets?: readonly ReplicaSet[];
  /** ReplicaSets only: the pods the ReplicaSet controls. */
  readonly controlledPods?: readonly Pod[];
  /** Services only: the EndpointSlices labelled with the Service's name. */
  readonly endpointSlices?: readonly EndpointSlice[];
}

/** The text `kubectl describe <kind> <name>` prints for `obj`, ending in a newline. */
export function describe(obj: KubeObject, ctx: DescribeContext): string {
  const events = ctx.events;
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj as unknown as Pod, events, ctx.now);
    case 'Node':
      return describeNode(obj as unknown as Node, {
        pods: ctx.podsOnNode ?? [],
        lease: ctx.nodeLease,
        events,
        now: ctx.now,
      });
    case 'Namespace':
      return describeNamespace(obj as unknown as Namespace);
    case 'Secret':
      return describeSecret(obj as unknown as Secret);
    case 'ConfigMap':
      return describeConfigMap(obj as unknown as ConfigMap, events, ctx.now);
    case 'Deployment':
      return describeDeployment(obj as unknown as Deployment, ctx.replicaSets ?? [], events, ctx.now);
    case 'ReplicaSet':
      return describeReplicaSet(obj as unknown as ReplicaSet, ctx.controlledPods ?? [], events, ctx.now);
    case 'Service':
      return describeService(obj as unknown as Service, ctx.endpointSlices ?? [], events, ctx.now);
    case 'Endpoints':
      return describeEndpoints(obj as unknown as Endpoints, events, ctx.now);
    case 'HorizontalPodAutoscaler':
      return describeHorizontalPodAutoscaler(obj as unknown as HorizontalPodAutoscaler, events, ctx.now);
    default:
      return describeGeneric(obj, events, ctx.now);
  }
}
