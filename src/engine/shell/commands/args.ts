// What the lab's coreutils share: GNU getopt_long's command-line rules (option clusters
// `-rf`, values attached or separate `-n5`/`-n 5`, `--lines=5`, unambiguous long prefixes,
// options after operands, `--`) with glibc's messages, and file access on the virtual FS
// with the errno texts coreutils prints.

import type { CommandContext } from '../process.ts';

export interface OptSpec {
  /** getopt's optstring: a letter per option, `:` after one that takes a value, `::` an optional one */
  readonly short: string;
  /** long option → the letter (or name) it stands for; a trailing `=` when it takes a value, `=?` when optional */
  readonly long?: Readonly<Record<string, string>>;
  /** stop at the first operand, as POSIXLY_CORRECT getopt does (`env`, `sudo`) */
  readonly stopAtOperand?: boolean;
}

export interface ParsedArgs {
  /** options in the order given: later ones win, as in coreutils' option loops */
  readonly opts: readonly { readonly name: string; readonly value: string }[];
  readonly operands: readonly string[];
}

export const has = (p: ParsedArgs, name: string): boolean => p.opts.some((o) => o.name === name);
export const last = (p: ParsedArgs, name: string): string | undefined => p.opts.findLast((o) => o.name === name)?.value;

/** Parses argv (without the command name); returns the getopt message on error. */
export function getopt(args: readonly string[], spec: OptSpec): ParsedArgs | { readonly error: string } {
  const opts: { name: string; value: string }[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const r = longOption(a.slice(2), spec, () => args[++i]);
      if ('error' in r) return r;
      opts.push(r);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const at = spec.short.indexOf(c);
        if (at === -1 || c === ':') return { error: `invalid option -- '${c}'` };
        if (spec.short[at + 1] !== ':') {
          opts.push({ name: c, value: '' });
          continue;
        }
        if (spec.short[at + 2] === ':') {
          opts.push({ name: c, value: a.slice(j + 1) });
          break;
        }
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return { error: `option requires an argument -- '${c}'` };
        opts.push({ name: c, value });
        break;
      }
    } else {
      operands.push(a);
      if (spec.stopAtOperand) {
        operands.push(...args.slice(i + 1));
        break;
      }
    }
  }
  return { opts, operands };
}

function longOption(text: string, spec: OptSpec, next: () => string | undefined): { name: string; value: string } | { error: string } {
  const eq = text.indexOf('=');
  const name = eq === -1 ? text : text.slice(0, eq);
  const longs = Object.keys(spec.long ?? {}).map((k) => ({ key: k.replace(/=\??$/, ''), takes: k.endsWith('='), optional: k.endsWith('=?'), target: spec.long![k]! }));
  const exact = longs.find((l) => l.key === name);
  const prefixed = exact ? [exact] : longs.filter((l) => l.key.startsWith(name));
  if (prefixed.length === 0) return { error: `unrecognized option '--${text}'` };
  if (prefixed.length > 1 && new Set(prefixed.map((l) => l.target)).size > 1) {
    return { error: `option '--${name}' is ambiguous; possibilities:${prefixed.map((l) => ` '--${l.key}'`).join('')}` };
  }
  const opt = prefixed[0]!;
  if (opt.optional) return { name: opt.target, value: eq === -1 ? '' : text.slice(eq + 1) };
  if (!opt.takes) {
    if (eq !== -1) return { error: `option '--${opt.key}' doesn't allow an argument` };
    return { name: opt.target, value: '' };
  }
  const value = eq !== -1 ? text.slice(eq + 1) : next();
  if (value === undefined) return { error: `option '--${opt.key}' requires an argument` };
  return { name: opt.target, value };
}

/** getopt's message plus coreutils' hint; returns the command's usage-error status. */
export function usage(ctx: CommandContext, cmd: string, error: string, status = 1): number {
  ctx.io.err(`${cmd}: ${error}\nTry '${cmd} --help' for more information.\n`);
  return status;
}

/** Parses, or prints the usage error and returns its status. */
export function parseOrFail(ctx: CommandContext, cmd: string, spec: OptSpec, status = 1): ParsedArgs | number {
  const p = getopt(ctx.argv.slice(1), spec);
  return 'error' in p ? usage(ctx, cmd, p.error, status) : p;
}

/**
 * Where the lab says plainly what it does not simulate (no Docker engine, no network): one
 * line on stderr, prefixed so a learner never mistakes it for the real tool's output.
 */
export function labNote(ctx: CommandContext, text: string): void {
  ctx.io.err(`kubelab: ${text}\n`);
}

/** gnulib quote(): ‘x’ in the lab's UTF-8 locale (mkdir, sleep, seq, head's number errors). */
export const quote = (s: string): string => `‘${s}’`;

/** gnulib quoteaf(): shell-escaped, always quoted ('x'), as ls, rm, touch and head name files. */
export const quoteaf = (s: string): string => (s.includes("'") ? `"${s}"` : `'${s}'`);

/** A path as the command sees it, resolved against the working directory. */
export const resolve = (ctx: CommandContext, path: string): string => ctx.vfs.normalize(path, ctx.env.cwd);

export type ReadResult = { readonly text: string } | { readonly error: 'No such file or directory' | 'Is a directory' | 'Not a directory' };

/** Reads a file operand (`-` is stdin) with the errno text a failed open or read gives. */
export function readInput(ctx: CommandContext, operand: string): ReadResult {
  if (operand === '-') return { text: ctx.io.stdin };
  const path = resolve(ctx, operand);
  const text = ctx.vfs.read(path);
  if (text !== undefined) return { text };
  if (ctx.vfs.isDir(path)) return { error: 'Is a directory' };
  return { error: parentIsFile(ctx, path) ? 'Not a directory' : 'No such file or directory' };
}

/** True when some ancestor of `path` is a regular file (open gives ENOTDIR). */
export function parentIsFile(ctx: CommandContext, path: string): boolean {
  for (let dir = parentOf(path); dir !== '/'; dir = parentOf(dir)) if (ctx.vfs.isFile(dir)) return true;
  return false;
}

export const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';

/** Splits text into lines the way line-oriented tools see them: the last newline ends a line. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** UTF-8 byte length, what `wc -c` and `ls -l` count. */
export function byteLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
