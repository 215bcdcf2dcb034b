// The Volumes section of `kubectl describe pod` (describe.go describeVolumes and its
// print*VolumeSource helpers) for the volume types a lab cluster uses.

import type { PersistentVolumeClaimTemplate, ProjectedVolumeSource, Volume } from 'kubernetes-types/core/v1';
import { printAnnotationsMultiline, printLabelsMultiline } from './fields.ts';
import { describeLegacyVolume } from './legacyVolumes.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter } from './prefixWriter.ts';
import { Quantity } from './quantity.ts';

/**
 * kubectl 1.32 formats projected sources' `optional` (a *bool) with %v: `<nil>` when unset,
 * a pointer address when set. Fixed here so the output stays deterministic.
 */
const GO_POINTER = '0xc000a4c1f8';

export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space = ''): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeVolumeSource(v, w);
  }
}

function describeVolumeSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit === undefined ? undefined : Quantity.parse(String(v.emptyDir.sizeLimit));
    const sizeLimit = limit && limit.cmp(Quantity.zero()) > 0 ? limit.toString() : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
  } else if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName}\n    ReadOnly:\t${c.readOnly === true}\n`);
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    if (v.ephemeral.volumeClaimTemplate) describeClaimTemplate(v.ephemeral.volumeClaimTemplate, nestedPrefixWriter(w, LEVEL_2));
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    describeProjected(v.projected, w);
  } else if (v.csi) {
    describeCsi(v, w);
  } else if (imageSource(v)) {
    const image = imageSource(v)!;
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`);
  } else if (!describeLegacyVolume(v, w)) {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** The image volume source (1.31+) is newer than the kubernetes-types the lab uses. */
function imageSource(v: Volume): { reference?: string; pullPolicy?: string } | undefined {
  return (v as { image?: { reference?: string; pullPolicy?: string } }).image;
}

function describeProjected(projected: ProjectedVolumeSource, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      const optional = source.secret.optional === undefined ? '<nil>' : GO_POINTER;
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${optional}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      const optional = source.configMap.optional === undefined ? '<nil>' : GO_POINTER;
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${optional}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

function describeCsi(v: Volume, w: PrefixWriter): void {
  const csi = v.csi!;
  w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    ReadOnly:\t${csi.readOnly === true}\n`);
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const attrs = csi.volumeAttributes ?? {};
  const keys = Object.keys(attrs).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs[k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** printPersistentVolumeClaim for a claim template (isFullPVC false): no name or status. */
function describeClaimTemplate(t: PersistentVolumeClaimTemplate, w: PrefixWriter): void {
  const annotations = t.metadata?.annotations;
  const storageClass = annotations?.['volume.beta.kubernetes.io/storage-class'] ?? t.spec.storageClassName ?? '';
  w.write(LEVEL_0, `StorageClass:\t${storageClass}\n`);
  w.write(LEVEL_0, `Volume:\t${t.spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', t.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', annotations);
  // A template has no status, so capacity and access modes stay empty unless it names a volume.
  w.write(LEVEL_0, `Capacity:\t${t.spec.volumeName ? '0' : ''}\n`);
  w.write(LEVEL_0, 'Access Modes:\t\n');
  if (t.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${t.spec.volumeMode}\n`);
  const ds = t.spec.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}
