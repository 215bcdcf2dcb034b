// Expected outputs are what kubectl 1.32.4 printed for these fixtures, served to it by a
// stand-in API server (timestamps shifted to real time and back); see podFixtures.ts.

import { describe as suite, expect, it } from 'vitest';
import { describe } from './describe.ts';
import { helloPod, helloPodEvents, typoPod, typoPodEvents } from './podFixtures.ts';

suite('kubectl describe pod', () => {
  it('prints a running single-container pod with its events', () => {
    expect(describe(helloPod, { now: 95_000, events: helloPodEvents })).toBe(HELLO_POD);
  });

  it('measures event ages against the simulated clock', () => {
    const out = describe(helloPod, { now: 3 * 3600_000 + 61_000, events: helloPodEvents });
    expect(out.split('Events:\n')[1]).toBe(HELLO_POD_LATER_EVENTS);
  });

  it('shows a waiting container and repeated warnings as (xN over age)', () => {
    expect(describe(typoPod, { now: 45_000, events: typoPodEvents })).toBe(TYPO_POD);
  });

  it('prints Events: <none> aligned with the fields above it', () => {
    const out = describe(helloPod, { now: 95_000, events: [] });
    expect(out.endsWith(
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' +
        'Events:                      <none>\n',
    )).toBe(true);
  });

  it('leaves the events section out when events are not requested', () => {
    expect(describe(helloPod, { now: 95_000 })).toBe(HELLO_POD.slice(0, HELLO_POD.indexOf('Events:')));
  });
});

const HELLO_POD = `Name:             hello-pod
Namespace:        default
Priority:         0
Service Account:  default
Node:             kubelab-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:00 +0000
Labels:           app=web
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:  10.244.1.2
Containers:
  web-ctr:
    Container ID:   containerd://9199f41997a669ed093bfe48acc93d64f4136f073c6248b5b65bbc9716b5cfd6
    Image:          nigelpoulton/getting-started-k8s:1.0
    Image ID:       docker.io/nigelpoulton/getting-started-k8s@sha256:fdd46174f39e5a937abab3c170b04a0e249b720266a1876f9fa0bca6df62a770
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:00:07 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x7k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  94s   default-scheduler  Successfully assigned default/hello-pod to kubelab-worker
  Normal  Pulling    94s   kubelet            Pulling image "nigelpoulton/getting-started-k8s:1.0"
  Normal  Pulled     89s   kubelet            Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 5.312s (5.312s including waiting). Image size: 35742382 bytes.
  Normal  Created    88s   kubelet            Created container: web-ctr
  Normal  Started    88s   kubelet            Started container web-ctr
`;

const TYPO_POD = `Name:             typo-pod
Namespace:        default
Priority:         0
Service Account:  default
Node:             kubelab-worker/172.18.0.3
Start Time:       Thu, 01 Jan 2026 09:00:00 +0000
Labels:           app=web
Annotations:      <none>
Status:           Pending
IP:               10.244.1.3
IPs:
  IP:  10.244.1.3
Containers:
  web-ctr:
    Container ID:   
    Image:          nigelpulton/getting-started-k8s:1.0
    Image ID:       
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-q9m4t (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-q9m4t:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age               From               Message
  ----     ------     ----              ----               -------
  Normal   Scheduled  44s               default-scheduler  Successfully assigned default/typo-pod to kubelab-worker
  Normal   Pulling    7s (x3 over 44s)  kubelet            Pulling image "nigelpulton/getting-started-k8s:1.0"
  Warning  Failed     6s (x3 over 42s)  kubelet            Failed to pull image "nigelpulton/getting-started-k8s:1.0": failed to pull and unpack image "docker.io/nigelpulton/getting-started-k8s:1.0": failed to resolve reference "docker.io/nigelpulton/getting-started-k8s:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
  Warning  Failed     6s (x3 over 42s)  kubelet            Error: ErrImagePull
  Normal   BackOff    4s (x3 over 40s)  kubelet            Back-off pulling image "nigelpulton/getting-started-k8s:1.0"
  Warning  Failed     4s (x3 over 40s)  kubelet            Error: ImagePullBackOff
`;

const HELLO_POD_LATER_EVENTS = `  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  3h1m  default-scheduler  Successfully assigned default/hello-pod to kubelab-worker
  Normal  Pulling    3h1m  kubelet            Pulling image "nigelpoulton/getting-started-k8s:1.0"
  Normal  Pulled     3h    kubelet            Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 5.312s (5.312s including waiting). Image size: 35742382 bytes.
  Normal  Created    3h    kubelet            Created container: web-ctr
  Normal  Started    3h    kubelet            Started container web-ctr
`;
