// `ls` over the virtual FS, as GNU coreutils 9 prints it: operands sorted files-first then
// directories under `name:` headers, columns filled top to bottom with ls.c's
// calculate_columns and tab-stop indent() on a terminal, one name per line otherwise, and
// the long format with `total` in 1 KiB blocks (every non-empty file takes a 4 KiB block).

import type { CommandContext, CommandFn } from '../process.ts';
import type { Shell } from '../shell.ts';
import { byteLength, has, parseOrFail, quoteaf, resolve } from './args.ts';
import { strftime, wallAt } from './timefmt.ts';
import { modifiedAt } from './fileTimes.ts';

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly dir: boolean;
}

interface Options {
  readonly format: 'long' | 'one' | 'columns';
  readonly all: boolean;
  readonly almostAll: boolean;
  readonly human: boolean;
  readonly reverse: boolean;
  readonly classify: '' | 'F' | 'p';
}

const SPEC = {
  short: 'aAlh1dFprC',
  long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd', classify: 'F', reverse: 'r' },
};

/** Is this output a terminal? The interpreter marks pipes and redirections with `isTTY: false`. */
export function isTerminal(ctx: CommandContext): boolean {
  return !('isTTY' in ctx.io && ctx.io.isTTY === false);
}

export function lsCommand(shell: Shell): CommandFn {
  return (ctx) => {
    const p = parseOrFail(ctx, 'ls', SPEC, 2);
    if (typeof p === 'number') return p;
    let format: Options['format'] = isTerminal(ctx) ? 'columns' : 'one';
    let classify: Options['classify'] = '';
    for (const o of p.opts) {
      if (o.name === 'l') format = 'long';
      else if (o.name === '1') format = 'one';
      else if (o.name === 'C') format = 'columns';
      else if (o.name === 'F' || o.name === 'p') classify = o.name;
    }
    const opts: Options = { format, all: has(p, 'a'), almostAll: has(p, 'A'), human: has(p, 'h'), reverse: has(p, 'r'), classify };
    const asFiles = has(p, 'd');
    const operands = p.operands.length > 0 ? p.operands : ['.'];
    let status = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const op of operands) {
      const path = resolve(ctx, op);
      if (ctx.vfs.isDir(path)) (asFiles ? files : dirs).push({ name: op, path, dir: true });
      else if (ctx.vfs.isFile(path)) files.push({ name: op, path, dir: false });
      else {
        ctx.io.err(`ls: cannot access ${quoteaf(op)}: No such file or directory\n`);
        status = 2;
      }
    }
    const blocks: string[] = [];
    if (files.length > 0) blocks.push(render(shell, ctx, sortEntries(files, opts), opts, false));
    for (const d of sortEntries(dirs, opts)) {
      const header = operands.length > 1 ? `${d.name}:\n` : '';
      blocks.push(header + render(shell, ctx, dirEntries(ctx, d.path, opts), opts, true));
    }
    ctx.io.out(blocks.join('\n'));
    return status;
  };
}

function sortEntries(entries: Entry[], opts: Options): Entry[] {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return opts.reverse ? sorted.reverse() : sorted;
}

function dirEntries(ctx: CommandContext, path: string, opts: Options): Entry[] {
  const child = (name: string): string => (path === '/' ? `/${name}` : `${path}/${name}`);
  const entries: Entry[] = ctx.vfs
    .list(path)
    .filter((e) => opts.all || opts.almostAll || !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, path: child(e.name), dir: e.dir }));
  if (opts.all) entries.push({ name: '.', path, dir: true }, { name: '..', path: path.slice(0, path.lastIndexOf('/')) || '/', dir: true });
  return sortEntries(entries, opts);
}

function render(shell: Shell, ctx: CommandContext, entries: Entry[], opts: Options, isDirListing: boolean): string {
  const names = entries.map((e) => e.name + (e.dir && opts.classify !== '' ? '/' : ''));
  if (opts.format === 'long') return longFormat(shell, ctx, entries, names, opts, isDirListing);
  if (names.length === 0) return '';
  if (opts.format === 'one') return names.map((n) => `${n}\n`).join('');
  const width = Number(ctx.env.vars.get('COLUMNS') ?? '') || 80;
  return columns(names, width);
}

function sizeOf(ctx: CommandContext, e: Entry): number {
  return e.dir ? 4096 : byteLength(ctx.vfs.read(e.path) ?? '');
}

/** human_readable with ls -h's options: powers of 1024, rounded up, one decimal below 10. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const tenths = Math.ceil(v * 10);
    return tenths >= 100 ? `10${units[u]!}` : `${(tenths / 10).toFixed(1)}${units[u]!}`;
  }
  return `${Math.ceil(v)}${units[u]!}`;
}

function longFormat(shell: Shell, ctx: CommandContext, entries: Entry[], names: string[], opts: Options, isDirListing: boolean): string {
  const rows = entries.map((e) => {
    const size = sizeOf(ctx, e);
    const subdirs = e.dir ? ctx.vfs.list(e.path).filter((c) => c.dir).length : 0;
    const t = modifiedAt(shell, e.path);
    return {
      mode: e.dir ? 'drwxr-xr-x' : '-rw-r--r--',
      links: String(e.dir ? 2 + subdirs : 1),
      size: opts.human ? humanSize(size) : String(size),
      blocks: e.dir || size > 0 ? Math.ceil(size / 4096) * 4 : 0,
      date: strftime('%b %e %H:%M', wallAt(t), t),
    };
  });
  const lw = Math.max(0, ...rows.map((r) => r.links.length));
  const sw = Math.max(0, ...rows.map((r) => r.size.length));
  const total = rows.reduce((n, r) => n + r.blocks, 0);
  const head = isDirListing ? `total ${opts.human ? humanSize(total * 1024) : total}\n` : '';
  return head + rows.map((r, i) => `${r.mode} ${r.links.padStart(lw)} learner learner ${r.size.padStart(sw)} ${r.date} ${names[i]!}\n`).join('');
}

/** ls.c calculate_columns (vertical) and print_many_per_line, with 8-column tab stops. */
export function columns(names: readonly string[], lineLength: number): string {
  const MIN = 3;
  const n = names.length;
  const maxCols = Math.max(1, Math.min(n, Math.floor(lineLength / MIN)));
  const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: (i + 1) * MIN, widths: Array<number>(i + 1).fill(MIN) }));
  names.forEach((name, fileNo) => {
    const len = [...name].length;
    for (let i = 0; i < maxCols; i++) {
      const c = info[i]!;
      if (!c.valid) continue;
      const idx = Math.floor(fileNo / Math.floor((n + i) / (i + 1)));
      const real = len + (idx === i ? 0 : 2);
      if (c.widths[idx]! < real) {
        c.lineLen += real - c.widths[idx]!;
        c.widths[idx] = real;
        c.valid = c.lineLen < lineLength;
      }
    }
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]!.valid) cols--;
  const widths = info[cols - 1]!.widths;
  const rows = Math.floor(n / cols) + (n % cols !== 0 ? 1 : 0);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let pos = 0;
    for (let col = 0, fileNo = row; ; col++) {
      const name = names[fileNo]!;
      out += name;
      const maxLen = widths[col]!;
      fileNo += rows;
      if (fileNo >= n) break;
      out += indent(pos + [...name].length, pos + maxLen);
      pos += maxLen;
    }
    out += '\n';
  }
  return out;
}

function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}
