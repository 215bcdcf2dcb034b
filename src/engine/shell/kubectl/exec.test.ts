import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

function cluster(): ReturnType<typeof testShell> {
  const t = testShell();
  t.run('kubectl create deployment hello --image=nginx --replicas=2 --port=80');
  t.run('kubectl expose deployment hello --name=hello-svc --port=80');
  t.run('kubectl run bb --image=busybox -- sleep 3600');
  t.run('sleep 30');
  return t;
}

describe('kubectl exec', () => {
  it('refuses a missing pod, a missing command and a missing pod name as kubectl does', () => {
    const t = cluster();
    expect(t.run('kubectl exec nosuch -- ls')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nosuch" not found\n', code: 1 });
    expect(t.run('kubectl exec bb').err).toBe('error: you must specify at least one command for the container\n');
    expect(t.run('kubectl exec -- ls').err).toBe('error: pod, type/name or --filename must be specified\n');
    expect(t.run('kubectl exec bb -c nope -- ls').err).toBe('Error from server (BadRequest): container nope is not valid for pod bb\n');
  });

  it('runs the deprecated form without -- after a warning', () => {
    const t = cluster();
    const r = t.run('kubectl exec bb hostname');
    expect(r).toEqual({ out: 'bb\n', err: 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n', code: 0 });
  });

  it('reports binaries the image lacks as runc does, with exit code 126', () => {
    const t = cluster();
    expect(t.run('kubectl exec bb -- curl http://hello-svc')).toEqual({
      out: '',
      err: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      code: 126,
    });
  });

  it('fetches a Service by name with busybox wget and passes non-zero exits on', () => {
    const t = cluster();
    const ok = t.run('kubectl exec bb -- wget -O- http://hello-svc');
    expect(ok.out).toContain('Welcome to nginx!');
    expect(ok.err).toMatch(/^Connecting to hello-svc \(10\.\d+\.\d+\.\d+:80\)\nwriting to stdout\n- {20}100% \|\*{32}\| {3}615 {2}0:00:00 ETA\nwritten to stdout\n$/);
    expect(t.run('kubectl exec bb -- wget -qO- http://nosuch')).toEqual({ out: '', err: "wget: bad address 'nosuch'\ncommand terminated with exit code 1\n", code: 1 });
  });

  it('runs curl in an nginx pod, picked from its deployment, as that pod', () => {
    const t = cluster();
    const r = t.run('kubectl exec deploy/hello -- curl -s -o /dev/null -w "%{http_code}" hello-svc');
    expect(r).toEqual({ out: '200', err: '', code: 0 });
  });

  it('shows the pod resolv.conf and answers nslookup from cluster DNS', () => {
    const t = cluster();
    expect(t.run('kubectl exec bb -- cat /etc/resolv.conf').out).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(t.run('kubectl exec bb -- nslookup hello-svc').out).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\thello-svc\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/);
    expect(t.run('kubectl exec bb -- nslookup nosuch').out).toContain("** server can't find nosuch.default.svc.cluster.local: NXDOMAIN\n");
  });

  it('names the default container when a pod has several', () => {
    const t = testShell();
    t.run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: busybox
    command: ["sleep", "3600"]
  - name: b
    image: nginx
EOF`);
    t.run('sleep 30');
    expect(t.run('kubectl exec two -- hostname')).toEqual({ out: 'two\n', err: 'Defaulted container "a" out of: a, b\n', code: 0 });
  });

  it('refuses a container that is not running and a completed pod', () => {
    const t = testShell();
    t.run('kubectl run late --image=busybox -- sleep 3600');
    expect(t.run('kubectl exec late -- ls').err).toBe('Error from server (BadRequest): pod late does not have a host assigned\n');
    t.run('sleep 1');
    expect(t.run('kubectl exec late -- ls').err).toBe('error: unable to upgrade connection: container not found ("late")\n');
    t.run('kubectl run done --image=busybox --restart=Never -- true');
    t.run('sleep 30');
    expect(t.run('kubectl exec done -- ls').err).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });
});

describe('kubectl run with a one-off command', () => {
  it('prints the output and deletes the pod with --rm -it', () => {
    const t = cluster();
    const r = t.run('kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- http://hello-svc');
    expect(r.out).toMatch(/Welcome to nginx![\s\S]*<\/html>\npod "tmp" deleted\n$/);
    expect(r.err).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(t.run('kubectl get pod tmp').err).toBe('Error from server (NotFound): pods "tmp" not found\n');
  });

  it('leaves a Completed or Error pod whose logs hold the output without --rm', () => {
    const t = cluster();
    t.run('kubectl run ok --image=busybox --restart=Never -- wget -qO- http://hello-svc');
    t.run('kubectl run bad --image=busybox --restart=Never -- wget -qO- http://nosuch');
    t.run('sleep 20');
    const table = t.run('kubectl get pods ok bad').out;
    expect(table).toMatch(/\nbad +0\/1 +Error /);
    expect(table).toMatch(/\nok +0\/1 +Completed /);
    expect(t.run('kubectl logs ok').out).toContain('Welcome to nginx!');
    expect(t.run('kubectl logs bad').out).toBe("wget: bad address 'nosuch'\n");
  });

  it('exits with the container status and says the pod terminated', () => {
    const t = cluster();
    const r = t.run('kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- http://nosuch');
    expect(r).toEqual({ out: "wget: bad address 'nosuch'\npod \"tmp\" deleted\n", err: "If you don't see a command prompt, try pressing enter.\npod default/tmp terminated (Error)\n", code: 1 });
  });
});

describe('cluster DNS for headless, ExternalName and selector-less Services', () => {
  it('answers a headless Service with its ready pods and an ExternalName with a CNAME', () => {
    const t = cluster();
    t.run('kubectl create service externalname docs --external-name=kubernetes.io');
    const ips = t.run("kubectl get pods -l app=hello -o jsonpath='{.items[*].status.podIP}'").out.split(' ').sort();
    t.run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: hello-headless
spec:
  clusterIP: None
  selector: {app: hello}
  ports: [{port: 80}]
EOF`);
    t.run('sleep 5');
    const out = t.run('kubectl exec bb -- nslookup hello-headless').out;
    for (const ip of ips) expect(out).toContain(`Name:\thello-headless.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(t.run('kubectl exec bb -- nslookup docs').out).toContain('docs.default.svc.cluster.local\tcanonical name = kubernetes.io\n');
    expect(t.run('kubectl exec bb -- wget -q -O- http://docs').err).toBe("wget: bad address 'docs'\ncommand terminated with exit code 1\n");
  });

  it('routes a selector-less Service to hand-written Endpoints, and times out on addresses outside the cluster', () => {
    const t = cluster();
    const ip = t.run("kubectl get pods -l app=hello -o jsonpath='{.items[0].status.podIP}'").out;
    t.run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: manual
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: manual
subsets:
- addresses: [{ip: "${ip}"}]
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: outside
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: outside
subsets:
- addresses: [{ip: "192.0.2.10"}]
  ports: [{port: 80}]
EOF`);
    expect(t.run('kubectl exec bb -- wget -qO- http://manual').out).toContain('Welcome to nginx!');
    expect(t.run('kubectl exec bb -- wget -q -T 2 -O- http://outside').err).toBe('wget: download timed out\ncommand terminated with exit code 1\n');
  });
});
