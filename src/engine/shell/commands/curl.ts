// curl 8.5 (Ubuntu 24.04's) over kube-proxy's routing: `curl [-s] [-S] [-v] [-m SECS] [-o FILE]
// [-w FORMAT] URL`, with curl's own error texts and exit codes (6 resolve, 7 refused, 28
// timeout, 52 empty reply). The terminal stands on the node in microk8s and on the Docker
// host in kind, so ClusterIPs answer in the first and only node IPs answer in the second.

import type { Client, ProxyResult } from '../../node/kubeProxy.ts';
import type { CommandContext, Proc } from '../process.ts';
import { sleepFor } from '../process.ts';
import { resolve } from './args.ts';
import type { Shell } from '../shell.ts';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const USER_AGENT = 'curl/8.5.0';
/** kind's Docker bridge gateway: the address the host's packets come from */
const KIND_HOST_IP = '172.18.0.1';
/** tcp_syn_retries=6: the kernel gives up on an unanswered SYN after about 130 s */
const SYN_GIVE_UP_MS = 129_031;
const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  maxTimeMs?: number;
  output?: string;
  writeOut?: string;
  url?: string;
}

const VALUED: Readonly<Record<string, 'maxTimeMs' | 'output' | 'writeOut'>> = { '-m': 'maxTimeMs', '--max-time': 'maxTimeMs', '-o': 'output', '--output': 'output', '-w': 'writeOut', '--write-out': 'writeOut' };
const FLAGS: Readonly<Record<string, 'silent' | 'showError' | 'verbose'>> = { s: 'silent', S: 'showError', v: 'verbose', '--silent': 'silent', '--show-error': 'showError', '--verbose': 'verbose' };

function parse(argv: readonly string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const valued = VALUED[a] ?? (a.startsWith('-') && !a.startsWith('--') && a.length > 2 && VALUED[a.slice(0, 2)] ? VALUED[a.slice(0, 2)] : undefined);
    if (valued) {
      const value = VALUED[a] ? argv[++i] : a.slice(2);
      if (value === undefined) return `curl: option ${a}: requires parameter\n`;
      if (valued === 'maxTimeMs') {
        const secs = Number(value);
        if (!Number.isFinite(secs) || secs < 0) return `curl: option ${a}: expected a proper numerical parameter\n`;
        o.maxTimeMs = Math.round(secs * 1000);
      } else o[valued] = value;
    } else if (a.startsWith('--')) {
      const flag = FLAGS[a];
      if (!flag) return `curl: option ${a}: is unknown\n`;
      o[flag] = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        const flag = FLAGS[c];
        if (!flag) return `curl: option -${c}: is unknown\n`;
        o[flag] = true;
      }
    } else o.url = a;
  }
  return o;
}

interface Target {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function parseUrl(url: string): Target | { error: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(url);
  if (!m) return { error: `curl: (3) URL rejected: Malformed input to a URL function\n` };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http') return { error: `curl: (1) Protocol "${scheme}" not supported${scheme === 'https' ? ' in the lab (plain http only)' : ''}\n` };
  if (!m[2]) return { error: 'curl: (3) URL rejected: No host part in the URL\n' };
  const port = m[3] ? Number(m[3]) : 80;
  if (port > 65535) return { error: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n' };
  return { host: m[2], port, path: (m[4] ?? '/').replace(/#.*$/, '') || '/' };
}

/** curl's -w: %{http_code} and friends, `\n` and `%%`. */
function writeOut(format: string, code: number, ip: string, port: number, size: number): string {
  const vars: Record<string, string> = { http_code: String(code).padStart(3, '0'), response_code: String(code).padStart(3, '0'), remote_ip: ip, remote_port: String(port), size_download: String(size) };
  return format
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? all)
    .replace(/%%/g, '%')
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c);
}

function client(shell: Shell): Client {
  const node = [...shell.cluster.nodes.kubelets.keys()][0]!;
  return shell.cluster.preset.name === 'microk8s' ? { kind: 'node', node } : { kind: 'outside', ip: KIND_HOST_IP };
}

/** What one curl run printed (in order, stdout and stderr interleaved), how it exited, how long it waited. */
export interface CurlRun {
  readonly output: readonly { readonly stream: 'out' | 'err'; readonly text: string }[];
  readonly status: number;
  /** simulated time the run took before its last output (a connect timeout) */
  readonly waitMs: number;
  /** `-o FILE`: the body to save (the caller owns the file system) */
  readonly saveTo?: { readonly path: string; readonly body: string };
}

/** curl against kube-proxy from any client: the terminal's host or node, or a pod (`kubectl exec … -- curl`). */
export function runCurl(argv: readonly string[], send: (req: { host: string; port: number; path: string; userAgent: string }) => ProxyResult, userAgent = USER_AGENT): CurlRun {
  const output: { stream: 'out' | 'err'; text: string }[] = [];
  const out = (text: string): void => void output.push({ stream: 'out', text });
  const errOut = (text: string): void => void output.push({ stream: 'err', text });
  const o = parse(argv);
  if (typeof o === 'string' || o.url === undefined) {
    errOut(`${typeof o === 'string' ? o : ''}${TRY_HELP}`);
    return { output, status: 2, waitMs: 0 };
  }
  const target = parseUrl(o.url);
  let waitMs = 0;
  const fail = (text: string, status: number): CurlRun => {
    if (o.writeOut !== undefined) out(writeOut(o.writeOut, 0, '', 0, 0));
    if (!o.silent || o.showError) errOut(text);
    return { output, status, waitMs };
  };
  if ('error' in target) return fail(target.error, Number(/\((\d+)\)/.exec(target.error)![1]));
  const result: ProxyResult = send({ host: target.host, port: target.port, path: target.path, userAgent });
  if (result.outcome === 'unresolved') return fail(`curl: (6) Could not resolve host: ${target.host}\n`, 6);
  if (o.verbose) errOut(`*   Trying ${result.ip}:${target.port}...\n`);
  if (result.outcome === 'refused') return fail(`curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server\n`, 7);
  if (result.outcome === 'timeout') {
    const limit = o.maxTimeMs !== undefined && o.maxTimeMs > 0 && o.maxTimeMs < SYN_GIVE_UP_MS ? o.maxTimeMs : undefined;
    waitMs = limit ?? SYN_GIVE_UP_MS;
    return limit !== undefined
      ? fail(`curl: (28) Connection timed out after ${limit + 1} milliseconds\n`, 28)
      : fail(`curl: (28) Failed to connect to ${target.host} port ${target.port} after ${SYN_GIVE_UP_MS} ms: Couldn't connect to server\n`, 28);
  }
  if (o.verbose) errOut(verboseRequest(target, result.ip, userAgent));
  if (result.outcome === 'empty-reply') return fail('curl: (52) Empty reply from server\n', 52);
  const { response } = result;
  if (o.verbose) {
    const headers = Object.entries(response.headers).map(([k, v]) => `< ${k}: ${v}\n`).join('');
    errOut(`< HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}\n${headers}< \n`);
  }
  let saveTo: CurlRun['saveTo'];
  if (o.output === undefined || o.output === '-') out(response.body);
  else if (o.output !== '/dev/null') saveTo = { path: o.output, body: response.body };
  if (o.verbose) errOut(`* Connection #0 to host ${target.host} left intact\n`);
  if (o.writeOut !== undefined) out(writeOut(o.writeOut, response.status, result.ip, target.port, response.body.length));
  return { output, status: 0, waitMs, ...(saveTo ? { saveTo } : {}) };
}

export function curlCommand(shell: Shell): (ctx: CommandContext) => Proc {
  return function* curl(ctx: CommandContext): Proc {
    const from = client(shell);
    const run = runCurl(ctx.argv.slice(1), (req) => shell.cluster.kubeProxy.request({ client: from, ...req }));
    if (run.waitMs > 0) yield sleepFor(run.waitMs);
    for (const chunk of run.output) {
      if (chunk.stream === 'out') ctx.io.out(chunk.text);
      else ctx.io.err(chunk.text);
    }
    if (run.saveTo) ctx.vfs.write(resolve(ctx, run.saveTo.path), run.saveTo.body);
    return run.status;
  };
}

function verboseRequest(t: Target, ip: string, userAgent: string): string {
  const host = t.port === 80 ? t.host : `${t.host}:${t.port}`;
  return `* Connected to ${t.host} (${ip}) port ${t.port}\n> GET ${t.path} HTTP/1.1\n> Host: ${host}\n> User-Agent: ${userAgent}\n> Accept: */*\n> \n`;
}
