import { describe, expect, it } from 'vitest';
import { testShell } from './commands/testShell.ts';
import { completeLine } from './complete.ts';

function lab() {
  const t = testShell();
  t.run('kubectl run hello --image=nginx; kubectl run web --image=nginx; kubectl create ns dev; kubectl run api -n dev --image=nginx');
  t.run('kubectl create deployment shop --image=nginx');
  t.run("mkdir -p manifests; echo a > pod.yml; echo b > manifests/web.yml; echo c > manifests/api.yml; echo d > .hidden");
  return t;
}

const complete = (line: string, t = lab()): readonly string[] => completeLine(t.shell, line).candidates;

describe('tab completion', () => {
  it('offers command names for the first word', () => {
    expect(complete('kubec')).toEqual(['kubectl']);
    expect(complete('')).toContain('cat');
    expect(completeLine(lab().shell, 'ca').start).toBe(0);
  });

  it('offers kubectl subcommands after kubectl and microk8s kubectl', () => {
    expect(complete('kubectl ge')).toEqual(['get']);
    expect(complete('kubectl des')).toEqual(['describe']);
    expect(complete('kubectl ')).toContain('apply');
    const mk = testShell('microk8s');
    expect(completeLine(mk.shell, 'microk8s kubectl ap').candidates).toEqual(['api-resources', 'api-versions', 'apply']);
  });

  it('completes resource types, plural names first and short names the plural cannot reach', () => {
    expect(complete('kubectl get po')).toEqual(['pods']);
    expect(complete('kubectl describe deplo')).toEqual(['deployments']);
    expect(complete('kubectl get se')).toEqual(['secrets', 'serviceaccounts', 'services']);
    expect(complete('kubectl get sv')).toEqual(['svc']);
    expect(complete('kubectl get svc')).toEqual(['svc']);
    expect(complete('kubectl get hp')).toEqual(['hpa']);
    expect(complete('kubectl delete n')).toEqual(['namespaces', 'nodes']);
    expect(complete('kubectl get al')).toEqual(['all']);
    expect(complete('kubectl rollout status d')).toEqual(['daemonsets', 'deployments']);
  });

  it('completes object names after a type, in the namespace -n names', () => {
    expect(complete('kubectl get pods ')).toEqual(['hello', 'web']);
    expect(complete('kubectl get po h')).toEqual(['hello']);
    expect(complete('kubectl get pods -n dev ')).toEqual(['api']);
    expect(complete('kubectl --namespace=dev get pods ')).toEqual(['api']);
    expect(complete('kubectl get pods -A ')).toEqual(['api', 'hello', 'web']);
    expect(complete('kubectl get deploy ')).toEqual(['shop']);
    expect(complete('kubectl get nodes kubelab-w')).toEqual(['kubelab-worker', 'kubelab-worker2', 'kubelab-worker3']);
    expect(complete('kubectl delete pod hello ')).toEqual(['web']);
    expect(complete('kubectl rollout status deployment ')).toEqual(['shop']);
  });

  it('completes type/name words', () => {
    expect(complete('kubectl describe pod/h')).toEqual(['pod/hello']);
    expect(complete('kubectl get deploy/')).toEqual(['deploy/shop']);
    expect(complete('kubectl logs deploy/s')).toEqual(['deploy/shop']);
  });

  it('completes pod names for logs and exec, nodes for cordon', () => {
    expect(complete('kubectl logs ')).toEqual(['hello', 'web']);
    expect(complete('kubectl exec -n dev ')).toEqual(['api']);
    expect(complete('kubectl exec web -- ')).toEqual([]);
    expect(complete('kubectl cordon kubelab-c')).toEqual(['kubelab-control-plane']);
  });

  it('completes namespaces after -n and output formats after -o', () => {
    expect(complete('kubectl get pods -n d')).toEqual(['default', 'dev']);
    expect(complete('kubectl get pods -o y')).toEqual(['yaml']);
  });

  it('completes file paths after -f and for file commands, directories with a slash', () => {
    expect(complete('kubectl apply -f ')).toEqual(['manifests/', 'pod.yml']);
    expect(complete('kubectl apply -f manifests/w')).toEqual(['manifests/web.yml']);
    expect(complete('cat p')).toEqual(['pod.yml']);
    expect(complete('cat .h')).toEqual(['.hidden']);
    expect(complete('ls m')).toEqual(['manifests/']);
    expect(complete('cat ~/po')).toEqual(['~/pod.yml']);
    expect(complete('cd ')).toEqual(['manifests/']);
    expect(complete('cat /home/learner/manifests/a')).toEqual(['/home/learner/manifests/api.yml']);
  });

  it('offers the subcommand flags after --', () => {
    expect(complete('kubectl get pods --wa')).toEqual(['--watch']);
    expect(complete('kubectl scale --re')).toEqual(['--replicas']);
  });

  it('completes the last command of a pipeline', () => {
    const c = completeLine(lab().shell, 'kubectl get pods | gr');
    expect(c).toEqual({ start: 19, candidates: ['grep'] });
  });
});
