// What the kubelet checks before a pod's containers can start: that the ConfigMaps and
// Secrets its volumes and environment name exist (else FailedMount, or
// CreateContainerConfigError), as the kubelet's volume manager and env resolution do.

import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/apiServer.ts';
import type { Stored } from '../api/objects.ts';
import { typeForKind } from '../api/resources.ts';

const CONFIGMAPS = typeForKind('ConfigMap')!;
const SECRETS = typeForKind('Secret')!;

/**
 * The FailedMount messages of the volumes whose source is missing: the volume manager mounts
 * each volume on its own, so each missing one reports its own failure.
 */
export function checkMounts(pod: Stored<Pod>, api: ApiServer): string[] {
  const ns = pod.metadata.namespace;
  const failed: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !api.get(CONFIGMAPS, ns, v.configMap.name ?? '')) {
      failed.push(`MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`);
    }
    if (v.secret && !v.secret.optional && !api.get(SECRETS, ns, v.secret.secretName ?? '')) {
      failed.push(`MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found`);
    }
  }
  return failed;
}

/** The CreateContainerConfigError message for a missing env source, if any. */
export function checkEnv(c: Container, pod: Stored<Pod>, api: ApiServer): string | undefined {
  const ns = pod.metadata.namespace;
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    if (cm && !cm.optional) {
      const obj = api.get(CONFIGMAPS, ns, cm.name ?? '');
      if (!obj) return `configmap "${cm.name}" not found`;
      if (!((obj['data'] as Record<string, string> | undefined) ?? {})[cm.key]) return `couldn't find key ${cm.key} in ConfigMap ${ns}/${cm.name}`;
    }
    const sk = e.valueFrom?.secretKeyRef;
    if (sk && !sk.optional) {
      const obj = api.get(SECRETS, ns, sk.name ?? '');
      if (!obj) return `secret "${sk.name}" not found`;
      if (!((obj['data'] as Record<string, string> | undefined) ?? {})[sk.key]) return `couldn't find key ${sk.key} in Secret ${ns}/${sk.name}`;
    }
  }
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef && !from.configMapRef.optional && !api.get(CONFIGMAPS, ns, from.configMapRef.name ?? '')) return `configmap "${from.configMapRef.name}" not found`;
    if (from.secretRef && !from.secretRef.optional && !api.get(SECRETS, ns, from.secretRef.name ?? '')) return `secret "${from.secretRef.name}" not found`;
  }
  return undefined;
}
