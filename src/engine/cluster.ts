// createCluster(): wires the simulated cluster together: clock, seeded generator, trace
// stream, cluster store and API server, scheduler, ReplicaSet controller, garbage collector,
// one kubelet per node and the registry, plus the objects every new cluster has
// (namespaces, the `kubernetes` Service).

import type { Stored } from './api/objects.ts';
import type { KubeObject } from './api/objects.ts';
import type { Event } from 'kubernetes-types/core/v1';
import { ApiServer } from './api/apiServer.ts';
import { ServiceAllocators } from './api/allocators.ts';
import { EventRecorder } from './api/events.ts';
import { typeForKind } from './api/resources.ts';
import { Store } from './api/store.ts';
import { Clock, EPOCH_MS } from './clock.ts';
import type { Timings } from './config.ts';
import { defaultTimings } from './config.ts';
import type { ClusterContext } from './context.ts';
import { NodeAgents } from './node/nodeAgents.ts';
import type { Preset, PresetName } from './presets.ts';
import { presetFor } from './presets.ts';
import { Random } from './random.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { TraceStream } from './trace.ts';
import { Registry } from './registry/registry.ts';
import { RegistryImageService } from './node/registryImages.ts';
import { startNamespaceControllers } from './controllers/namespace.ts';
import { addWorkloadIndexes } from './controllers/indexes.ts';
import { ReplicaSetController } from './controllers/replicaset.ts';
import { GarbageCollector } from './controllers/garbageCollector.ts';
import { NodeLifecycleController } from './controllers/nodeLifecycle.ts';
import { TaintEvictionController } from './controllers/taintEviction.ts';
import { PodGarbageCollector } from './controllers/podGC.ts';
import { DeploymentController } from './controllers/deployment/controller.ts';
import { EndpointsController } from './controllers/endpoints.ts';
import { EndpointSliceController } from './controllers/endpointSlice.ts';
import { ResourceMetrics } from './node/metrics.ts';
import { HorizontalController } from './controllers/podautoscaler/horizontal.ts';
import { KubeProxy } from './node/kubeProxy.ts';
import { execInContainer, execTargetFor } from './node/containerExec.ts';
import { LoadBalancerController } from './controllers/loadBalancer.ts';

export interface ClusterOptions {
  readonly seed?: number;
  readonly preset?: PresetName;
  /** total nodes (kind: one control plane plus workers) */
  readonly nodes?: number;
  readonly timings?: Partial<Timings>;
  /** how long the cluster has been up when handed over (nodes' AGE); default 5 minutes */
  readonly uptimeMs?: number;
}

export interface Cluster extends ClusterContext {
  readonly preset: Preset;
  readonly seed: number;
  readonly scheduler: Scheduler;
  readonly nodes: NodeAgents;
  readonly registry: Registry;
  readonly replicaSets: ReplicaSetController;
  readonly garbageCollector: GarbageCollector;
  readonly nodeLifecycle: NodeLifecycleController;
  readonly taintEviction: TaintEvictionController;
  readonly podGC: PodGarbageCollector;
  readonly deployments: DeploymentController;
  readonly endpoints: EndpointsController;
  readonly endpointSlices: EndpointSliceController;
  /** the resource metrics API (metrics-server) over the kubelets, driven by `kubelab load` */
  readonly metrics: ResourceMetrics;
  readonly autoscalers: HorizontalController;
  /** kube-proxy's Service routing: where a simulated request to a ClusterIP, NodePort or DNS name lands */
  readonly kubeProxy: KubeProxy;
  /** the lab's MetalLB: idle until an address pool is configured (`microk8s enable metallb:RANGE`, `kubelab addon metallb RANGE`) */
  readonly loadBalancer: LoadBalancerController;
  /** advances simulated time by `ms`, running everything due */
  advance(ms: number): void;
  /** advances until `done()` holds (checked after each step) or `maxMs` passes; returns whether it held */
  runUntil(done: () => boolean, maxMs: number): boolean;
}

const EVENTS = typeForKind('Event')!;

export function createCluster(options: ClusterOptions = {}): Cluster {
  const seed = options.seed ?? 1;
  const preset = presetFor(options.preset ?? 'kind', options.nodes);
  const timings: Timings = { ...defaultTimings, ...options.timings };
  const clock = new Clock();
  const random = new Random(seed);
  const trace = new TraceStream(() => clock.now);
  const store = new Store();
  store.addIndex('pods', 'node', (o) => [((o['spec'] as { nodeName?: string } | undefined)?.nodeName) ?? ''], (a, b) => a['spec'] === b['spec']);
  store.addIndex('events', 'involvedObject', (o) => {
    const io = (o as unknown as Event).involvedObject;
    return [`${io.kind}/${io.namespace ?? ''}/${io.name}`];
  });
  addWorkloadIndexes(store);
  const api = new ApiServer(store, clock, random, timings, trace, new ServiceAllocators(preset.serviceCIDR, random));
  // Event names end in the hex of a nanosecond timestamp, as client-go names them. The hex
  // of each simulated millisecond is worked out once (BigInt); events within it add a small
  // sequence to the low 32 bits with plain numbers.
  let eventSeq = 0;
  let nameMs = -1;
  let nameHigh = '';
  let nameLow = 0;
  const eventName = (objectName: string): string => {
    if (clock.now !== nameMs) {
      nameMs = clock.now;
      const nanos = BigInt(EPOCH_MS + nameMs) * 1_000_000n;
      nameHigh = (nanos >> 32n).toString(16);
      nameLow = Number(nanos & 0xffffffffn);
      eventSeq = 0;
    }
    const low = (nameLow + eventSeq++) % 4294967296;
    return `${objectName}.${nameHigh}${low.toString(16).padStart(8, '0')}`;
  };
  const events = new EventRecorder({
    nowIso: () => clock.iso(),
    nextName: eventName,
    write: (event, isNew) =>
      (isNew ? api.createTrusted(EVENTS, event as unknown as KubeObject, 'api-server', `event ${event.reason}: ${event.message}`) : api.replace(EVENTS, event as unknown as KubeObject, 'api-server', `event ${event.reason} repeated (x${event.count})`)) as unknown as Stored<Event>,
  });
  const ctx: ClusterContext = { api, clock, random, trace, events, timings };
  startNamespaceControllers(ctx, preset);
  const scheduler = new Scheduler(ctx);
  const replicaSets = new ReplicaSetController(ctx);
  const garbageCollector = new GarbageCollector(ctx);
  const deployments = new DeploymentController(ctx);
  const registry = new Registry();
  const nodes = new NodeAgents(ctx, preset, new RegistryImageService(registry));
  const nodeLifecycle = new NodeLifecycleController(ctx, nodes);
  nodes.onLivenessChange((name) => nodeLifecycle.heartbeatChanged(name));
  const taintEviction = new TaintEvictionController(ctx);
  const podGC = new PodGarbageCollector(ctx);
  const endpoints = new EndpointsController(ctx);
  const endpointSlices = new EndpointSliceController(ctx);
  const metrics = new ResourceMetrics(ctx, nodes);
  const autoscalers = new HorizontalController(ctx, metrics);
  const kubeProxy = new KubeProxy(ctx, nodes);
  for (const kubelet of nodes.kubelets.values()) kubelet.containerExec = (run, c, argv) => execInContainer(execTargetFor(ctx.api, (req) => kubeProxy.request(req), run, c, false), argv);
  const loadBalancer = new LoadBalancerController(ctx);
  kubeProxy.announcer = (ip) => loadBalancer.announcingNode(ip);

  const advance = (ms: number): void => clock.advanceTo(clock.now + ms);
  const runUntil = (done: () => boolean, maxMs: number): boolean => {
    const deadline = clock.now + maxMs;
    for (;;) {
      if (done()) return true;
      const next = clock.peek();
      if (next === undefined || next > deadline) {
        clock.advanceTo(deadline);
        return done();
      }
      clock.advanceTo(next);
    }
  };
  // The cluster was created a little while before the learner arrives.
  clock.advanceTo(options.uptimeMs ?? 300_000);
  return { ...ctx, preset, seed, scheduler, nodes, registry, replicaSets, garbageCollector, deployments, nodeLifecycle, taintEviction, podGC, endpoints, endpointSlices, metrics, autoscalers, kubeProxy, loadBalancer, advance, runUntil };
}
