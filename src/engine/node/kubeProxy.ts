// kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go), as one router for all nodes:
// a request to a ClusterIP, a NodePort on any node or a LoadBalancer address goes to one ready
// endpoint, chosen uniformly at random (the `statistic --mode random` chain) or pinned per
// client IP (`recent`, sessionAffinity: ClientIP); a service without endpoints REJECTs.

import type { Service } from 'kubernetes-types/core/v1';
import type { ClusterContext } from '../context.ts';
import type { HttpResponse } from '../registry/image.ts';
import { resolveInCluster } from './dns.ts';
import type { NodeAgents } from './nodeAgents.ts';
import type { ProxyEndpoint } from './serviceEndpoints.ts';
import { proxyEndpoints, servicePortFor } from './serviceEndpoints.ts';

/** Where a request comes from: outside the cluster (kind's Docker host), a node's own shell, or a pod. */
export type Client =
  | { readonly kind: 'outside'; readonly ip: string }
  | { readonly kind: 'node'; readonly node: string }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string };

export interface ProxyRequest {
  readonly client: Client;
  /** an IPv4 address, `localhost`, or (from a pod) a Service's DNS name */
  readonly host: string;
  readonly port: number;
  readonly path?: string;
  readonly userAgent?: string;
}

export type ProxyResult =
  | { readonly outcome: 'response'; readonly ip: string; readonly response: HttpResponse; readonly pod?: { readonly namespace: string; readonly name: string } }
  /** the name does not resolve (curl exit 6) */
  | { readonly outcome: 'unresolved' }
  /** RST or ICMP port unreachable: nothing listens, or the service has no endpoints (exit 7) */
  | { readonly outcome: 'refused'; readonly ip: string }
  /** the packets go nowhere: an address the client cannot reach (exit 28) */
  | { readonly outcome: 'timeout'; readonly ip: string }
  /** connected, but what listens does not speak HTTP (exit 52) */
  | { readonly outcome: 'empty-reply'; readonly ip: string };

const DEFAULT_AFFINITY_SECONDS = 10800;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export class KubeProxy {
  readonly #ctx: ClusterContext;
  readonly #nodes: NodeAgents;
  /** the `recent` module's table per node: service port and client IP → endpoint, last seen */
  readonly #affinity = new Map<string, { ip: string; port: number; lastMs: number }>();
  /**
   * Which node answers ARP for a LoadBalancer address (the load balancer's speakers), when one
   * is installed. Packets from outside reach that node's rules; unanswered, they go nowhere.
   */
  announcer?: (ip: string) => string | undefined;

  constructor(ctx: ClusterContext, nodes: NodeAgents) {
    this.#ctx = ctx;
    this.#nodes = nodes;
  }

  request(req: ProxyRequest): ProxyResult {
    const from = this.#origin(req.client);
    if (!from) return { outcome: 'timeout', ip: req.host };
    const ip = this.#resolve(req);
    if (ip === undefined) return { outcome: 'unresolved' };
    const target = ip === '127.0.0.1' && from.node ? (this.#nodes.kubelets.get(from.node)?.nodeIP ?? ip) : ip;
    // The host's own loopback: nothing of the cluster listens there.
    if (ip === '127.0.0.1' && req.client.kind === 'outside') return { outcome: 'refused', ip };
    if (ip === '127.0.0.1' && req.client.kind === 'pod') return this.#deliver(req, from.ip, { ip: from.ip, port: req.port, pod: req.client }, ip);
    const insideNetwork = req.client.kind !== 'outside';
    const services = this.#ctx.api.store.list('services') as unknown as Service[];
    if (insideNetwork) {
      const svc = services.find((s) => s.spec?.clusterIP === target);
      if (svc) {
        const sp = servicePortFor(svc, req.port, 'port');
        // No rule for that port: the packet to the virtual IP is routed nowhere.
        return sp ? this.#route(req, from, svc, proxyEndpoints(this.#ctx.api, svc, sp), from.node, ip) : { outcome: 'timeout', ip };
      }
    }
    const node = [...this.#nodes.kubelets.values()].find((k) => k.nodeIP === target);
    const lb = node ? undefined : services.find((s) => s.spec?.type === 'LoadBalancer' && s.status?.loadBalancer?.ingress?.some((i) => i.ip === target));
    if (node || lb) {
      const svc = lb ?? services.find((s) => (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && servicePortFor(s, req.port, 'nodePort'));
      const sp = svc && (lb ? servicePortFor(svc, req.port, 'port') : servicePortFor(svc, req.port, 'nodePort'));
      if (!svc || !sp) return lb ? { outcome: 'timeout', ip } : { outcome: 'refused', ip };
      const announced = lb && this.announcer ? this.announcer(target) : undefined;
      if (lb && this.announcer && !announced && !from.node) return { outcome: 'timeout', ip };
      // A node's own packets meet its own rules; outside packets enter at the announcing node.
      const via = node?.nodeName ?? from.node ?? announced ?? [...this.#nodes.kubelets.keys()][0]!;
      let endpoints = proxyEndpoints(this.#ctx.api, svc, sp);
      // externalTrafficPolicy: Local keeps external traffic on the node it hit, and drops it there without a local endpoint.
      if (svc.spec?.externalTrafficPolicy === 'Local') {
        endpoints = endpoints.filter((e) => e.nodeName === via);
        if (!endpoints.length && proxyEndpoints(this.#ctx.api, svc, sp).length) return { outcome: 'timeout', ip };
      }
      return this.#route(req, from, svc, endpoints, via, ip);
    }
    if (insideNetwork) {
      const pod = this.#podByIP(target);
      if (pod) return this.#deliver(req, from.ip, { ip: target, port: req.port, pod }, ip);
    }
    return { outcome: 'timeout', ip };
  }

  /** The client's source address and the node whose rules its packets meet first. */
  #origin(client: Client): { ip: string; node?: string } | undefined {
    if (client.kind === 'outside') return { ip: client.ip };
    if (client.kind === 'node') {
      const k = this.#nodes.kubelets.get(client.node);
      return k ? { ip: k.nodeIP, node: k.nodeName } : undefined;
    }
    for (const k of this.#nodes.kubelets.values()) {
      const run = k.pods.get(`${client.namespace}/${client.name}`);
      if (run?.podIP) return { ip: run.podIP, node: k.nodeName };
    }
    return undefined;
  }

  #resolve(req: ProxyRequest): string | undefined {
    const host = req.host.toLowerCase();
    if (IPV4.test(host)) return host;
    if (host === 'localhost') return '127.0.0.1';
    // Only pods use the cluster DNS; a node's or the host's resolver knows nothing of Services.
    return req.client.kind === 'pod' ? resolveInCluster(this.#ctx.api, host, req.client.namespace) : undefined;
  }

  #route(req: ProxyRequest, from: { ip: string }, svc: Service, endpoints: readonly ProxyEndpoint[], node: string | undefined, ip: string): ProxyResult {
    const name = svc.metadata!.name!;
    const ns = svc.metadata!.namespace!;
    const component = `kube-proxy/${node ?? [...this.#nodes.kubelets.keys()][0]!}` as const;
    const object = { kind: 'Service', namespace: ns, name };
    if (!endpoints.length) {
      this.#ctx.trace.emit({ component, action: 'route-request', object, why: `${from.ip} → ${ip}:${req.port}: Service ${name} has no ready endpoints, so the REJECT rule answers: connection refused` });
      return { outcome: 'refused', ip };
    }
    const { endpoint, why } = this.#choose(svc, endpoints, from.ip, node ?? '', req.port);
    this.#ctx.trace.emit({ component, action: 'route-request', object, why: `${from.ip} → ${ip}:${req.port}: ${why}` });
    // Traffic from outside is masqueraded (KUBE-MARK-MASQ): the pod sees the node's address.
    const seenFrom = req.client.kind === 'outside' && svc.spec?.externalTrafficPolicy !== 'Local' && node ? (this.#nodes.kubelets.get(node)?.nodeIP ?? from.ip) : from.ip;
    return this.#deliver(req, seenFrom, endpoint, ip);
  }

  #choose(svc: Service, endpoints: readonly ProxyEndpoint[], clientIP: string, node: string, port: number): { endpoint: ProxyEndpoint; why: string } {
    const where = (e: ProxyEndpoint): string => `${e.pod ? `pod ${e.pod.name} ` : ''}(${e.ip}:${e.port})`;
    if (svc.spec?.sessionAffinity === 'ClientIP') {
      const timeoutMs = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
      const key = `${node}|${svc.metadata!.uid ?? ''}|${port}|${clientIP}`;
      const now = this.#ctx.clock.now;
      const seen = this.#affinity.get(key);
      const pinned = seen && now - seen.lastMs <= timeoutMs ? endpoints.find((e) => e.ip === seen.ip && e.port === seen.port) : undefined;
      const endpoint = pinned ?? endpoints[this.#ctx.random.int(endpoints.length)]!;
      this.#affinity.set(key, { ip: endpoint.ip, port: endpoint.port, lastMs: now });
      const why = pinned ? `sessionAffinity ClientIP keeps ${clientIP} on ${where(endpoint)}` : `sessionAffinity ClientIP pins ${clientIP} to ${where(endpoint)}, picked at random from ${endpoints.length} ready endpoint(s)`;
      return { endpoint, why };
    }
    const endpoint = endpoints[this.#ctx.random.int(endpoints.length)]!;
    return { endpoint, why: `picked ${where(endpoint)} at random, 1 in ${endpoints.length} ready endpoint(s)` };
  }

  #podByIP(ip: string): { namespace: string; name: string } | undefined {
    for (const k of this.#nodes.kubelets.values())
      for (const run of k.pods.values())
        if (run.podIP === ip && !run.pod.spec?.hostNetwork) return { namespace: run.pod.metadata.namespace!, name: run.pod.metadata.name };
    return undefined;
  }

  /** The packet reaches the pod: a running container listening on the port answers, or the kernel refuses. */
  #deliver(req: ProxyRequest, clientIP: string, dest: { ip: string; port: number; pod?: { namespace: string; name: string } }, ip: string): ProxyResult {
    // An endpoint written by hand may name a pod by address only, or a machine outside the cluster.
    const podAt = dest.pod ?? this.#podByIP(dest.ip);
    const to = podAt ? { ...dest, pod: podAt } : dest;
    if (!to.pod && ![...this.#nodes.kubelets.values()].some((k) => k.nodeIP === to.ip)) return { outcome: 'timeout', ip };
    const kubelet = to.pod ? [...this.#nodes.kubelets.values()].find((k) => k.pods.has(`${to.pod!.namespace}/${to.pod!.name}`)) : undefined;
    // A machine that is down answers nothing: the SYN is lost, not refused.
    if (kubelet && !kubelet.alive) return { outcome: 'timeout', ip };
    const run = kubelet?.pods.get(`${to.pod!.namespace}/${to.pod!.name}`);
    const container = run?.containers.find((c) => c.phase === 'running' && c.behaviour?.listens.some((l) => l.port === to.port && l.protocol === 'TCP'));
    if (!container?.behaviour) return { outcome: 'refused', ip };
    const listen = container.behaviour.listens.find((l) => l.port === to.port)!;
    if (listen.app !== 'http' || !container.behaviour.serve) return { outcome: 'empty-reply', ip };
    const response = container.behaviour.serve({
      method: 'GET',
      path: req.path ?? '/',
      clientIP,
      time: this.#ctx.clock.iso(),
      ...(req.userAgent ? { userAgent: req.userAgent } : {}),
    });
    if (response.accessLog !== undefined) container.logs.push(response.accessLog);
    return { outcome: 'response', ip, response, ...(to.pod ? { pod: to.pod } : {}) };
  }
}
