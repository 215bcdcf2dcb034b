// What a fresh cluster has before anyone types a command (kube-apiserver's bootstrap
// controllers): the four system namespaces, the `kubernetes` Service with its endpoints, and
// per namespace the `default` ServiceAccount and `kube-root-ca.crt` ConfigMap. Deleting a
// namespace deletes everything in it, as the namespace controller does.

import type { KubeObject } from '../api/objects.ts';
import type { ResourceType } from '../api/resources.ts';
import { resourceTypes, typeForKind } from '../api/resources.ts';
import type { ClusterContext } from '../context.ts';
import type { Preset } from '../presets.ts';
import { startApiServerEndpointsReconciler } from './kubernetesEndpoints.ts';

const NAMESPACES = typeForKind('Namespace')!;
const SERVICE_ACCOUNTS = typeForKind('ServiceAccount')!;
const CONFIGMAPS = typeForKind('ConfigMap')!;
const SERVICES = typeForKind('Service')!;

const meta = (name: string, namespace?: string): KubeObject['metadata'] => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: '',
  resourceVersion: '',
  creationTimestamp: '',
});

export function startNamespaceControllers(ctx: ClusterContext, preset: Preset): void {
  const { api } = ctx;
  api.store.watch('namespaces', (e) => {
    if (e.type !== 'ADDED') return;
    const ns = e.object.metadata.name;
    ctx.clock.after(ctx.timings.controllerLatencyMs, 'serviceaccounts-controller', () => {
      if (!api.get(SERVICE_ACCOUNTS, ns, 'default')) {
        api.createTrusted(SERVICE_ACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', ns) }, 'serviceaccount-controller');
      }
      if (!api.get(CONFIGMAPS, ns, 'kube-root-ca.crt')) {
        api.createTrusted(
          CONFIGMAPS,
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { ...meta('kube-root-ca.crt', ns), annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
            data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeLabCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMK\na3ViZXJuZXRlczAeFw0yNjAxMDEwOTAwMDBaFw0zNjAxMDEwOTAwMDBaMBUxEzAR\n-----END CERTIFICATE-----\n' },
          },
          'root-ca-cert-publisher',
        );
      }
    });
  });
  api.onDelete('Namespace', (obj) => {
    const ns = obj.metadata.name;
    ctx.api.replace(NAMESPACES, { ...obj, metadata: { ...obj.metadata, deletionTimestamp: ctx.clock.iso() }, status: { phase: 'Terminating' } }, 'api-server', `namespace ${ns} is terminating`);
    ctx.clock.after(ctx.timings.controllerLatencyMs, 'namespace-controller', () => purge(ctx, ns, obj));
    return 'graceful';
  });
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.createTrusted(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name) }, 'api-server');
  }
  const [port, targetPort] = preset.name === 'microk8s' ? [443, 16443] : [443, 6443];
  api.createTrusted(
    SERVICES,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...meta('kubernetes', 'default'), labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: preset.kubernetesServiceIP,
        clusterIPs: [preset.kubernetesServiceIP],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port, protocol: 'TCP', targetPort }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    'api-server',
  );
  const controlPlane = preset.nodes.find((n) => n.controlPlane) ?? preset.nodes[0];
  if (controlPlane) startApiServerEndpointsReconciler(ctx, { ip: controlPlane.ip, port: targetPort });
}

/** Deletes every namespaced object in `ns`, then the namespace (pods terminate gracefully first). */
function purge(ctx: ClusterContext, ns: string, nsObj: KubeObject): void {
  const types: ResourceType[] = resourceTypes.filter((t) => t.namespaced);
  let waiting = false;
  for (const t of types) {
    for (const o of ctx.api.list(t, ns)) {
      if (t.kind === 'Pod') {
        waiting = true;
        if (!o.metadata.deletionTimestamp) ctx.api.delete(t, ns, o.metadata.name, { actor: 'namespace-controller' });
      } else ctx.api.remove(t, o, 'namespace-controller');
    }
  }
  if (waiting) {
    ctx.clock.after(1_000, 'namespace-controller', () => purge(ctx, ns, nsObj));
    return;
  }
  const current = ctx.api.get(NAMESPACES, undefined, ns);
  if (current) ctx.api.remove(NAMESPACES, current, 'namespace-controller');
}
