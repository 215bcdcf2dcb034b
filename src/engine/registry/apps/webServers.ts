// nginx and Apache httpd as their official images run them: the docker-entrypoint.sh and
// error-log lines `kubectl logs` shows, the welcome pages, 404 pages and access-log lines,
// and the image's STOPSIGNAL (SIGQUIT for nginx, SIGWINCH for httpd: both stop at once).

import type { HttpRequest, HttpResponse, ImageApp, ListenPort, RunContext } from '../image.ts';
import { STOPS_CLEANLY, http, https, server } from '../image.ts';
import { apacheTime, clfTime, slashTime, wallClock } from '../logTime.ts';
import { NODE_KERNEL_VERSION } from '../../config.ts';

const MiB = 1024 * 1024;

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

// The page before nginx 1.21.5 added `color-scheme` (what nginx:1.14.2 serves).
const NGINX_WELCOME_OLD = NGINX_WELCOME.replace(
  'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n',
  '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }\n',
);

const ENTRYPOINT_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

export interface NginxOptions {
  readonly version: string;
  readonly alpine?: boolean;
  /** images before 1.19 had no docker-entrypoint.sh and logged at `warn`: nothing on start */
  readonly quiet?: boolean;
  readonly listen?: ListenPort;
  /** the index page, when the image ships its own site */
  readonly page?: string;
  /** extra locations (stub_status for an exporter to scrape) */
  readonly routes?: Readonly<Record<string, string>>;
  readonly description?: string;
}

/** Whether nginx version `v` (x.y.z) is at least `min`. */
function atLeast(v: string, min: readonly number[]): boolean {
  const parts = v.split('.').map(Number);
  for (let i = 0; i < min.length; i++) if ((parts[i] ?? 0) !== min[i]) return (parts[i] ?? 0) > min[i]!;
  return true;
}

function nginxStartLogs(o: NginxOptions, ctx: RunContext): string[] {
  if (o.quiet) return [];
  const t = slashTime(wallClock(ctx.startedAt, 40));
  // The Debian images moved from bullseye to bookworm, and gained 15-local-resolvers.envsh, in 1.25.1.
  const bookworm = atLeast(o.version, [1, 25, 1]);
  const gcc = o.alpine ? 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)' : bookworm ? 'gcc 12.2.0 (Debian 12.2.0-14)' : 'gcc 10.2.1 20210110 (Debian 10.2.1-6)';
  const entrypoint = bookworm ? ENTRYPOINT_LOGS : ENTRYPOINT_LOGS.filter((l) => !l.includes('15-local-resolvers'));
  // worker_processes auto: one worker per CPU the container sees (the node's 4).
  const firstWorker = o.alpine ? 30 : 29;
  return [
    ...entrypoint,
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${o.version}`,
    `${t} [notice] 1#1: built by ${gcc} `,
    `${t} [notice] 1#1: OS: Linux ${NODE_KERNEL_VERSION}`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    ...[0, 1, 2, 3].map((i) => `${t} [notice] 1#1: start worker process ${firstWorker + i}`),
  ];
}

function nginxError(status: number, reason: string, version: string): string {
  return `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>nginx/${version}</center>\n</body>\n</html>\n`;
}

function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

function nginxServe(o: NginxOptions, ctx: RunContext, req: HttpRequest): HttpResponse {
  const path = pathOnly(req.path);
  const docroot = '/usr/share/nginx/html';
  const file = path === '/' ? '/index.html' : path;
  const fromVolume = ctx.readFile?.(docroot + file);
  const builtIn = o.routes?.[path] ?? (file === '/index.html' ? (o.page ?? (o.quiet ? NGINX_WELCOME_OLD : NGINX_WELCOME)) : undefined);
  const body = fromVolume ?? builtIn;
  const status = body === undefined ? 404 : 200;
  const text = body ?? nginxError(404, 'Not Found', o.version);
  const contentType = path === '/nginx_status' ? 'text/plain' : 'text/html';
  const accessLog =
    req.time === undefined
      ? undefined
      : `${req.clientIP ?? '-'} - - [${clfTime(wallClock(req.time))}] "${req.method} ${req.path} HTTP/1.1" ${status} ${text.length} "-" "${req.userAgent ?? '-'}" "-"`;
  return {
    status,
    headers: { Server: `nginx/${o.version}`, 'Content-Type': contentType, 'Content-Length': String(text.length) },
    body: text,
    ...(accessLog !== undefined ? { accessLog } : {}),
  };
}

export function nginxApp(o: NginxOptions): ImageApp {
  const listen = o.listen ?? http(80);
  return {
    description: o.description ?? `nginx ${o.version}${o.alpine ? ' (Alpine)' : ''}: web server on port ${listen.port}`,
    config: {
      entrypoint: o.quiet ? [] : ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      exposedPorts: [listen.port],
      // SIGQUIT is nginx's graceful stop; containerd honours the image's STOPSIGNAL.
      ...(o.quiet ? {} : { stopSignal: 'SIGQUIT' }),
    },
    behave: (ctx) => ({
      process: server(nginxStartLogs(o, ctx), STOPS_CLEANLY),
      listens: [listen],
      serve: (req) => nginxServe(o, ctx, req),
      idle: { cpuMillicores: 0, memoryBytes: 3 * MiB },
    }),
  };
}

/** A private site behind TLS on 443 (nginx serving the owner's page). */
export function httpsSiteApp(title: string, description: string): ImageApp {
  const page = `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<p>Served over HTTPS from a private image.</p>\n</body>\n</html>\n`;
  return nginxApp({ version: '1.27.3', alpine: true, listen: https(443), page, description });
}

const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n';
const HTTPD_404 =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

export function httpdApp(version: string, alpine = false): ImageApp {
  return {
    description: `Apache httpd ${version}${alpine ? ' (Alpine)' : ''}: web server on port 80`,
    config: { entrypoint: [], cmd: ['httpd-foreground'], exposedPorts: [80], stopSignal: 'SIGWINCH', workingDir: '/usr/local/apache2' },
    behave: (ctx) => {
      const t = apacheTime(wallClock(ctx.startedAt, 30));
      const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
      const tid = alpine ? '1' : '140310541444992';
      return {
        process: server(
          [
            fqdn,
            fqdn,
            `[${t}] [mpm_event:notice] [pid 1:tid ${tid}] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
            `[${t}] [core:notice] [pid 1:tid ${tid}] AH00094: Command line: 'httpd -D FOREGROUND'`,
          ],
          STOPS_CLEANLY,
        ),
        listens: [http(80)],
        idle: { cpuMillicores: 1, memoryBytes: 6 * MiB },
        serve: (req) => {
          const ok = pathOnly(req.path) === '/' || pathOnly(req.path) === '/index.html';
          const body = ok ? (ctx.readFile?.('/usr/local/apache2/htdocs/index.html') ?? HTTPD_IT_WORKS) : HTTPD_404;
          return { status: ok ? 200 : 404, headers: { Server: `Apache/${version} (Unix)`, 'Content-Type': 'text/html' }, body };
        },
      };
    },
  };
}
