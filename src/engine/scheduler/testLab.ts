// A small harness for the scheduler's tests: a simulated cluster plus one-line helpers to
// create pods with requests, ports and spec extras, read where they landed and what the
// scheduler said about them (events, the PodScheduled condition), and edit nodes.

import type { Event, Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, Manifest, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import { createCluster } from '../cluster.ts';

const PODS = typeForKind('Pod')!;
const NODES = typeForKind('Node')!;

export interface PodOptions {
  readonly cpu?: string;
  readonly memory?: string;
  readonly image?: string;
  readonly ports?: readonly Record<string, unknown>[];
  readonly spec?: Record<string, unknown>;
}

export function podManifest(name: string, o: PodOptions = {}): Manifest {
  const requests = { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}) };
  const container = { name: 'app', image: o.image ?? 'nginx:1.27', ...(o.ports ? { ports: o.ports } : {}), ...(o.cpu || o.memory ? { resources: { requests } } : {}) };
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [container], ...o.spec } };
}

export interface Lab {
  readonly cluster: Cluster;
  create(name: string, o?: PodOptions): void;
  pod(name: string): Stored<Pod> | undefined;
  nodeOf(name: string): string | undefined;
  events(name: string, reason?: string): Event[];
  /** FailedScheduling occurrences, counting the repeats the event recorder folded together */
  failures(name: string): number;
  scheduledCondition(name: string): PodCondition | undefined;
  remove(name: string, gracePeriodSeconds?: number): void;
  node(name: string): Stored<Node>;
  replaceNode(name: string, change: (n: Stored<Node>) => Stored<Node>): void;
  settle(ms?: number): void;
  /** pod name → node name (or `undefined`) for every pod in `default` */
  placement(): Record<string, string>;
}

export function lab(options: { seed?: number; nodes?: number } = {}): Lab {
  const cluster = createCluster({ seed: options.seed ?? 1, ...(options.nodes ? { nodes: options.nodes } : {}) });
  const pod = (name: string): Stored<Pod> | undefined => cluster.api.get(PODS, 'default', name) as Stored<Pod> | undefined;
  const node = (name: string): Stored<Node> => cluster.api.get(NODES, undefined, name) as Stored<Node>;
  const events = (name: string, reason?: string): Event[] =>
    (cluster.api.store.byIndex('events', 'involvedObject', `Pod/default/${name}`) as unknown as Event[]).filter((e) => !reason || e.reason === reason);
  return {
    cluster,
    create(name, o = {}) {
      const r = cluster.api.create(podManifest(name, o), 'default', { actor: 'kubectl' });
      if (!r.ok) throw new Error(r.error.message);
    },
    pod,
    nodeOf: (name) => pod(name)?.spec?.nodeName,
    events,
    failures: (name) => events(name, 'FailedScheduling').reduce((n, e) => n + (e.count ?? 1), 0),
    scheduledCondition: (name) => pod(name)?.status?.conditions?.find((c) => c.type === 'PodScheduled'),
    remove(name, gracePeriodSeconds) {
      const r = cluster.api.delete(PODS, 'default', name, { actor: 'kubectl', ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) });
      if (!r.ok) throw new Error(r.error.message);
    },
    node,
    replaceNode(name, change) {
      cluster.api.replace(NODES, change(node(name)) as unknown as KubeObject, 'kubectl');
    },
    settle: (ms = 5_000) => cluster.advance(ms),
    placement: () => Object.fromEntries(cluster.api.list(PODS, 'default').map((p) => [p.metadata.name, String((p as unknown as Pod).spec?.nodeName)])),
  };
}
