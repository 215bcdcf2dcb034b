// The EndpointSlice controller (kube-controller-manager pkg/controller/endpointslice and
// staging/src/k8s.io/endpointslice reconciler.go): per Service with a selector, its pods as
// endpoints with ready/serving/terminating conditions, in slices named `<svc>-<5 chars>` of at
// most 100 endpoints, one group of slices per set of resolved ports, owned by the Service.

import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { TRIGGER_TIME } from './endpoints.ts';
import { OWNER_INDEX } from './indexes.ts';
import { isPodReady } from './podRanking.ts';
import type { ServiceSelectors } from './serviceSelectors.ts';
import { findPort, shouldPodBeInEndpoints, watchServicesAndPods } from './serviceSelectors.ts';
import { TriggerTimes } from './triggerTime.ts';
import { splitKey } from './workQueue.ts';

const SERVICES = typeForKind('Service')!;
const SLICES = typeForKind('EndpointSlice')!;
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

type Slice = EndpointSlice & { metadata: KubeObject['metadata'] };
interface Group {
  readonly ports: EndpointPort[];
  readonly endpoints: Endpoint[];
}

export class EndpointSliceController {
  readonly #ctx: ClusterContext;
  readonly #selectors: ServiceSelectors;
  readonly #triggers = new TriggerTimes();

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#selectors = watchServicesAndPods(ctx, ENDPOINTSLICE_CONTROLLER, (key) => this.#reconcile(key)).selectors;
  }

  #reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.#ctx.api.get(SERVICES, ns, name) as unknown as Service | undefined;
    // A deleted Service's slices go with it: the garbage collector follows their owner reference.
    if (!svc) return this.#triggers.forget(key);
    if (Object.keys(svc.spec?.selector ?? {}).length === 0 || svc.metadata?.deletionTimestamp) return;
    const pods = this.#selectors.selectedPods(svc);
    const trigger = this.#triggers.compute(key, svc, pods);
    const uid = svc.metadata!.uid!;
    const existing = (this.#ctx.api.store.byIndex('endpointslices', OWNER_INDEX, uid) as unknown as Slice[]).filter(
      (s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MANAGED_BY,
    );
    const desired = [...desiredGroups(svc, pods).values()];
    const plan = planSlices(existing, desired);
    for (const [slice, endpoints, ports] of plan.update) this.#write(svc, slice, ports, endpoints, trigger);
    for (const g of plan.create) this.#write(svc, undefined, g.ports, g.endpoints, trigger);
    for (const s of plan.remove) this.#ctx.api.remove(SLICES, s as unknown as KubeObject, ENDPOINTSLICE_CONTROLLER);
  }

  #write(svc: Service, slice: Slice | undefined, ports: EndpointPort[], endpoints: Endpoint[], trigger: string | undefined): void {
    const name = svc.metadata!.name!;
    const labels: Record<string, string> = {
      ...(svc.metadata?.labels ?? {}),
      ...(svc.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
      'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
      'kubernetes.io/service-name': name,
    };
    const empty = endpoints.length === 0;
    const body = { addressType: 'IPv4', endpoints: empty ? null : endpoints, ports: ports.length ? ports : null };
    if (slice && deepEqual({ addressType: slice.addressType, endpoints: slice.endpoints ?? null, ports: slice.ports ?? null }, body) && deepEqual(slice.metadata.labels, labels)) return;
    const { [TRIGGER_TIME]: _old, ...annotations } = slice?.metadata.annotations ?? {};
    if (trigger) annotations[TRIGGER_TIME] = trigger;
    const ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata!.uid!, controller: true, blockOwnerDeletion: true }];
    const { annotations: _a, ...base } = slice?.metadata ?? { name: '', generateName: `${name}-`, namespace: svc.metadata!.namespace!, uid: '', resourceVersion: '', creationTimestamp: '' };
    const metadata = { ...base, labels, ...(Object.keys(annotations).length ? { annotations } : {}), ownerReferences };
    const next = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata, ...body } as unknown as KubeObject;
    const ready = endpoints.filter((e) => e.conditions?.ready).length;
    const why = `Service ${name} has ${endpoints.length} endpoint(s) here, ${ready} ready: ${slice ? 'updating' : 'creating'} an EndpointSlice`;
    if (slice) this.#ctx.api.replace(SLICES, next, ENDPOINTSLICE_CONTROLLER, why);
    else this.#ctx.api.createTrusted(SLICES, next, ENDPOINTSLICE_CONTROLLER, why);
  }
}

/** Endpoints by resolved port set; a pod whose named targetPort cannot be resolved lacks that port. */
function desiredGroups(svc: Service, pods: readonly Pod[]): Map<string, Group> {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, Group>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const protocol = sp.protocol ?? 'TCP';
      const port = findPort(pod, sp.targetPort, protocol, sp.port);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    const serving = isPodReady(pod as never);
    const terminating = !!pod.metadata?.deletionTimestamp;
    g.endpoints.push({
      addresses: [pod.status!.podIP!],
      conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, uid: pod.metadata!.uid! },
    });
  }
  return groups;
}

interface Plan {
  readonly update: [Slice, Endpoint[], EndpointPort[]][];
  readonly create: Group[];
  readonly remove: Slice[];
}

const endpointKey = (e: Endpoint): string => e.targetRef?.uid ?? e.addresses[0] ?? '';

/**
 * reconcileByPortMapping, simplified: endpoints stay in the slice that holds them, new ones fill
 * existing slices with room before new slices are made, emptied slices go; a Service selecting
 * nothing keeps one placeholder slice with no ports and no endpoints.
 */
function planSlices(existing: readonly Slice[], desired: readonly Group[]): Plan {
  const plan: Plan = { update: [], create: [], remove: [] };
  const unused = new Set(existing);
  for (const g of desired) {
    const wanted = new Map(g.endpoints.map((e) => [endpointKey(e), e]));
    const mine = existing.filter((s) => unused.has(s) && deepEqual(s.ports ?? [], g.ports));
    const filled: [Slice, Endpoint[]][] = [];
    for (const s of mine) {
      unused.delete(s);
      const kept: Endpoint[] = [];
      for (const e of s.endpoints ?? []) {
        const want = wanted.get(endpointKey(e));
        if (want) {
          kept.push(want);
          wanted.delete(endpointKey(e));
        }
      }
      filled.push([s, kept]);
    }
    const rest = [...wanted.values()];
    for (const f of filled) while (rest.length && f[1].length < MAX_ENDPOINTS_PER_SLICE) f[1].push(rest.shift()!);
    for (const [s, kept] of filled) {
      if (kept.length) plan.update.push([s, kept, g.ports]);
      else plan.remove.push(s);
    }
    for (let i = 0; i < rest.length; i += MAX_ENDPOINTS_PER_SLICE) plan.create.push({ ports: g.ports, endpoints: rest.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  const leftovers = [...unused];
  if (desired.length === 0) {
    const placeholder = leftovers.shift();
    if (placeholder) plan.update.push([placeholder, [], []]);
    else plan.create.push({ ports: [], endpoints: [] });
  }
  plan.remove.push(...leftovers);
  return plan;
}
