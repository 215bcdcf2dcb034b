// Which pod `kubectl logs deploy/web` (or rs/, job/, svc/…) reads: the controller's selector
// (polymorphichelpers.SelectorsForObject), the pods it matches, the best one first by
// podutils.ByLogging (assigned, running, ready longest, fewest restarts, oldest), waiting up to
// --pod-running-timeout (20 s) for a pod to appear (polymorphichelpers.GetFirstPod).

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import type { ResourceType } from '../../api/resources.ts';
import { typeForKind } from '../../api/resources.ts';
import { millisFromIso } from '../../clock.ts';
import { selectorString } from '../printers/selectors.ts';
import type { Wait } from '../process.ts';
import type { CmdError } from './builder.ts';
import { listFilter, listSelectorError, matchesFilter } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err } from './client.ts';
import type { ParsedFlags } from './flags.ts';
import { flagValue } from './flags.ts';
import { parseRequestTimeout } from './get.ts';

const PODS = typeForKind('Pod')!;

/** The pods `kubectl logs -l` reads, in list order; the API server's error when it refuses the selector. */
export function selectorPods(k: Kubectl, namespace: string, selector: string): KubeObject[] | CmdError {
  const filter = listFilter(PODS, selector, undefined);
  if (typeof filter === 'string') return { api: listSelectorError(PODS, selector, undefined, filter) };
  return k.cluster.api.list(PODS, namespace).filter((p) => matchesFilter(PODS, p, filter));
}

/** SelectorsForObject: the label selector string a controller's pods carry, or kubectl's refusal. */
function selectorFor(type: ResourceType, obj: KubeObject): string | { error: string } {
  const spec = (obj['spec'] ?? {}) as { selector?: unknown };
  const typeName = `*${type.version}.${type.kind}`;
  switch (type.kind) {
    case 'ReplicationController':
    case 'Service': {
      const sel = (spec.selector ?? {}) as Record<string, string>;
      if (type.kind === 'Service' && Object.keys(sel).length === 0) {
        return { error: `cannot get the logs from ${typeName}: invalid service '${obj.metadata.name}': Service is defined without a selector` };
      }
      return selectorString({ matchLabels: sel }) ?? '';
    }
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return selectorString(spec.selector as LabelSelector | undefined) ?? '';
    default:
      return { error: `cannot get the logs from ${typeName}: selector for ${typeName} not implemented` };
  }
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(p: Pod): number | undefined {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? millisFromIso(c.lastTransitionTime) : undefined;
}

const isReady = (p: Pod): boolean => readyTime(p) !== undefined || !!p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));

/** afterOrZero(t1, t2): a missing time sorts last. */
const afterOrZero = (t1: number | undefined, t2: number | undefined): boolean => (t1 === undefined || t2 === undefined ? t1 === undefined : t1 > t2);

/** podutils.ByLogging Less: is `a` a better pod to read logs from than `b`? */
function byLogging(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (a.status?.phase !== b.status?.phase) return pa > pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata?.creationTimestamp ? millisFromIso(a.metadata.creationTimestamp) : undefined;
  const cb = b.metadata?.creationTimestamp ? millisFromIso(b.metadata.creationTimestamp) : undefined;
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/** GetFirstPod for a controller; prints `Found N pods, using pod/x` as logsforobject.go does (exec's attachablepodforobject.go does not). */
export function* firstPodFor(k: Kubectl, type: ResourceType, obj: KubeObject, flags: ParsedFlags, announce = true): Generator<Wait, KubeObject | string, void> {
  const sel = selectorFor(type, obj);
  if (typeof sel !== 'string') return sel.error;
  const namespace = obj.metadata.namespace;
  const matching = (): KubeObject[] => {
    const pods = selectorPods(k, namespace ?? 'default', sel);
    return Array.isArray(pods) ? pods : [];
  };
  let pods = matching();
  if (pods.length === 0) {
    const timeoutMs = parseRequestTimeout(flagValue(flags, 'pod-running-timeout') ?? '20s') ?? 20_000;
    yield { until: () => matching().length > 0, timeoutMs };
    pods = matching();
    if (pods.length === 0) return 'timed out waiting for the condition';
    return pods[0]!;
  }
  const sorted = [...pods].sort((a, b) => (byLogging(a as unknown as Pod, b as unknown as Pod) ? -1 : byLogging(b as unknown as Pod, a as unknown as Pod) ? 1 : 0));
  if (pods.length > 1 && announce) err(k, `Found ${pods.length} pods, using pod/${sorted[0]!.metadata.name}\n`);
  return sorted[0]!;
}
