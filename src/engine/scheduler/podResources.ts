// What a pod asks of a node: its effective CPU and memory requests (the larger of the sum of
// its containers and its largest init container, as pkg/api/v1/resource computes) and the
// host ports it binds.

import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/schema/quantity.ts';

export interface PodRequest {
  /** millicores */
  readonly milliCpu: number;
  /** bytes */
  readonly memory: number;
  /** `TCP/0.0.0.0/8080` style keys of host ports */
  readonly hostPorts: readonly string[];
}

/** The scheduler scores pods without requests as if they asked for this (schedutil defaults). */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

function requestOf(c: Container, resource: 'cpu' | 'memory'): number {
  const v = (c.resources?.requests as Record<string, string | number> | undefined)?.[resource];
  const n = v === undefined ? 0 : (parseQuantity(v) ?? 0);
  return resource === 'cpu' ? Math.round(n * 1000) : n;
}

export function podRequest(pod: Pick<Pod, 'spec'>): PodRequest {
  const spec = pod.spec;
  if (!spec) return { milliCpu: 0, memory: 0, hostPorts: [] };
  let cpu = 0;
  let mem = 0;
  for (const c of spec.containers) {
    cpu += requestOf(c, 'cpu');
    mem += requestOf(c, 'memory');
  }
  for (const c of spec.initContainers ?? []) {
    cpu = Math.max(cpu, requestOf(c, 'cpu'));
    mem = Math.max(mem, requestOf(c, 'memory'));
  }
  const hostPorts: string[] = [];
  for (const c of spec.containers) {
    for (const p of c.ports ?? []) {
      if (p.hostPort) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
    }
  }
  return { milliCpu: cpu, memory: mem, hostPorts };
}
