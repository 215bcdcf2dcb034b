// Scoring plugins of kube-scheduler's default profile that tell nodes apart here:
// NodeResourcesFit (LeastAllocated), NodeResourcesBalancedAllocation and ImageLocality,
// each 0-100 with weight 1, in the plugins' own integer arithmetic. Ties go to a seeded
// random pick among the best, as selectHost does.

import type { Container } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './nodeInfo.ts';
import type { PodRequest } from './podResources.ts';

const MAX = 100;
const MB = 1024 * 1024;
/** image_locality.go: images smaller than this earn nothing; a container's score caps at 1000 MB */
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** leastRequestedScore: ((capacity - requested) * 100) / capacity in int64. */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX) / capacity);
}

/** What the pod would add, scored on the node's non-zero requests (useRequested is false). */
export function leastAllocatedScore(req: PodRequest, info: NodeInfo): number {
  const cpu = leastRequested(info.nonZeroMilliCpu + req.nonZeroMilliCpu, info.allocatableMilliCpu);
  const mem = leastRequested(info.nonZeroMemory + req.nonZeroMemory, info.allocatableMemory);
  return Math.floor((cpu + mem) / 2);
}

/** balancedResourceScorer: 1 minus the standard deviation of the cpu and memory fractions. */
export function balancedAllocationScore(req: PodRequest, info: NodeInfo): number {
  // Two resources: the standard deviation of their fractions is half their difference.
  // (No array here: this runs for every candidate node of every pod.)
  if (info.allocatableMilliCpu <= 0 || info.allocatableMemory <= 0) return MAX;
  const cpu = Math.min(1, (info.nonZeroMilliCpu + req.nonZeroMilliCpu) / info.allocatableMilliCpu);
  const mem = Math.min(1, (info.nonZeroMemory + req.nonZeroMemory) / info.allocatableMemory);
  return Math.trunc((1 - Math.abs((cpu - mem) / 2)) * MAX);
}

/** normalizedImageName: a reference without a tag means `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/**
 * ImageLocality: the sizes of the pod's images already on the node, each scaled by the share
 * of nodes that have it (so one node holding an image does not attract every pod).
 */
export function imageLocalityScore(containers: readonly Container[], info: NodeInfo, imageNodes: ReadonlyMap<string, number>, totalNodes: number): number {
  // No images on the node: the sum is 0, clamped to the minimum threshold, which scores 0.
  if (containers.length === 0 || totalNodes === 0 || info.images.size === 0) return 0;
  let sum = 0;
  if (info.images.size) {
    for (const c of containers) {
      const name = normalizedImageName(c.image ?? '');
      const size = info.images.get(name);
      if (size !== undefined) sum += Math.trunc(size * ((imageNodes.get(name) ?? 0) / totalNodes));
    }
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
  return Math.floor((MAX * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export function scoreNode(containers: readonly Container[], req: PodRequest, info: NodeInfo, imageNodes: ReadonlyMap<string, number>, totalNodes: number): number {
  return leastAllocatedScore(req, info) + balancedAllocationScore(req, info) + imageLocalityScore(containers, info, imageNodes, totalNodes);
}

/** kube-scheduler's adaptive percentageOfNodesToScore: how many feasible nodes to look for. */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const percent = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * percent) / 100));
}
