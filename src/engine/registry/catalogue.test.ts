import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findVariant, variantDigests } from './catalogue.ts';
import type { ImageBehaviour, RunContext } from './image.ts';
import { wallClock } from './logTime.ts';
import { Registry } from './registry.ts';

const ctx: RunContext = { hostname: 'hello-pod', podIP: '10.244.1.7', startedAt: '2026-01-01T09:00:05Z' };

function run(image: string, extra: Partial<RunContext> = {}): ImageBehaviour {
  const p = new Registry().resolve(image);
  if (!p.ok) throw new Error(p.message);
  return p.image.behave({ ...ctx, ...extra });
}

const get = (b: ImageBehaviour, path: string) =>
  b.serve!({ method: 'GET', path, clientIP: '10.244.0.1', time: '2026-01-01T09:01:00Z', userAgent: 'curl/8.5.0' });

describe('nginx', () => {
  it('prints the docker-entrypoint.sh lines and its notices, stamped with the start time', () => {
    const logs = run('nginx').process.startLogs;
    expect(logs[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(logs).toContain('2026/01/01 09:00:05 [notice] 1#1: nginx/1.27.3');
    expect(logs).toContain('2026/01/01 09:00:05 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ');
  });

  it('names the node\'s kernel and starts one worker per CPU of the node (4)', () => {
    const logs = run('nginx').process.startLogs;
    expect(logs).toContain('2026/01/01 09:00:05 [notice] 1#1: OS: Linux 6.8.0-49-generic');
    expect(logs.filter((l) => l.includes('start worker process '))).toHaveLength(4);
  });

  it('before 1.25.1 (bullseye) has no 15-local-resolvers.envsh and another compiler', () => {
    const logs = run('nigelpoulton/nginxadapter:1.0').process.startLogs;
    expect(logs.some((l) => l.includes('15-local-resolvers'))).toBe(false);
    expect(logs).toContain('2026/01/01 09:00:05 [notice] 1#1: built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ');
  });

  it('answers / with the welcome page and logs the request', () => {
    const res = get(run('nginx'), '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(res.body.length).toBe(615);
    expect(res.accessLog).toBe('10.244.0.1 - - [01/Jan/2026:09:01:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
  });

  it('answers unknown paths with its 404 page', () => {
    const res = get(run('nginx:1.25'), '/nope');
    expect(res.status).toBe(404);
    expect(res.body).toContain('<hr><center>nginx/1.25.5</center>');
  });

  it('serves an index.html mounted from a volume', () => {
    const res = get(run('nginx', { readFile: (p) => (p === '/usr/share/nginx/html/index.html' ? 'from a ConfigMap\n' : undefined) }), '/');
    expect(res.body).toBe('from a ConfigMap\n');
  });

  it('stops promptly on its stop signal', () => {
    const p = new Registry().resolve('nginx');
    expect(p.ok && p.image.config.stopSignal).toBe('SIGQUIT');
    expect(run('nginx').process).toMatchObject({ handlesSigterm: true, stopExitCode: 0 });
  });

  it('1.14.2 prints nothing on start and serves the older welcome page', () => {
    const b = run('nginx:1.14.2');
    expect(b.process.startLogs).toEqual([]);
    expect(get(b, '/').body).toContain('        width: 35em;');
  });
});

describe('busybox and alpine with no command', () => {
  it.each(['busybox', 'busybox:1.28', 'alpine', 'ubuntu'])('%s runs sh, which exits 0 at once', (image) => {
    expect(run(image).process).toMatchObject({ exitAfterMs: 0, exitCode: 0, hasShell: true, startLogs: [] });
  });
});

describe("nigelpoulton's getting-started-k8s", () => {
  it('1.0 serves its page on 8080, prints nothing, and ignores SIGTERM', () => {
    const b = run('nigelpoulton/getting-started-k8s:1.0');
    expect(b.listens).toEqual([{ port: 8080, protocol: 'TCP', app: 'http' }]);
    expect(b.process.startLogs).toEqual([]);
    expect(b.process.handlesSigterm).toBe(false);
    expect(get(b, '/').body).toContain('<h1>Hello from Pluralsight</h1>');
    expect(get(b, '/x').body).toContain('<pre>Cannot GET /x</pre>');
  });

  it('2.0 names the pod that answered and logs where it listens', () => {
    const b = run('nigelpoulton/getting-started-k8s:2.0', { hostname: 'web-deploy-5d8f7c9b6d-x2x7k' });
    expect(b.process.startLogs).toEqual(['Listening on: http://web-deploy-5d8f7c9b6d-x2x7k:8080']);
    const res = get(b, '/');
    expect(res.body).toContain('Pluralsight FTW!');
    expect(res.body).toContain('web-deploy-5d8f7c9b6d-x2x7k');
    expect(res.accessLog).toMatch(
      /^::ffff:10\.244\.0\.1 - - \[01\/Jan\/2026:09:01:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0"$/,
    );
  });

  it('2.0 takes its message from $MESSAGE', () => {
    expect(get(run('nigelpoulton/getting-started-k8s:2.0', { env: { MESSAGE: 'K8s FTW' } }), '/').body).toContain('K8s FTW');
  });
});

describe('other catalogue images', () => {
  it('redis 7 logs its start-up and listens on 6379', () => {
    const b = run('redis');
    expect(b.process.startLogs.at(-1)).toBe('1:M 01 Jan 2026 09:00:05.102 * Ready to accept connections tcp');
    expect(b.listens).toEqual([{ port: 6379, protocol: 'TCP', app: 'redis' }]);
  });

  it('redis 6.0.5 logs in its own format', () => {
    const logs = run('redis:6.0.5').process.startLogs;
    expect(logs[1]).toBe('1:C 01 Jan 2026 09:00:05.101 # Redis version=6.0.5, bits=64, commit=00000000, modified=0, pid=1, just started');
    expect(logs.at(-1)).toBe('1:M 01 Jan 2026 09:00:05.102 * Ready to accept connections');
  });

  it('php-apache answers OK! and costs CPU per request', () => {
    const b = run('registry.k8s.io/hpa-example');
    expect(get(b, '/').body).toBe('OK!');
    expect(b.cpuMsPerRequest).toBeGreaterThan(0);
  });

  it('http-echo echoes -text and exits 127 without it', () => {
    expect(get(run('hashicorp/http-echo', { args: ['-text=hello'] }), '/').body).toBe('hello\n');
    expect(run('hashicorp/http-echo', { args: ['-listen=:8080', '-text', 'hi'] }).listens[0]?.port).toBe(8080);
    expect(run('hashicorp/http-echo').process).toMatchObject({
      exitAfterMs: 0,
      exitCode: 127,
      startLogs: ['Missing -text option OR ENV var TEXT is empty!'],
    });
  });

  it('the nginx exporter 1.x warns about Go-style single-dash flags', () => {
    const logs = run('nginx/nginx-prometheus-exporter', { args: ['-nginx.scrape-uri', 'http://localhost/nginx_status'] }).process.startLogs;
    expect(logs[0]).toBe('the flag format is deprecated and will be removed in a future release, please use the new format: --nginx.scrape-uri');
    expect(run('nginx/nginx-prometheus-exporter', { args: ['--nginx.scrape-uri=http://x/'] }).process.startLogs.some((l) => l.includes('deprecated'))).toBe(false);
  });

  it('a Go server as PID 1 exits 2 on SIGTERM', () => {
    expect(run('gcr.io/google-samples/hello-app:1.0').process).toMatchObject({ handlesSigterm: true, stopExitCode: 2 });
  });

  it('hello-app says hello with its version and hostname', () => {
    expect(get(run('gcr.io/google-samples/hello-app:2.0'), '/').body).toBe('Hello, world!\nVersion: 2.0.0\nHostname: hello-pod\n');
  });

  it('the guestbook frontend serves its page', () => {
    expect(get(run('gcr.io/google-samples/gb-frontend:v5'), '/').body).toContain('<h2>Guestbook</h2>');
  });
});

describe('kubelab/crashy', () => {
  it('crashes two seconds after starting without DATABASE_URL', () => {
    const p = run('kubelab/crashy:1.0').process;
    expect(p).toMatchObject({ exitAfterMs: 2000, exitCode: 1 });
    expect(p.exitLogs).toContain('Error: DATABASE_URL is not set');
  });

  it('stays up once DATABASE_URL is set', () => {
    const b = run('kubelab/crashy:1.0', { env: { DATABASE_URL: 'postgres://db' } });
    expect(b.process.exitAfterMs).toBeUndefined();
    expect(b.listens[0]?.port).toBe(8080);
  });
});

describe('the catalogue as a whole', () => {
  it('gives every manifest its own digest, and every image runs', () => {
    const seen = new Set<string>();
    for (const entry of defaultCatalogue) {
      for (const variant of entry.variants) {
        const { digest, id } = variantDigests(entry, variant);
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(seen.has(digest)).toBe(false);
        seen.add(digest);
        expect(id).not.toBe(digest);
        const b = variant.app.behave(ctx);
        expect(Array.isArray(b.process.startLogs)).toBe(true);
        expect(findVariant(entry, variant.tags[0]!)).toBe(variant);
      }
    }
  });

  it('never lists the same tag twice in a repository', () => {
    for (const entry of defaultCatalogue) {
      const tags = entry.variants.flatMap((x) => x.tags);
      expect(new Set(tags).size, entry.repository).toBe(tags.length);
    }
  });
});

describe('log timestamps', () => {
  it('carry over seconds, days and years', () => {
    expect(wallClock('2025-12-31T23:59:59Z', 1500)).toMatchObject({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millis: 500,
      weekday: 4,
    });
  });
});
