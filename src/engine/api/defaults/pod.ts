// Pod defaulting as kube-apiserver does it on create (pkg/apis/core/v1/defaults.go plus the
// ServiceAccount and DefaultTolerationSeconds admission plugins): what `kubectl get pod -o yaml`
// shows that the manifest never said.

import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../schema/quantity.ts';
import { defaultImagePullPolicy } from '../../registry/reference.ts';

function defaultContainer(c: Container, hostNetwork: boolean): void {
  if (c.image && !c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  const limits = c.resources.limits;
  if (limits) {
    // Requests default to limits when only limits are given (SetDefaults_ResourceRequirements).
    const requests = { ...(c.resources.requests ?? {}) };
    for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
    c.resources.requests = requests;
  }
  for (const p of c.ports ?? []) {
    p.protocol ??= 'TCP';
    if (hostNetwork && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
}

export function defaultTolerations(seconds: number): Toleration[] {
  return ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({
    effect: 'NoExecute',
    key,
    operator: 'Exists',
    tolerationSeconds: seconds,
  }));
}

/** Fills in a pod spec's defaults in place (on a fresh copy owned by the API server). */
export function defaultPodSpec(spec: PodSpec, opts: { tolerationSeconds: number; tokenVolumeName: string; forTemplate: boolean }): void {
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const v of spec.volumes ?? []) {
    if (v.hostPath) v.hostPath.type ??= '';
    if (v.configMap) v.configMap.defaultMode ??= 420;
    if (v.secret) v.secret.defaultMode ??= 420;
  }
  if (opts.forTemplate) return;
  // Admission (not defaulting) adds these to pods only, not to templates.
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  const tolerations = spec.tolerations ?? [];
  for (const t of defaultTolerations(opts.tolerationSeconds)) {
    const has = tolerations.some((x) => (x.key === t.key || (x.operator === 'Exists' && !x.key)) && (!x.effect || x.effect === 'NoExecute'));
    if (!has) tolerations.push(t);
  }
  spec.tolerations = tolerations;
  if (spec.automountServiceAccountToken !== false) addServiceAccountToken(spec, opts.tokenVolumeName);
}

/** The projected service account token volume the ServiceAccount admission plugin mounts. */
function addServiceAccountToken(spec: PodSpec, name: string): void {
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
  const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true };
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) c.volumeMounts = [...(c.volumeMounts ?? []), { ...mount }];
}

/** Guaranteed, Burstable or BestEffort (pkg/apis/core/v1/helper/qos GetPodQOS). */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = (c.resources?.requests ?? {}) as Record<string, string | number>;
    const lim = (c.resources?.limits ?? {}) as Record<string, string | number>;
    for (const r of ['cpu', 'memory']) {
      const rq = req[r] !== undefined ? parseQuantity(req[r]) : undefined;
      const lm = lim[r] !== undefined ? parseQuantity(lim[r]) : undefined;
      if ((rq ?? 0) > 0 || (lm ?? 0) > 0) any = true;
      if (lm === undefined || rq === undefined || rq !== lm) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
