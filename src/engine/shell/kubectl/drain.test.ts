import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

const RS = `cat > rs.yml <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply -f rs.yml`;

describe('kubectl cordon and uncordon', () => {
  it('marks a node unschedulable once and says so when it already is', () => {
    const { run } = testShell();
    expect(run('kubectl cordon kubelab-worker').out).toBe('node/kubelab-worker cordoned\n');
    expect(run('kubectl cordon kubelab-worker').out).toBe('node/kubelab-worker already cordoned\n');
    expect(run('kubectl get node kubelab-worker').out).toContain('Ready,SchedulingDisabled');
    expect(run('kubectl uncordon kubelab-worker').out).toBe('node/kubelab-worker uncordoned\n');
    expect(run('kubectl uncordon kubelab-worker').out).toBe('node/kubelab-worker already uncordoned\n');
  });

  it('reports unknown nodes and a missing name as kubectl does', () => {
    const { run } = testShell();
    expect(run('kubectl cordon nope').err).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(run('kubectl cordon').err).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  });
});

describe('kubectl drain', () => {
  it('refuses pods that declare no controller without --force', () => {
    const { run } = testShell();
    run('kubectl run bare --image=nginx:1.27 && sleep 5');
    const node = run("kubectl get pod bare -o jsonpath='{.spec.nodeName}'").out;
    const r = run(`kubectl drain ${node}`);
    expect(r.out).toBe(`node/${node} cordoned\n`);
    expect(r.err).toBe(
      `error: unable to drain node "${node}" due to error: cannot delete Pods declare no controller (use --force to override): default/bare, continuing command...\n` +
        `There are pending nodes to be drained:\n ${node}\ncannot delete Pods declare no controller (use --force to override): default/bare\n`,
    );
    const forced = run(`kubectl drain ${node} --force`);
    expect(forced.err).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(forced.out).toBe(`node/${node} already cordoned\nevicting pod default/bare\npod/bare evicted\nnode/${node} drained\n`);
  });

  it('evicts ReplicaSet pods, which come back on other nodes', () => {
    const { run } = testShell();
    run(`${RS}\nsleep 10`);
    const r = run('kubectl drain kubelab-worker --ignore-daemonsets');
    expect(r.out).toMatch(/^node\/kubelab-worker cordoned\n(evicting pod default\/web-\w{5}\n)+(pod\/web-\w{5} evicted\n)+node\/kubelab-worker drained\n$/);
    run('sleep 5');
    expect(run('kubectl get pods -o wide').out).not.toContain('kubelab-worker ');
  });
});

describe('kubectl taint', () => {
  it('adds and removes taints', () => {
    const { run } = testShell();
    expect(run('kubectl taint nodes kubelab-worker dedicated=db:NoSchedule').out).toBe('node/kubelab-worker tainted\n');
    expect(run('kubectl taint nodes kubelab-worker dedicated=db:NoSchedule').err).toBe(
      'error: node kubelab-worker already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(run('kubectl describe node kubelab-worker').out).toContain('Taints:             dedicated=db:NoSchedule\n');
    expect(run('kubectl taint nodes kubelab-worker dedicated:NoSchedule-').out).toBe('node/kubelab-worker untainted\n');
    expect(run('kubectl taint nodes kubelab-worker dedicated-').err).toBe('error: taint "dedicated" not found\n');
  });
});

describe('kubectl delete node', () => {
  it('leaves the pod garbage collector to delete its pods', () => {
    const { run } = testShell();
    run(`${RS}\nsleep 10`);
    expect(run('kubectl delete node kubelab-worker').out).toBe('node "kubelab-worker" deleted\n');
    run('sleep 60');
    expect(run('kubectl get pods -o wide').out).not.toContain('kubelab-worker ');
    expect(run('kubectl get rs web').out).toContain('web    3         3');
  });
});
