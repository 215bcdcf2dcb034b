// The network clients a container image carries, run from inside a pod: busybox's `wget`
// (networking/wget.c: its stderr lines, progress bar and `bb_error_msg` texts) and `nslookup`
// (networking/nslookup.c, the musl-compatible one in busybox 1.3x), against the cluster DNS.

import type { ApiServer } from '../api/apiServer.ts';
import type { ProxyResult } from './kubeProxy.ts';
import { clusterDnsIP, lookupInCluster } from './dns.ts';

export interface Chunk {
  readonly stream: 'out' | 'err';
  readonly text: string;
}

export interface ToolRun {
  readonly output: readonly Chunk[];
  readonly exitCode: number;
  /** simulated time spent before the last output (a connect timeout) */
  readonly waitMs: number;
}

export type Send = (req: { host: string; port: number; path: string; userAgent: string }) => ProxyResult;

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
/** tcp_syn_retries=6: the kernel gives up on an unanswered SYN after about 130 s */
const SYN_GIVE_UP_MS = 129_031;

interface WgetOptions {
  quiet: boolean;
  spider: boolean;
  output?: string;
  timeoutSec?: number;
  userAgent: string;
  url?: string;
}

function parseWget(argv: readonly string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, spider: false, userAgent: 'Wget' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--spider') o.spider = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('--output-document=')) o.output = a.slice('--output-document='.length);
    else if (a.startsWith('--timeout=')) o.timeoutSec = Number(a.slice('--timeout='.length));
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      // getopt32 "cqSO:P:Y:U:T:+": flags bundle, and a valued flag takes the rest or the next word.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') o.quiet = true;
        else if (c === 'c' || c === 'S') continue;
        else if ('OPYUT'.includes(c)) {
          const value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
          if (value === undefined) return `wget: option requires an argument -- '${c}'`;
          if (c === 'O') o.output = value;
          if (c === 'T') o.timeoutSec = Number(value);
          if (c === 'U') o.userAgent = value;
          break;
        } else return `wget: unrecognized option: ${c}`;
      }
    } else if (a.startsWith('--')) return `wget: unrecognized option '${a}'`;
    else o.url = a;
  }
  return o;
}

/** libbb's progress bar, as printed once the whole body is in: name, 100%, 32 stars, size, ETA. */
function progressLine(name: string, size: number): string {
  const shown = size < 100_000 ? String(size) : `${Math.floor(size / 1024)}k`;
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${shown.padStart(5)}  0:00:00 ETA\n`;
}

export function wget(argv: readonly string[], send: Send): ToolRun {
  const output: Chunk[] = [];
  const err = (text: string): void => void output.push({ stream: 'err', text });
  const die = (text: string, waitMs = 0): ToolRun => {
    err(`wget: ${text}\n`);
    return { output, exitCode: 1, waitMs };
  };
  const o = parseWget(argv);
  if (typeof o === 'string') {
    err(`${o}\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n`);
    return { output, exitCode: 1, waitMs: 0 };
  }
  if (!o.url) return die('missing URL');
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]*)(?::(\d+))?([/?#].*)?$/i.exec(o.url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  if (!m || (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp')) return die(`not an http or ftp url: ${o.url}`);
  if (scheme !== 'http') return die(`${scheme} is not simulated in the lab (plain http only)`);
  const host = m[2]!;
  const port = m[3] ? Number(m[3]) : 80;
  const path = m[4] ?? '/';
  const result = send({ host, port, path, userAgent: o.userAgent });
  if (result.outcome === 'unresolved') return die(`bad address '${host}'`);
  if (!o.quiet) err(`Connecting to ${host} (${result.ip}:${port})\n`);
  if (result.outcome === 'refused') return die(`can't connect to remote host (${result.ip}): Connection refused`);
  if (result.outcome === 'timeout') {
    const limitMs = o.timeoutSec !== undefined && o.timeoutSec > 0 ? o.timeoutSec * 1000 : undefined;
    return limitMs !== undefined && limitMs < SYN_GIVE_UP_MS ? die('download timed out', limitMs) : die(`can't connect to remote host (${result.ip}): Connection timed out`, SYN_GIVE_UP_MS);
  }
  if (result.outcome === 'empty-reply') return die('error getting response');
  const { response } = result;
  if (response.status >= 400) return die(`server returned error: HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`);
  if (o.spider) {
    if (!o.quiet) err('remote file exists\n');
    return { output, exitCode: 0, waitMs: 0 };
  }
  const toStdout = o.output === '-';
  const file = o.output ?? (path.split('?')[0]!.split('/').pop() || 'index.html');
  if (!o.quiet) err(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  if (toStdout) output.push({ stream: 'out', text: response.body });
  if (!o.quiet) {
    err(progressLine(toStdout ? '-' : file, response.body.length));
    err(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return { output, exitCode: 0, waitMs: 0 };
}

/** busybox nslookup: the server it asked, then the answer (A records or a CNAME) or NXDOMAIN. */
export function nslookup(argv: readonly string[], api: ApiServer, namespace: string): ToolRun {
  const args = argv.filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    return { output: [{ stream: 'err', text: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n' }], exitCode: 1, waitMs: 0 };
  }
  const server = args[1] ?? clusterDnsIP(api);
  let text = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const answer = lookupInCluster(api, name, namespace);
  if (!answer) {
    // CoreDNS answers NXDOMAIN for the first name of the search path the resolver sent.
    const first = name.includes('.') && name.split('.').length > 5 ? name : `${name}.${namespace}.svc.cluster.local`;
    text += `** server can't find ${first.replace(/\.$/, '')}: NXDOMAIN\n\n`;
  } else if (answer.kind === 'CNAME') text += `${answer.fqdn}\tcanonical name = ${answer.target}\n\n`;
  else text += `${answer.addresses.map((ip) => `Name:\t${answer.fqdn}\nAddress: ${ip}\n`).join('')}\n`;
  return { output: [{ stream: 'out', text }], exitCode: 0, waitMs: 0 };
}
