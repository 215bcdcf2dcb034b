// The clusters the lab can start: `kind` (a control plane and three workers, as
// `kind create cluster` with a 4-node config builds them) and `microk8s` (one node, as
// the seed notes' `snap install microk8s`). Names, addresses and ranges match the real tools.

import type { Node } from 'kubernetes-types/core/v1';
import { KUBERNETES_VERSION, NODE_KERNEL_VERSION } from './config.ts';

export type PresetName = 'kind' | 'microk8s';

export interface NodePlan {
  readonly name: string;
  readonly ip: string;
  readonly podCIDR: string;
  /** where pod IPs start (the IPAM's range may be wider than podCIDR says, as Calico's blocks are) */
  readonly ipamRange: string;
  readonly ipamFirst: number;
  readonly controlPlane: boolean;
}

export interface Preset {
  readonly name: PresetName;
  readonly serviceCIDR: string;
  readonly kubernetesServiceIP: string;
  readonly apiServerAddress: string;
  readonly nodes: readonly NodePlan[];
  /** the shell's prompt user@host */
  readonly promptHost: string;
  readonly nodeTemplate: (plan: NodePlan) => Node;
}

const CAPACITY = {
  cpu: '4',
  'ephemeral-storage': '102626232Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '8023404Ki',
  pods: '110',
};

/** The labels every kubelet puts on its node. */
function kubeletLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

function kindNode(plan: NodePlan): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: plan.name,
      labels: {
        ...kubeletLabels(plan.name),
        ...(plan.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: plan.podCIDR,
      podCIDRs: [plan.podCIDR],
      providerID: `kind://docker/kubelab/${plan.name}`,
      ...(plan.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: nodeStatus(plan, 'Debian GNU/Linux 12 (bookworm)', 'containerd://1.7.24'),
  };
}

function microk8sNode(plan: NodePlan): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: plan.name,
      labels: {
        ...kubeletLabels(plan.name),
        'microk8s.io/cluster': 'true',
        'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {},
    status: nodeStatus(plan, 'Ubuntu 22.04.5 LTS', 'containerd://1.6.28'),
  };
}

function nodeStatus(plan: NodePlan, osImage: string, runtime: string): NonNullable<Node['status']> {
  return {
    addresses: [
      { address: plan.ip, type: 'InternalIP' },
      { address: plan.name, type: 'Hostname' },
    ],
    allocatable: { ...CAPACITY },
    capacity: { ...CAPACITY },
    conditions: [],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: [],
    nodeInfo: {
      architecture: 'amd64',
      bootID: '',
      containerRuntimeVersion: runtime,
      kernelVersion: NODE_KERNEL_VERSION,
      kubeProxyVersion: KUBERNETES_VERSION,
      kubeletVersion: KUBERNETES_VERSION,
      machineID: '',
      operatingSystem: 'linux',
      osImage,
      systemUUID: '',
    },
  };
}

export function kindPreset(workers = 3): Preset {
  const nodes: NodePlan[] = [
    { name: 'kubelab-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', ipamRange: '10.244.0.0/24', ipamFirst: 2, controlPlane: true },
  ];
  for (let i = 1; i <= workers; i++) {
    const octet2 = Math.floor((i + 2) / 256);
    const octet3 = (i + 2) % 256;
    const ip = `172.18.${octet2}.${octet3}`;
    const cidr = i < 256 ? `10.244.${i}.0/24` : `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;
    nodes.push({ name: i === 1 ? 'kubelab-worker' : `kubelab-worker${i}`, ip, podCIDR: cidr, ipamRange: cidr, ipamFirst: 2, controlPlane: false });
  }
  return {
    name: 'kind',
    serviceCIDR: '10.96.0.0/12',
    kubernetesServiceIP: '10.96.0.1',
    apiServerAddress: 'https://127.0.0.1:6443',
    nodes,
    promptHost: 'kubelab',
    nodeTemplate: kindNode,
  };
}

export function microk8sPreset(): Preset {
  return {
    name: 'microk8s',
    serviceCIDR: '10.152.183.0/24',
    kubernetesServiceIP: '10.152.183.1',
    apiServerAddress: 'https://127.0.0.1:16443',
    nodes: [{ name: 'kubelab', ip: '192.168.1.70', podCIDR: '10.1.0.0/16', ipamRange: '10.1.114.192/16', ipamFirst: 1, controlPlane: true }],
    promptHost: 'kubelab',
    nodeTemplate: microk8sNode,
  };
}

export function presetFor(name: PresetName, nodes?: number): Preset {
  if (name === 'microk8s') return microk8sPreset();
  return kindPreset(nodes === undefined ? 3 : Math.max(1, nodes - 1));
}
