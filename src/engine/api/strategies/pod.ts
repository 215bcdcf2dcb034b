// The Pod registry strategy (pkg/registry/core/pod/strategy.go): defaults and admission on
// create, full validation, and the rule that a running pod's spec is almost immutable.

import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects.ts';
import type { Mutable } from '../objects.ts';
import { deepEqual } from '../objects.ts';
import type { Strategy } from '../strategy.ts';
import { defaultPodSpec, qosClass } from '../defaults/pod.ts';
import { validatePodSpec } from '../validation/pod.ts';

const asPod = (o: KubeObject): Mutable<Pod> => o as unknown as Mutable<Pod>;

export const podStrategy: Strategy = {
  nameRule: 'subdomain',
  tracksGeneration: false,
  prepareForCreate(obj, ctx) {
    const pod = asPod(obj);
    if (pod.spec) {
      defaultPodSpec(pod.spec, {
        tolerationSeconds: ctx.timings.defaultTolerationSeconds,
        tokenVolumeName: `kube-api-access-${ctx.random.suffix(5)}`,
        forTemplate: false,
      });
    }
    pod.status = { phase: 'Pending', ...(pod.spec ? { qosClass: qosClass(pod.spec) } : {}) };
  },
  validate(obj) {
    return validatePodSpec(asPod(obj).spec, 'spec');
  },
  validateUpdate(obj, old) {
    const spec = asPod(obj).spec;
    const was = asPod(old).spec;
    if (!spec || !was) return [];
    if (!deepEqual(mutableView(spec), mutableView(was))) {
      return [
        {
          field: 'spec',
          message:
            'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        },
      ];
    }
    return validatePodSpec(spec, 'spec');
  },
};

/** The spec with the fields an update may change blanked out (ValidatePodUpdate). */
function mutableView(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map((c) => ({ ...c, image: '' })),
    initContainers: (spec.initContainers ?? []).map((c) => ({ ...c, image: '' })),
    activeDeadlineSeconds: 0,
    tolerations: [],
    terminationGracePeriodSeconds: 0,
    nodeName: '',
  };
}
