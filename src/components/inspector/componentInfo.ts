// What each part of the architecture is, in two plain sentences, for the inspector. Faithful
// to the Kubernetes docs' "Cluster Architecture" and "Kubernetes Components" pages.

export interface ComponentInfo {
  readonly title: string;
  readonly text: string;
}

/** `kubelet/kind-worker` → `['kubelet', 'kind-worker']` */
function split(component: string): [string, string] {
  const i = component.indexOf('/');
  return i < 0 ? [component, ''] : [component.slice(0, i), component.slice(i + 1)];
}

export function componentInfo(component: string): ComponentInfo {
  const [base, node] = split(component);
  const on = node ? ` on node ${node}` : '';
  switch (base) {
    case 'api-server':
      return {
        title: 'API server (kube-apiserver)',
        text: 'The front door of the control plane: kubectl, the scheduler, the controllers and every kubelet talk only to it. It checks and defaults each request, stores the object in etcd, and tells whoever is watching that it changed.',
      };
    case 'etcd':
      return {
        title: 'Cluster store (etcd)',
        text: 'A consistent key-value store holding every object of the cluster, the desired state and the reported status. Every write gets a new resourceVersion.',
      };
    case 'scheduler':
      return {
        title: 'Scheduler (kube-scheduler)',
        text: 'Watches for pods that have no node yet. It filters out nodes that cannot run the pod (resources, nodeSelector, taints, ports), scores the rest and binds the pod to the best one through the API server; it starts nothing itself.',
      };
    case 'controller-manager':
      return {
        title: 'Controller manager (kube-controller-manager)',
        text: 'Runs the controllers: loops that watch objects through the API server and act to make the actual state match the desired state. The Deployment controller makes ReplicaSets, the ReplicaSet controller makes and deletes pods, the EndpointSlice controller tracks which pods back each Service, the node lifecycle controller notices nodes that stop answering.',
      };
    case 'kubelet':
      return {
        title: `kubelet${on}`,
        text: `The node agent${on}. It registers the node and keeps its heartbeat, watches the API server for pods bound to its node, asks the container runtime to run their containers, and reports their status back.`,
      };
    case 'container-runtime':
      return {
        title: `Container runtime${on}`,
        text: `containerd${on}: pulls images from the registry and creates, starts and stops containers when the kubelet asks (through the Container Runtime Interface). It gives each pod its IP address.`,
      };
    case 'kube-proxy':
      return {
        title: `kube-proxy${on}`,
        text: `Watches Services and EndpointSlices and programs the network rules${on} so that traffic for a Service's ClusterIP or NodePort reaches one of its ready pods.`,
      };
    case 'kubectl':
      return {
        title: 'kubectl',
        text: "The command-line client. It turns what you type (and the editor's Apply) into HTTPS requests to the API server; it never talks to nodes or etcd directly.",
      };
    default:
      return {
        title: component,
        text: component.endsWith('-controller')
          ? 'One of the controllers run by the controller manager: it watches objects through the API server and acts to make the actual state match the desired state.'
          : 'A part of the simulated cluster.',
      };
  }
}
