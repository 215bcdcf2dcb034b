// Expected texts follow describe.go describeDeployment and DescribePodTemplate (release-1.32)
// and the layout of real `kubectl describe deployment` outputs; the objects come from a lab
// cluster that applied the Deployments chapter's manifests and ran for a while.

import { readFileSync } from 'node:fs';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { testShell } from '../commands/testShell.ts';
import { describe } from './describe.ts';

const chapter = readFileSync(new URL('../../../../tests/transcripts/deployments-chapter.sh', import.meta.url), 'utf8');

/** A lab shell holding deploy.yml (getting-started-k8s:1.0) and deploy-complete.yml (:2.0). */
function withManifests(): ReturnType<typeof testShell>['run'] {
  const { run } = testShell();
  run(chapter.slice(0, chapter.indexOf('kubectl apply')));
  return run;
}

const TEMPLATE = (image: string): string => `Pod Template:
  Labels:  app=web
  Containers:
   hello-pod:
    Image:         nigelpoulton/getting-started-k8s:${image}
    Port:          8080/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

const HEAD = (revision: number, replicas: string): string => `Name:                   web-deploy
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: ${revision}
Selector:               app=web
Replicas:               ${replicas}
StrategyType:           RollingUpdate
MinReadySeconds:        5
RollingUpdateStrategy:  0 max unavailable, 1 max surge
`;

suite('kubectl describe deployment', () => {
  it('prints a rolled-out Deployment with its pod template, conditions, ReplicaSet and events', () => {
    const run = withManifests();
    run('kubectl apply -f deploy.yml; sleep 60');
    expect(run('kubectl describe deploy web-deploy')).toEqual({
      out:
        HEAD(1, '5 desired | 5 updated | 5 total | 5 available | 0 unavailable') +
        TEMPLATE('1.0') +
        `Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-deploy-7465d45f85 (5/5 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-deploy-7465d45f85 from 0 to 5
`,
      err: '',
      code: 0,
    });
  });

  it('lists the old ReplicaSet beside the new one during a rolling update', () => {
    const run = withManifests();
    run('kubectl apply -f deploy.yml; sleep 60; kubectl apply -f deploy-complete.yml; sleep 5');
    const out = run('kubectl describe deployments.apps/web-deploy').out;
    expect(out.startsWith(HEAD(2, '5 desired | 1 updated | 6 total | 5 available | 1 unavailable') + TEMPLATE('2.0'))).toBe(true);
    expect(out).toContain(
      '  Progressing    True    ReplicaSetUpdated\n' +
        'OldReplicaSets:  web-deploy-7465d45f85 (5/5 replicas created)\n' +
        'NewReplicaSet:   web-deploy-698bbfdbf4 (1/1 replicas created)\n',
    );
  });

  it('keeps scaled-down old ReplicaSets as (0/0 replicas created) and leaves events out on request', () => {
    const run = withManifests();
    run('kubectl apply -f deploy.yml; sleep 60; kubectl apply -f deploy-complete.yml; sleep 60');
    const out = run('kubectl describe deploy web-deploy --show-events=false').out;
    expect(out.endsWith(
      '  Progressing    True    NewReplicaSetAvailable\n' +
        'OldReplicaSets:  web-deploy-7465d45f85 (0/0 replicas created)\n' +
        'NewReplicaSet:   web-deploy-698bbfdbf4 (5/5 replicas created)\n',
    )).toBe(true);
  });

  it('lists several old ReplicaSets oldest first, scaled down or not', () => {
    const run = withManifests();
    run('kubectl apply -f deploy.yml; sleep 60; kubectl apply -f deploy-complete.yml; sleep 60');
    run('kubectl set image deploy/web-deploy hello-pod=nigelpoulton/getting-started-k8s:3.0; sleep 60');
    expect(run('kubectl describe deploy web-deploy').out).toContain(
      'OldReplicaSets:  web-deploy-7465d45f85 (0/0 replicas created), web-deploy-698bbfdbf4 (5/5 replicas created)\n' +
        'NewReplicaSet:   web-deploy-5d6bdff47 (1/1 replicas created)\n',
    );
  });

  it('prints Recreate without a RollingUpdateStrategy line and no ReplicaSet lines before the controller runs', () => {
    expect(describe(recreate, { now: 0 })).toBe(RECREATE);
  });
});

const recreate: KubeObject & Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'db', namespace: 'shop', uid: 'u-db', resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z', labels: { app: 'db', tier: 'data' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['data', 'cache'] }, { key: 'legacy', operator: 'DoesNotExist' }] },
    strategy: { type: 'Recreate' },
    template: {
      metadata: { labels: { app: 'db', tier: 'data' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T09:00:00Z' } },
      spec: {
        serviceAccountName: 'db-sa',
        priorityClassName: 'high',
        nodeSelector: { disk: 'ssd' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }],
        containers: [
          {
            name: 'postgres',
            image: 'postgres:17',
            ports: [{ containerPort: 5432, protocol: 'TCP' }],
            env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'password' } } }],
            resources: { limits: { memory: '512Mi' } },
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
          },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
  status: {},
};

const RECREATE = `Name:               db
Namespace:          shop
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Labels:             app=db
                    tier=data
Annotations:        <none>
Selector:           app=db,!legacy,tier in (cache,data)
Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable
StrategyType:       Recreate
MinReadySeconds:    0
Pod Template:
  Labels:           app=db
                    tier=data
  Annotations:      kubectl.kubernetes.io/restartedAt: 2026-01-01T09:00:00Z
  Service Account:  db-sa
  Containers:
   postgres:
    Image:      postgres:17
    Port:       5432/TCP
    Host Port:  0/TCP
    Limits:
      memory:  512Mi
    Environment:
      POSTGRES_PASSWORD:  <set to the key 'password' in secret 'db-pass'>  Optional: false
    Mounts:
      /var/lib/postgresql/data from data (rw)
  Volumes:
   data:
    Type:               EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:             
    SizeLimit:          <unset>
  Priority Class Name:  high
  Node-Selectors:       disk=ssd
  Tolerations:          dedicated=db:NoSchedule
`;
