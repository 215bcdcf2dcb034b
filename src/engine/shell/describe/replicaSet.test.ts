// Expected texts follow describe.go describeReplicaSet, getPodStatusForController and
// DescribePodTemplate (release-1.32) and the layout of real `kubectl describe rs` outputs;
// the objects come from a lab cluster running the ReplicaSet and Deployments chapters.

import { readFileSync } from 'node:fs';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { testShell } from '../commands/testShell.ts';
import { describe } from './describe.ts';

const transcript = (name: string): string => readFileSync(new URL(`../../../../tests/transcripts/${name}.sh`, import.meta.url), 'utf8');
const manifestsOf = (script: string): string => script.slice(0, script.indexOf('kubectl apply'));

const NGINX_TEMPLATE = `Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

suite('kubectl describe replicaset', () => {
  it('prints a Deployment\'s ReplicaSet with its owner, pod phases, template and events', () => {
    const { run } = testShell();
    run(manifestsOf(transcript('deployments-chapter')));
    run('kubectl apply -f deploy.yml; sleep 60');
    expect(run('kubectl describe rs web-deploy-7465d45f85')).toEqual({
      out: `Name:           web-deploy-7465d45f85
Namespace:      default
Selector:       app=web,pod-template-hash=7465d45f85
Labels:         app=web
                pod-template-hash=7465d45f85
Annotations:    deployment.kubernetes.io/desired-replicas: 5
                deployment.kubernetes.io/max-replicas: 6
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web-deploy
Replicas:       5 current / 5 desired
Pods Status:    5 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7465d45f85
  Containers:
   hello-pod:
    Image:         nigelpoulton/getting-started-k8s:1.0
    Port:          8080/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                   Message
  ----    ------            ----  ----                   -------
  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-deploy-7465d45f85-dv6zc
  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-deploy-7465d45f85-h998z
  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-deploy-7465d45f85-ckj5t
  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-deploy-7465d45f85-kfm4v
  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-deploy-7465d45f85-ftlqg
`,
      err: '',
      code: 0,
    });
  });

  it('counts pods still being created as Waiting, and has no Controlled By line without an owner', () => {
    const { run } = testShell();
    run(manifestsOf(transcript('replicaset-self-healing')));
    run('kubectl apply -f rs.yml; sleep 1');
    const out = run('kubectl describe replicaset web --show-events=false').out;
    expect(out).toBe(`Name:         web
Namespace:    default
Selector:     app=web
Labels:       app=web
Annotations:  <none>
Replicas:     3 current / 3 desired
Pods Status:  0 Running / 3 Waiting / 0 Succeeded / 0 Failed
${NGINX_TEMPLATE}`);
  });

  it('counts only the pods the ReplicaSet controls', () => {
    const { run } = testShell();
    run(manifestsOf(transcript('replicaset-self-healing')));
    // A second ReplicaSet with the same selector: its pods match web's selector too.
    const rsYaml = manifestsOf(transcript('replicaset-self-healing')).split("<<'YAML'\n")[1]!.split('YAML\n')[0]!;
    run(`cat > other.yml <<'YAML'\n${rsYaml.replace('name: web', 'name: other').replace('replicas: 3', 'replicas: 2')}YAML`);
    run('kubectl apply -f rs.yml; kubectl apply -f other.yml; sleep 30');
    expect(run('kubectl get pods -l app=web --no-headers | wc -l').out.trim()).toBe('5');
    expect(run('kubectl describe rs web').out).toContain('Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(run('kubectl describe rs other').out).toContain('Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
  });

  it('prints a Conditions table and counts finished pods by phase', () => {
    const pods = ['Running', 'Pending', 'Succeeded', 'Failed', 'Failed', 'Unknown'].map((phase): Pod => ({ status: { phase } }));
    expect(describe(failing, { now: 0, controlledPods: pods, events: [] })).toBe(`Name:         web
Namespace:    default
Selector:     app=web
Labels:       <none>
Annotations:  <none>
Replicas:     1 current / 3 desired
Pods Status:  1 Running / 1 Waiting / 1 Succeeded / 2 Failed
${NGINX_TEMPLATE}Conditions:
  Type             Status  Reason
  ----             ------  ------
  ReplicaFailure   True    FailedCreate
Events:            <none>
`);
  });
});

const failing: KubeObject & ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default', uid: 'u-web', resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    },
  },
  status: {
    replicas: 1,
    conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota' }],
  },
};
