// Tab completion for the lab terminal, as bash-completion with kubectl's cobra completion
// offers it (kubectl/pkg/cmd/util/completion.go): command names first, then kubectl
// subcommands, resource types, object names from the cluster (honouring -n), and file paths.

import { resourceTypes, typeForName } from '../api/resources.ts';
import { KUBECTL_COMMANDS } from './kubectl/subcommands.ts';
import type { Shell } from './shell.ts';
import { HOME } from './vfs.ts';

export interface Completion {
  /** where in the line the word being completed starts */
  readonly start: number;
  /** candidate words, sorted; one candidate means the word can be completed outright */
  readonly candidates: readonly string[];
}

/** Subcommands whose first argument is a resource type (or `type/name`), then names. */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'expose', 'autoscale', 'patch', 'wait', 'taint']);
/** Subcommands whose arguments are pods (or `type/name` for logs). */
const POD_ARGS = new Set(['logs', 'exec', 'attach', 'port-forward']);
const NODE_ARGS = new Set(['cordon', 'uncordon', 'drain']);
const ROLLOUT_VERBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
const ROLLOUT_TYPES = ['daemonsets', 'deployments', 'statefulsets'];
const CREATE_KINDS = ['configmap', 'deployment', 'namespace', 'secret', 'service'];
const OUTPUTS = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];

/** Flags that take a value as the next word (so that word is not a positional argument). */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '-k', '--kustomize',
  '--image', '--replicas', '--port', '--target-port', '--type', '--name', '--sort-by', '--field-selector', '--tail',
  '--since', '--grace-period', '--timeout', '--context', '--cluster', '--user', '--kubeconfig', '--min', '--max',
  '--cpu-percent', '--env', '--labels', '--restart', '--overrides', '--template', '--for', '--to-revision', '--revision',
  '--protocol', '--external-ip', '--cluster-ip', '--from-literal', '--from-file', '--from-env-file', '--dry-run',
]);

const GLOBAL_FLAGS = ['--help', '--namespace'];
/** The flags most used with each subcommand; cobra would offer every flag, these are the ones the lab knows. */
const FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '--field-selector', '--output', '--selector', '--show-labels', '--sort-by', '--watch', '--no-headers'],
  describe: ['--all-namespaces', '--selector'],
  delete: ['--all', '--filename', '--force', '--grace-period', '--now', '--selector', '--wait'],
  apply: ['--dry-run', '--filename', '--output'],
  create: ['--dry-run', '--filename', '--output'],
  run: ['--command', '--dry-run', '--env', '--image', '--labels', '--output', '--port', '--restart'],
  expose: ['--name', '--port', '--protocol', '--target-port', '--type'],
  logs: ['--all-containers', '--container', '--follow', '--previous', '--since', '--tail', '--timestamps'],
  scale: ['--replicas'],
  autoscale: ['--cpu-percent', '--max', '--min'],
  label: ['--all', '--overwrite', '--selector'],
  annotate: ['--all', '--overwrite', '--selector'],
  drain: ['--delete-emptydir-data', '--force', '--ignore-daemonsets'],
  explain: ['--recursive'],
};

/** Completes the last word of `line` (the cursor is at its end). */
export function completeLine(shell: Shell, line: string): Completion {
  const start = line.search(/[^\s;|&]*$/);
  const word = line.slice(start);
  // Only the last simple command counts: `cat a | grep x` completes grep's arguments.
  const segment = line.slice(0, start).split(/;|&&|\|\||\|/).at(-1) ?? '';
  const words = segment.trim().split(/\s+/).filter(Boolean);
  return { start, candidates: [...new Set(candidatesFor(shell, words, word))].sort() };
}

function candidatesFor(shell: Shell, words: readonly string[], word: string): string[] {
  const [cmd, ...args] = words;
  if (cmd === undefined) return shell.commandNames().filter((c) => c.startsWith(word));
  if (cmd === 'kubectl' || cmd === 'microk8s.kubectl') return completeKubectl(shell, args, word);
  if (cmd === 'microk8s' && args[0] === 'kubectl') return completeKubectl(shell, args.slice(1), word);
  if (cmd === 'microk8s' && args.length === 0) return ['disable', 'enable', 'kubectl', 'status'].filter((c) => c.startsWith(word));
  return paths(shell, word, cmd === 'cd' || cmd === 'rmdir');
}

interface KubectlArgs {
  readonly positional: readonly string[];
  readonly namespace: string | undefined;
  readonly allNamespaces: boolean;
  /** the flag whose value is being typed, when the previous word is one */
  readonly valueOf: string | undefined;
}

function parseArgs(args: readonly string[]): KubectlArgs {
  const positional: string[] = [];
  let namespace: string | undefined;
  let allNamespaces = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-A' || a === '--all-namespaces') allNamespaces = true;
    const eq = /^(--namespace=|-n=?)(.+)$/.exec(a);
    if (eq) namespace = eq[2];
    else if (VALUE_FLAGS.has(a)) {
      if (i === args.length - 1) return { positional, namespace, allNamespaces, valueOf: a };
      if (a === '-n' || a === '--namespace') namespace = args[i + 1];
      i++;
    } else if (!a.startsWith('-')) positional.push(a);
  }
  return { positional, namespace, allNamespaces, valueOf: undefined };
}

function completeKubectl(shell: Shell, args: readonly string[], word: string): string[] {
  const parsed = parseArgs(args);
  const { positional, valueOf } = parsed;
  const sub = positional[0];
  const match = (pool: readonly string[]): string[] => pool.filter((c) => c.startsWith(word));
  if (valueOf === '-f' || valueOf === '--filename' || valueOf === '-k' || valueOf === '--kustomize') return paths(shell, word, false);
  if (valueOf === '-n' || valueOf === '--namespace') return match(names(shell, 'namespaces', undefined));
  if (valueOf === '-o' || valueOf === '--output') return match(OUTPUTS);
  if (valueOf !== undefined) return [];
  if (word.startsWith('--namespace=')) return names(shell, 'namespaces', undefined).map((n) => `--namespace=${n}`).filter((c) => c.startsWith(word));
  if (word.startsWith('-')) return match([...GLOBAL_FLAGS, ...(sub ? (FLAGS[sub] ?? []) : [])]);
  if (sub === undefined) return match(KUBECTL_COMMANDS);
  const rest = positional.slice(1);
  if (TYPE_THEN_NAMES.has(sub)) return typeThenNames(shell, parsed, rest, word, sub === 'get' ? ['all'] : []);
  if (sub === 'explain') return rest.length === 0 ? resourceTypeNames(word, []) : [];
  if (sub === 'rollout') {
    if (rest.length === 0) return match(ROLLOUT_VERBS);
    return typeThenNames(shell, parsed, rest.slice(1), word, [], ROLLOUT_TYPES);
  }
  if (sub === 'top') {
    if (rest.length === 0) return match(['node', 'pod']);
    const t = typeForName(rest[0]!);
    return rest.length === 1 && t ? match(objectNames(shell, t.resource, parsed)) : [];
  }
  if (sub === 'set') return rest.length === 0 ? match(['image']) : typeThenNames(shell, parsed, rest.slice(1), word, []);
  if (sub === 'create') return rest.length === 0 ? match(CREATE_KINDS) : [];
  if (POD_ARGS.has(sub)) {
    if (rest.length > 0 || args.includes('--')) return [];
    if (sub === 'logs' && word.includes('/')) return typeSlashName(shell, parsed, word);
    return match(objectNames(shell, 'pods', parsed));
  }
  if (NODE_ARGS.has(sub)) return match(names(shell, 'nodes', undefined).filter((n) => !rest.includes(n)));
  return [];
}

/** `get <TAB>` offers types; `get pods <TAB>` offers pod names; `get pod/<TAB>` offers `pod/<name>`. */
function typeThenNames(shell: Shell, parsed: KubectlArgs, rest: readonly string[], word: string, extra: readonly string[], only?: readonly string[]): string[] {
  if (rest.length === 0) {
    if (word.includes('/')) return typeSlashName(shell, parsed, word);
    return only ? only.filter((c) => c.startsWith(word)) : resourceTypeNames(word, extra);
  }
  const first = rest[0]!;
  if (first.includes('/')) return typeSlashName(shell, parsed, word);
  const t = typeForName(first.split(',')[0]!);
  if (!t) return [];
  return objectNames(shell, t.resource, parsed).filter((n) => n.startsWith(word) && !rest.slice(1).includes(n));
}

function typeSlashName(shell: Shell, parsed: KubectlArgs, word: string): string[] {
  const slash = word.indexOf('/');
  if (slash < 0) return [];
  const typed = word.slice(0, slash);
  const t = typeForName(typed);
  if (!t) return [];
  return objectNames(shell, t.resource, parsed)
    .map((n) => `${typed}/${n}`)
    .filter((c) => c.startsWith(word));
}

/**
 * Plural resource names, plus short names the plural cannot reach: `po` completes to `pods`,
 * while `sv` offers `services` and `hp` offers `hpa`.
 */
function resourceTypeNames(word: string, extra: readonly string[]): string[] {
  const out = extra.filter((c) => c.startsWith(word));
  for (const t of resourceTypes) {
    if (t.resource.startsWith(word)) out.push(t.resource);
    else {
      for (const s of [...t.shortNames, t.singular]) if (s.startsWith(word)) out.push(s);
    }
  }
  return out;
}

function objectNames(shell: Shell, resource: string, parsed: KubectlArgs): string[] {
  const t = typeForName(resource);
  if (!t) return [];
  if (!t.namespaced) return names(shell, t.resource, undefined);
  return names(shell, t.resource, parsed.allNamespaces ? undefined : (parsed.namespace ?? 'default'));
}

function names(shell: Shell, resource: string, namespace: string | undefined): string[] {
  return shell.cluster.api.store.list(resource, namespace).map((o) => o.metadata.name);
}

/** File and directory names relative to the working directory; directories end in `/`. */
function paths(shell: Shell, word: string, dirsOnly: boolean): string[] {
  const cut = word.lastIndexOf('/') + 1;
  const dirPart = word.slice(0, cut);
  const base = word.slice(cut);
  const expanded = dirPart === '~/' || dirPart.startsWith('~/') ? HOME + dirPart.slice(1) : dirPart;
  const dir = shell.vfs.normalize(expanded || '.', shell.env.cwd);
  if (!shell.vfs.isDir(dir)) return word === '~' ? ['~/'] : [];
  return shell.vfs
    .list(dir)
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')) && (!dirsOnly || e.dir))
    .map((e) => `${dirPart}${e.name}${e.dir ? '/' : ''}`);
}
