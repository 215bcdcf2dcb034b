import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { typeForKind, type ResourceType } from '../../api/resources.ts';
import { Clock, millisFromIso } from '../../clock.ts';
import { serverTable, tableFor, type TableForOptions } from './columns.ts';
import { joinTableGroups } from './table.ts';

const now = millisFromIso('2026-01-04T09:00:00Z')!;
const clock = new Clock();
/** The timestamp `ms` before now. */
const ago = (ms: number): string => clock.iso(now - ms);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function obj(kind: string, name: string, age: number, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: ago(age), ...meta },
    ...rest,
  } as KubeObject;
}

const opts: TableForOptions = { wide: false, showLabels: false, allNamespaces: false, noHeaders: false, now, withKindPrefix: false };
const type = (kind: string): ResourceType => typeForKind(kind)!;
const cells = (kind: string, o: KubeObject): readonly string[] => serverTable(kind, [o], now).rows[0]!.cells;

const runningPod = (name: string, age: number, restarts = 0, lastEnd?: number): KubeObject =>
  obj('Pod', name, age, {
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'c',
          image: 'nginx',
          imageID: '',
          ready: true,
          restartCount: restarts,
          state: { running: { startedAt: ago(lastEnd ?? age) } },
          ...(lastEnd ? { lastState: { terminated: { exitCode: 1, finishedAt: ago(lastEnd) } } } : {}),
        },
      ],
    },
  });

describe('the reference outputs', () => {
  it('prints the pod table of the reference', () => {
    const pods = [
      runningPod('hello-pod', 2 * D + 3 * H, 2, 11 * S),
      obj('Pod', 'pending-pod', 11 * S, { spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } }),
      runningPod('web-deploy-85c4b6f7d8-2xkqp', 79 * M),
    ];
    expect(tableFor(type('Pod'), pods, opts)).toBe(
      [
        'NAME                          READY   STATUS    RESTARTS      AGE',
        'hello-pod                     1/1     Running   2 (11s ago)   2d3h',
        'pending-pod                   0/1     Pending   0             11s',
        'web-deploy-85c4b6f7d8-2xkqp   1/1     Running   0             79m',
        '',
      ].join('\n'),
    );
  });

  it('prints the service table of the reference, node ports as 80:31111/TCP', () => {
    const svc = (name: string, age: number, spec: object): KubeObject => obj('Service', name, age, { spec, status: { loadBalancer: {} } });
    const services = [
      svc('kubernetes', 3 * D, { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
      svc('ps-lb', 11 * S, { type: 'LoadBalancer', clusterIPs: ['10.96.221.17'], ports: [{ port: 80, nodePort: 30737, protocol: 'TCP' }] }),
      svc('ps-nodeport', 79 * M, { type: 'NodePort', clusterIPs: ['10.96.134.250'], ports: [{ port: 80, nodePort: 31111, protocol: 'TCP' }] }),
    ];
    expect(tableFor(type('Service'), services, opts)).toBe(
      [
        'NAME          TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE',
        'kubernetes    ClusterIP      10.96.0.1       <none>        443/TCP        3d',
        'ps-lb         LoadBalancer   10.96.221.17    <pending>     80:30737/TCP   11s',
        'ps-nodeport   NodePort       10.96.134.250   <none>        80:31111/TCP   79m',
        '',
      ].join('\n'),
    );
  });

  it('prints a get all listing: kind prefixes, one blank line between kinds', () => {
    const deploy = obj('Deployment', 'web-deploy', 79 * M, {
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [] } } },
      status: { replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
    });
    const rs = obj('ReplicaSet', 'web-deploy-85c4b6f7d8', 79 * M, { spec: { replicas: 1 }, status: { replicas: 1, readyReplicas: 1 } });
    const svc = obj('Service', 'kubernetes', 3 * D, { spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] } });
    const all = { ...opts, withKindPrefix: true };
    const groups: [string, KubeObject[]][] = [
      ['Pod', [runningPod('web-deploy-85c4b6f7d8-2xkqp', 79 * M)]],
      ['Service', [svc]],
      ['DaemonSet', []],
      ['Deployment', [deploy]],
      ['ReplicaSet', [rs]],
    ];
    expect(joinTableGroups(groups.map(([k, items]) => tableFor(type(k), items, all)), false)).toBe(
      [
        'NAME                              READY   STATUS    RESTARTS   AGE',
        'pod/web-deploy-85c4b6f7d8-2xkqp   1/1     Running   0          79m',
        '',
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d',
        '',
        'NAME                         READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web-deploy   1/1     1            1           79m',
        '',
        'NAME                                    DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-deploy-85c4b6f7d8   1         1         1       79m',
        '',
      ].join('\n'),
    );
  });
});

describe('nodes', () => {
  const node = (labels: Record<string, string>, ready?: string, unschedulable = false): KubeObject =>
    obj('Node', 'n', D, { spec: unschedulable ? { unschedulable } : {}, status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [], nodeInfo: { kubeletVersion: 'v1.32.0' } } }, { labels, namespace: undefined });

  it('takes ROLES from node-role.kubernetes.io/* keys and kubernetes.io/role, sorted', () => {
    expect(cells('Node', node({ 'node-role.kubernetes.io/control-plane': '' }, 'True'))[2]).toBe('control-plane');
    expect(cells('Node', node({ 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/edge': 'x' }, 'True'))[2]).toBe('edge,worker');
    expect(cells('Node', node({ 'kubernetes.io/hostname': 'n' }, 'True'))[2]).toBe('<none>');
  });

  it('shows Ready, NotReady (False or Unknown), Unknown without a condition, and SchedulingDisabled', () => {
    expect(cells('Node', node({}, 'True', true))[1]).toBe('Ready,SchedulingDisabled');
    expect(cells('Node', node({}, 'Unknown'))[1]).toBe('NotReady');
    expect(cells('Node', node({}))[1]).toBe('Unknown');
  });

  it('fills missing wide values with <none> and <unknown>', () => {
    expect(cells('Node', node({}, 'True')).slice(4)).toEqual(['v1.32.0', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('events', () => {
  const event = (rest: object): KubeObject => obj('Event', 'x.1', D, { involvedObject: { kind: 'Pod', name: 'hello-pod' }, type: 'Normal', reason: 'Pulled', message: ' pulled \n', ...rest });

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE with a lower-case kind/name', () => {
    expect(cells('Event', event({ firstTimestamp: ago(5 * M), lastTimestamp: ago(30 * S), count: 3 }))).toEqual([
      '30s', 'Normal', 'Pulled', 'pod/hello-pod', '', '', 'pulled', '5m', '3', 'x.1',
    ]);
  });

  it('falls back to eventTime and the series for new-style events', () => {
    const c = cells('Event', event({ eventTime: '2026-01-04T08:59:00.500000Z', reportingComponent: 'default-scheduler', reportingInstance: 'sched-1' }));
    expect([c[0], c[5], c[7], c[8]]).toEqual(['59s', 'default-scheduler, sched-1', '59s', '1']);
    const s = cells('Event', event({ eventTime: ago(20 * M), series: { count: 4, lastObservedTime: ago(90 * S) } }));
    expect([s[0], s[7], s[8]]).toEqual(['90s', '20m', '4']);
  });

  it('shows the NAMESPACE column with -A', () => {
    const out = tableFor(type('Event'), [event({ lastTimestamp: ago(S), firstTimestamp: ago(S) })], { ...opts, allNamespaces: true });
    expect(out.split('\n')[0]).toBe('NAMESPACE   LAST SEEN   TYPE     REASON   OBJECT          MESSAGE');
  });
});

describe('other kinds', () => {
  it('counts secret and configmap keys (configmaps add binaryData)', () => {
    expect(cells('Secret', obj('Secret', 's', M, { type: 'Opaque', data: { a: 'YQ==', b: 'Yg==' } }))).toEqual(['s', 'Opaque', '2', '60s']);
    expect(cells('ConfigMap', obj('ConfigMap', 'c', M, { data: { a: '1' }, binaryData: { b: 'AA==' } }))).toEqual(['c', '2', '60s']);
  });

  it('lists at most three endpoints, then + N more...', () => {
    const ep = obj('Endpoints', 'web', M, { subsets: [{ addresses: ['1', '2', '3', '4'].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }] });
    expect(cells('Endpoints', ep)[1]).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...');
    expect(cells('Endpoints', obj('Endpoints', 'none', M))[1]).toBe('<none>');
  });

  it('shows HPA targets before and after the first metrics', () => {
    const spec = { scaleTargetRef: { kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] };
    expect(cells('HorizontalPodAutoscaler', obj('HorizontalPodAutoscaler', 'h', M, { spec, status: {} })).slice(1, 6)).toEqual(['Deployment/php-apache', 'cpu: <unknown>/50%', '1', '10', '0']);
    const status = { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0 } } }] };
    expect(cells('HorizontalPodAutoscaler', obj('HorizontalPodAutoscaler', 'h', M, { spec, status }))[2]).toBe('cpu: 0%/50%');
  });

  it('derives job STATUS, COMPLETIONS and DURATION', () => {
    const job = (spec: object, status: object): readonly string[] => cells('Job', obj('Job', 'j', 2 * M, { spec, status }));
    expect(job({ completions: 3 }, { succeeded: 1, startTime: ago(90 * S) }).slice(1, 4)).toEqual(['Running', '1/3', '90s']);
    expect(job({ parallelism: 2 }, {}).slice(1, 4)).toEqual(['Running', '0/1 of 2', '']);
    expect(job({ suspend: true }, { conditions: [{ type: 'Suspended', status: 'True' }] })[1]).toBe('Suspended');
    expect(job({}, { conditions: [{ type: 'Failed', status: 'True' }] })[1]).toBe('Failed');
  });

  it('falls back to NAME AGE for kinds without a server printer', () => {
    const widget = { kind: 'Widget', resource: 'widgets', singular: 'widget', group: 'example.com', version: 'v1', namespaced: true, shortNames: [] };
    expect(tableFor(widget, [obj('Widget', 'w', 5 * H)], { ...opts, withKindPrefix: true })).toBe('NAME                   AGE\nwidget.example.com/w   5h\n');
  });

  it('prints nothing when there are no objects', () => {
    expect(tableFor(type('Pod'), [], opts)).toBe('');
  });
});
