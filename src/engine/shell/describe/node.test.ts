// Expected outputs are what kubectl 1.32.4 printed for these objects, served to it by a
// stand-in API server; the missing-lease message is the real API server's NotFound text.

import { describe as suite, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { workerEvents, workerLease, workerNode, workerPods } from './clusterFixtures.ts';
import { describe } from './describe.ts';
import { at, typoPod } from './podFixtures.ts';

const podsOnWorker = [...workerPods, typoPod] as unknown as Pod[];

const controlPlane: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'cp',
    uid: 'uid-cp',
    resourceVersion: '1',
    creationTimestamp: at(-100),
    labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/': 'x' },
  },
  spec: {
    unschedulable: true,
    taints: [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'a', value: 'b', effect: 'NoExecute', timeAdded: at(1) },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
    ],
  },
  status: { capacity: { cpu: '4', memory: '8Gi', pods: '110', 'example.com/gpu': '2', 'hugepages-2Mi': '1Gi' }, nodeInfo: {} },
};

const gpuPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'gpu', namespace: 'default', uid: 'uid-gpu', resourceVersion: '1', creationTimestamp: at(0) },
  spec: {
    nodeName: 'cp',
    containers: [
      {
        name: 'c',
        image: 'x',
        resources: {
          requests: { cpu: '1500m', memory: '3Gi', 'example.com/gpu': '1', 'hugepages-2Mi': '512Mi' },
          limits: { 'example.com/gpu': '1', memory: '6Gi', 'hugepages-2Mi': '512Mi' },
        },
      },
    ],
  },
  status: { phase: 'Running' },
} as unknown as Pod;

suite('kubectl describe node', () => {
  it('prints a worker: lease, conditions, capacity, system info, its pods and allocated totals', () => {
    const out = describe(workerNode, { now: 300_000, events: workerEvents, podsOnNode: podsOnWorker, nodeLease: workerLease });
    expect(out).toBe(WORKER);
  });

  it('leaves Succeeded and Failed pods out of Non-terminated Pods', () => {
    const out = describe(workerNode, { now: 300_000, podsOnNode: podsOnWorker, nodeLease: workerLease });
    expect(out).not.toContain('cleanup-job');
    expect(out).toContain('Non-terminated Pods:          (5 in total)');
  });

  it('prints roles, sorted taints, a missing lease, capacity without allocatable and extended resources', () => {
    expect(describe(controlPlane, { now: 300_000, events: [], podsOnNode: [gpuPod] })).toBe(CONTROL_PLANE);
  });
});

const WORKER = `Name:               kubelab-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kubelab-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 01 Jan 2026 08:58:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kubelab-worker
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 09:04:52 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 09:04:50 +0000   Thu, 01 Jan 2026 08:58:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 09:04:50 +0000   Thu, 01 Jan 2026 08:58:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 09:04:50 +0000   Thu, 01 Jan 2026 08:58:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 09:04:50 +0000   Thu, 01 Jan 2026 08:58:13 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kubelab-worker
Capacity:
  cpu:                8
  ephemeral-storage:  102625208Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16364300Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  102625208Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             16364300Ki
  pods:               110
System Info:
  Machine ID:                 0c8a4e2f1b3d4f6a8c0e2a4c6e8f0b2d
  System UUID:                8e1f3a5c-7b9d-4e2f-a1c3-5e7f9b1d3a5c
  Boot ID:                    3f2b1c0d-9e8f-4a7b-6c5d-4e3f2a1b0c9d
  Kernel Version:             6.8.0-51-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.0
  Kube-Proxy Version:         v1.32.0
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kubelab/kubelab-worker
Non-terminated Pods:          (5 in total)
  Namespace                   Name                           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                           ------------  ----------  ---------------  -------------  ---
  default                     hello-pod                      0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m
  default                     typo-pod                       0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m
  default                     web-deploy-5d8f7c9b6d-x2x7k    150m (1%)     500m (6%)   160Mi (1%)       256Mi (1%)     4m
  kube-system                 kindnet-5qz8w                  100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      6m50s
  kube-system                 kube-proxy-7hx2k               0 (0%)        0 (0%)      0 (0%)           0 (0%)         6m50s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                250m (3%)   600m (7%)
  memory             210Mi (1%)  306Mi (1%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-1Gi      0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:
  Type    Reason                   Age                    From             Message
  ----    ------                   ----                   ----             -------
  Normal  Starting                 6m59s                  kubelet          Starting kubelet.
  Normal  NodeHasSufficientMemory  6m58s (x2 over 6m59s)  kubelet          Node kubelab-worker status is now: NodeHasSufficientMemory
  Normal  RegisteredNode           6m55s                  node-controller  Node kubelab-worker event: Registered Node kubelab-worker in Controller
  Normal  NodeReady                6m47s                  kubelet          Node kubelab-worker status is now: NodeReady
`;

const CONTROL_PLANE = `Name:               cp
Roles:              control-plane,master
Labels:             kubernetes.io/role=master
                    node-role.kubernetes.io/=x
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 08:58:20 +0000
Taints:             a=b:NoExecute
                    node-role.kubernetes.io/control-plane:NoSchedule
                    node.kubernetes.io/unschedulable:NoSchedule
Unschedulable:      true
Lease:              Failed to get lease: leases.coordination.k8s.io "cp" not found
Addresses:
Capacity:
  cpu:              4
  example.com/gpu:  2
  hugepages-2Mi:    1Gi
  memory:           8Gi
  pods:             110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             
  OS Image:                   
  Operating System:           
  Architecture:               
  Container Runtime Version:  
  Kubelet Version:            
  Kube-Proxy Version:         
Non-terminated Pods:          (1 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
  default                     gpu     1500m (37%)   0 (0%)      3Gi (37%)        6Gi (75%)      5m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1500m (37%)  0 (0%)
  memory             3Gi (37%)    6Gi (75%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (50%)  512Mi (50%)
  example.com/gpu    1            1
Events:              <none>
`;
