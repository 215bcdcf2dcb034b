// curl in the lab shell: its usage errors, its error texts and exit codes for names that do not
// resolve, refused connections and timeouts, and -s/-S/-o/-w as curl 8 has them.

import { describe, expect, it } from 'vitest';
import type { ProxyResult } from '../../node/kubeProxy.ts';
import { max5data, runCurl } from './curl.ts';
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

  const HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
  const ok = (): ProxyResult => ({ outcome: 'response' as const, ip: '10.96.0.10', response: { status: 200, headers: { 'Content-Length': '615' }, body: 'x'.repeat(615) } });

  it('shows the progress meter on stderr when stdout is not a terminal, with speeds from a fixed 3 ms transfer', () => {
    const run = runCurl(['http://web'], ok, undefined, false);
    const err = run.output.filter((c) => c.stream === 'err').map((c) => c.text).join('');
    expect(err).toBe(`${HEAD}${ZERO}\r100   615  100   615    0     0   200k      0 --:--:-- --:--:-- --:--:--  300k\n`);
  });

  it('keeps the meter off for -s, and for a body printed on the terminal, but not for -o on the terminal', () => {
    const errOf = (argv: string[], tty: boolean): string => runCurl(argv, ok, undefined, tty).output.filter((c) => c.stream === 'err').map((c) => c.text).join('');
    expect(errOf(['-s', 'http://web'], false)).toBe('');
    expect(errOf(['http://web'], true)).toBe('');
    expect(errOf(['-o', '/dev/null', 'http://web'], true)).toContain(HEAD);
  });

  it('shows the meter with -v too, and says how much data came where the body is not on the terminal', () => {
    const err = runCurl(['-v', 'http://web'], ok, undefined, false).output.map((c) => c.text).join('');
    expect(err.startsWith(`${HEAD}${ZERO}*   Trying 10.96.0.10:80...\n`)).toBe(true);
    expect(err).toContain('< \n{ [615 bytes data]\n');
    expect(err.endsWith('--:--:--  300k\n* Connection #0 to host web left intact\n')).toBe(true);
  });

  it('prints the meter\'s zero line twice and a newline before a connection error in a pipe', () => {
    const { run } = testShell();
    const r = run('curl http://172.18.0.3:30001 | cat');
    expect(r.err).toBe(`${HEAD}${ZERO}${ZERO}\ncurl: (7) Failed to connect to 172.18.0.3 port 30001 after 0 ms: Couldn't connect to server\n`);
    expect(run('curl -s http://172.18.0.3:30001 > out.txt').err).toBe('');
  });

  it('ticks the meter each simulated second while a connection times out', () => {
    const { shell, run } = testShell();
    const before = shell.cluster.clock.now;
    const r = run('curl -m 2 http://10.96.0.1:443 > out.txt');
    const tick = (s: number): string => `\r  0     0    0     0    0     0      0      0 --:--:--  0:00:0${s} --:--:--     0`;
    expect(r.err).toBe(`${HEAD}${ZERO}${tick(1)}${tick(2)}${tick(2)}\ncurl: (28) Connection timed out after 2001 milliseconds\n`);
    expect(shell.cluster.clock.now - before).toBe(2000);
  });

  it('formats sizes as curl\'s max5data does', () => {
    expect([615, 99999, 100000, 12_600, 1_263_616, 10_240_000, 12_897_484, 2 ** 30 * 5].map(max5data)).toEqual(['  615', '99999', '  97k', '12600', '1234k', ' 9.7M', '12.3M', '5120M']);
  });
});
