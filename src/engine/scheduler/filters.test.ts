import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { FilterFailure } from './filters.ts';
import { filterNode, fitErrorMessage, portsConflict, preparePodFilter, tolerates } from './filters.ts';
import type { NodeInfo } from './nodeInfo.ts';
import { nodeInfoOf } from './nodeInfo.ts';
import { podRequest } from './podResources.ts';
import { imageLocalityScore, leastAllocatedScore, normalizedImageName } from './score.ts';

const MI = 1024 * 1024;

function node(name: string, o: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; cpu?: string; memory?: string; pods?: string } = {}): Stored<Node> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '', labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8023404Ki', pods: o.pods ?? '110' } },
  };
}

const info = (n: Stored<Node>, used: Partial<NodeInfo> = {}): NodeInfo => Object.assign(nodeInfoOf(n), used);

function spec(extra: Partial<PodSpec> = {}, requests?: Record<string, string>): Pick<Pod, 'spec'> {
  return { spec: { containers: [{ name: 'app', image: 'nginx', ...(requests ? { resources: { requests } } : {}) }], ...extra } };
}

function failure(pod: Pick<Pod, 'spec'>, n: NodeInfo): FilterFailure | undefined {
  return filterNode(preparePodFilter(pod, podRequest(pod)), n);
}

const reasonsOf = (pod: Pick<Pod, 'spec'>, n: NodeInfo): readonly string[] | undefined => failure(pod, n)?.reasons;

describe('tolerations', () => {
  const taint: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it.each<[string, Toleration, boolean]>([
    ['Equal with the same value', { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, true],
    ['an omitted operator, meaning Equal', { key: 'dedicated', value: 'gpu' }, true],
    ['Equal with another value', { key: 'dedicated', operator: 'Equal', value: 'cpu' }, false],
    ['Exists on the key, any effect', { key: 'dedicated', operator: 'Exists' }, true],
    ['Exists with an empty key (everything)', { operator: 'Exists' }, true],
    ['another effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    ['another key', { key: 'other', operator: 'Exists' }, false],
  ])('%s: %s', (_, toleration, expected) => {
    expect(tolerates([toleration], taint)).toBe(expected);
  });
});

describe('the filters', () => {
  it('reject a cordoned node first, unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const n = info(node('w', { unschedulable: true, taints: [{ key: 'x', effect: 'NoSchedule' }] }));
    expect(failure(spec(), n)).toEqual({ plugin: 'NodeUnschedulable', reasons: ['node(s) were unschedulable'], resolvable: false });
    const tolerant = spec({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(reasonsOf(tolerant, n)).toEqual(['node(s) had untolerated taint {x: }']);
  });

  it('name the first untolerated NoSchedule or NoExecute taint, ignoring PreferNoSchedule', () => {
    const n = info(node('w', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }, { key: 'gpu', value: 'a100', effect: 'NoExecute' }] }));
    expect(failure(spec(), n)).toEqual({ plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {gpu: a100}'], resolvable: false });
    expect(failure(spec({ tolerations: [{ key: 'gpu', operator: 'Exists' }] }), n)).toBeUndefined();
  });

  describe('node affinity', () => {
    const n = info(node('kubelab-worker', { labels: { zone: 'a', gen: '5' } }));
    const required = (...terms: object[]): Pick<Pod, 'spec'> =>
      spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never } } } });
    const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
    const matches = (pod: Pick<Pod, 'spec'>): boolean => failure(pod, n) === undefined;

    it('needs every nodeSelector label', () => {
      expect(matches(spec({ nodeSelector: { zone: 'a' } }))).toBe(true);
      expect(matches(spec({ nodeSelector: { zone: 'a', disk: 'ssd' } }))).toBe(false);
      expect(failure(spec({ nodeSelector: { zone: 'b' } }), n)).toEqual({ plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false });
    });

    it('ORs terms and ANDs the expressions within one', () => {
      expect(matches(required(expr('zone', 'In', ['b']), expr('gen', 'Exists')))).toBe(true);
      expect(matches(required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'gen', operator: 'DoesNotExist' }] }))).toBe(false);
    });

    it('matches NotIn and DoesNotExist when the label is missing', () => {
      expect(matches(required(expr('disk', 'NotIn', ['ssd'])))).toBe(true);
      expect(matches(required(expr('disk', 'DoesNotExist')))).toBe(true);
      expect(matches(required(expr('zone', 'NotIn', ['a'])))).toBe(false);
    });

    it('compares Gt and Lt as integers, and fails them on labels that are not', () => {
      expect(matches(required(expr('gen', 'Gt', ['4'])))).toBe(true);
      expect(matches(required(expr('gen', 'Lt', ['5'])))).toBe(false);
      expect(matches(required(expr('zone', 'Gt', ['0'])))).toBe(false);
      expect(matches(required(expr('missing', 'Lt', ['9'])))).toBe(false);
    });

    it('lets an empty term match nothing', () => {
      expect(matches(required({}))).toBe(false);
      expect(matches(required({}, expr('zone', 'In', ['a'])))).toBe(true);
    });

    it('matches metadata.name through matchFields', () => {
      expect(matches(required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kubelab-worker'] }] }))).toBe(true);
      expect(matches(required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['kubelab-worker'] }] }))).toBe(false);
    });

    it('needs both the nodeSelector and the affinity', () => {
      expect(matches({ spec: { ...required(expr('zone', 'In', ['a'])).spec!, nodeSelector: { zone: 'b' } } })).toBe(false);
    });
  });

  describe('host ports', () => {
    const used = (...keys: string[]) => new Map(keys.map((k) => [k, 1]));
    it.each<[string, string[], string[], boolean]>([
      ['the same port on all addresses', ['TCP/0.0.0.0/8080'], ['TCP/0.0.0.0/8080'], true],
      ['all addresses against one address', ['TCP/0.0.0.0/8080'], ['TCP/127.0.0.1/8080'], true],
      ['one address against all addresses', ['TCP/127.0.0.1/8080'], ['TCP/0.0.0.0/8080'], true],
      ['two different addresses', ['TCP/127.0.0.1/8080'], ['TCP/10.0.0.1/8080'], false],
      ['another protocol', ['UDP/0.0.0.0/8080'], ['TCP/0.0.0.0/8080'], false],
      ['a port that only shares digits', ['TCP/0.0.0.0/80'], ['TCP/0.0.0.0/8080'], false],
    ])('%s', (_, wanted, inUse, clash) => {
      expect(portsConflict(wanted, used(...inUse))).toBe(clash);
    });

    it('reject a node whose port is taken, as resolvable by preemption', () => {
      const pod = spec();
      pod.spec!.containers[0]!.ports = [{ containerPort: 80, hostPort: 8080 }];
      expect(failure(pod, info(node('w'), { hostPorts: used('TCP/0.0.0.0/8080') }))).toEqual({
        plugin: 'NodePorts',
        reasons: ["node(s) didn't have free ports for the requested pod ports"],
        resolvable: true,
      });
    });
  });

  describe('resources', () => {
    const busy = info(node('w'), { pods: 110, requestedMilliCpu: 3900, requestedMemory: 8000 * MI });
    it('give every shortfall, in the order pods, cpu, memory', () => {
      expect(failure(spec({}, { cpu: '200m', memory: '1Gi' }), busy)).toEqual({
        plugin: 'NodeResourcesFit',
        reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory'],
        resolvable: true,
      });
    });

    it('ignore cpu and memory the pod does not ask for, however full the node', () => {
      const full = info(node('w'), { requestedMilliCpu: 5000, requestedMemory: 9e9 });
      expect(failure(spec(), full)).toBeUndefined();
    });

    it('let a pod take exactly what is left', () => {
      expect(failure(spec({}, { cpu: '100m' }), info(node('w'), { requestedMilliCpu: 3900 }))).toBeUndefined();
      expect(reasonsOf(spec({}, { cpu: '101m' }), info(node('w'), { requestedMilliCpu: 3900 }))).toEqual(['Insufficient cpu']);
    });

    it('reject a node without allocatable pods', () => {
      const n = node('w');
      n.status!.allocatable = { cpu: '4', memory: '1Gi' };
      expect(reasonsOf(spec(), info(n))).toEqual(['Too many pods']);
    });
  });

  it('stop at the first plugin that rejects a node', () => {
    const n = info(node('w', { taints: [{ key: 'x', effect: 'NoSchedule' }] }), { requestedMilliCpu: 4000 });
    expect(failure(spec({ nodeSelector: { zone: 'z' } }, { cpu: '1' }), n)?.plugin).toBe('TaintToleration');
  });
});

describe("the FailedScheduling message (FitError and the preemption PostFilter's)", () => {
  const taint: FilterFailure = { plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], resolvable: false };
  const cpu: FilterFailure = { plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], resolvable: true };
  const cpuMem: FilterFailure = { plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu', 'Insufficient memory'], resolvable: true };

  it('counts reasons per node and sorts them as strings', () => {
    expect(fitErrorMessage(4, [taint, cpu, cpu, cpu])).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('counts a node once per reason it gives', () => {
    expect(fitErrorMessage(2, [cpuMem, cpu])).toBe(
      '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });

  it('sorts by the whole string, so 10 comes before 2', () => {
    const failures = [...Array<FilterFailure>(10).fill(cpu), taint, taint];
    expect(fitErrorMessage(12, failures)).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
        'preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });

  it('says so when there are no nodes at all', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });
});

describe('what a pod requests', () => {
  it('sums containers and takes the larger of that and any init container', () => {
    const r = podRequest({
      spec: {
        containers: [{ name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } }, { name: 'b', resources: { requests: { cpu: '0.25' } } }],
        initContainers: [{ name: 'init', resources: { requests: { cpu: '1', memory: '10Mi' } } }],
      },
    });
    expect(r).toMatchObject({ milliCpu: 1000, memory: 64 * MI });
  });

  it('adds sidecars (restartable init containers) to everything after them', () => {
    const r = podRequest({
      spec: {
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
          { name: 'init', resources: { requests: { cpu: '500m' } } },
        ],
        containers: [{ name: 'a', resources: { requests: { cpu: '200m' } } }],
      },
    });
    expect(r.milliCpu).toBe(600);
  });

  it('adds pod overhead', () => {
    const r = podRequest({ spec: { overhead: { cpu: '50m', memory: '1Mi' }, containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] } });
    expect(r).toMatchObject({ milliCpu: 150, memory: MI });
  });

  it('gives each container without a request 100m and 200Mi for scoring, but not one that asks for 0', () => {
    const r = podRequest({ spec: { containers: [{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '0', memory: '1Gi' } } }] } });
    expect(r).toMatchObject({ milliCpu: 0, memory: 1024 * MI, nonZeroMilliCpu: 100, nonZeroMemory: 1224 * MI });
  });

  it('rounds cpu up to whole millicores, as MilliValue does', () => {
    expect(podRequest(spec({}, { cpu: '0.0001' })).milliCpu).toBe(1);
  });

  it('keys host ports by protocol, address and port', () => {
    const pod = spec();
    pod.spec!.containers[0]!.ports = [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }, { containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1' }, { containerPort: 9000 }];
    expect(podRequest(pod).hostPorts).toEqual(['UDP/0.0.0.0/53', 'TCP/127.0.0.1/8080']);
  });
});

describe('scoring', () => {
  it('scores LeastAllocated in integers per resource, then averages', () => {
    // cpu: (4000-100)*100/4000 = 97.5 → 97; memory: (8192-200)*100/8192 = 97.55 → 97
    const n = info(node('w', { cpu: '4', memory: '8Gi' }));
    expect(leastAllocatedScore(podRequest(spec()), n)).toBe(97);
  });

  it('adds image locality only for big images spread over several nodes', () => {
    const n = info(node('w'), { images: new Map([['docker.io/library/nginx:1.27', 500 * MI], ['nginx:latest', 30 * MI]]) });
    const containers = [{ name: 'a', image: 'docker.io/library/nginx:1.27' }];
    // 500 MB on 2 of 4 nodes scales to 250 MB: 100 * (250 - 23) / (1000 - 23)
    expect(imageLocalityScore(containers, n, new Map([['docker.io/library/nginx:1.27', 2]]), 4)).toBe(23);
    // A small image scores nothing, and `nginx` means `nginx:latest`.
    expect(imageLocalityScore([{ name: 'a', image: 'nginx' }], n, new Map([['nginx:latest', 4]]), 4)).toBe(0);
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('localhost:5000/web')).toBe('localhost:5000/web:latest');
    expect(normalizedImageName('localhost:5000/web:1')).toBe('localhost:5000/web:1');
  });
});
