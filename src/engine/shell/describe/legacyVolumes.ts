// Volume types the lab never provisions but a manifest may still name (the in-tree cloud and
// network volume plugins): printed field by field as describe.go's print*VolumeSource do,
// with Go's %v for slices (`[a b]`), maps (`map[k:v]`) and nil pointers (`<nil>`).

import type { Volume } from 'kubernetes-types/core/v1';
import { sortedKeys } from './fields.ts';
import { LEVEL_2, type PrefixWriter } from './prefixWriter.ts';

type Source = Record<string, unknown>;
/** A field printer: its label and how to read it from the volume source. */
type Field = [label: string, read: (s: Source) => string];

const v = (name: string, fallback = ''): ((s: Source) => string) => (s) => goV(s[name], fallback);
const bool = (name: string): ((s: Source) => string) => (s) => String(s[name] === true);
/** A *LocalObjectReference prints through its generated String() method. */
const ref = (name: string): ((s: Source) => string) => (s) => {
  const r = s[name] as { name?: string } | undefined;
  return r ? `&LocalObjectReference{Name:${r.name ?? ''},}` : 'nil';
};

function goV(x: unknown, fallback: string): string {
  if (x === undefined || x === null) return fallback;
  if (Array.isArray(x)) return `[${x.map((e) => goV(e, '')).join(' ')}]`;
  if (typeof x === 'object') {
    const m = x as Record<string, unknown>;
    return `map[${sortedKeys(m).map((k) => `${k}:${goV(m[k], '')}`).join(' ')}]`;
  }
  return String(x);
}

const LEGACY: [key: string, type: string, fields: Field[]][] = [
  ['gcePersistentDisk', 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName', v('pdName')], ['FSType', v('fsType')], ['Partition', v('partition', '0')], ['ReadOnly', bool('readOnly')]]],
  ['awsElasticBlockStore', 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID', v('volumeID')], ['FSType', v('fsType')], ['Partition', v('partition', '0')], ['ReadOnly', bool('readOnly')]]],
  ['gitRepo', 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository', v('repository')], ['Revision', v('revision')]]],
  ['iscsi', "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal', v('targetPortal')], ['IQN', v('iqn')], ['Lun', v('lun', '0')], ['ISCSIInterface', v('iscsiInterface')], ['FSType', v('fsType')],
    ['ReadOnly', bool('readOnly')], ['Portals', v('portals', '[]')], ['DiscoveryCHAPAuth', bool('chapAuthDiscovery')], ['SessionCHAPAuth', bool('chapAuthSession')],
    ['SecretRef', ref('secretRef')], ['InitiatorName', v('initiatorName', '<none>')]]],
  ['glusterfs', "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [['EndpointsName', v('endpoints')], ['Path', v('path')], ['ReadOnly', bool('readOnly')]]],
  ['rbd', "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
    ['CephMonitors', v('monitors', '[]')], ['RBDImage', v('image')], ['FSType', v('fsType')], ['RBDPool', v('pool')], ['RadosUser', v('user')],
    ['Keyring', v('keyring')], ['SecretRef', ref('secretRef')], ['ReadOnly', bool('readOnly')]]],
  ['quobyte', "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [['Registry', v('registry')], ['Volume', v('volume')], ['ReadOnly', bool('readOnly')]]],
  ['azureDisk', 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [
    ['DiskName', v('diskName')], ['DiskURI', v('diskURI')], ['Kind: ', v('kind', 'Shared')], ['FSType', v('fsType', 'ext4')],
    ['CachingMode', v('cachingMode', 'ReadWrite')], ['ReadOnly', bool('readOnly')]]],
  ['vsphereVolume', 'vSphereVolume (a Persistent Disk resource in vSphere)', [['VolumePath', v('volumePath')], ['FSType', v('fsType')], ['StoragePolicyName', v('storagePolicyName')]]],
  ['cinder', 'Cinder (a Persistent Disk resource in OpenStack)', [['VolumeID', v('volumeID')], ['FSType', v('fsType')], ['ReadOnly', bool('readOnly')], ['SecretRef', ref('secretRef')]]],
  ['photonPersistentDisk', 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', v('pdID')], ['FSType', v('fsType')]]],
  ['portworxVolume', 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', v('volumeID')]]],
  ['scaleIO', 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', [
    ['Gateway', v('gateway')], ['System', v('system')], ['Protection Domain', v('protectionDomain')], ['Storage Pool', v('storagePool')],
    ['Storage Mode', v('storageMode')], ['VolumeName', v('volumeName')], ['FSType', v('fsType')], ['ReadOnly', bool('readOnly')]]],
  ['cephfs', "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
    ['Monitors', v('monitors', '[]')], ['Path', v('path')], ['User', v('user')], ['SecretFile', v('secretFile')], ['SecretRef', ref('secretRef')], ['ReadOnly', bool('readOnly')]]],
  ['storageos', 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName', v('volumeName')], ['VolumeNamespace', v('volumeNamespace')], ['FSType', v('fsType')], ['ReadOnly', bool('readOnly')]]],
  ['fc', 'FC (a Fibre Channel disk)', [
    ['TargetWWNs', (s) => ((s.targetWWNs as string[] | undefined) ?? []).join(', ')], ['LUN', v('lun', '<none>')], ['FSType', v('fsType')], ['ReadOnly', bool('readOnly')]]],
  ['azureFile', 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [['SecretName', v('secretName')], ['ShareName', v('shareName')], ['ReadOnly', bool('readOnly')]]],
  ['flexVolume', 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [
    ['Driver', v('driver')], ['FSType', v('fsType')], ['SecretRef', ref('secretRef')], ['ReadOnly', bool('readOnly')], ['Options', v('options', 'map[]')]]],
  ['flocker', 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName', v('datasetName')], ['DatasetUUID', v('datasetUUID')]]],
];

/** Prints a legacy volume source; false when the volume has none of them. */
export function describeLegacyVolume(volume: Volume, w: PrefixWriter): boolean {
  const vol = volume as unknown as Record<string, unknown>;
  for (const [key, type, fields] of LEGACY) {
    const source = vol[key] as Source | undefined;
    if (!source) continue;
    // ISCSIInterface and AzureDisk's `Kind: ` are printed without a colon in describe.go.
    const lines = fields.map(([label, read]) => `    ${label}${label === 'ISCSIInterface' || label.endsWith(' ') ? '' : ':'}\t${read(source)}\n`);
    w.write(LEVEL_2, `Type:\t${type}\n${lines.join('')}`);
    return true;
  }
  return false;
}
