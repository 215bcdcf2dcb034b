// What runs inside a container when something execs into it (`kubectl exec`, or a pod's own
// command): the binaries its image carries (busybox applets, Debian's coreutils, nginx's curl),
// a small `sh -c`, and the runtime's refusal for anything else (runc's "executable file not found").

import type { Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/apiServer.ts';
import type { CatalogueImage } from '../registry/image.ts';
import { runCurl } from '../shell/commands/curl.ts';
import type { ContainerRun } from './containerRun.ts';
import { resolvConf } from './dns.ts';
import type { ProxyRequest, ProxyResult } from './kubeProxy.ts';
import type { Chunk, Send, ToolRun } from './netTools.ts';
import { nslookup, wget } from './netTools.ts';
import type { PodRun } from './podStatus.ts';

export interface ExecTarget {
  readonly api: ApiServer;
  /** a request from this pod through kube-proxy */
  readonly send: Send;
  readonly namespace: string;
  readonly podName: string;
  readonly podIP: string;
  readonly image?: CatalogueImage;
  /** false for images without /bin/sh (scratch, distroless) */
  readonly hasShell: boolean;
  readonly env: readonly (readonly [string, string])[];
  readonly tty: boolean;
}

/** runc could not start the process at all (kubectl prints it and exits 126). */
export type ExecOutcome = ToolRun | { readonly notFound: string };

type Userland = 'busybox' | 'coreutils' | 'none';

interface Toolbox {
  readonly userland: Userland;
  readonly binaries: ReadonlySet<string>;
  readonly curlAgent?: string;
  readonly root: readonly string[];
}

const COMMON = ['sh', 'echo', 'cat', 'ls', 'env', 'printenv', 'hostname', 'sleep', 'true', 'false'];
const BUSYBOX_ROOT = ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
const ALPINE_ROOT = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
const DEBIAN_ROOT = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
const NGINX_EXTRA = ['docker-entrypoint.d', 'docker-entrypoint.sh'];
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Which binaries an image has: busybox and Alpine images carry busybox's wget and nslookup; nginx's images add curl. */
export function toolboxFor(image: CatalogueImage | undefined, hasShell: boolean): Toolbox {
  if (!hasShell) return { userland: 'none', binaries: new Set(), root: [] };
  const repo = image?.repository ?? '';
  const nginx = repo.endsWith('/nginx');
  if (repo === 'docker.io/library/busybox') return { userland: 'busybox', binaries: new Set([...COMMON, 'ash', 'wget', 'nslookup']), root: BUSYBOX_ROOT };
  if (repo === 'docker.io/library/alpine' || image?.tag.includes('alpine')) {
    const root = nginx ? [...ALPINE_ROOT, ...NGINX_EXTRA].sort() : ALPINE_ROOT;
    return { userland: 'busybox', binaries: new Set([...COMMON, 'ash', 'wget', 'nslookup', ...(nginx ? ['curl'] : [])]), root, ...(nginx ? { curlAgent: 'curl/8.11.1' } : {}) };
  }
  const root = nginx ? [...DEBIAN_ROOT, ...NGINX_EXTRA].sort() : DEBIAN_ROOT;
  return { userland: 'coreutils', binaries: new Set([...COMMON, 'bash', ...(nginx ? ['curl'] : [])]), root, ...(nginx ? { curlAgent: 'curl/7.88.1' } : {}) };
}

const ok = (text: string, exitCode = 0): ToolRun => ({ output: text ? [{ stream: 'out', text }] : [], exitCode, waitMs: 0 });
const fail = (text: string, exitCode: number): ToolRun => ({ output: [{ stream: 'err', text }], exitCode, waitMs: 0 });

/** Runs argv as the container runtime would exec it: the binary must exist in the image. */
export function execInContainer(t: ExecTarget, argv: readonly string[]): ExecOutcome {
  const box = toolboxFor(t.image, t.hasShell);
  const [cmd = '', ...args] = argv;
  const base = cmd.split('/').pop() ?? cmd;
  if (!box.binaries.has(base)) return { notFound: `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(cmd)}: executable file not found in $PATH: unknown` };
  if (base === 'sh' || base === 'bash' || base === 'ash') {
    if (args[0] === '-c' && args[1] !== undefined) return runShell(t, box, base, args[1]);
    return fail(`kubelab: an interactive shell inside a container is not simulated yet; run one command at a time: kubectl exec ${t.podName} -- COMMAND\n`, 0);
  }
  return runTool(t, box, base, args);
}

function runTool(t: ExecTarget, box: Toolbox, name: string, args: readonly string[]): ToolRun {
  switch (name) {
    case 'echo':
      return args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`);
    case 'hostname':
      return ok(`${t.podName}\n`);
    case 'env':
    case 'printenv':
      return ok(envLines(t).map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'true':
    case 'sleep':
      return ok('');
    case 'false':
      return ok('', 1);
    case 'cat':
      return cat(t, box, args);
    case 'ls':
      return ls(box, args);
    case 'wget':
      return wget(args, t.send);
    case 'nslookup':
      return nslookup(args, t.api, t.namespace);
    case 'curl': {
      const run = runCurl(args, t.send, box.curlAgent, t.tty);
      return { output: run.output, exitCode: run.status, waitMs: run.waitMs };
    }
    default:
      return ok('');
  }
}

function files(t: ExecTarget): Record<string, string> {
  return {
    '/etc/resolv.conf': resolvConf(t.api, t.namespace),
    '/etc/hostname': `${t.podName}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${t.podIP}\t${t.podName}\n`,
  };
}

function cat(t: ExecTarget, box: Toolbox, args: readonly string[]): ToolRun {
  const known = files(t);
  const output: Chunk[] = [];
  let exitCode = 0;
  for (const a of args) {
    const path = a.startsWith('/') ? a : `/${a}`;
    const text = known[path];
    if (text !== undefined) output.push({ stream: 'out', text });
    else {
      output.push({ stream: 'err', text: box.userland === 'busybox' ? `cat: can't open '${a}': No such file or directory\n` : `cat: ${a}: No such file or directory\n` });
      exitCode = 1;
    }
  }
  return { output, exitCode, waitMs: 0 };
}

function ls(box: Toolbox, args: readonly string[]): ToolRun {
  const dirs: Record<string, readonly string[]> = { '/': box.root, '/etc': ['hostname', 'hosts', 'resolv.conf'] };
  if (box.binaries.has('curl')) dirs['/usr/share/nginx/html'] = ['50x.html', 'index.html'];
  const targets = args.filter((a) => !a.startsWith('-'));
  const output: Chunk[] = [];
  let exitCode = 0;
  for (const a of targets.length ? targets : ['/']) {
    const entries = dirs[a.replace(/(.)\/$/, '$1')];
    if (entries) output.push({ stream: 'out', text: `${targets.length > 1 ? `${a}:\n` : ''}${entries.map((e) => `${e}\n`).join('')}` });
    else {
      output.push({ stream: 'err', text: box.userland === 'busybox' ? `ls: ${a}: No such file or directory\n` : `ls: cannot access '${a}': No such file or directory\n` });
      exitCode = box.userland === 'busybox' ? 1 : 2;
    }
  }
  return { output, exitCode, waitMs: 0 };
}

/** The process environment: the image's PATH, HOSTNAME, the container's env, service links (envvars.FromServices), HOME. */
export function envLines(t: ExecTarget): [string, string][] {
  const lines: [string, string][] = [['PATH', PATH], ['HOSTNAME', t.podName]];
  if (t.tty) lines.push(['TERM', 'xterm']);
  lines.push(...t.env.map(([k, v]): [string, string] => [k, v]));
  const services = (t.api.store.list('services', t.namespace) as unknown as Service[]).filter((s) => s.metadata?.name !== 'kubernetes');
  const master = t.api.store.list('services', 'default').find((s) => s.metadata.name === 'kubernetes') as unknown as Service | undefined;
  for (const svc of [...(master ? [master] : []), ...services]) lines.push(...serviceLinks(svc));
  lines.push(['HOME', '/root']);
  return lines;
}

function serviceLinks(svc: Service): [string, string][] {
  const ip = svc.spec?.clusterIP;
  const ports = svc.spec?.ports ?? [];
  if (!ip || ip === 'None' || !ports.length) return [];
  const name = svc.metadata!.name!.toUpperCase().replace(/-/g, '_');
  const out: [string, string][] = [[`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(ports[0]!.port)]];
  for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    const prefix = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
    if (i === 0) out.push([`${name}_PORT`, url]);
    out.push([prefix, url], [`${prefix}_PROTO`, proto], [`${prefix}_PORT`, String(p.port)], [`${prefix}_ADDR`, ip]);
  });
  return out;
}

/** `sh -c SCRIPT`: commands joined by `;`, `&&`, `||`, with $VAR from the environment and `exit N`. */
function runShell(t: ExecTarget, box: Toolbox, shell: string, script: string): ToolRun {
  const env = new Map(envLines(t));
  const output: Chunk[] = [];
  let status = 0;
  let waitMs = 0;
  let skip = false;
  for (const m of script.matchAll(/((?:"[^"]*"|'[^']*'|[^;&|])+)(;|&&|\|\||$)/g)) {
    const words = splitWords(m[1]!.trim(), env, status);
    const sep = m[2];
    if (words.length && !skip) {
      const [w0, ...rest] = words as [string, ...string[]];
      if (w0 === 'exit') return { output, exitCode: Number(rest[0] ?? status) || 0, waitMs };
      const run: ExecOutcome = box.binaries.has(w0.split('/').pop()!) && w0 !== 'sh' ? runTool(t, box, w0.split('/').pop()!, rest) : { notFound: w0 };
      if ('notFound' in run) {
        output.push({ stream: 'err', text: shell === 'bash' ? `bash: line 1: ${w0}: command not found\n` : box.userland === 'busybox' ? `sh: ${w0}: not found\n` : `sh: 1: ${w0}: not found\n` });
        status = 127;
      } else {
        output.push(...run.output);
        status = run.exitCode;
        waitMs += run.waitMs;
      }
    }
    skip = sep === '&&' ? status !== 0 || skip : sep === '||' ? status === 0 && !skip : false;
    if (sep === '') break;
  }
  return { output, exitCode: status, waitMs };
}

function splitWords(s: string, env: ReadonlyMap<string, string>, status: number): string[] {
  const expand = (w: string): string => w.replace(/\$(\?|\{?[A-Za-z_][A-Za-z0-9_]*\}?)/g, (_, n: string) => (n === '?' ? String(status) : (env.get(n.replace(/[{}]/g, '')) ?? '')));
  const out: string[] = [];
  for (const m of s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[2] ?? expand(m[1] ?? m[3] ?? ''));
  return out;
}

/** The exec target for one running container of a pod the kubelet runs. */
export function execTargetFor(api: ApiServer, request: (req: ProxyRequest) => ProxyResult, run: PodRun, c: ContainerRun, tty: boolean): ExecTarget {
  const namespace = run.pod.metadata.namespace ?? 'default';
  const spec = [...(run.pod.spec?.initContainers ?? []), ...(run.pod.spec?.containers ?? [])].find((x) => x.name === c.name);
  const env = (spec?.env ?? []).filter((e) => e.value !== undefined).map((e): [string, string] => [e.name, e.value!]);
  return {
    api,
    send: (req) => request({ client: { kind: 'pod', namespace, name: run.pod.metadata.name }, ...req }),
    namespace,
    podName: run.pod.metadata.name,
    podIP: run.podIP ?? '',
    ...(c.app ? { image: c.app } : {}),
    hasShell: c.behaviour?.process.hasShell ?? true,
    env,
    tty,
  };
}
