// The HorizontalPodAutoscaler controller (kube-controller-manager pkg/controller/podautoscaler/
// horizontal.go, v1.32): every 15 s per HPA it reads the target's scale and its pods' CPU from
// the resource metrics API, computes the replica count, tempers it (stabilisation, min/max,
// scale-up limit), writes spec.replicas through the scale subresource, then the HPA's status.

import type { HPAScalingRules, HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/objects.ts';
import { clone, deepEqual } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { ScheduledTask } from '../../clock.ts';
import type { ClusterContext } from '../../context.ts';
import type { ResourceMetrics } from '../../node/metrics.ts';
import { LABEL_INDEX, compileSelector, labelKey } from '../indexes.ts';
import { objectKey, splitKey } from '../workQueue.ts';
import { defaultScaleDownRules, defaultScaleUpRules } from '../../api/defaults/autoscaling.ts';
import type { ScaleEvent } from './behavior.ts';
import { applyBehaviorRules, recordScaleEvent, stabilizeWithBehavior } from './behavior.ts';
import type { Recommendation } from './normalize.ts';
import { applyRules, stabilize } from './normalize.ts';
import type { PodMetric } from './replicaCalculator.ts';
import { resourceReplicas } from './replicaCalculator.ts';

export type HPA = Stored<HorizontalPodAutoscaler>;
type Condition = HorizontalPodAutoscalerCondition;

/** --horizontal-pod-autoscaler-sync-period */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** the Events' source, as kube-controller-manager's recorder names it */
export const HPA_EVENT_SOURCE = 'horizontal-pod-autoscaler';
const HPA_COMPONENT = 'horizontal-pod-autoscaler-controller';

const HPAS = typeForKind('HorizontalPodAutoscaler')!;
/** kinds with a scale subresource that the lab runs */
const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

/** Utilization 80% of CPU: what the API server defaults an HPA without metrics to. */
export const DEFAULT_METRICS: readonly MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

interface MetricsOutcome {
  replicas: number;
  metricName: string;
  statuses: MetricStatus[];
  error?: string;
}

export class HorizontalController {
  readonly #ctx: ClusterContext;
  readonly #metrics: ResourceMetrics;
  /** one clock task per HPA: its next sync (the rate limiter's fixed 15 s interval) */
  readonly #tasks = new Map<string, ScheduledTask>();
  readonly #recommendations = new Map<string, Recommendation[]>();
  /** recent rescales per HPA, for spec.behavior's rate policies */
  readonly #scaleUps = new Map<string, ScaleEvent[]>();
  readonly #scaleDowns = new Map<string, ScaleEvent[]>();

  constructor(ctx: ClusterContext, metrics: ResourceMetrics) {
    this.#ctx = ctx;
    this.#metrics = metrics;
    ctx.api.store.watch('horizontalpodautoscalers', (e) => {
      const key = objectKey(e.object.metadata.namespace, e.object.metadata.name);
      if (e.type === 'DELETED') {
        const task = this.#tasks.get(key);
        if (task) task.cancelled = true;
        this.#tasks.delete(key);
        this.#forget(key);
      } else if (!this.#tasks.has(key)) this.#schedule(key);
    });
  }

  /** enqueueHPA's AddRateLimited: a new or changed HPA waits one sync period, never more than one is queued. */
  #schedule(key: string): void {
    this.#tasks.set(
      key,
      this.#ctx.clock.after(HPA_SYNC_PERIOD_MS, HPA_COMPONENT, () => {
        // The entry stays while the sync runs, so its own status write does not queue a second one.
        const alive = this.#reconcile(key);
        this.#tasks.delete(key);
        if (alive) this.#schedule(key);
      }),
    );
  }

  /** reconcileAutoscaler; returns false once the HPA is gone. */
  #reconcile(key: string): boolean {
    const [ns, name] = splitKey(key);
    const hpa = this.#ctx.api.get(HPAS, ns, name) as unknown as HPA | undefined;
    if (!hpa) {
      this.#forget(key);
      return false;
    }
    const spec = hpa.spec;
    const status = { ...hpa.status, conditions: [...(hpa.status?.conditions ?? [])] } as NonNullable<HorizontalPodAutoscaler['status']>;
    const conditions = status.conditions!;
    const set = (type: string, s: 'True' | 'False', reason: string, message: string): void => setCondition(conditions, type, s, reason, message, this.#ctx.clock.iso());
    const ref = spec?.scaleTargetRef;
    const type = ref && SCALABLE.has(ref.kind) ? typeForKind(ref.kind) : undefined;
    const target = type && ref ? this.#ctx.api.get(type, ns, ref.name) : undefined;
    if (!target) {
      const why = type ? `${type.resource}.${type.group} "${ref?.name ?? ''}" not found` : `the lab cannot scale a ${ref?.kind ?? ''}: it runs Deployments and ReplicaSets`;
      this.#event(hpa, 'Warning', 'FailedGetScale', why);
      set('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${why}`);
      this.#writeStatus(hpa, { ...status, desiredReplicas: status.desiredReplicas ?? 0 });
      return true;
    }
    set('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
    const targetSpec = (target['spec'] ?? {}) as { replicas?: number; selector?: Parameters<typeof compileSelector>[0] };
    const current = targetSpec.replicas ?? 1;
    if (!this.#recommendations.has(key)) this.#recommendations.set(key, [{ replicas: current, at: this.#ctx.clock.now }]);
    const min = spec?.minReplicas ?? 1;
    const max = spec?.maxReplicas ?? 0;
    let desired = 0;
    let reason = '';
    let rescale = true;
    let statuses: MetricStatus[] = [];
    if (current === 0 && min !== 0) {
      rescale = false;
      set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    } else if (current > max) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = max;
    } else if (current < min) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      const outcome = this.#computeReplicasForMetrics(hpa, current, this.#podsOf(ns, targetSpec.selector), set);
      statuses = outcome.statuses;
      if (outcome.replicas === -1) {
        this.#writeStatus(hpa, withMetrics({ ...status, currentReplicas: current }, statuses));
        this.#event(hpa, 'Warning', 'FailedComputeMetricsReplicas', outcome.error ?? '');
        return true;
      }
      desired = outcome.replicas;
      if (desired > current) reason = `${outcome.metricName} above target`;
      if (desired < current) reason = 'All metrics below target';
      desired = hpa.spec?.behavior ? this.#normalizeWithBehaviors(hpa, key, current, desired, min, max, set) : this.#normalize(key, current, desired, min, max, set);
      rescale = desired !== current;
    }
    if (rescale) {
      const next = clone(target) as KubeObject;
      next['spec'] = { ...targetSpec, replicas: desired };
      const why = `HorizontalPodAutoscaler ${name} sets ${ref!.kind} ${ref!.name} to ${desired} replicas: ${reason}`;
      this.#ctx.trace.emit({ component: HPA_COMPONENT, action: 'reconcile', object: { kind: 'HorizontalPodAutoscaler', namespace: ns ?? 'default', name }, why });
      const r = this.#ctx.api.update(next, ns, { actor: HPA_COMPONENT });
      if (!r.ok) {
        this.#event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${r.error.message}`);
        set('AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${r.error.message}`);
        this.#writeStatus(hpa, withMetrics({ ...status, currentReplicas: current }, statuses));
        return true;
      }
      set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      this.#event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      this.#storeScaleEvent(hpa, key, current, desired);
    } else desired = current;
    this.#writeStatus(hpa, withMetrics({ ...status, currentReplicas: current, desiredReplicas: desired, ...(rescale ? { lastScaleTime: this.#ctx.clock.iso() } : {}) }, statuses));
    return true;
  }

  /** The pods the target's selector matches, through the label index. */
  #podsOf(ns: string | undefined, selectorSpec: Parameters<typeof compileSelector>[0]): Stored<Pod>[] {
    const selector = compileSelector(selectorSpec);
    if (selector.empty) return [];
    const store = this.#ctx.api.store;
    const candidates = selector.anyPair ? store.byIndex('pods', LABEL_INDEX, labelKey(ns, ...selector.anyPair)) : store.list('pods', ns);
    return candidates.filter((o) => o.metadata.namespace === ns && selector.matches(o.metadata.labels)) as unknown as Stored<Pod>[];
  }

  /** computeReplicasForMetrics: the highest proposal over valid metrics, or -1 when none is. */
  #computeReplicasForMetrics(hpa: HPA, current: number, pods: readonly Stored<Pod>[], set: (type: string, s: 'True' | 'False', reason: string, message: string) => void): MetricsOutcome {
    const specs = hpa.spec?.metrics?.length ? hpa.spec.metrics : DEFAULT_METRICS;
    const statuses: MetricStatus[] = specs.map(() => ({ type: '' }) as MetricStatus);
    let replicas = 0;
    let metricName = '';
    let invalid = 0;
    let firstError: { message: string; condition: string } | undefined;
    specs.forEach((spec, i) => {
      const r = this.#resourceMetric(spec, current, pods);
      if (!r.ok) {
        invalid++;
        this.#event(hpa, 'Warning', r.reason, r.error);
        firstError ??= { message: r.error, condition: r.reason };
        return;
      }
      statuses[i] = r.status;
      if (replicas === 0 || r.replicas > replicas) {
        replicas = r.replicas;
        metricName = r.metricName;
      }
    });
    if (firstError && (invalid >= specs.length || replicas < current)) {
      set('ScalingActive', 'False', firstError.condition, `the HPA was unable to compute the replica count: ${firstError.message}`);
      return { replicas: -1, metricName: '', statuses, error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.message}` };
    }
    set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metricName}`);
    return { replicas, metricName, statuses };
  }

  /** computeStatusForResourceMetric for a CPU utilization target. */
  #resourceMetric(spec: MetricSpec, current: number, pods: readonly Stored<Pod>[]): { ok: true; replicas: number; metricName: string; status: MetricStatus } | { ok: false; reason: string; error: string } {
    const target = spec.resource?.target.averageUtilization;
    if (spec.type !== 'Resource' || spec.resource?.name !== 'cpu' || target === undefined) {
      // TODO: memory, averageValue, Pods/Object/External metrics: the lab simulates CPU utilization only.
      return { ok: false, reason: 'FailedGetResourceMetric', error: `the lab simulates CPU utilization targets only, not this ${spec.type} metric` };
    }
    const metrics = new Map<string, PodMetric>();
    for (const pod of pods) {
      const usage = this.#metrics.podUsage(pod);
      if (usage) metrics.set(pod.metadata.name, { milliValue: usage.containers.reduce((s, c) => s + c.cpuMilli, 0), timestamp: usage.timestamp, windowMs: usage.windowMs });
    }
    if (metrics.size === 0) return { ok: false, reason: 'FailedGetResourceMetric', error: 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API' };
    const r = resourceReplicas(current, target, pods, metrics, this.#ctx.clock.now);
    if (!r.ok) return { ok: false, reason: 'FailedGetResourceMetric', error: `failed to get cpu utilization: ${r.error}` };
    const status: MetricStatus = { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: r.value.utilization, averageValue: milliQuantity(r.value.rawAverageMilli) } } };
    return { ok: true, replicas: r.value.replicas, metricName: 'cpu resource utilization (percentage of request)', status };
  }

  /** normalizeDesiredReplicas (no spec.behavior): stabilise, then the min/max and rate rules. */
  #normalize(key: string, current: number, desired: number, min: number, max: number, set: (type: string, s: 'True' | 'False', reason: string, message: string) => void): number {
    const stabilized = stabilize(this.#recommendations.get(key)!, desired, this.#ctx.clock.now);
    if (stabilized !== desired) set('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
    else set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    const limited = applyRules(current, stabilized, min, max);
    set('ScalingLimited', limited.limited ? 'True' : 'False', limited.reason, limited.message);
    return limited.replicas;
  }

  /** normalizeDesiredReplicasWithBehaviors */
  #normalizeWithBehaviors(hpa: HPA, key: string, current: number, desired: number, min: number, max: number, set: (type: string, s: 'True' | 'False', reason: string, message: string) => void): number {
    const { scaleUp, scaleDown } = this.#rules(hpa);
    const now = this.#ctx.clock.now;
    const args = { scaleUp, scaleDown, min, max, current, desired };
    const stable = stabilizeWithBehavior(this.#recommendations.get(key)!, args, now);
    if (stable.replicas !== desired) set('AbleToScale', 'True', stable.reason, stable.message);
    else set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
    const limited = applyBehaviorRules({ ...args, desired: stable.replicas }, this.#scaleUps.get(key) ?? [], this.#scaleDowns.get(key) ?? [], now);
    set('ScalingLimited', limited.replicas === stable.replicas ? 'False' : 'True', limited.reason, limited.message);
    return limited.replicas;
  }

  /** spec.behavior with the API server's defaults for what it leaves out (and the controller's 300 s window). */
  #rules(hpa: HPA): { scaleUp: HPAScalingRules; scaleDown: HPAScalingRules } {
    const b = hpa.spec?.behavior;
    const down = { ...defaultScaleDownRules(), ...b?.scaleDown };
    return { scaleUp: { ...defaultScaleUpRules(), ...b?.scaleUp }, scaleDown: { ...down, stabilizationWindowSeconds: down.stabilizationWindowSeconds ?? 300 } };
  }

  /** storeScaleEvent: only HPAs with spec.behavior keep them. */
  #storeScaleEvent(hpa: HPA, key: string, from: number, to: number): void {
    if (!hpa.spec?.behavior) return;
    const { scaleUp, scaleDown } = this.#rules(hpa);
    const now = this.#ctx.clock.now;
    if (to > from) this.#scaleUps.set(key, recordScaleEvent(this.#scaleUps.get(key) ?? [], to - from, scaleUp, now));
    else this.#scaleDowns.set(key, recordScaleEvent(this.#scaleDowns.get(key) ?? [], from - to, scaleDown, now));
  }

  #forget(key: string): void {
    this.#recommendations.delete(key);
    this.#scaleUps.delete(key);
    this.#scaleDowns.delete(key);
  }

  #event(hpa: HPA, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.#ctx.events.record(hpa as unknown as KubeObject, type, reason, message, { component: HPA_EVENT_SOURCE });
  }

  /** updateStatusIfNeeded: writes only when something changed. */
  #writeStatus(hpa: HPA, status: NonNullable<HorizontalPodAutoscaler['status']>): void {
    const current = this.#ctx.api.get(HPAS, hpa.metadata.namespace, hpa.metadata.name) ?? (hpa as unknown as KubeObject);
    if (deepEqual(current['status'], status)) return;
    this.#ctx.api.replace(HPAS, { ...current, status } as unknown as KubeObject, HPA_COMPONENT, `HorizontalPodAutoscaler ${hpa.metadata.name}: ${status.currentReplicas ?? 0} current, ${status.desiredReplicas} desired`);
  }
}

type Status = NonNullable<HorizontalPodAutoscaler['status']>;

/** setStatus: currentMetrics is omitted when empty (omitempty); desiredReplicas always prints. */
function withMetrics(status: Status, metrics: MetricStatus[]): Status {
  const { currentMetrics: _old, ...rest } = status;
  return { ...rest, desiredReplicas: rest.desiredReplicas ?? 0, ...(metrics.length ? { currentMetrics: metrics } : {}) };
}

/** setConditionInList: the transition time moves only when the status does. */
function setCondition(list: Condition[], type: string, status: 'True' | 'False', reason: string, message: string, now: string): void {
  const i = list.findIndex((c) => c.type === type);
  const old = list[i];
  const next: Condition = { type, status, lastTransitionTime: old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : now, reason, message };
  if (i === -1) list.push(next);
  else list[i] = next;
}

/** resource.NewMilliQuantity(n, DecimalSI).String(): `250m`, `1`, `0`. */
export function milliQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
