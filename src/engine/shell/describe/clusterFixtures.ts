// Test data for describe: the kind-style worker node `kubelab-worker` with its lease, system
// pods and events, plus a namespace, a secret, a config map and a custom resource.

import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../../api/objects.ts';
import { at, defaultTolerations, event, helloPod, multiPod } from './podFixtures.ts';

export const workerNode: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'kubelab-worker',
    uid: '7d3e9f10-5a2b-4c8d-9e0f-1a2b3c4d5e6f',
    resourceVersion: '655',
    creationTimestamp: at(-120),
    labels: {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'kubelab-worker',
      'kubernetes.io/os': 'linux',
    },
    annotations: {
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kubelab/kubelab-worker' },
  status: {
    addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kubelab-worker' }],
    allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16364300Ki', pods: '110' },
    capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16364300Ki', pods: '110' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: at(290), lastTransitionTime: at(-120), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: at(290), lastTransitionTime: at(-120), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: at(290), lastTransitionTime: at(-120), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: at(290), lastTransitionTime: at(-107), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: [],
    nodeInfo: {
      architecture: 'amd64',
      bootID: '3f2b1c0d-9e8f-4a7b-6c5d-4e3f2a1b0c9d',
      containerRuntimeVersion: 'containerd://1.7.24',
      kernelVersion: '6.8.0-51-generic',
      kubeProxyVersion: 'v1.32.0',
      kubeletVersion: 'v1.32.0',
      machineID: '0c8a4e2f1b3d4f6a8c0e2a4c6e8f0b2d',
      operatingSystem: 'linux',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      systemUUID: '8e1f3a5c-7b9d-4e2f-a1c3-5e7f9b1d3a5c',
    },
  },
};

export const workerLease: Lease & KubeObject = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'kubelab-worker', namespace: 'kube-node-lease', uid: 'f0e1d2c3-b4a5-4968-8776-655443322110', resourceVersion: '1902', creationTimestamp: at(-118) },
  spec: { holderIdentity: 'kubelab-worker', leaseDurationSeconds: 40, renewTime: '2026-01-01T09:04:52.551203Z' },
};

function systemPod(name: string, app: string, resources: Record<string, unknown>, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', uid: `uid-${name}`, resourceVersion: '500', creationTimestamp: at(-110), labels: { 'k8s-app': app } },
    spec: {
      containers: [{ name: app, image: `registry.k8s.io/${app}:v1.32.0`, resources }],
      nodeName: 'kubelab-worker',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      tolerations: defaultTolerations,
    },
    status: { phase, hostIP: '172.18.0.3', podIP: '172.18.0.3', startTime: at(-110) },
  };
}

export const workerPods: KubeObject[] = [
  systemPod('kube-proxy-7hx2k', 'kube-proxy', {}),
  helloPod,
  systemPod('kindnet-5qz8w', 'kindnet', { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } }),
  multiPod,
  systemPod('cleanup-job-abcde', 'cleanup', { requests: { cpu: '2', memory: '1Gi' } }, 'Succeeded'),
];

export const workerEvents = [
  event({ obj: workerNode, from: 'kubelet', reason: 'Starting', message: 'Starting kubelet.', first: -119 }),
  event({ obj: workerNode, from: 'kubelet', reason: 'NodeHasSufficientMemory', message: 'Node kubelab-worker status is now: NodeHasSufficientMemory', first: -119, last: -118, count: 2 }),
  event({ obj: workerNode, from: 'node-controller', reason: 'RegisteredNode', message: 'Node kubelab-worker event: Registered Node kubelab-worker in Controller', first: -115 }),
  event({ obj: workerNode, from: 'kubelet', reason: 'NodeReady', message: 'Node kubelab-worker status is now: NodeReady', first: -107 }),
];

export const defaultNamespace: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'default', uid: 'ns-default-uid', resourceVersion: '20', creationTimestamp: at(-125), labels: { 'kubernetes.io/metadata.name': 'default' } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
};

export const regcred: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-creds', namespace: 'default', uid: 'secret-uid', resourceVersion: '1501', creationTimestamp: at(30), labels: { app: 'web' } },
  type: 'Opaque',
  data: { password: 'czNjcjN0IQ==', username: 'YWRtaW4=', empty: '' },
};

export const webConfig: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'web-config',
    namespace: 'default',
    uid: 'cm-uid',
    resourceVersion: '1502',
    creationTimestamp: at(31),
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap"}\n' },
  },
  data: { 'log.level': 'debug', 'app.properties': 'color=blue\nsize=3\n' },
  binaryData: { 'logo.png': 'iVBORw0KGgo=' },
};

export const widget: KubeObject = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: {
    name: 'blue-widget',
    namespace: 'default',
    uid: 'widget-uid',
    resourceVersion: '1600',
    creationTimestamp: at(40),
    generation: 2,
    labels: { color: 'blue' },
    managedFields: [{ manager: 'kubectl', operation: 'Update' }],
  },
  spec: { size: 3, ratio: 0.25, enabled: true, tags: ['a', 'b'], ports: [{ name: 'http', containerPort: 80 }], owner: null, apiURL: 'https://example.com' },
};

export const widgetEvents = [
  event({ obj: widget, from: 'kubelet', reason: 'Synced', message: 'Widget synced successfully  ', first: 41 }),
];
