// MicroK8s 1.32's core addons (canonical/microk8s-core-addons addons.yaml): names,
// descriptions, the ones a fresh snap has enabled, and what `microk8s enable` prints for the
// addons the seed notes and lessons use (the objects their manifests create).

export const ADDONS: Readonly<Record<string, string>> = {
  'cert-manager': 'Cloud native certificate management',
  'cis-hardening': 'Apply CIS K8s hardening',
  community: 'The community addons repository',
  dashboard: 'The Kubernetes dashboard',
  dns: 'CoreDNS',
  gpu: 'Alias to nvidia add-on',
  'ha-cluster': 'Configure high availability on the current node',
  helm: 'Helm - the package manager for Kubernetes',
  helm3: 'Helm 3 - the package manager for Kubernetes',
  'host-access': 'Allow Pods connecting to Host services smoothly',
  'hostpath-storage': 'Storage class; allocates storage from host directory',
  ingress: 'Ingress controller for external access',
  'kube-ovn': 'An advanced network fabric for Kubernetes',
  mayastor: 'OpenEBS MayaStor',
  metallb: 'Loadbalancer for your Kubernetes cluster',
  'metrics-server': 'K8s Metrics Server for API access to service metrics',
  minio: 'MinIO object storage',
  nvidia: 'NVIDIA hardware (GPU and network) support',
  observability: 'A lightweight observability stack for logs, traces and metrics',
  prometheus: 'Prometheus operator for monitoring and logging',
  rbac: 'Role-Based Access Control for authorisation',
  registry: 'Private image registry exposed on localhost:32000',
  'rook-ceph': 'Distributed Ceph storage using Rook',
  storage: 'Alias to hostpath-storage add-on, deprecated',
};

/** What `snap install microk8s` (1.32) starts with. */
export const DEFAULT_ENABLED = ['dns', 'ha-cluster', 'helm', 'helm3'];

/** Addons that are the same thing under two names (their status checks look at the same object). */
export const ALIASES: Readonly<Record<string, string>> = { storage: 'hostpath-storage', gpu: 'nvidia' };

const created = (names: readonly string[]): string => names.map((n) => `${n} created\n`).join('');

const METRICS_SERVER_OBJECTS = created([
  'serviceaccount/metrics-server',
  'clusterrole.rbac.authorization.k8s.io/system:aggregated-metrics-reader',
  'clusterrole.rbac.authorization.k8s.io/system:metrics-server',
  'rolebinding.rbac.authorization.k8s.io/metrics-server-auth-reader',
  'clusterrolebinding.rbac.authorization.k8s.io/metrics-server:system:auth-delegator',
  'clusterrolebinding.rbac.authorization.k8s.io/system:metrics-server',
  'service/metrics-server',
  'deployment.apps/metrics-server',
  'apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io',
  'clusterrolebinding.rbac.authorization.k8s.io/microk8s-admin',
]);

export const METRICS_SERVER_ENABLE = `Enabling Metrics-Server\n${METRICS_SERVER_OBJECTS}Metrics-Server is enabled\n`;

export const DASHBOARD_MANIFEST = `Applying manifest\n${created([
  'serviceaccount/kubernetes-dashboard',
  'service/kubernetes-dashboard',
  'secret/kubernetes-dashboard-certs',
  'secret/kubernetes-dashboard-csrf',
  'secret/kubernetes-dashboard-key-holder',
  'configmap/kubernetes-dashboard-settings',
  'role.rbac.authorization.k8s.io/kubernetes-dashboard',
  'clusterrole.rbac.authorization.k8s.io/kubernetes-dashboard',
  'rolebinding.rbac.authorization.k8s.io/kubernetes-dashboard',
  'clusterrolebinding.rbac.authorization.k8s.io/kubernetes-dashboard',
  'deployment.apps/kubernetes-dashboard',
  'service/dashboard-metrics-scraper',
  'deployment.apps/dashboard-metrics-scraper',
  'secret/microk8s-dashboard-token',
])}
If RBAC is not enabled access the dashboard using the token retrieved with:

microk8s kubectl describe secret -n kube-system microk8s-dashboard-token

Use this token in the https login UI of the kubernetes-dashboard service.

In an RBAC enabled setup (microk8s enable RBAC) you need to create a user with restricted
permissions as shown in:
https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/creating-sample-user.md
`;

export const INGRESS_ENABLE = `Enabling Ingress\n${created([
  'ingressclass.networking.k8s.io/public',
  'ingressclass.networking.k8s.io/nginx',
  'namespace/ingress',
  'serviceaccount/nginx-ingress-microk8s-serviceaccount',
  'clusterrole.rbac.authorization.k8s.io/nginx-ingress-microk8s-clusterrole',
  'role.rbac.authorization.k8s.io/nginx-ingress-microk8s-role',
  'clusterrolebinding.rbac.authorization.k8s.io/nginx-ingress-microk8s',
  'rolebinding.rbac.authorization.k8s.io/nginx-ingress-microk8s',
  'configmap/nginx-load-balancer-microk8s-conf',
  'configmap/nginx-ingress-tcp-microk8s-conf',
  'configmap/nginx-ingress-udp-microk8s-conf',
  'daemonset.apps/nginx-ingress-microk8s-controller',
])}Ingress is enabled\n`;

export const HOSTPATH_ENABLE = `Enabling default storage class.
WARNING: Hostpath storage is not suitable for production environments.
         A hostpath volume can grow beyond the size limit set in the volume claim manifest.

${created([
  'deployment.apps/hostpath-provisioner',
  'storageclass.storage.k8s.io/microk8s-hostpath',
  'serviceaccount/microk8s-hostpath',
  'clusterrole.rbac.authorization.k8s.io/microk8s-hostpath',
  'clusterrolebinding.rbac.authorization.k8s.io/microk8s-hostpath',
])}Storage will be available soon.\n`;

/** What follows the range prompt ("Enabling MetalLB" and the prompt come first). */
export function metallbEnable(): string {
  const crds = ['addresspools', 'bfdprofiles', 'bgpadvertisements', 'bgppeers', 'communities', 'ipaddresspools', 'l2advertisements'];
  return `Applying Metallb manifest\n${created([
    ...crds.map((c) => `customresourcedefinition.apiextensions.k8s.io/${c}.metallb.io`),
    'namespace/metallb-system',
    'serviceaccount/controller',
    'serviceaccount/speaker',
    'clusterrole.rbac.authorization.k8s.io/metallb-system:controller',
    'clusterrole.rbac.authorization.k8s.io/metallb-system:speaker',
    'role.rbac.authorization.k8s.io/controller',
    'role.rbac.authorization.k8s.io/pod-lister',
    'clusterrolebinding.rbac.authorization.k8s.io/metallb-system:controller',
    'clusterrolebinding.rbac.authorization.k8s.io/metallb-system:speaker',
    'rolebinding.rbac.authorization.k8s.io/controller',
    'secret/webhook-server-cert',
    'service/webhook-service',
    'rolebinding.rbac.authorization.k8s.io/pod-lister',
    'daemonset.apps/speaker',
    'deployment.apps/controller',
    'validatingwebhookconfiguration.admissionregistration.k8s.io/validating-webhook-configuration',
  ])}Waiting for Metallb controller to be ready.\ndeployment.apps/controller condition met\n${created([
    'ipaddresspool.metallb.io/default-addresspool',
    'l2advertisement.metallb.io/default-advertise-all-pools',
  ])}MetalLB is enabled\n`;
}

/** The name an addon's own scripts use in "Enabling X" / "X is disabled". */
export const DISPLAY_NAME: Readonly<Record<string, string>> = {
  dashboard: 'Dashboard',
  dns: 'DNS',
  ingress: 'Ingress',
  'metrics-server': 'Metrics-Server',
  metallb: 'MetalLB',
  'hostpath-storage': 'Hostpath storage',
  storage: 'Hostpath storage',
  registry: 'the private registry',
  rbac: 'RBAC',
};
