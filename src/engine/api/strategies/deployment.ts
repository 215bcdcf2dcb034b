// The Deployment registry strategy (kube-apiserver pkg/registry/apps/deployment/strategy.go):
// workload defaults, and PrepareForUpdate's rule that an annotation change bumps
// metadata.generation like a spec change, because annotations are copied from a Deployment
// to its ReplicaSets (`kubectl annotate … kubernetes.io/change-cause=…` is observed).

import type { Strategy } from '../strategy.ts';
import { deepEqual } from '../objects.ts';
import { defaultWorkload } from '../defaults/workloads.ts';

export const deploymentStrategy: Strategy = {
  nameRule: 'subdomain',
  tracksGeneration: true,
  defaults: defaultWorkload,
  bumpsGeneration: (obj, old) => !deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}),
};
