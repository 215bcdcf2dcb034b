// Expected outputs are what kubectl 1.32.4 printed for these fixtures, served to it by a
// stand-in API server (timestamps shifted to real time and back); see podFixtures.ts.

import { describe as suite, expect, it } from 'vitest';
import { describe } from './describe.ts';
import { helloPodEvents, multiPod, multiPodEvents, terminatingPod } from './podFixtures.ts';

suite('kubectl describe pod, in detail', () => {
  it('prints init containers, resources, probes, environment, mounts and volumes', () => {
    expect(describe(multiPod, { now: 300_000, events: multiPodEvents })).toBe(MULTI_POD);
  });

  it('shows <invalid> while a deleted pod is inside its grace period', () => {
    const out = describe(terminatingPod, { now: 210_000, events: helloPodEvents });
    expect(out.split('\n').slice(0, 12).join('\n')).toBe(TERMINATING_EARLY_HEAD);
  });

  it('counts how long a deleted pod has outlasted its deadline', () => {
    const out = describe(terminatingPod, { now: 245_000, events: helloPodEvents });
    expect(out.split('\n').slice(8, 10).join('\n')).toBe(
      'Status:                    Terminating (lasts 15s)\nTermination Grace Period:  30s',
    );
  });
});

const MULTI_POD = `Name:             web-deploy-5d8f7c9b6d-x2x7k
Namespace:        default
Priority:         0
Service Account:  default
Node:             kubelab-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:01:00 +0000
Labels:           app=web
                  pod-template-hash=5d8f7c9b6d
                  tier=frontend
Annotations:      kubectl.kubernetes.io/restartedAt: 2026-01-01T09:00:55Z
                  kubelab.io/owner: team-a
Status:           Running
IP:               10.244.1.7
IPs:
  IP:           10.244.1.7
Controlled By:  ReplicaSet/web-deploy-5d8f7c9b6d
Init Containers:
  init-perms:
    Container ID:  containerd://fcef92798cd3804daa9710a8d7fc5a042d5fab675976613d4df522dfd6708a36
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:0670ef9dd339580deb7ad26c64db480cb9506a43ff1a700914249f67fd673e66
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      chmod 777 /var/log/app
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Thu, 01 Jan 2026 09:01:01 +0000
      Finished:     Thu, 01 Jan 2026 09:01:02 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/log/app from host-logs (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-b8w2n (ro)
Containers:
  web-ctr:
    Container ID:   containerd://94c3f1734961ab89f0ea123617530046c7e391914b623c79f8230439a6c9ecfa
    Image:          nigelpoulton/getting-started-k8s:1.0
    Image ID:       docker.io/nigelpoulton/getting-started-k8s@sha256:fdd46174f39e5a937abab3c170b04a0e249b720266a1876f9fa0bca6df62a770
    Ports:          8080/TCP, 9090/TCP
    Host Ports:     0/TCP, 9090/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:01:03 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  256Mi
    Requests:
      cpu:      100m
      memory:   128Mi
    Liveness:   tcp-socket :8080 delay=5s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8080/healthz delay=0s timeout=1s period=5s #success=1 #failure=3
    Environment Variables from:
      web-config  ConfigMap                 Optional: false
      db-creds    Secret with prefix 'DB_'  Optional: false
    Environment:
      GREETING:     hello
                    world
      POD_NAME:     web-deploy-5d8f7c9b6d-x2x7k (v1:metadata.name)
      NODE_NAME:     (v1:spec.nodeName)
      CPU_LIMIT:    500 (limits.cpu)
      DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>         Optional: false
      LOG_LEVEL:    <set to the key 'log.level' of config map 'web-config'>  Optional: true
    Mounts:
      /cache from cache (rw)
      /var/log/app from host-logs (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-b8w2n (ro)
  log-tailer:
    Container ID:  containerd://3f7eeec910f40525d28e70602a6a4dc6fdadc10f50e59419654f7edb0de1d516
    Image:         busybox:1.36
    Image ID:      docker.io/library/busybox@sha256:0670ef9dd339580deb7ad26c64db480cb9506a43ff1a700914249f67fd673e66
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
    Args:
      tail -F /var/log/app/access.log
    State:          Running
      Started:      Thu, 01 Jan 2026 09:01:35 +0000
    Last State:     Terminated
      Reason:       Error
      Message:      tail: can't open '/var/log/app/access.log'
      Exit Code:    1
      Started:      Thu, 01 Jan 2026 09:01:03 +0000
      Finished:     Thu, 01 Jan 2026 09:01:04 +0000
    Ready:          True
    Restart Count:  1
    Requests:
      cpu:        50m
      memory:     32Mi
    Environment:  <none>
    Mounts:
      /var/log/app from host-logs (ro,path="web")
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-b8w2n (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  host-logs:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log/web
    HostPathType:  DirectoryOrCreate
  cache:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  500Mi
  kube-api-access-b8w2n:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              kubernetes.io/os=linux
Tolerations:                 dedicated=web:NoSchedule
                             node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                    From               Message
  ----     ------     ----                   ----               -------
  Normal   Scheduled  3m59s                  default-scheduler  Successfully assigned default/web-deploy-5d8f7c9b6d-x2x7k to kubelab-worker
  Warning  BackOff    3m55s                  kubelet            Back-off restarting failed container log-tailer in pod web-deploy-5d8f7c9b6d-x2x7k_default(c1f0d9e8-2b3a-4c5d-8e7f-6a5b4c3d2e1f)
  Normal   Pulled     3m26s (x3 over 3m59s)  kubelet            Container image "busybox:1.36" already present on machine
`;

const TERMINATING_EARLY_HEAD = `Name:                      hello-pod
Namespace:                 default
Priority:                  0
Service Account:           default
Node:                      kubelab-worker/172.18.0.3
Start Time:                Thu, 01 Jan 2026 09:00:00 +0000
Labels:                    app=web
Annotations:               <none>
Status:                    Terminating (lasts <invalid>)
Termination Grace Period:  30s
IP:                        10.244.1.2
IPs:`;
