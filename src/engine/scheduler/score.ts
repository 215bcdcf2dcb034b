// Scoring plugins with kube-scheduler's default weights: NodeResourcesFit (LeastAllocated),
// NodeResourcesBalancedAllocation and ImageLocality. Higher is better; ties go to a seeded
// random pick among the best, as the real scheduler's selectHost does.

import type { NodeInfo } from './nodeInfo.ts';
import type { PodRequest } from './podResources.ts';
import { DEFAULT_MEMORY, DEFAULT_MILLI_CPU } from './podResources.ts';

const MAX = 100;

export function scoreNode(images: readonly string[], req: PodRequest, info: NodeInfo): number {
  const cpu = info.nonZeroMilliCpu + (req.milliCpu || DEFAULT_MILLI_CPU);
  const mem = info.nonZeroMemory + (req.memory || DEFAULT_MEMORY);
  const cpuFree = info.allocatableMilliCpu > 0 ? Math.max(0, ((info.allocatableMilliCpu - cpu) * MAX) / info.allocatableMilliCpu) : 0;
  const memFree = info.allocatableMemory > 0 ? Math.max(0, ((info.allocatableMemory - mem) * MAX) / info.allocatableMemory) : 0;
  const leastAllocated = Math.floor((cpuFree + memFree) / 2);
  const cpuFrac = Math.min(1, info.allocatableMilliCpu > 0 ? cpu / info.allocatableMilliCpu : 1);
  const memFrac = Math.min(1, info.allocatableMemory > 0 ? mem / info.allocatableMemory : 1);
  const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * MAX);
  let image = 0;
  if (info.images.size) for (const i of images) if (info.images.has(i)) image += 10;
  return leastAllocated + balanced + Math.min(image, MAX);
}

/** kube-scheduler's adaptive percentageOfNodesToScore: how many feasible nodes to look for. */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const percent = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * percent) / 100));
}
