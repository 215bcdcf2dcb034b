// `kubectl drain` (kubectl pkg/cmd/drain/drain.go, pkg/drain/drain.go and filters.go): cordons
// the node, sorts its pods through drain's filters (DaemonSet-managed, mirror, local storage,
// unmanaged), then evicts the rest and waits until they are gone. The lab has no Eviction API
// and no PodDisruptionBudgets, where an eviction is a delete with the pod's grace period.

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { Proc } from '../process.ts';
import type { Kubectl } from './client.ts';
import { err, out } from './client.ts';
import { findNodes, setUnschedulable } from './cordon.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';

const PODS = typeForKind('Pod')!;

const FLAGS = [
  { name: 'force', kind: 'bool' },
  { name: 'ignore-daemonsets', kind: 'bool' },
  { name: 'delete-emptydir-data', kind: 'bool' },
  { name: 'disable-eviction', kind: 'bool' },
  { name: 'grace-period', kind: 'int' },
  { name: 'timeout', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'pod-selector', kind: 'string' },
  { name: 'skip-wait-for-delete-timeout', kind: 'int' },
  { name: 'chunk-size', kind: 'int' },
  { name: 'dry-run', kind: 'string' },
] as const;

// filters.go's messages
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Options {
  readonly force: boolean;
  readonly ignoreDaemonSets: boolean;
  readonly deleteEmptyDir: boolean;
}

/** What drain's filters decide for one node's pods: whom to evict, what to warn, what stops it. */
interface PodDeleteList {
  readonly evict: Pod[];
  readonly warnings: Map<string, string[]>;
  readonly errors: Map<string, string[]>;
}

export function* drain(k: Kubectl, args: readonly string[]): Proc {
  const flags = parseFlags(args, FLAGS);
  const nodes = findNodes(k, flags, 'drain');
  if (nodes === undefined) return 1;
  const opts: Options = { force: flagBool(flags, 'force'), ignoreDaemonSets: flagBool(flags, 'ignore-daemonsets'), deleteEmptyDir: flagBool(flags, 'delete-emptydir-data') };
  const grace = Number(flagValue(flags, 'grace-period') ?? -1);
  const disableEviction = flagBool(flags, 'disable-eviction');
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    setUnschedulable(k, node, true);
    const list = podsForDeletion(k, name, opts);
    if (list.errors.size) {
      const errs = [...list.errors].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
      err(k, `error: unable to drain node "${name}" due to error: ${aggregate(errs)}, continuing command...\n`);
      fatal.push(errs);
      remaining.push(name);
      continue;
    }
    if (list.warnings.size) err(k, `Warning: ${[...list.warnings].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ')}\n`);
    yield* evictPods(k, list.evict, grace, disableEviction);
    out(k, `node/${name} drained\n`);
  }
  if (fatal.length === 0) return 0;
  err(k, `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // CheckErr prints an aggregate one error per line, without the `error: ` prefix.
  err(k, `${fatal.map((errs) => aggregate(errs)).join('\n')}\n`);
  return 1;
}

/** utilerrors.Aggregate's Error(): one message alone, several in brackets. */
function aggregate(msgs: readonly string[]): string {
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** GetPodsForDeletion: every pod on the node (all namespaces, by name) through the filters in order. */
function podsForDeletion(k: Kubectl, nodeName: string, opts: Options): PodDeleteList {
  const pods = (k.cluster.api.store.byIndex('pods', 'node', nodeName) as unknown as Pod[])
    .slice()
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const list: PodDeleteList = { evict: [], warnings: new Map(), errors: new Map() };
  const add = (m: Map<string, string[]>, msg: string, pod: Pod): void => {
    m.set(msg, [...(m.get(msg) ?? []), key(pod)]);
  };
  for (const pod of pods) {
    const controller = pod.metadata?.ownerReferences?.find((r) => r.controller);
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (controller?.kind === 'DaemonSet') {
      if (opts.ignoreDaemonSets) add(list.warnings, DAEMONSET_WARNING, pod);
      else add(list.errors, DAEMONSET_FATAL, pod);
      continue;
    }
    // Mirror pods (static pods) are skipped silently.
    if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    let problem = false;
    if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir)) {
      if (opts.deleteEmptyDir) add(list.warnings, LOCAL_STORAGE_WARNING, pod);
      else {
        add(list.errors, LOCAL_STORAGE_FATAL, pod);
        problem = true;
      }
    }
    if (!finished && !controller && !problem) {
      if (opts.force) add(list.warnings, UNMANAGED_WARNING, pod);
      else {
        add(list.errors, UNMANAGED_FATAL, pod);
        problem = true;
      }
    }
    if (!problem) list.evict.push(pod);
  }
  return list;
}

/** evictPods / deletePods: ask for each, then wait until each is gone, reporting as they go. */
function* evictPods(k: Kubectl, pods: readonly Pod[], grace: number, disableEviction: boolean): Proc {
  const api = k.cluster.api;
  const pending: Pod[] = [];
  for (const pod of pods) {
    const ns = pod.metadata?.namespace;
    const name = pod.metadata?.name ?? '';
    if (!disableEviction) out(k, `evicting pod ${key(pod)}\n`);
    const rec = k.cluster.trace.emit({ component: 'kubectl', action: 'request', object: { kind: 'Pod', namespace: ns ?? 'default', name }, why: `kubectl drain ${disableEviction ? 'deletes' : 'evicts'} pod ${name} (with its own grace period${grace >= 0 ? `: ${grace}s asked` : ''})` });
    const r = k.cluster.trace.within(rec.id, () => api.delete(PODS, ns, name, { actor: 'kubectl', ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) }));
    if (r.ok || r.error.reason !== 'NotFound') pending.push(pod);
  }
  const gone = (pod: Pod): boolean => api.get(PODS, pod.metadata?.namespace, pod.metadata?.name ?? '')?.metadata.uid !== pod.metadata?.uid;
  const verb = disableEviction ? 'deleted' : 'evicted';
  // kubectl waits without limit by default; a lab script gives up after a simulated day.
  const deadline = k.cluster.clock.now + 24 * 3600 * 1000;
  while (pending.length) {
    for (let i = 0; i < pending.length; ) {
      if (gone(pending[i]!)) {
        out(k, `pod/${pending[i]!.metadata?.name ?? ''} ${verb}\n`);
        pending.splice(i, 1);
      } else i++;
    }
    if (!pending.length || k.cluster.clock.now >= deadline) break;
    yield { until: () => pending.some(gone), timeoutMs: deadline - k.cluster.clock.now };
  }
  return 0;
}

const key = (pod: Pod | KubeObject): string => `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
