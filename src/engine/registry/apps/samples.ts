// Images from Kubernetes' own tutorials and examples: php-apache for the autoscaler walkthrough
// (registry.k8s.io/hpa-example), the guestbook frontend, hello-app, hashicorp/http-echo,
// git-sync and the nginx Prometheus exporter. Go binaries here never ask for SIGTERM, so it
// ends them at once with exit 2 (the Go runtime's default as PID 1).

import type { HttpResponse, ImageApp, RunContext } from '../image.ts';
import { GO_DEFAULT_SIGTERM, STOPS_CLEANLY, exits, http, server } from '../image.ts';
import { apacheTime, slashTime, wallClock } from '../logTime.ts';

const MiB = 1024 * 1024;

function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/** Go `flag` values: `-text=hi`, `-text hi`, `--text=hi`. */
export function goFlag(args: readonly string[] | undefined, name: string): string | undefined {
  const a = args ?? [];
  for (let i = 0; i < a.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(a[i]!);
    if (m?.[1] !== name) continue;
    return m[2] ?? a[i + 1];
  }
  return undefined;
}

/** apache2-foreground in the php:5-apache images. */
function apachePhpLogs(ctx: RunContext, apache: string, php: string): string[] {
  const t = apacheTime(wallClock(ctx.startedAt, 60));
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
  return [
    fqdn,
    fqdn,
    `[${t}] [mpm_prefork:notice] [pid 1] AH00163: Apache/${apache} (Debian) PHP/${php} configured -- resuming normal operations`,
    `[${t}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`,
  ];
}

function apacheNotFound(path: string, apache: string): HttpResponse {
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${pathOnly(path)} was not found on this server.</p>\n<hr>\n<address>Apache/${apache} (Debian) Server at localhost Port 80</address>\n</body></html>\n`;
  return { status: 404, headers: { Server: `Apache/${apache} (Debian)`, 'Content-Type': 'text/html; charset=iso-8859-1' }, body };
}

/**
 * registry.k8s.io/hpa-example: index.php adds square roots a million times, then prints
 * `OK!`. Each request costs real CPU, which is what the HorizontalPodAutoscaler reacts to.
 */
export const hpaExample: ImageApp = {
  description: 'php-apache (HPA walkthrough): answers OK! after a CPU-heavy loop, port 80',
  config: { entrypoint: ['docker-php-entrypoint'], cmd: ['apache2-foreground'], exposedPorts: [80], workingDir: '/var/www/html' },
  behave: (ctx) => ({
    process: server(apachePhpLogs(ctx, '2.4.10', '5.6.23'), STOPS_CLEANLY),
    listens: [http(80)],
    idle: { cpuMillicores: 1, memoryBytes: 10 * MiB },
    // Estimated: a million sqrt() calls in PHP 5.6 on one core.
    cpuMsPerRequest: 50,
    serve: (req): HttpResponse =>
      pathOnly(req.path) === '/' || pathOnly(req.path) === '/index.php'
        ? {
            status: 200,
            headers: { Server: 'Apache/2.4.10 (Debian)', 'X-Powered-By': 'PHP/5.6.23', 'Content-Type': 'text/html' },
            body: 'OK!',
          }
        : apacheNotFound(req.path, '2.4.10'),
  }),
};

// kubernetes/examples guestbook/php-redis index.html (Angular front end of guestbook.php).
const GUESTBOOK_INDEX = `<html ng-app="redis">
  <head>
    <title>Guestbook</title>
    <link rel="stylesheet" href="//netdna.bootstrapcdn.com/bootstrap/3.1.1/css/bootstrap.min.css">
    <script src="https://ajax.googleapis.com/ajax/libs/angularjs/1.2.12/angular.min.js"></script>
    <script src="controllers.js"></script>
    <script src="https://cdnjs.cloudflare.com/ajax/libs/angular-ui-bootstrap/0.13.0/ui-bootstrap-tpls.js"></script>
  </head>
  <body ng-controller="RedisCtrl">
    <div style="width: 50%; margin-left: 20px">
      <h2>Guestbook</h2>
    <form>
    <fieldset>
    <input ng-model="msg" placeholder="Messages" class="form-control" type="text" name="input"><br>
    <button type="button" class="btn btn-primary" ng-click="controller.onRedis()">Submit</button>
    </fieldset>
    </form>
    <div>
      <div ng-repeat="msg in messages track by $index">
        {{msg}}
      </div>
    </div>
    </div>
  </body>
</html>
`;

/** gcr.io/google-samples/gb-frontend: PHP + Apache; guestbook.php talks to redis-master / redis-replica. */
export const guestbookFrontend: ImageApp = {
  description: 'guestbook frontend (PHP on Apache, reads and writes redis): port 80',
  config: { entrypoint: ['docker-php-entrypoint'], cmd: ['apache2-foreground'], exposedPorts: [80], workingDir: '/var/www/html' },
  behave: (ctx) => ({
    process: server(apachePhpLogs(ctx, '2.4.25', '5.6.40'), STOPS_CLEANLY),
    listens: [http(80)],
    idle: { cpuMillicores: 1, memoryBytes: 12 * MiB },
    serve: (req): HttpResponse => {
      const path = pathOnly(req.path);
      const headers = { Server: 'Apache/2.4.25 (Debian)' };
      if (path === '/' || path === '/index.html')
        return { status: 200, headers: { ...headers, 'Content-Type': 'text/html' }, body: GUESTBOOK_INDEX };
      if (path === '/guestbook.php' && req.path.includes('cmd=set')) {
        return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"message": "Updated"}' };
      }
      if (path === '/guestbook.php' && req.path.includes('cmd=')) {
        return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"data": ""}' };
      }
      return apacheNotFound(req.path, '2.4.25');
    },
  }),
};

/** gcr.io/google-samples/hello-app: a Go server that names its version and the pod. */
export function helloApp(version: string): ImageApp {
  return {
    description: `hello-app ${version} (Google samples): "Hello, world!" with version and hostname, port 8080`,
    config: { entrypoint: ['/hello-app'], cmd: [], exposedPorts: [8080] },
    behave: (ctx) => {
      const port = Number(ctx.env?.['PORT'] ?? 8080) || 8080;
      return {
        process: server([`${slashTime(wallClock(ctx.startedAt, 5))} Server listening on port ${port}`], GO_DEFAULT_SIGTERM, false),
        listens: [http(port)],
        idle: { cpuMillicores: 0, memoryBytes: 2 * MiB },
        serve: (req): HttpResponse => ({
          status: 200,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          body: `Hello, world!\nVersion: ${version}\nHostname: ${ctx.hostname}\n`,
          ...(req.time !== undefined ? { accessLog: `${slashTime(wallClock(req.time))} Serving request: ${pathOnly(req.path)}` } : {}),
        }),
      };
    },
  };
}

/** hashicorp/http-echo: answers every request with `-text` (or $ECHO_TEXT); no text, no server. */
export function httpEcho(version: string): ImageApp {
  const missing = version.startsWith('0.') ? 'Missing -text option!' : 'Missing -text option OR ENV var TEXT is empty!';
  return {
    description: `http-echo ${version}: a tiny server that answers with the text given in -text (port 5678)`,
    config: { entrypoint: ['/http-echo'], cmd: [], exposedPorts: [5678] },
    behave: (ctx) => {
      const text = goFlag(ctx.args, 'text') || (version.startsWith('0.') ? '' : (ctx.env?.['ECHO_TEXT'] ?? ''));
      if (text === '') return { process: exits(0, 127, [missing], [], false), listens: [] };
      const listen = goFlag(ctx.args, 'listen') ?? ':5678';
      const port = Number(listen.slice(listen.lastIndexOf(':') + 1)) || 5678;
      return {
        process: server([`${slashTime(wallClock(ctx.startedAt, 3))} [INFO] server is listening on ${listen}`], GO_DEFAULT_SIGTERM, false),
        listens: [http(port)],
        idle: { cpuMillicores: 0, memoryBytes: 2 * MiB },
        serve: (req): HttpResponse =>
          pathOnly(req.path) === '/health'
            ? { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '{"status":"ok"}\n' }
            : {
                status: 200,
                headers: { 'X-App-Name': 'http-echo', 'X-App-Version': version, 'Content-Type': 'text/plain; charset=utf-8' },
                body: `${text}\n`,
              },
      };
    },
  };
}

/** k8s.gcr.io/git-sync v3: clones GIT_SYNC_REPO into a shared volume and keeps it in sync. */
export function gitSync(version: string): ImageApp {
  return {
    description: `git-sync ${version}: a sidecar that clones a git repository into a shared volume and keeps pulling it`,
    config: { entrypoint: ['/git-sync'], cmd: [], exposedPorts: [] },
    behave: (ctx) => {
      const repo = goFlag(ctx.args, 'repo') ?? ctx.env?.['GIT_SYNC_REPO'];
      if (!repo) return { process: exits(0, 1, ['ERROR: --repo must be specified'], [], false), listens: [] };
      // klog-style lines, shortened from what git-sync v3 prints.
      const t = wallClock(ctx.startedAt, 10);
      const klog = `I${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')} ${slashTime(t).slice(11)}.${String(t.millis).padStart(3, '0')}000       1`;
      return {
        process: server(
          [
            `${klog} main.go:337] "msg"="starting up" "pid"=1 "args"=["/git-sync"]`,
            `${klog} main.go:641] "msg"="cloning repo" "origin"="${repo}" "path"="/tmp/git"`,
          ],
          GO_DEFAULT_SIGTERM,
          false,
        ),
        listens: [],
        idle: { cpuMillicores: 1, memoryBytes: 8 * MiB },
      };
    },
  };
}

/** nginx/nginx-prometheus-exporter: scrapes nginx's stub_status and serves /metrics on 9113. */
export function nginxExporter(version: string): ImageApp {
  return {
    description: `nginx Prometheus exporter ${version}: turns nginx stub_status into metrics on port 9113`,
    config: { entrypoint: ['/usr/bin/nginx-prometheus-exporter'], cmd: [], exposedPorts: [9113] },
    behave: (ctx) => {
      // 1.x parses flags with kingpin: it rewrites Go-style `-flag` arguments to `--flag`,
      // printing a deprecation line for each (exporter.go main).
      const deprecated = version.startsWith('0.') ? [] : (ctx.args ?? []).filter((a) => a.startsWith('-') && !a.startsWith('--') && a.length > 2);
      return {
        process: server(
          [
            ...deprecated.map((a) => `the flag format is deprecated and will be removed in a future release, please use the new format: -${a}`),
            `time=${ctx.startedAt.replace('Z', '.020Z')} level=INFO source=exporter.go:217 msg=nginx-prometheus-exporter version="(version=${version}, branch=HEAD)"`,
          ],
          GO_DEFAULT_SIGTERM,
          false,
        ),
        listens: [http(9113)],
        idle: { cpuMillicores: 1, memoryBytes: 6 * MiB },
        serve: (req): HttpResponse =>
          pathOnly(req.path) === '/metrics'
            ? {
                status: 200,
                headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
                body: '# HELP nginx_up Status of the last metric scrape\n# TYPE nginx_up gauge\nnginx_up 1\n',
              }
            : {
                status: 200,
                headers: { 'Content-Type': 'text/html' },
                body: '<html><head><title>NGINX Prometheus Exporter</title></head><body><h1>NGINX Prometheus Exporter</h1><p><a href="/metrics">Metrics</a></p></body></html>\n',
              },
      };
    },
  };
}
