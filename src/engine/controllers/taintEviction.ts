// The taint eviction controller (kube-controller-manager pkg/controller/tainteviction/
// taint_eviction.go): pods on a node with NoExecute taints are deleted, at once when they do
// not tolerate a taint, else when their shortest tolerationSeconds runs out. One timer per
// pod (its TimedWorkerQueue), set only on nodes that have NoExecute taints.

import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';
import type { WatchEvent } from '../api/store.ts';
import type { ScheduledTask } from '../clock.ts';
import type { ClusterContext } from '../context.ts';
import { tolerates } from '../scheduler/filters.ts';
import { objectKey } from './workQueue.ts';

const PODS = typeForKind('Pod')!;
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
const EVENT_SOURCE = { component: TAINT_EVICTION_CONTROLLER };

type P = Stored<Pod>;
/** a pending eviction, or `done` once it ran (kept so the same pod is not evicted twice) */
type Work = { task: ScheduledTask; createdAt: number } | 'done';

export class TaintEvictionController {
  readonly #ctx: ClusterContext;
  /** the NoExecute taints of each node that has any */
  readonly #tainted = new Map<string, Taint[]>();
  readonly #work = new Map<string, Work>();

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
    ctx.api.store.watch('nodes', (e) => this.#onNode(e));
    ctx.api.store.watch('pods', (e) => this.#onPod(e));
  }

  #onNode(e: WatchEvent): void {
    if (e.old && e.old['spec'] === e.object['spec']) return;
    const name = e.object.metadata.name;
    const taints = e.type === 'DELETED' ? [] : ((e.object as unknown as Node).spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    const before = this.#tainted.get(name) ?? [];
    if (sameTaints(before, taints)) return;
    if (taints.length) this.#tainted.set(name, taints);
    else this.#tainted.delete(name);
    // handleNodeUpdate: every pod on the node is looked at again.
    for (const o of this.#ctx.api.store.byIndex('pods', 'node', name)) this.#processPod(o as unknown as P, taints);
  }

  #onPod(e: WatchEvent): void {
    // The hot path: with no tainted node and no pending eviction there is nothing to look at.
    if (this.#tainted.size === 0 && this.#work.size === 0) return;
    const pod = e.object as unknown as P;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (e.type === 'DELETED') {
      if (this.#work.has(key)) this.#cancel(key, pod);
      return;
    }
    const node = pod.spec?.nodeName;
    const taints = node ? this.#tainted.get(node) : undefined;
    if (taints) this.#processPod(pod, taints);
    else if (this.#work.has(key)) this.#cancel(key, pod);
  }

  /** processPodOnNode: evict now, later (the shortest toleration), or never. */
  #processPod(pod: P, taints: readonly Taint[]): void {
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (taints.length === 0) return this.#cancel(key, pod);
    const tolerations = pod.spec?.tolerations ?? [];
    const used: Toleration[] = [];
    for (const taint of taints) {
      const t = tolerations.find((x) => tolerates([x], taint));
      if (!t) {
        this.#cancel(key, pod);
        return this.#schedule(key, pod, this.#ctx.clock.now, this.#ctx.clock.now, `it does not tolerate the taint ${taint.key}:${taint.effect}`);
      }
      used.push(t);
    }
    const seconds = minTolerationSeconds(used);
    if (seconds === undefined) return this.#cancel(key, pod);
    const existing = this.#work.get(key);
    if (existing === 'done') return;
    const now = this.#ctx.clock.now;
    if (existing) {
      if (existing.createdAt + seconds * 1000 <= existing.task.at) return;
      existing.task.cancelled = true;
    }
    const createdAt = existing ? existing.createdAt : now;
    this.#schedule(key, pod, createdAt, createdAt + seconds * 1000, `its toleration of the node's NoExecute taint lasts ${seconds}s`);
  }

  #schedule(key: string, pod: P, createdAt: number, at: number, why: string): void {
    const { clock, trace } = this.#ctx;
    const name = pod.metadata.name;
    if (at > clock.now) trace.emit({ component: TAINT_EVICTION_CONTROLLER, action: 'reconcile', object: podRef(pod), why: `pod ${name} will be evicted at ${clock.iso(at)}: ${why}` });
    const task = clock.schedule(at, `${TAINT_EVICTION_CONTROLLER}: evict ${name}`, () => this.#evict(key, pod.metadata.uid, why));
    this.#work.set(key, { task, createdAt });
  }

  /** cancelWorkWithEvent: only a pending eviction is announced as cancelled. */
  #cancel(key: string, pod: P): void {
    const work = this.#work.get(key);
    if (work === undefined) return;
    this.#work.delete(key);
    if (work === 'done') return;
    work.task.cancelled = true;
    const ref = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    this.#ctx.events.record(pod as unknown as KubeObject, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${ref}`, EVENT_SOURCE);
  }

  /** deletePodHandler: the event, the DisruptionTarget condition, then an ordinary (graceful) delete. */
  #evict(key: string, uid: string, why: string): void {
    const { api, clock, events, trace } = this.#ctx;
    this.#work.set(key, 'done');
    const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const pod = api.get(PODS, ns, name) as P | undefined;
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    trace.emit({ component: TAINT_EVICTION_CONTROLLER, action: 'delete', object: podRef(pod), why: `evicting pod ${name} from ${pod.spec?.nodeName ?? ''}: ${why}` });
    events.record(pod as unknown as KubeObject, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, EVENT_SOURCE);
    const conditions = pod.status?.conditions ?? [];
    if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
      const condition = { lastProbeTime: null, lastTransitionTime: clock.iso(), message: 'Taint manager: deleting due to NoExecute taint', reason: 'DeletionByTaintManager', status: 'True', type: 'DisruptionTarget' };
      const next = { ...pod, status: { ...pod.status, conditions: [...conditions.filter((c) => c.type !== 'DisruptionTarget'), condition] } };
      api.replace(PODS, next as unknown as KubeObject, TAINT_EVICTION_CONTROLLER, `pod ${name} gets the DisruptionTarget condition before its deletion`);
    }
    api.delete(PODS, ns, name, { actor: TAINT_EVICTION_CONTROLLER });
  }
}

/** getMinTolerationTime: no tolerationSeconds means forever; zero or less means now. */
function minTolerationSeconds(used: readonly Toleration[]): number | undefined {
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    const s = Math.max(0, t.tolerationSeconds);
    if (min === undefined || s < min) min = s;
  }
  return min;
}

function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i]!.key && (t.value ?? '') === (b[i]!.value ?? '') && t.effect === b[i]!.effect);
}

const podRef = (pod: P): { kind: string; namespace: string; name: string } => ({ kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name });
