// Expected outputs are what kubectl 1.32.4 printed for these objects, served to it by a
// stand-in API server. One difference is deliberate: kubectl prints a projected source's
// `optional` pointer as an address, which the lab fixes to 0xc000a4c1f8.

import type { Event } from 'kubernetes-types/core/v1';
import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { describe } from './describe.ts';
import { at, atMicro } from './podFixtures.ts';

const meta = (name: string, extra: Record<string, unknown> = {}): KubeObject['metadata'] => ({
  name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: at(0), ...extra,
});

const pending: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('pending', {
    annotations: {
      long: 'x'.repeat(150),
      multi: 'line one\nline two\n',
      esc: 'a\x1b[31mred\rb',
      short: 'ok',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
    },
  }),
  spec: {
    containers: [
      { name: 'c', image: 'nginx', resources: { requests: { cpu: '1000m', memory: '1.5Gi' }, limits: { cpu: '0.5', memory: '129e6' } } },
      {
        name: 'd',
        image: 'nginx',
        ports: [{ containerPort: 80, protocol: 'UDP' }, { containerPort: 81, protocol: 'TCP' }],
        resources: { requests: { cpu: '1200m', memory: '1e3', 'ephemeral-storage': '1000Ki' } },
        command: ['a\nb'],
        startupProbe: { exec: { command: ['cat', '/tmp/x'] }, failureThreshold: 30, periodSeconds: 10 },
        readinessProbe: { grpc: { port: 9000, service: '' } },
      },
    ],
    initContainers: [{ name: 'sidecar', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '250m' } } }],
    resources: { requests: { cpu: '2' } },
    tolerations: [{ operator: 'Exists' }, { key: 'k', operator: 'Equal', value: 'v' }, { effect: 'NoSchedule', operator: 'Exists' }],
    volumes: [
      { name: 'p', projected: { sources: [{ secret: { name: 's1' } }, { configMap: { name: 'c1', optional: true } }] } },
      { name: 'cfg', configMap: { name: 'web-config', optional: true } },
      { name: 'sec', secret: { secretName: 'db-creds' } },
      { name: 'dapi', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] } },
      { name: 'pvc', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'empty', emptyDir: { medium: 'Memory' } },
      { name: 'weird', gcePersistentDisk: { pdName: 'x' } },
    ],
    readinessGates: [{ conditionType: 'example.com/ready' }],
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'x', operator: 'DoesNotExist' }] },
      },
    ],
  },
  status: {
    phase: 'Pending',
    qosClass: 'Guaranteed',
    reason: 'Unschedulable',
    message: 'no nodes',
    nominatedNodeName: 'n2',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
  },
};

/** An events.k8s.io event with a series, as the scheduler reports repeated failures. */
const failedScheduling = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: meta('pending.ev1'),
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'pending', uid: 'uid-pending' },
  reason: 'FailedScheduling',
  message: '0/2 nodes are available: 1 node(s) had untolerated taint.',
  type: 'Warning',
  eventTime: atMicro(5),
  reportingComponent: 'default-scheduler',
  series: { count: 4, lastObservedTime: atMicro(200) },
  source: {},
} as unknown as Event;

const vols: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('vols'),
  spec: {
    containers: [
      {
        name: 'c',
        image: 'x',
        env: [
          { name: 'LBL', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
          { name: 'ALL', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
          { name: 'REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1' } } },
        ],
        resources: { requests: { cpu: '250m' } },
        livenessProbe: { httpGet: { port: 'http', host: '10.0.0.1', path: '/a b', scheme: 'HTTPS' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      },
    ],
    volumes: [
      { name: 'gce', gcePersistentDisk: { pdName: 'disk', fsType: 'ext4', partition: 1 } },
      { name: 'aws', awsElasticBlockStore: { volumeID: 'vol-1' } },
      { name: 'git', gitRepo: { repository: 'https://x/y.git' } },
      { name: 'iscsi', iscsi: { targetPortal: '1.2.3.4:3260', iqn: 'iqn.x', lun: 0, iscsiInterface: 'default', portals: ['a', 'b'], secretRef: { name: 'chap' } } },
      { name: 'rbd', rbd: { monitors: ['m1'], image: 'img', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' } },
      { name: 'az', azureDisk: { diskName: 'd', diskURI: 'u', kind: 'Managed', fsType: 'ext4', cachingMode: 'None', readOnly: false } },
      { name: 'fc', fc: { targetWWNs: ['w1', 'w2'], lun: 2 } },
      { name: 'flex', flexVolume: { driver: 'x/y', options: { b: '2', a: '1' } } },
      { name: 'cephfs', cephfs: { monitors: ['m1', 'm2'], path: '/' } },
      {
        name: 'eph',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { labels: { a: 'b', c: 'd' } },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'standard',
              resources: { requests: { storage: '1Gi' } },
              volumeMode: 'Filesystem',
              dataSource: { kind: 'VolumeSnapshot', name: 'snap', apiGroup: 'snapshot.storage.k8s.io' },
            },
          },
        },
      },
      { name: 'csi', csi: { driver: 'inline.csi', volumeAttributes: { z: '1', a: '2' } } },
    ],
  },
  status: { phase: 'Pending' },
};

suite('kubectl describe pod, edge cases', () => {
  it('prints an unscheduled pod: annotations wrapped and escaped, canonical quantities, sidecars, gates, spread', () => {
    expect(describe(pending, { now: 300_000, events: [failedScheduling] })).toBe(PENDING);
  });

  it('prints a pod with no node, no containers and no status', () => {
    const nodeless: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: meta('nodeless'), spec: { containers: [] }, status: {} };
    expect(describe(nodeless, { now: 300_000, events: [] })).toBe(NODELESS);
  });

  it('prints every volume type and resolves env values the way kubectl does on the client', () => {
    expect(describe(vols, { now: 300_000, events: [] })).toBe(VOLS);
  });
});

const PENDING = `Name:               pending
Namespace:          default
Node:               <none>
Labels:             <none>
Annotations:        esc: a^[[31mred\\rb
                    long:
                      xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...
                    multi:
                      line one
                      line two
                    short: ok
Status:             Pending
Reason:             Unschedulable
Message:            no nodes
IP:                 
IPs:                <none>
NominatedNodeName:  n2
Resources:
  Requests:
    cpu:  2
Init Containers:
  sidecar:
    Image:      envoy
    Port:       <none>
    Host Port:  <none>
    Requests:
      cpu:        250m
    Environment:  <none>
    Mounts:       <none>
Containers:
  c:
    Image:      nginx
    Port:       <none>
    Host Port:  <none>
    Limits:
      cpu:     500m
      memory:  129e6
    Requests:
      cpu:        1
      memory:     1536Mi
    Environment:  <none>
    Mounts:       <none>
  d:
    Image:       nginx
    Ports:       80/UDP, 81/TCP
    Host Ports:  0/UDP, 0/TCP
    Command:
      a
      b
    Requests:
      cpu:                1200m
      ephemeral-storage:  1000Ki
      memory:             1e3
    Readiness:            grpc <pod>:9000  delay=0s timeout=0s period=0s #success=0 #failure=0
    Startup:              exec [cat /tmp/x] delay=0s timeout=0s period=10s #success=0 #failure=30
    Environment:          <none>
    Mounts:               <none>
Readiness Gates:
  Type                Status
  example.com/ready   <none> 
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:
  p:
    Type:                Projected (a volume that contains injected data from multiple sources)
    SecretName:          s1
    SecretOptionalName:  <nil>
    ConfigMapName:       c1
    ConfigMapOptional:   0xc000a4c1f8
  cfg:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      web-config
    Optional:  true
  sec:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  db-creds
    Optional:    false
  dapi:
    Type:  DownwardAPI (a volume populated by information about the pod)
    Items:
      metadata.labels -> labels
      limits.cpu -> cpu
  pvc:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  data
    ReadOnly:   false
  empty:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     Memory
    SizeLimit:  <unset>
  weird:
    Type:                     GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)
    PDName:                   x
    FSType:                   
    Partition:                0
    ReadOnly:                 false
QoS Class:                    Guaranteed
Node-Selectors:               <none>
Tolerations:                  op=Exists
                              :NoSchedule op=Exists
                              k=v
Topology Spread Constraints:  zone:DoNotSchedule when max skew 1 is exceeded for selector app=web,tier in (a,b),!x
Events:
  Type     Reason            Age                  From               Message
  ----     ------            ----                 ----               -------
  Warning  FailedScheduling  99s (x4 over 4m54s)  default-scheduler  0/2 nodes are available: 1 node(s) had untolerated taint.
`;

const NODELESS = `Name:         nodeless
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`;

const VOLS = `Name:         vols
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  c:
    Image:      x
    Port:       <none>
    Host Port:  <none>
    Requests:
      cpu:     250m
    Liveness:  http-get https://10.0.0.1:http/a%20b delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      LBL:    (v1:metadata.labels['app'])
      ALL:    (v1:metadata.labels)
      MEM:   node allocatable (limits.memory)
      REQ:   1 (requests.cpu)
    Mounts:  <none>
Volumes:
  gce:
    Type:       GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)
    PDName:     disk
    FSType:     ext4
    Partition:  1
    ReadOnly:   false
  aws:
    Type:       AWSElasticBlockStore (a Persistent Disk resource in AWS)
    VolumeID:   vol-1
    FSType:     
    Partition:  0
    ReadOnly:   false
  git:
    Type:        GitRepo (a volume that is pulled from git when the pod is created)
    Repository:  https://x/y.git
    Revision:    
  iscsi:
    Type:               ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)
    TargetPortal:       1.2.3.4:3260
    IQN:                iqn.x
    Lun:                0
    ISCSIInterface      default
    FSType:             
    ReadOnly:           false
    Portals:            [a b]
    DiscoveryCHAPAuth:  false
    SessionCHAPAuth:    false
    SecretRef:          &LocalObjectReference{Name:chap,}
    InitiatorName:      <none>
  rbd:
    Type:          RBD (a Rados Block Device mount on the host that shares a pod's lifetime)
    CephMonitors:  [m1]
    RBDImage:      img
    FSType:        
    RBDPool:       rbd
    RadosUser:     admin
    Keyring:       /etc/ceph/keyring
    SecretRef:     nil
    ReadOnly:      false
  az:
    Type:         AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)
    DiskName:     d
    DiskURI:      u
    Kind:         Managed
    FSType:       ext4
    CachingMode:  None
    ReadOnly:     false
  fc:
    Type:        FC (a Fibre Channel disk)
    TargetWWNs:  w1, w2
    LUN:         2
    FSType:      
    ReadOnly:    false
  flex:
    Type:       FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)
    Driver:     x/y
    FSType:     
    SecretRef:  nil
    ReadOnly:   false
    Options:    map[a:1 b:2]
  cephfs:
    Type:        CephFS (a CephFS mount on the host that shares a pod's lifetime)
    Monitors:    [m1 m2]
    Path:        /
    User:        
    SecretFile:  
    SecretRef:   nil
    ReadOnly:    false
  eph:
    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)
    StorageClass:  standard
    Volume:        
    Labels:            a=b
                       c=d
    Annotations:       <none>
    Capacity:      
    Access Modes:  
    VolumeMode:    Filesystem
    DataSource:
      APIGroup:  snapshot.storage.k8s.io
      Kind:      VolumeSnapshot
      Name:      snap
  csi:
    Type:              CSI (a Container Storage Interface (CSI) volume source)
    Driver:            inline.csi
    FSType:            
    ReadOnly:          false
    VolumeAttributes:      a=2
                           z=1
QoS Class:             Burstable
Node-Selectors:        <none>
Tolerations:           <none>
Events:                <none>
`;
