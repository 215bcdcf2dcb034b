// What a container does once started, in simulated time: the process the image's entrypoint
// (or the pod's command/args) would run. The lab understands the shell idioms manifests use
// (`sleep 3600`, `echo hi; sleep 10`, `while true; do …; done`, `exit 1`) and image defaults
// (a server runs until stopped; busybox's `sh` with no command exits at once).

export interface ImageDefaults {
  /** lines the image's default process prints when it starts */
  readonly startLogs: readonly string[];
  /** when set, the default process exits on its own after this long */
  readonly exitAfterMs?: number;
  readonly exitCode?: number;
  /** lines printed just before exiting */
  readonly exitLogs?: readonly string[];
  /** whether the default process stops promptly on SIGTERM (else it lasts until SIGKILL) */
  readonly handlesSigterm: boolean;
  /** images with a shell can run `sh -c`, `sleep`, `echo` commands */
  readonly hasShell: boolean;
}

export interface Program {
  readonly logs: readonly string[];
  /** undefined: runs until stopped */
  readonly exitAfterMs?: number;
  readonly exitCode: number;
  readonly exitLogs: readonly string[];
  readonly handlesSigterm: boolean;
  /** set when the command cannot start (binary not found) */
  readonly startError?: string;
}

/** Runs a command inside the container as the runtime would (node/containerExec.ts): output chunks, exit code, time taken. */
export type ContainerExec = (argv: readonly string[]) => { readonly output: readonly { readonly text: string }[]; readonly exitCode: number; readonly waitMs: number } | { readonly notFound: string };

/** Commands whose output depends on the cluster (DNS, Services, the pod's own files): the runtime runs them for real. */
const CLUSTER_TOOLS = new Set(['wget', 'nslookup', 'curl', 'env', 'printenv', 'hostname', 'cat', 'ls']);

export function programFor(image: ImageDefaults, command: readonly string[] | undefined, args: readonly string[] | undefined, exec?: ContainerExec): Program {
  // No command: the image's entrypoint runs (args only matter to images with a shell).
  if ((!command || command.length === 0) && (!args || args.length === 0 || !image.hasShell)) {
    return {
      logs: image.startLogs,
      ...(image.exitAfterMs !== undefined ? { exitAfterMs: image.exitAfterMs } : {}),
      exitCode: image.exitCode ?? 0,
      exitLogs: image.exitLogs ?? [],
      handlesSigterm: image.handlesSigterm,
    };
  }
  const argv = [...(command ?? []), ...(args ?? [])];
  return (exec && viaRuntime(argv, exec)) || interpret(argv, image);
}

/** A one-off such as `wget -qO- http://svc`: its output is the container's log, its status the exit code. */
function viaRuntime(argv: readonly string[], exec: ContainerExec): Program | undefined {
  const base = (w: string | undefined): string => (w ?? '').split('/').pop() ?? '';
  const shell = ['sh', 'bash', 'ash'].includes(base(argv[0])) && argv[1] === '-c';
  const first = shell ? base(splitWords(argv[2] ?? '')[0]) : base(argv[0]);
  if (!CLUSTER_TOOLS.has(first)) return undefined;
  const run = exec(argv);
  if ('notFound' in run) return undefined;
  const text = run.output.map((c) => c.text).join('');
  const logs = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  return { logs, exitAfterMs: run.waitMs, exitCode: run.exitCode, exitLogs: [], handlesSigterm: true };
}

function interpret(argv: readonly string[], image: ImageDefaults): Program {
  const [cmd, ...rest] = argv;
  const base = (cmd ?? '').split('/').pop() ?? '';
  if ((base === 'sh' || base === 'bash' || base === 'ash') && rest[0] === '-c') return runScript(rest.slice(1).join(' '));
  if (base === 'sh' || base === 'bash' || base === 'ash') return { logs: [], exitAfterMs: 0, exitCode: 0, exitLogs: [], handlesSigterm: true };
  if (!image.hasShell && !['sleep', 'echo', 'true', 'false'].includes(base)) {
    return { ...runScript(argv.join(' ')), handlesSigterm: image.handlesSigterm };
  }
  return runScript(argv.map(quoteIfNeeded).join(' '));
}

const quoteIfNeeded = (w: string): string => (/[\s;&|]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w);

/** A tiny model of `sh -c`: sequences of echo / sleep / exit, and infinite loops. */
function runScript(script: string): Program {
  const logs: string[] = [];
  let elapsed = 0;
  if (/\bwhile\s+(true|:)\b/.test(script) || /\btail\s+-f\b/.test(script)) {
    const echoes = [...script.matchAll(/echo\s+("([^"]*)"|'([^']*)'|([^;&|]+))/g)].map((m) => (m[2] ?? m[3] ?? m[4] ?? '').trim());
    return { logs: echoes.slice(0, 1), exitCode: 0, exitLogs: [], handlesSigterm: false };
  }
  for (const part of script.split(/;|&&|\n/).map((s) => s.trim()).filter(Boolean)) {
    const words = splitWords(part);
    const [w0, ...ws] = words;
    switch (w0) {
      case 'echo':
        logs.push(ws.filter((w) => w !== '-n' && w !== '-e').join(' '));
        break;
      case 'sleep': {
        const s = parseSleep(ws[0]);
        if (s === Infinity) return { logs, exitCode: 0, exitLogs: [], handlesSigterm: false };
        elapsed += s * 1000;
        break;
      }
      case 'exit':
        return { logs, exitAfterMs: elapsed, exitCode: Number(ws[0] ?? 0) || 0, exitLogs: [], handlesSigterm: false };
      case 'true':
      case 'date':
      case 'hostname':
        break;
      case 'false':
        return { logs, exitAfterMs: elapsed, exitCode: 1, exitLogs: [], handlesSigterm: false };
      default:
        if (w0 === undefined) break;
        logs.push(`sh: ${w0}: not found`);
        return { logs, exitAfterMs: elapsed, exitCode: 127, exitLogs: [], handlesSigterm: false };
    }
  }
  // `sleep` as PID 1 ignores SIGTERM (no handler), so the pod waits out its grace period.
  return { logs, exitAfterMs: elapsed, exitCode: 0, exitLogs: [], handlesSigterm: false };
}

function parseSleep(v: string | undefined): number {
  if (!v || v === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]);
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] ?? 1);
}

function splitWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}
