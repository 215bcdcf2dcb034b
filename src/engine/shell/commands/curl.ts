// curl 8.5 (Ubuntu 24.04's) over kube-proxy's routing: `curl [-s] [-S] [-v] [-m SECS] [-o FILE]
// [-w FORMAT] URL`, with curl's own error texts and exit codes (6 resolve, 7 refused, 28
// timeout, 52 empty reply). The terminal stands on the node in microk8s and on the Docker
// host in kind, so ClusterIPs answer in the first and only node IPs answer in the second.
// When stdout is not a terminal (or -o names a file), curl's progress meter (lib/progress.c) goes to stderr.

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

/** One write; `atMs` is when, in simulated time since the run began, if not at once (the meter's ticks). */
export interface CurlChunk {
  readonly stream: 'out' | 'err';
  readonly text: string;
  readonly atMs?: number;
}

/** What one curl run printed (in order, stdout and stderr interleaved), how it exited, how long it waited. */
export interface CurlRun {
  readonly output: readonly CurlChunk[];
  readonly status: number;
  /** simulated time the run took before its last output (a connect timeout) */
  readonly waitMs: number;
  /** `-o FILE`: the body to save (the caller owns the file system) */
  readonly saveTo?: { readonly path: string; readonly body: string };
}

/**
 * curl against kube-proxy from any client: the terminal's host or node, or a pod (`kubectl exec … -- curl`).
 * `stdoutTTY`: whether curl's stdout is a terminal (curl then hides its meter when the body goes there).
 */
export function runCurl(argv: readonly string[], send: (req: { host: string; port: number; path: string; userAgent: string }) => ProxyResult, userAgent = USER_AGENT, stdoutTTY = true): CurlRun {
  const output: CurlChunk[] = [];
  const out = (text: string): void => void output.push({ stream: 'out', text });
  const errOut = (text: string, atMs?: number): void => void output.push({ stream: 'err', text, ...(atMs !== undefined ? { atMs } : {}) });
  const o = parse(argv);
  if (typeof o === 'string' || o.url === undefined) {
    errOut(`${typeof o === 'string' ? o : ''}${TRY_HELP}`);
    return { output, status: 2, waitMs: 0 };
  }
  const target = parseUrl(o.url);
  let waitMs = 0;
  // tool_operate.c turns the meter off for -s, and when the body goes to a terminal.
  const toTerminal = (o.output === undefined || o.output === '-') && stdoutTTY;
  let meter = false;
  const fail = (text: string, status: number): CurlRun => {
    // multi_done's Curl_pgrsDone forces a last meter line and its newline, failed or not.
    if (meter) errOut(`${meterLine(0, false, 0, waitMs * 1000, 0)}\n`, waitMs);
    if (o.writeOut !== undefined) out(writeOut(o.writeOut, 0, '', 0, 0));
    if (!o.silent || o.showError) errOut(text);
    return { output, status, waitMs };
  };
  if ('error' in target) return fail(target.error, Number(/\((\d+)\)/.exec(target.error)![1]));
  if (!o.silent && !toTerminal) {
    meter = true;
    errOut(`${METER_HEAD}${meterLine(0, false, 0, 0, 0)}`);
  }
  const result: ProxyResult = send({ host: target.host, port: target.port, path: target.path, userAgent });
  if (result.outcome === 'unresolved') return fail(`curl: (6) Could not resolve host: ${target.host}\n`, 6);
  if (o.verbose) errOut(`*   Trying ${result.ip}:${target.port}...\n`);
  if (result.outcome === 'refused') return fail(`curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server\n`, 7);
  if (result.outcome === 'timeout') {
    const limit = o.maxTimeMs !== undefined && o.maxTimeMs > 0 && o.maxTimeMs < SYN_GIVE_UP_MS ? o.maxTimeMs : undefined;
    waitMs = limit ?? SYN_GIVE_UP_MS;
    // The meter ticks once a second while the SYN goes unanswered.
    if (meter) for (let s = 1; s * 1000 <= waitMs; s++) errOut(meterLine(0, false, 0, s * 1_000_000, 0), s * 1000);
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
  const size = response.body.length;
  // tool_cb_dbg.c: where the body is not on the terminal, -v says how much came instead.
  if (o.verbose && !stdoutTTY && size > 0) errOut(`{ [${size} bytes data]\n`);
  if (o.output === undefined || o.output === '-') out(response.body);
  else if (o.output !== '/dev/null') saveTo = { path: o.output, body: response.body };
  if (meter) {
    const known = Object.keys(response.headers).some((h) => h.toLowerCase() === 'content-length');
    // The current speed spans from the meter's first line (1 ms in) to the last one.
    errOut(`${meterLine(size, known, size, TRANSFER_US, Math.floor((size * 1000) / (TRANSFER_US / 1000 - 1)))}\n`);
  }
  if (o.verbose) errOut(`* Connection #0 to host ${target.host} left intact\n`);
  if (o.writeOut !== undefined) out(writeOut(o.writeOut, response.status, result.ip, target.port, response.body.length));
  return { output, status: 0, waitMs, ...(saveTo ? { saveTo } : {}) };
}

export function curlCommand(shell: Shell): (ctx: CommandContext) => Proc {
  return function* curl(ctx: CommandContext): Proc {
    const from = client(shell);
    const run = runCurl(ctx.argv.slice(1), (req) => shell.cluster.kubeProxy.request({ client: from, ...req }), USER_AGENT, ctx.io.isTTY !== false);
    let elapsed = 0;
    for (const chunk of run.output) {
      const at = chunk.atMs ?? elapsed;
      if (at > elapsed) yield sleepFor(at - elapsed);
      elapsed = Math.max(elapsed, at);
      if (chunk.stream === 'out') ctx.io.out(chunk.text);
      else ctx.io.err(chunk.text);
    }
    if (run.waitMs > elapsed) yield sleepFor(run.waitMs - elapsed);
    if (run.saveTo) ctx.vfs.write(resolve(ctx, run.saveTo.path), run.saveTo.body);
    return run.status;
  };
}

function verboseRequest(t: Target, ip: string, userAgent: string): string {
  const host = t.port === 80 ? t.host : `${t.host}:${t.port}`;
  return `* Connected to ${t.host} (${ip}) port ${t.port}\n> GET ${t.path} HTTP/1.1\n> Host: ${host}\n> User-Agent: ${userAgent}\n> Accept: */*\n> \n`;
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
/** A lab transfer takes no simulated time; the meter shows it as 3 ms so its speeds stay fixed. */
const TRANSFER_US = 3000;

/** One line of lib/progress.c's progress_meter for a download: `\r`, the sizes, speeds and times. */
function meterLine(total: number, known: boolean, received: number, spentUs: number, current: number): string {
  const speed = spentUs < 1 ? received * 1_000_000 : Math.floor((received * 1_000_000) / spentUs);
  const percent = (all: number, cur: number): number => (all > 10000 ? Math.floor(cur / Math.floor(all / 100)) : all > 0 ? Math.floor((cur * 100) / all) : 0);
  const estimate = known && speed > 0 ? Math.floor(total / speed) : 0;
  const spent = Math.floor(spentUs / 1_000_000);
  const expected = known ? total : received;
  const p3 = (n: number): string => String(n).padStart(3);
  const times = `${time2str(estimate)} ${time2str(spent)} ${time2str(estimate > 0 ? estimate - spent : 0)}`;
  return `\r${p3(percent(expected, received))} ${max5data(expected)}  ${p3(known && speed > 0 ? percent(total, received) : 0)} ${max5data(received)}  ${p3(0)} ${max5data(0)}  ${max5data(speed)}  ${max5data(0)} ${times} ${max5data(current)}`;
}

/** progress.c time2str: `H:MM:SS` in eight columns, `--:--:--` for nothing, days past 99 hours. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (h <= 99) return `${String(h).padStart(2)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  const d = Math.floor(seconds / 86400);
  return d <= 999 ? `${String(d).padStart(3)}d ${two(Math.floor((seconds % 86400) / 3600))}h` : `${String(d).padStart(7)}d`;
}

/** progress.c max5data: a byte count in at most five columns, with 1024-based k, M, G, T, P. */
export function max5data(bytes: number): string {
  const k = 1024;
  const units: readonly [number, string][] = [[k ** 5, 'P'], [k ** 4, 'T'], [k ** 3, 'G'], [k ** 2, 'M']];
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * k) return `${String(Math.floor(bytes / k)).padStart(4)}k`;
  if (bytes < 100 * k ** 2) return tenths(bytes, k ** 2, 'M');
  if (bytes < 10000 * k ** 2) return `${String(Math.floor(bytes / k ** 2)).padStart(4)}M`;
  if (bytes < 100 * k ** 3) return tenths(bytes, k ** 3, 'G');
  const [unit, suffix] = bytes < 10000 * k ** 3 ? units[2]! : bytes < 10000 * k ** 4 ? units[1]! : units[0]!;
  return `${String(Math.floor(bytes / unit)).padStart(4)}${suffix}`;
}

function tenths(bytes: number, unit: number, suffix: string): string {
  return `${String(Math.floor(bytes / unit)).padStart(2)}.${Math.floor((bytes % unit) / Math.floor(unit / 10))}${suffix}`;
}
