import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { typeForKind } from '../../api/resources.ts';
import { testShell } from '../commands/testShell.ts';

const POD = (name: string, containers: string, labels = ''): string => `cat > ${name}.yml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}${labels ? `\n  labels: {${labels}}` : ''}
spec:
  restartPolicy: Always
  containers:
${containers}
EOF
kubectl apply -f ${name}.yml`;

const ctr = (name: string, image: string, script?: string): string =>
  `  - name: ${name}\n    image: ${image}${script ? `\n    command: ["sh", "-c", "${script}"]` : ''}\n`;

function waitingReason(t: ReturnType<typeof testShell>, pod: string): string | undefined {
  const p = t.shell.cluster.api.get(typeForKind('Pod')!, 'default', pod) as unknown as Pod | undefined;
  return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
}

describe('kubectl logs', () => {
  it("prints a running container's lines, the last N with --tail", () => {
    const t = testShell();
    t.run(POD('hello', ctr('app', 'busybox', 'echo one; echo two; echo three; sleep 3600')));
    t.run('sleep 30');
    expect(t.run('kubectl logs hello')).toEqual({ out: 'one\ntwo\nthree\n', err: '', code: 0 });
    expect(t.run('kubectl logs pod/hello --tail=2').out).toBe('two\nthree\n');
    expect(t.run('kubectl logs hello -c app --tail=0').out).toBe('');
  });

  it('prints nothing for a pod no node has taken yet', () => {
    const t = testShell();
    expect(t.run(`${POD('early', ctr('app', 'busybox', 'echo hi; sleep 3600'))} >/dev/null; kubectl logs early`)).toEqual({ out: '', err: '', code: 0 });
  });

  it("answers with the kubelet's BadRequest while a container is waiting", () => {
    const t = testShell();
    t.run(POD('slow', ctr('web-ctr', 'nginx')));
    t.shell.cluster.runUntil(() => waitingReason(t, 'slow') === 'ContainerCreating' && !!(t.shell.cluster.api.get(typeForKind('Pod')!, 'default', 'slow') as unknown as Pod).spec?.nodeName, 60_000);
    expect(t.run('kubectl logs slow').err).toBe('Error from server (BadRequest): container "web-ctr" in pod "slow" is waiting to start: ContainerCreating\n');
    t.run(POD('typo', ctr('web-ctr', 'nginxx:nope')));
    t.shell.cluster.runUntil(() => waitingReason(t, 'typo') === 'ErrImagePull', 120_000);
    expect(t.run('kubectl logs typo').err).toBe('Error from server (BadRequest): container "web-ctr" in pod "typo" is waiting to start: image can\'t be pulled\n');
    t.shell.cluster.runUntil(() => waitingReason(t, 'typo') === 'ImagePullBackOff', 120_000);
    expect(t.run('kubectl logs typo')).toEqual({ out: '', err: 'Error from server (BadRequest): container "web-ctr" in pod "typo" is waiting to start: trying and failing to pull image\n', code: 1 });
  });

  it('defaults to the first of several containers, saying so on stderr', () => {
    const t = testShell();
    t.run(POD('multi', ctr('first', 'busybox', 'echo from-first; sleep 3600') + ctr('second', 'busybox', 'echo from-second; sleep 3600')));
    t.run('sleep 30');
    expect(t.run('kubectl logs multi')).toEqual({ out: 'from-first\n', err: 'Defaulted container "first" out of: first, second\n', code: 0 });
    expect(t.run('kubectl logs multi -c second')).toEqual({ out: 'from-second\n', err: '', code: 0 });
    expect(t.run('kubectl logs multi second').out).toBe('from-second\n');
    expect(t.run('kubectl logs multi -c third').err).toBe('error: container third is not valid for pod multi\n');
  });

  it('shows the previous run of a crashing container with -p, and says when there is none', () => {
    const t = testShell();
    t.run(POD('crash', ctr('c', 'busybox', 'echo starting; echo oops; exit 1')));
    const status = (): NonNullable<Pod['status']>['containerStatuses'] => (t.shell.cluster.api.get(typeForKind('Pod')!, 'default', 'crash') as unknown as Pod).status?.containerStatuses;
    t.shell.cluster.runUntil(() => !!status()?.[0]?.state?.terminated, 60_000);
    expect(status()?.[0]?.restartCount).toBe(0);
    expect(t.run('kubectl logs crash').out).toBe('starting\noops\n');
    expect(t.run('kubectl logs crash -p').err).toBe('Error from server (BadRequest): previous terminated container "c" in pod "crash" not found\n');
    t.run('sleep 60');
    expect(t.run('kubectl logs crash -p').out).toBe('starting\noops\n');
    expect(t.run('kubectl logs crash').out).toBe('starting\noops\n');
  });

  it("names the namespace when the pod does not exist (logs.go's own wording)", () => {
    const t = testShell();
    expect(t.run('kubectl logs nosuch')).toEqual({ out: '', err: 'error: error from server (NotFound): pods "nosuch" not found in namespace "default"\n', code: 1 });
    expect(t.run('kubectl logs -n kube-system deploy/nope').err).toBe('error: error from server (NotFound): deployments.apps "nope" not found in namespace "kube-system"\n');
    expect(t.run('kubectl logs').err).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it('-f follows until the container stops, or until the request times out', () => {
    const t = testShell();
    t.run(POD('short', ctr('c', 'busybox', 'echo hi; sleep 20')));
    t.run(POD('long', ctr('c', 'busybox', 'echo hi; sleep 3600')));
    t.run('sleep 5');
    const t0 = t.shell.cluster.clock.now;
    expect(t.run('kubectl logs -f short')).toEqual({ out: 'hi\n', err: '', code: 0 });
    const followed = t.shell.cluster.clock.now - t0;
    expect(followed).toBeGreaterThan(10_000);
    expect(followed).toBeLessThan(30_000);
    const t1 = t.shell.cluster.clock.now;
    expect(t.run('kubectl logs -f long --request-timeout=8s')).toEqual({ out: 'hi\n', err: '', code: 0 });
    expect(t.shell.cluster.clock.now - t1).toBe(8_000);
  });

  it('picks the most useful pod of a controller and says how many it found', () => {
    const t = testShell();
    t.run(`cat > d.yml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 0
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: c
        image: busybox
EOF
kubectl create -f d.yml`);
    t.run(POD('web-ready', ctr('c', 'busybox', 'echo ready-one; sleep 3600'), 'app: web'));
    t.run('sleep 30');
    t.run(POD('web-new', ctr('c', 'busybox', 'echo new-one; sleep 3600'), 'app: web'));
    expect(t.run('kubectl logs deploy/web')).toEqual({ out: 'ready-one\n', err: 'Found 2 pods, using pod/web-ready\n', code: 0 });
    expect(t.run('kubectl logs -l app=web')).toEqual({ out: 'ready-one\n', err: '', code: 0 });
    expect(t.run('kubectl logs svc/kubernetes').err).toBe("error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n");
  });
});
