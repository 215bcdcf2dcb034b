// The Node.js web apps of Nigel Poulton's courses and books (nigelpoulton/getting-started-k8s
// App/v1 and App/v2, TheK8sBook web-app) and the lab's own crashing app. They run `node` under
// a shell as PID 1 with no SIGTERM handler, so a deleted pod waits out its grace period.

import type { HttpRequest, HttpResponse, ImageApp, RunContext } from '../image.ts';
import { IGNORES_SIGTERM, exits, http, server } from '../image.ts';
import { clfTime, wallClock } from '../logTime.ts';

// PID 1 is `/bin/sh -c "cd /src && node ./app.js"` (or node itself): SIGTERM is ignored.
const NO_HANDLER = IGNORES_SIGTERM;
const NODE_IDLE = { cpuMillicores: 1, memoryBytes: 38 * 1024 * 1024 };

function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/** Express's finalhandler page for a route it does not know. */
export function expressNotFound(req: HttpRequest): HttpResponse {
  const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${req.method} ${pathOnly(req.path)}</pre>\n</body>\n</html>\n`;
  return {
    status: 404,
    headers: { 'X-Powered-By': 'Express', 'Content-Security-Policy': "default-src 'none'", 'Content-Type': 'text/html; charset=utf-8' },
    body,
  };
}

function expressPage(body: string): HttpResponse {
  return { status: 200, headers: { 'X-Powered-By': 'Express', 'Content-Type': 'text/html; charset=utf-8' }, body };
}

/** A jumbotron page as pug renders it (no whitespace between tags). */
function pugPage(title: string, css: string, inner: string): string {
  return `<html><head><title>${title}</title><link rel="stylesheet" href="${css}"></head><body><div class="container"><div class="jumbotron">${inner}</div></div></body></html>`;
}

const BOOTSTRAP_4 = 'https://stackpath.bootstrapcdn.com/bootstrap/4.4.1/css/bootstrap.min.css';
const BOOTSTRAP_3 = 'http://netdna.bootstrapcdn.com/bootstrap/3.1.1/css/bootstrap.min.css';

// App/v1/views/home.pug, with the long shop links shortened.
const GETTING_STARTED_V1 = pugPage(
  'PS FTW',
  BOOTSTRAP_4,
  "<h1>Hello from Pluralsight</h1><p>We hope you're enjoying learning Docker and Kubernetes!</p><p>" +
    '<a class="btn btn-primary" href="https://www.amazon.com/dp/B08T21NW4Z" target="_blank">Quick Start Kubernetes</a>' +
    '<a class="btn btn-outline-primary" href="https://www.amazon.com/dp/B072TS9ZQZ" target="_blank">The Kubernetes Book</a>' +
    '<a class="btn btn-primary" href="https://www.amazon.com/dp/1521822808" target="_blank">Docker Deep Dive</a></p><p></p>' +
    '<p>Be careful. The last time I updated the packages in this app was July 2021.</p>',
);

/** Routes of a static Express app: path → page, anything else is `Cannot GET`. */
function staticExpress(pages: Readonly<Record<string, string>>): (req: HttpRequest) => HttpResponse {
  return (req) => {
    const page = req.method === 'GET' || req.method === 'HEAD' ? pages[pathOnly(req.path)] : undefined;
    return page === undefined ? expressNotFound(req) : expressPage(page);
  };
}

/** nigelpoulton/getting-started-k8s:1.0 — App/v1: `app.listen(8080)`, which prints nothing. */
export const gettingStartedV1: ImageApp = {
  description: 'Node.js web app (Pluralsight Getting Started with Kubernetes, v1): HTML page on port 8080',
  config: { entrypoint: [], cmd: ['/bin/sh', '-c', 'cd /src && node ./app.js'], exposedPorts: [8080] },
  behave: () => ({
    process: server([], NO_HANDLER),
    listens: [http(8080)],
    idle: NODE_IDLE,
    serve: staticExpress({ '/': GETTING_STARTED_V1 }),
  }),
};

// App/v2/views/layouts/main.handlebars around the home view. The home view is not in the
// published sources; it shows the MESSAGE and the pod's hostname, as app.js passes them.
function gettingStartedV2Page(message: string, hostName: string): string {
  return `<!DOCTYPE html>
<html>
<head>
    <title>Hello PS</title>
    <link rel="stylesheet" type="text/css" href="/css/main.css">
    <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Ubuntu:300" >
</head>
<body>

  <div class="main">
    <img src="/images/image.png"/>
    <div class="content">
      <div id="message">${message}</div>
<div id="info">
  <table>
    <tr><th>pod:</th><td>${hostName}</td></tr>
  </table>
</div>

    </div>
  </div>

</body>
</html>`;
}

/** nigelpoulton/getting-started-k8s:2.0 — App/v2: shows the answering pod, logs with morgan. */
export const gettingStartedV2: ImageApp = {
  description: 'Node.js web app (Pluralsight Getting Started with Kubernetes, v2): page naming the pod that answered, port 8080',
  config: { entrypoint: [], cmd: ['/bin/sh', '-c', 'cd /src && node ./app.js'], exposedPorts: [8080] },
  behave: (ctx: RunContext) => {
    const port = Number(ctx.env?.['PORT'] ?? 8080) || 8080;
    const message = ctx.env?.['MESSAGE'] ?? 'Pluralsight FTW!';
    const pages: Record<string, string> = {
      '/': gettingStartedV2Page(message, ctx.hostname),
      '/css/main.css': 'body { font-family: "Ubuntu", sans-serif; }\n',
      '/images/image.png': '\u0089PNG',
    };
    const routes = staticExpress(pages);
    return {
      process: server([`Listening on: http://${ctx.hostname}:${port}`], NO_HANDLER),
      listens: [http(port)],
      idle: NODE_IDLE,
      serve: (req) => {
        const res = routes(req);
        if (req.time === undefined) return res;
        const ip = req.clientIP ? `::ffff:${req.clientIP}` : '-';
        const line = `${ip} - - [${clfTime(wallClock(req.time))}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length} "-" "${req.userAgent ?? '-'}"`;
        return { ...res, accessLog: line };
      },
    };
  },
};

/** nigelpoulton/web-app:1.0 — TheK8sBook web-app: "I'm running in a container!!!". */
export const k8sBookWebApp: ImageApp = {
  description: 'Node.js web app (The Kubernetes Book): HTML page on port 8080',
  config: { entrypoint: ['node', './app.js'], cmd: [], exposedPorts: [8080], workingDir: '/src' },
  behave: () => ({
    process: server([], NO_HANDLER),
    listens: [http(8080)],
    idle: NODE_IDLE,
    serve: staticExpress({
      '/': pugPage(
        'Docker FTW',
        BOOTSTRAP_3,
        '<h1>I\'m running in a container!!!</h1><p></p><p><a class="btn btn-primary" href="https://www.amazon.com/dp/B01LXWQUFF">Link to my Docker book</a></p><p></p>',
      ),
    }),
  }),
};

/** Other small apps from the books (nigelpoulton/k8sbook, k8s-deep-dive): a page on 8080. */
export function bookApp(heading: string, description: string): ImageApp {
  return {
    description,
    config: { entrypoint: ['node', './app.js'], cmd: [], exposedPorts: [8080], workingDir: '/src' },
    behave: () => ({
      process: server([], NO_HANDLER),
      listens: [http(8080)],
      idle: NODE_IDLE,
      serve: staticExpress({ '/': pugPage('K8s FTW', BOOTSTRAP_4, `<h1>${heading}</h1><p>Kubernetes is running this app in a pod.</p>`) }),
    }),
  };
}

/**
 * kubelab/crashy:1.0 — the lab's app that fails on start: without DATABASE_URL it throws two
 * seconds in and Node exits 1 (a CrashLoopBackOff under restartPolicy Always). With it set,
 * it serves on 8080: the fix a lesson can ask for.
 */
export const crashyApp: ImageApp = {
  description: 'kubelab demo app: needs DATABASE_URL, otherwise crashes 2 s after starting (exit 1)',
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node', 'server.js'], exposedPorts: [8080], workingDir: '/app' },
  behave: (ctx) => {
    const db = ctx.env?.['DATABASE_URL'];
    if (db === undefined || db === '') {
      return {
        process: exits(
          2000,
          1,
          ['crashy 1.0 starting'],
          [
            '/app/server.js:7',
            "    throw new Error('DATABASE_URL is not set');",
            '    ^',
            '',
            'Error: DATABASE_URL is not set',
            '    at Timeout._onTimeout (/app/server.js:7:11)',
            '    at listOnTimeout (node:internal/timers:594:17)',
            '    at process.processTimers (node:internal/timers:529:7)',
            '',
            'Node.js v20.18.1',
          ],
        ),
        listens: [],
      };
    }
    return {
      process: server(['crashy 1.0 starting', 'crashy 1.0 listening on port 8080'], {
        handlesSigterm: true,
        stopAfterMs: 50,
        stopExitCode: 0,
      }),
      listens: [http(8080)],
      serve: staticExpress({ '/': `crashy 1.0 is up on ${ctx.hostname}\n` }),
    };
  },
};
