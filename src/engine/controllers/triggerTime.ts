// endpointsliceutil.TriggerTimeTracker (staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go):
// the `endpoints.kubernetes.io/last-change-trigger-time` annotation is the earliest change
// since the last sync among the selected pods (their Ready condition's transition time) and
// the Service (its creation time), so kube-proxy can measure how long programming took.

import type { Pod, Service } from 'kubernetes-types/core/v1';

interface State {
  readonly pods: Map<string, string>;
  service: string;
}

export class TriggerTimes {
  readonly #state = new Map<string, State>();

  /** The trigger time to write for this sync, or undefined when nothing changed since the last. */
  compute(key: string, svc: Service, pods: readonly Pod[]): string | undefined {
    let state = this.#state.get(key);
    if (!state) this.#state.set(key, (state = { pods: new Map(), service: '' }));
    let min: string | undefined;
    const next = new Map<string, string>();
    for (const pod of pods) {
      const t = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
      if (!t) continue;
      const name = pod.metadata?.name ?? '';
      next.set(name, t);
      if (t > (state.pods.get(name) ?? '') && (min === undefined || t < min)) min = t;
    }
    const created = svc.metadata?.creationTimestamp ?? '';
    if (created > state.service && (min === undefined || created < min)) min = created;
    state.pods.clear();
    for (const [k, v] of next) state.pods.set(k, v);
    state.service = created;
    return min;
  }

  forget(key: string): void {
    this.#state.delete(key);
  }
}
