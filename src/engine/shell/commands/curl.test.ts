// curl in the lab shell: its usage errors, its error texts and exit codes for names that do not
// resolve, refused connections and timeouts, and -s/-S/-o/-w as curl 8 has them.

import { describe, expect, it } from 'vitest';
import { testShell } from './testShell.ts';

describe('curl', () => {
  it('asks for a URL, and names an unknown option, with exit 2', () => {
    const { run } = testShell();
    expect(run('curl')).toEqual({ out: '', err: "curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(run('curl --frobnicate x')).toMatchObject({ err: "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
    expect(run('curl -m')).toMatchObject({ err: "curl: option -m: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 });
  });

  it('cannot resolve a service name from outside the cluster (exit 6)', () => {
    const { run } = testShell();
    expect(run('curl hello-svc')).toEqual({ out: '', err: 'curl: (6) Could not resolve host: hello-svc\n', code: 6 });
  });

  it('is refused on a node port nothing serves (exit 7), silently with -s, loudly again with -sS', () => {
    const { run } = testShell();
    const refused = 'curl: (7) Failed to connect to 172.18.0.3 port 30001 after 0 ms: Couldn\'t connect to server\n';
    expect(run('curl http://172.18.0.3:30001')).toEqual({ out: '', err: refused, code: 7 });
    expect(run('curl -s http://172.18.0.3:30001')).toEqual({ out: '', err: '', code: 7 });
    expect(run('curl -sS http://172.18.0.3:30001')).toEqual({ out: '', err: refused, code: 7 });
    expect(run("curl -s -o /dev/null -w '%{http_code}\\n' http://172.18.0.3:30001")).toEqual({ out: '000\n', err: '', code: 7 });
  });

  it('times out on a ClusterIP from the kind host, after -m seconds of simulated time', () => {
    const { shell, run } = testShell();
    const before = shell.cluster.clock.now;
    expect(run('curl -m 2 http://10.96.0.1:443')).toEqual({ out: '', err: 'curl: (28) Connection timed out after 2001 milliseconds\n', code: 28 });
    expect(shell.cluster.clock.now - before).toBe(2000);
  });

  it('reaches the NodePort from the microk8s node by localhost', () => {
    const { run } = testShell('microk8s');
    run('kubectl create deployment web --image=nginx --port=80\nkubectl expose deployment web --type=NodePort --port=80\nsleep 30');
    const port = run("kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").out;
    const r = run(`curl -s localhost:${port} | grep -o 'Welcome to nginx!' | head -1`);
    expect(r).toEqual({ out: 'Welcome to nginx!\n', err: '', code: 0 });
  });
});
