// Test data for describe: pods as a kind-style cluster (`kubelab-worker`) stores them (the
// seed's hello-pod, one stuck in ImagePullBackOff, a multi-container ReplicaSet pod) and
// their events. Times count from the clock's epoch (2026-01-01T09:00:00Z = simulated 0).

import type { Event } from 'kubernetes-types/core/v1';
import { EPOCH_MS, isoFromMillis } from '../../clock.ts';
import type { KubeObject } from '../../api/objects.ts';

/** The timestamp `s` simulated seconds after the epoch. */
export const at = (s: number): string => isoFromMillis(EPOCH_MS + s * 1000);
/** A MicroTime (events.k8s.io eventTime) `s` seconds after the epoch. */
export const atMicro = (s: number, micros = 600000): string => at(s).replace('Z', `.${String(micros).padStart(6, '0')}Z`);

export const hex = (seed: string): string => {
  let out = '';
  let h = 2166136261;
  while (out.length < 64) {
    for (const ch of seed + out.length) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
};

export const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export const apiAccessVolume = (suffix: string): Record<string, unknown> => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
});

export const apiAccessMount = (suffix: string): Record<string, unknown> => ({
  name: `kube-api-access-${suffix}`,
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
});

const conditions = (ready: boolean, t: number, readyAt: number): Record<string, unknown>[] => [
  { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: at(readyAt) },
  { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(t) },
  { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at(readyAt), ...(ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [web-ctr]' }) },
  { type: 'ContainersReady', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at(readyAt), ...(ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [web-ctr]' }) },
  { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(t) },
];

interface PodOptions {
  name: string;
  uid: string;
  image: string;
  apiSuffix: string;
  podIP: string;
  state: Record<string, unknown>;
  ready: boolean;
  phase: string;
}

function webPod(o: PodOptions): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name, namespace: 'default', uid: o.uid, resourceVersion: '812', creationTimestamp: at(0), labels: { app: 'web' } },
    spec: {
      containers: [
        {
          name: 'web-ctr',
          image: o.image,
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [apiAccessMount(o.apiSuffix)],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      nodeName: 'kubelab-worker',
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: defaultTolerations,
      volumes: [apiAccessVolume(o.apiSuffix)],
    },
    status: {
      conditions: conditions(o.ready, 0, 1),
      containerStatuses: [
        {
          name: 'web-ctr',
          image: o.image.includes('/') ? `docker.io/${o.image}` : `docker.io/library/${o.image}`,
          imageID: o.ready ? `docker.io/${o.image.split(':')[0]}@sha256:${hex(o.image)}` : '',
          ...(o.ready ? { containerID: `containerd://${hex(o.uid)}` } : {}),
          ready: o.ready,
          restartCount: 0,
          started: o.ready,
          state: o.state,
          lastState: {},
          volumeMounts: [{ name: `kube-api-access-${o.apiSuffix}`, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled' }],
        },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      phase: o.phase,
      podIP: o.podIP,
      podIPs: [{ ip: o.podIP }],
      qosClass: 'BestEffort',
      startTime: at(0),
    },
  };
}

export const helloPod = webPod({
  name: 'hello-pod',
  uid: '4b1c2e7a-93d5-4f0e-a8c1-6d2f5e9b0a37',
  image: 'nigelpoulton/getting-started-k8s:1.0',
  apiSuffix: 'x7k2p',
  podIP: '10.244.1.2',
  state: { running: { startedAt: at(7) } },
  ready: true,
  phase: 'Running',
});

export const typoPod = webPod({
  name: 'typo-pod',
  uid: '9e3d1a55-0c2b-4f7e-b6a4-1f8c7d2e4b90',
  image: 'nigelpulton/getting-started-k8s:1.0',
  apiSuffix: 'q9m4t',
  podIP: '10.244.1.3',
  state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nigelpulton/getting-started-k8s:1.0"' } },
  ready: false,
  phase: 'Pending',
});

let eventSeq = 0;
interface EventOptions {
  obj: KubeObject;
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  first: number;
  last?: number;
  count?: number;
  /** kubelet events carry source.component; the scheduler writes events.k8s.io events. */
  from: 'kubelet' | 'default-scheduler' | 'node-controller';
}

export function event(o: EventOptions): Event & KubeObject {
  eventSeq++;
  const name = `${o.obj.metadata.name}.${(0x1810000000000000 + eventSeq * 0x1f3a5).toString(16)}`;
  const involvedObject = {
    kind: o.obj.kind,
    ...(o.obj.metadata.namespace ? { namespace: o.obj.metadata.namespace } : {}),
    name: o.obj.metadata.name,
    // kubelet node events name the node in place of its uid.
    uid: o.obj.kind === 'Node' && o.from === 'kubelet' ? o.obj.metadata.name : o.obj.metadata.uid,
    apiVersion: 'v1',
    ...(o.obj.kind === 'Pod' ? { resourceVersion: o.obj.metadata.resourceVersion } : {}),
    ...(o.obj.kind === 'Pod' && o.from === 'kubelet' ? { fieldPath: 'spec.containers{web-ctr}' } : {}),
  };
  const base = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: o.obj.metadata.namespace ?? 'default', uid: `e-${eventSeq}`, resourceVersion: String(900 + eventSeq), creationTimestamp: at(o.first) },
    involvedObject,
    reason: o.reason,
    message: o.message,
    type: o.type ?? 'Normal',
  };
  if (o.from === 'default-scheduler') {
    return {
      ...base,
      source: {},
      eventTime: atMicro(o.first),
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-kubelab-control-plane',
      action: 'Binding',
    } as Event & KubeObject;
  }
  return {
    ...base,
    source: { component: o.from, ...(o.from === 'kubelet' ? { host: 'kubelab-worker' } : {}) },
    firstTimestamp: at(o.first),
    lastTimestamp: at(o.last ?? o.first),
    count: o.count ?? 1,
    eventTime: null,
    reportingComponent: o.from,
    reportingInstance: o.from === 'kubelet' ? 'kubelab-worker' : '',
  } as unknown as Event & KubeObject;
}

export const helloPodEvents = [
  event({ obj: helloPod, from: 'default-scheduler', reason: 'Scheduled', message: 'Successfully assigned default/hello-pod to kubelab-worker', first: 0 }),
  event({ obj: helloPod, from: 'kubelet', reason: 'Pulling', message: 'Pulling image "nigelpoulton/getting-started-k8s:1.0"', first: 1 }),
  event({ obj: helloPod, from: 'kubelet', reason: 'Pulled', message: 'Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 5.312s (5.312s including waiting). Image size: 35742382 bytes.', first: 6 }),
  event({ obj: helloPod, from: 'kubelet', reason: 'Created', message: 'Created container: web-ctr', first: 7 }),
  event({ obj: helloPod, from: 'kubelet', reason: 'Started', message: 'Started container web-ctr', first: 7 }),
];

const img = 'nigelpulton/getting-started-k8s:1.0';
export const typoPodEvents = [
  event({ obj: typoPod, from: 'default-scheduler', reason: 'Scheduled', message: 'Successfully assigned default/typo-pod to kubelab-worker', first: 0 }),
  event({ obj: typoPod, from: 'kubelet', reason: 'Pulling', message: `Pulling image "${img}"`, first: 1, last: 38, count: 3 }),
  event({ obj: typoPod, from: 'kubelet', type: 'Warning', reason: 'Failed', message: `Failed to pull image "${img}": failed to pull and unpack image "docker.io/${img}": failed to resolve reference "docker.io/${img}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, first: 3, last: 39, count: 3 }),
  event({ obj: typoPod, from: 'kubelet', type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', first: 3, last: 39, count: 3 }),
  event({ obj: typoPod, from: 'kubelet', reason: 'BackOff', message: `Back-off pulling image "${img}"`, first: 5, last: 41, count: 3 }),
  event({ obj: typoPod, from: 'kubelet', type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', first: 5, last: 41, count: 3 }),
];

const busybox = 'busybox:1.36';
export const multiPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-deploy-5d8f7c9b6d-x2x7k',
    generateName: 'web-deploy-5d8f7c9b6d-',
    namespace: 'default',
    uid: 'c1f0d9e8-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
    resourceVersion: '1440',
    creationTimestamp: at(60),
    labels: { app: 'web', 'pod-template-hash': '5d8f7c9b6d', tier: 'frontend' },
    annotations: { 'kubelab.io/owner': 'team-a', 'kubectl.kubernetes.io/restartedAt': at(55) },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-deploy-5d8f7c9b6d', uid: 'aa11bb22-cc33-dd44-ee55-ff6677889900', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    initContainers: [
      { name: 'init-perms', image: busybox, command: ['sh', '-c', 'chmod 777 /var/log/app'], resources: {}, volumeMounts: [{ name: 'host-logs', mountPath: '/var/log/app' }, apiAccessMount('b8w2n')] },
    ],
    containers: [
      {
        name: 'web-ctr',
        image: 'nigelpoulton/getting-started-k8s:1.0',
        ports: [{ containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, hostPort: 9090, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
        env: [
          { name: 'GREETING', value: 'hello\nworld' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'web-ctr', resource: 'limits.cpu', divisor: '1m' } } },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } },
          { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'log.level', optional: true } } },
        ],
        envFrom: [{ configMapRef: { name: 'web-config' } }, { prefix: 'DB_', secretRef: { name: 'db-creds', optional: false } }],
        livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        volumeMounts: [{ name: 'host-logs', mountPath: '/var/log/app' }, { name: 'cache', mountPath: '/cache' }, apiAccessMount('b8w2n')],
      },
      {
        name: 'log-tailer',
        image: busybox,
        command: ['sh', '-c'],
        args: ['tail -F /var/log/app/access.log'],
        resources: { requests: { cpu: '50m', memory: '32Mi' } },
        volumeMounts: [{ name: 'host-logs', mountPath: '/var/log/app', readOnly: true, subPath: 'web' }, apiAccessMount('b8w2n')],
      },
    ],
    nodeName: 'kubelab-worker',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    priority: 0,
    serviceAccountName: 'default',
    tolerations: [...defaultTolerations, { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
    volumes: [
      { name: 'host-logs', hostPath: { path: '/var/log/web', type: 'DirectoryOrCreate' } },
      { name: 'cache', emptyDir: { sizeLimit: '500Mi' } },
      apiAccessVolume('b8w2n'),
    ],
  },
  status: {
    phase: 'Running',
    conditions: conditions(true, 62, 70),
    hostIP: '172.18.0.3',
    hostIPs: [{ ip: '172.18.0.3' }],
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    qosClass: 'Burstable',
    startTime: at(60),
    initContainerStatuses: [
      {
        name: 'init-perms', image: `docker.io/library/${busybox}`, imageID: `docker.io/library/busybox@sha256:${hex(busybox)}`, containerID: `containerd://${hex('init')}`,
        ready: true, restartCount: 0, started: false,
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(61), finishedAt: at(62), containerID: `containerd://${hex('init')}` } },
      },
    ],
    containerStatuses: [
      {
        name: 'log-tailer', image: `docker.io/library/${busybox}`, imageID: `docker.io/library/busybox@sha256:${hex(busybox)}`, containerID: `containerd://${hex('tail2')}`,
        ready: true, restartCount: 1, started: true,
        state: { running: { startedAt: at(95) } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'tail: can\'t open \'/var/log/app/access.log\'', startedAt: at(63), finishedAt: at(64), containerID: `containerd://${hex('tail1')}` } },
      },
      {
        name: 'web-ctr', image: 'docker.io/nigelpoulton/getting-started-k8s:1.0', imageID: `docker.io/nigelpoulton/getting-started-k8s@sha256:${hex('nigelpoulton/getting-started-k8s:1.0')}`,
        containerID: `containerd://${hex('web')}`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: at(63) } },
      },
    ],
  },
};

export const multiPodEvents = [
  event({ obj: multiPod, from: 'kubelet', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container log-tailer in pod web-deploy-5d8f7c9b6d-x2x7k_default(c1f0d9e8-2b3a-4c5d-8e7f-6a5b4c3d2e1f)', first: 65 }),
  event({ obj: multiPod, from: 'default-scheduler', reason: 'Scheduled', message: 'Successfully assigned default/web-deploy-5d8f7c9b6d-x2x7k to kubelab-worker', first: 60 }),
  event({ obj: multiPod, from: 'kubelet', reason: 'Pulled', message: `Container image "${busybox}" already present on machine`, first: 61, last: 94, count: 3 }),
];

/** hello-pod after `kubectl delete pod hello-pod` at simulated 200s (grace period 30s). */
export const terminatingPod: KubeObject = {
  ...helloPod,
  metadata: { ...helloPod.metadata, deletionTimestamp: at(230), deletionGracePeriodSeconds: 30 },
};
