// File commands over the virtual FS: coreutils' cat, rm, mkdir, touch and pwd, and bash's
// cd builtin, with their exact messages (quoteaf for rm and touch, quote for mkdir, bash's
// `bash: cd: x: No such file or directory`) and exit statuses.

import type { CommandContext, CommandFn } from '../process.ts';
import type { Shell } from '../shell.ts';
import type { VirtualFS } from '../vfs.ts';
import { has, parentIsFile, parentOf, parseOrFail, quote, quoteaf, readInput, resolve, usage } from './args.ts';
import { stamp } from './fileTimes.ts';

export function fileCommands(shell: Shell): Record<string, CommandFn> {
  return {
    cat,
    rm,
    mkdir,
    touch: (ctx) => touch(shell, ctx),
    cd,
    pwd: (ctx) => {
      ctx.io.out(`${ctx.env.cwd}\n`);
      return 0;
    },
  };
}

function cat(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'cat', { short: 'nbEsuA', long: { number: 'n', 'number-nonblank': 'b', 'show-ends': 'E', 'squeeze-blank': 's', 'show-all': 'A' } });
  if (typeof p === 'number') return p;
  const number = has(p, 'n') || has(p, 'b');
  const nonBlank = has(p, 'b');
  const ends = has(p, 'E') || has(p, 'A');
  const squeeze = has(p, 's');
  let status = 0;
  let lineNo = 0;
  let prevBlank = false;
  for (const op of p.operands.length > 0 ? p.operands : ['-']) {
    const r = readInput(ctx, op);
    if ('error' in r) {
      ctx.io.err(`cat: ${op}: ${r.error}\n`);
      status = 1;
      continue;
    }
    if (!number && !ends && !squeeze) {
      ctx.io.out(r.text);
      continue;
    }
    let out = '';
    const parts = r.text.split('\n');
    for (const [i, line] of parts.entries()) {
      const isLast = i === parts.length - 1;
      if (isLast && line === '') break;
      const blank = line === '';
      if (squeeze && blank && prevBlank) continue;
      prevBlank = blank;
      const numbered = number && !(nonBlank && blank) ? `${String(++lineNo).padStart(6)}\t` : '';
      out += numbered + line + (isLast ? '' : `${ends ? '$' : ''}\n`);
    }
    ctx.io.out(out);
  }
  return status;
}

/** Removes an (emptied) directory entry. */
function removeDirEntry(vfs: VirtualFS, path: string): void {
  vfs.rmdir(path);
}

function rm(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'rm', { short: 'frRiIdv', long: { force: 'f', recursive: 'r', verbose: 'v', dir: 'd' } });
  if (typeof p === 'number') return p;
  const force = p.opts.reduce((f, o) => (o.name === 'f' ? true : o.name === 'i' || o.name === 'I' ? false : f), false);
  const recursive = has(p, 'r') || has(p, 'R');
  const verbose = has(p, 'v');
  if (p.operands.length === 0) return force ? 0 : usage(ctx, 'rm', 'missing operand');
  let status = 0;
  for (const op of p.operands) {
    const path = resolve(ctx, op);
    if (ctx.vfs.isFile(path)) {
      ctx.vfs.remove(path);
      if (verbose) ctx.io.out(`removed ${quoteaf(op)}\n`);
    } else if (ctx.vfs.isDir(path)) {
      if (!recursive && !has(p, 'd')) {
        ctx.io.err(`rm: cannot remove ${quoteaf(op)}: Is a directory\n`);
        status = 1;
      } else if (path === '/') {
        ctx.io.err(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
        status = 1;
      } else removeTree(ctx, path, op, verbose);
    } else if (!force) {
      ctx.io.err(`rm: cannot remove ${quoteaf(op)}: ${parentIsFile(ctx, path) ? 'Not a directory' : 'No such file or directory'}\n`);
      status = 1;
    }
  }
  return status;
}

function removeTree(ctx: CommandContext, path: string, shown: string, verbose: boolean): void {
  for (const e of ctx.vfs.list(path)) {
    const child = path === '/' ? `/${e.name}` : `${path}/${e.name}`;
    const childShown = shown.endsWith('/') ? `${shown}${e.name}` : `${shown}/${e.name}`;
    if (e.dir) removeTree(ctx, child, childShown, verbose);
    else {
      ctx.vfs.remove(child);
      if (verbose) ctx.io.out(`removed ${quoteaf(childShown)}\n`);
    }
  }
  removeDirEntry(ctx.vfs, path);
  if (verbose) ctx.io.out(`removed directory ${quoteaf(shown)}\n`);
}

function mkdir(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'mkdir', { short: 'pvm:', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return usage(ctx, 'mkdir', 'missing operand');
  const parents = has(p, 'p');
  let status = 0;
  for (const op of p.operands) {
    const path = resolve(ctx, op);
    const fail = (why: string): void => {
      ctx.io.err(`mkdir: cannot create directory ${quote(op)}: ${why}\n`);
      status = 1;
    };
    if (ctx.vfs.isFile(path) || (ctx.vfs.isDir(path) && !parents)) fail('File exists');
    else if (parentIsFile(ctx, path)) fail('Not a directory');
    else if (!parents && !ctx.vfs.isDir(parentOf(path))) fail('No such file or directory');
    else {
      const created: string[] = [];
      for (let d = path; !ctx.vfs.isDir(d); d = parentOf(d)) created.unshift(d);
      for (const d of created) ctx.vfs.mkdir(d);
      if (has(p, 'v')) for (const d of created) ctx.io.out(`mkdir: created directory ${quoteaf(shownPath(op, path, d))}\n`);
    }
  }
  return status;
}

/** How `mkdir -pv a/b/c` names each directory it creates: the operand's own prefix. */
function shownPath(op: string, full: string, created: string): string {
  const tail = full.slice(created.length);
  return tail === '' ? op : op.slice(0, op.length - tail.length).replace(/\/+$/, '');
}

function touch(shell: Shell, ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'touch', { short: 'acm', long: { 'no-create': 'c' } });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return usage(ctx, 'touch', 'missing file operand');
  let status = 0;
  for (const op of p.operands) {
    const path = resolve(ctx, op);
    if (ctx.vfs.isFile(path) || ctx.vfs.isDir(path)) stamp(shell, path);
    else if (has(p, 'c')) continue;
    else if (!ctx.vfs.isDir(parentOf(path)) || parentIsFile(ctx, path)) {
      ctx.io.err(`touch: cannot touch ${quoteaf(op)}: ${parentIsFile(ctx, path) ? 'Not a directory' : 'No such file or directory'}\n`);
      status = 1;
    } else ctx.vfs.write(path, '');
  }
  return status;
}

function cd(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length > 1) {
    ctx.io.err('bash: cd: too many arguments\n');
    return 1;
  }
  const vars = ctx.env.vars;
  let target = args[0];
  if (target === undefined || target === '') {
    target = vars.get('HOME');
    if (target === undefined) {
      ctx.io.err('bash: cd: HOME not set\n');
      return 1;
    }
  }
  const back = target === '-';
  if (back) {
    target = vars.get('OLDPWD');
    if (target === undefined) {
      ctx.io.err('bash: cd: OLDPWD not set\n');
      return 1;
    }
  }
  const path = resolve(ctx, target);
  if (!ctx.vfs.isDir(path)) {
    ctx.io.err(`bash: cd: ${target}: ${ctx.vfs.isFile(path) || parentIsFile(ctx, path) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  vars.set('OLDPWD', ctx.env.cwd);
  ctx.env.cwd = path;
  vars.set('PWD', path);
  if (back) ctx.io.out(`${path}\n`);
  return 0;
}
