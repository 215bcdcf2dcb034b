// The Endpoints controller (kube-controller-manager pkg/controller/endpoint/endpoints_controller.go):
// per Service with a selector, the pods it selects become `subsets` — ready ones in `addresses`,
// the rest in `notReadyAddresses`, terminating ones left out — with each Service port's
// targetPort resolved per pod. Services without a selector keep their hand-written Endpoints.

import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/objects.ts';
import { deepEqual } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import { isPodReady } from './podRanking.ts';
import type { ServiceSelectors } from './serviceSelectors.ts';
import { findPort, shouldPodBeInEndpoints, watchServicesAndPods } from './serviceSelectors.ts';
import { TriggerTimes } from './triggerTime.ts';
import { splitKey } from './workQueue.ts';

const SERVICES = typeForKind('Service')!;
const ENDPOINTS = typeForKind('Endpoints')!;
export const ENDPOINTS_CONTROLLER = 'endpoint-controller';
export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const MAX_CAPACITY = 1000;

export class EndpointsController {
  readonly #ctx: ClusterContext;
  readonly #selectors: ServiceSelectors;
  readonly #triggers = new TriggerTimes();

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    this.#selectors = watchServicesAndPods(ctx, ENDPOINTS_CONTROLLER, (key) => this.#reconcile(key)).selectors;
  }

  #reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const api = this.#ctx.api;
    const svc = api.get(SERVICES, ns, name) as unknown as Service | undefined;
    const current = api.get(ENDPOINTS, ns, name);
    if (!svc) {
      this.#triggers.forget(key);
      if (current) api.remove(ENDPOINTS, current, ENDPOINTS_CONTROLLER);
      return;
    }
    if (Object.keys(svc.spec?.selector ?? {}).length === 0) return;
    const pods = this.#selectors.selectedPods(svc);
    const subsets = endpointSubsets(svc, pods);
    const labels = { ...(svc.metadata?.labels ?? {}), ...(svc.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}) };
    const trigger = this.#triggers.compute(key, svc, pods);
    const cur = current as unknown as Endpoints | undefined;
    if (cur && deepEqual(cur.subsets ?? [], subsets) && deepEqual(cur.metadata?.labels ?? {}, labels)) return;
    const { [TRIGGER_TIME]: _old, ...annotations } = cur?.metadata?.annotations ?? {};
    if (trigger) annotations[TRIGGER_TIME] = trigger;
    const meta = { ...(current?.metadata ?? { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' }), labels, ...(Object.keys(annotations).length ? { annotations } : {}) };
    if (!Object.keys(annotations).length) delete (meta as { annotations?: unknown }).annotations;
    const next = { apiVersion: 'v1', kind: 'Endpoints', metadata: meta, ...(subsets.length ? { subsets } : {}) } as unknown as KubeObject;
    const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const why = `Service ${name} selects ${pods.length} pod(s), ${ready} ready: ${current ? 'updating' : 'creating'} its Endpoints`;
    if (current) api.replace(ENDPOINTS, next, ENDPOINTS_CONTROLLER, why);
    else api.createTrusted(ENDPOINTS, next, ENDPOINTS_CONTROLLER, why);
  }
}

const compareAddresses = (a: EndpointAddress, b: EndpointAddress): number => compareIPs(a.ip, b.ip) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** syncService's loop then RepackSubsets: pods with the same resolved ports share one subset, addresses sorted. */
export function endpointSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const servicePorts = svc.spec?.ports ?? [];
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  let total = 0;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address: EndpointAddress = {
      ip: pod.status!.podIP!,
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, uid: pod.metadata!.uid! },
    };
    const ports: EndpointPort[] = [];
    for (const sp of servicePorts) {
      const protocol = sp.protocol ?? 'TCP';
      const port = findPort(pod, sp.targetPort, protocol, sp.port);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    if (servicePorts.length > 0 && ports.length === 0) continue;
    ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    const gk = JSON.stringify(ports);
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { ports, ready: [], notReady: [] }));
    if (total++ >= MAX_CAPACITY) break;
    if (publishNotReady || isPodReady(pod as never)) g.ready.push(address);
    else g.notReady.push(address);
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    g.ready.sort(compareAddresses);
    g.notReady.sort(compareAddresses);
    subsets.push({
      ...(g.ready.length ? { addresses: g.ready } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady } : {}),
      ...(g.ports.length ? { ports: g.ports } : {}),
    });
  }
  return subsets;
}
