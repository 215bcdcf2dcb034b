// Defaults kube-apiserver fills in for workload kinds (pkg/apis/apps/v1/defaults.go,
// pkg/apis/batch/v1/defaults.go): replicas, strategies, history limits and the pod
// template's own defaults, so `kubectl get deploy x -o yaml` shows what a real server shows.

import type { PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects.ts';
import { isRecord } from '../objects.ts';
import { defaultPodSpec } from './pod.ts';

type Spec = Record<string, unknown>;

function defaultTemplate(spec: Spec): void {
  const template = spec['template'];
  if (!isRecord(template)) return;
  const meta = isRecord(template['metadata']) ? template['metadata'] : (template['metadata'] = {});
  meta['creationTimestamp'] ??= null;
  if (isRecord(template['spec'])) defaultPodSpec(template['spec'] as unknown as PodSpec, { tolerationSeconds: 0, tokenVolumeName: '', forTemplate: true });
}

export function defaultWorkload(obj: KubeObject): void {
  const spec = obj['spec'];
  if (!isRecord(spec)) return;
  switch (obj.kind) {
    case 'Deployment': {
      spec['replicas'] ??= 1;
      spec['revisionHistoryLimit'] ??= 10;
      spec['progressDeadlineSeconds'] ??= 600;
      const strategy = isRecord(spec['strategy']) ? spec['strategy'] : (spec['strategy'] = {});
      strategy['type'] ??= 'RollingUpdate';
      if (strategy['type'] === 'RollingUpdate') {
        const ru = isRecord(strategy['rollingUpdate']) ? strategy['rollingUpdate'] : (strategy['rollingUpdate'] = {});
        ru['maxSurge'] ??= '25%';
        ru['maxUnavailable'] ??= '25%';
      }
      break;
    }
    case 'ReplicaSet':
      spec['replicas'] ??= 1;
      break;
    case 'StatefulSet': {
      spec['replicas'] ??= 1;
      spec['podManagementPolicy'] ??= 'OrderedReady';
      spec['revisionHistoryLimit'] ??= 10;
      const strategy = isRecord(spec['updateStrategy']) ? spec['updateStrategy'] : (spec['updateStrategy'] = {});
      strategy['type'] ??= 'RollingUpdate';
      if (strategy['type'] === 'RollingUpdate') (strategy as Spec)['rollingUpdate'] ??= { partition: 0 };
      spec['persistentVolumeClaimRetentionPolicy'] ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      break;
    }
    case 'DaemonSet': {
      spec['revisionHistoryLimit'] ??= 10;
      const strategy = isRecord(spec['updateStrategy']) ? spec['updateStrategy'] : (spec['updateStrategy'] = {});
      strategy['type'] ??= 'RollingUpdate';
      if (strategy['type'] === 'RollingUpdate') (strategy as Spec)['rollingUpdate'] ??= { maxSurge: 0, maxUnavailable: 1 };
      break;
    }
    case 'Job':
      spec['backoffLimit'] ??= 6;
      spec['completionMode'] ??= 'NonIndexed';
      spec['completions'] ??= 1;
      spec['parallelism'] ??= 1;
      spec['suspend'] ??= false;
      break;
  }
  defaultTemplate(spec);
  if (obj['status'] === undefined) obj['status'] = {};
}
