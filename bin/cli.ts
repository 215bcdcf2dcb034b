// The kubelab command line: `kubelab run FILE` prints a transcript of a script run against
// a fresh simulated cluster; `kubelab` alone is an interactive shell on one.
//   kubelab run FILE [--seed N] [--preset kind|microk8s] [--nodes N]

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Shell, createCluster } from '../src/engine/index.ts';
import type { PresetName } from '../src/engine/index.ts';

const USAGE = `Usage:
  kubelab run FILE [--seed N] [--preset kind|microk8s] [--nodes N]   run a script, print its transcript
  kubelab [--seed N] [--preset kind|microk8s] [--nodes N]            interactive shell on a simulated cluster
`;

interface Options {
  seed: number;
  preset: PresetName;
  nodes?: number;
  file?: string;
  command?: 'run';
}

function parse(argv: string[]): Options | string {
  const o: Options = { seed: 1, preset: 'kind' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v)) return 'kubelab: --seed needs an integer';
      o.seed = v;
    } else if (flag === '--preset') {
      const v = value();
      if (v !== 'kind' && v !== 'microk8s') return `kubelab: unknown preset "${v ?? ''}" (kind or microk8s)`;
      o.preset = v;
    } else if (flag === '--nodes') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) return 'kubelab: --nodes needs a positive integer';
      o.nodes = v;
    } else if (a === '-h' || a === '--help') {
      return '';
    } else if (a === 'run' && !o.command) {
      o.command = 'run';
    } else if (o.command === 'run' && !o.file && !a.startsWith('-')) {
      o.file = a;
    } else {
      return `kubelab: unknown argument "${a}"`;
    }
  }
  if (o.command === 'run' && !o.file) return 'kubelab run: which script? (kubelab run FILE)';
  return o;
}

const opts = parse(process.argv.slice(2));
if (typeof opts === 'string') {
  if (opts) process.stderr.write(`${opts}\n`);
  process.stderr.write(USAGE);
  process.exit(opts ? 2 : 0);
}
const cluster = createCluster({ seed: opts.seed, preset: opts.preset, ...(opts.nodes ? { nodes: opts.nodes } : {}) });
const shell = new Shell(cluster);

if (opts.command === 'run') {
  let script: string;
  try {
    script = readFileSync(opts.file!, 'utf8');
  } catch (e) {
    process.stderr.write(`kubelab: cannot read ${opts.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    process.exit(2);
  }
  let out = '';
  shell.transcript(script, (t) => void (out += t));
  process.stdout.write(out);
  process.exit(0);
} else {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'learner@kubelab:~$ ' });
  // At a keyboard, the cluster lives in real time between commands (as the page's does);
  // piped input runs as a script, with time passing only when a command waits.
  let last = performance.now();
  const catchUp = (): void => {
    const now = performance.now();
    if (process.stdin.isTTY) cluster.advance(Math.min(Math.floor(now - last), 600_000));
    last = now;
  };
  rl.prompt();
  let buffer = '';
  rl.on('line', (line) => {
    buffer += line;
    if (/<<-?\s*['"]?(\w+)['"]?/.test(buffer) && !buffer.split('\n').slice(1).some((l) => l.trim() === /<<-?\s*['"]?(\w+)['"]?/.exec(buffer)![1])) {
      buffer += '\n';
      return;
    }
    const text = buffer;
    buffer = '';
    catchUp();
    // A command that waits (sleep, --watch, delete) advances simulated time at once.
    shell.run(text, { write: (s, t) => (s === 'stderr' ? process.stderr : process.stdout).write(t) }, 'script');
    last = performance.now();
    rl.prompt();
  });
  rl.on('close', () => process.exit(0));
}
