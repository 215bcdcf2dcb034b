// What a pod asks of a node: its effective CPU and memory requests as
// k8s.io/component-helpers/resource PodRequests computes them (containers summed, restartable
// init containers (sidecars) added, regular init containers as a floor, plus pod overhead),
// the same with the scheduler's per-container non-zero defaults, and the host ports it binds.

import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityMilliValue, quantityValue } from '../api/schema/quantity.ts';

export interface PodRequest {
  /** millicores */
  readonly milliCpu: number;
  /** bytes */
  readonly memory: number;
  /** the same, with 100m / 200Mi for each container that does not ask (scoring and spreading) */
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
  /** `TCP/0.0.0.0/8080` style keys of host ports */
  readonly hostPorts: readonly string[];
}

/** schedutil.DefaultMilliCPURequest and DefaultMemoryRequest: for containers without a request. */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

interface Pair {
  cpu: number;
  mem: number;
}

/** A container's requests; with `nonZero`, a missing (not a zero) request takes the default. */
function containerRequest(c: Container, nonZero: boolean): Pair {
  const req = (c.resources?.requests ?? {}) as Record<string, string | number | undefined>;
  const cpu = req['cpu'];
  const mem = req['memory'];
  return {
    cpu: cpu === undefined ? (nonZero ? DEFAULT_MILLI_CPU : 0) : (quantityMilliValue(cpu) ?? 0),
    mem: mem === undefined ? (nonZero ? DEFAULT_MEMORY : 0) : (quantityValue(mem) ?? 0),
  };
}

function podTotals(spec: NonNullable<Pod['spec']>, nonZero: boolean): Pair {
  const sum: Pair = { cpu: 0, mem: 0 };
  for (const c of spec.containers ?? []) {
    const r = containerRequest(c, nonZero);
    sum.cpu += r.cpu;
    sum.mem += r.mem;
  }
  // Sidecars run beside everything after them; a regular init container runs alone with
  // the sidecars started before it. The pod needs the most any of those moments needs.
  const sidecars: Pair = { cpu: 0, mem: 0 };
  const initMax: Pair = { cpu: 0, mem: 0 };
  for (const c of spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    let moment: Pair;
    if (c.restartPolicy === 'Always') {
      sum.cpu += r.cpu;
      sum.mem += r.mem;
      sidecars.cpu += r.cpu;
      sidecars.mem += r.mem;
      moment = sidecars;
    } else {
      moment = { cpu: r.cpu + sidecars.cpu, mem: r.mem + sidecars.mem };
    }
    initMax.cpu = Math.max(initMax.cpu, moment.cpu);
    initMax.mem = Math.max(initMax.mem, moment.mem);
  }
  const overhead = (spec.overhead ?? {}) as Record<string, string | number | undefined>;
  return {
    cpu: Math.max(sum.cpu, initMax.cpu) + (overhead['cpu'] === undefined ? 0 : (quantityMilliValue(overhead['cpu']) ?? 0)),
    mem: Math.max(sum.mem, initMax.mem) + (overhead['memory'] === undefined ? 0 : (quantityValue(overhead['memory']) ?? 0)),
  };
}

export function podRequest(pod: Pick<Pod, 'spec'>): PodRequest {
  const spec = pod.spec;
  if (!spec) return { milliCpu: 0, memory: 0, nonZeroMilliCpu: 0, nonZeroMemory: 0, hostPorts: [] };
  const requested = podTotals(spec, false);
  const nonZero = podTotals(spec, true);
  const hostPorts: string[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) hostPorts.push(`${p.protocol || 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
    }
  }
  return { milliCpu: requested.cpu, memory: requested.mem, nonZeroMilliCpu: nonZero.cpu, nonZeroMemory: nonZero.mem, hostPorts };
}
