// Line filters from GNU coreutils 9: head, tail, wc (with wc.c's column widths), uniq (-c's
// `%7d ` counts), tee and base64 (76-column lines; -d stops at the first bad group). Each
// reads its file operands, or stdin when there are none or one is `-`.

import type { CommandContext, CommandFn } from '../process.ts';
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../../base64.ts';
import { byteLength, has, labNote, last, parentIsFile, parentOf, parseOrFail, quote, quoteaf, readInput, resolve, usage } from './args.ts';

export const textCommands: Record<string, CommandFn> = {
  head: (ctx) => headTail(ctx, 'head'),
  tail: (ctx) => headTail(ctx, 'tail'),
  wc,
  uniq,
  base64,
  tee,
};

/** Lines with their terminators, so a last line without `\n` stays without one. */
function chunks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `-5` as the first argument is the old form of `-n 5`. */
function legacyCount(argv: readonly string[]): readonly string[] {
  const first = argv[1];
  return first !== undefined && /^-\d+$/.test(first) ? [argv[0]!, '-n', first.slice(1), ...argv.slice(2)] : argv;
}

function headTail(ctx: CommandContext, cmd: 'head' | 'tail'): number {
  const argv = legacyCount(ctx.argv);
  const spec = { short: 'n:c:qvf', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v', follow: 'f' } };
  const p = parseOrFail({ ...ctx, argv }, cmd, spec);
  if (typeof p === 'number') return p;
  const countOpt = p.opts.findLast((o) => o.name === 'n' || o.name === 'c');
  const byBytes = countOpt?.name === 'c';
  const raw = countOpt?.value ?? '10';
  const m = /^([+-]?)(\d+)$/.exec(raw);
  if (!m) {
    ctx.io.err(`${cmd}: invalid number of ${byBytes ? 'bytes' : 'lines'}: ${quote(raw)}\n`);
    return 1;
  }
  const n = Number(m[2]);
  // head -n -N: all but the last N; tail -n +N: from the Nth on.
  const inverted = cmd === 'head' ? m[1] === '-' : m[1] === '+';
  const files = p.operands.length > 0 ? p.operands : ['-'];
  const headers = has(p, 'v') || (files.length > 1 && !has(p, 'q'));
  let status = 0;
  let printed = false;
  for (const file of files) {
    const r = readInput(ctx, file);
    if ('error' in r) {
      const why = r.error === 'Is a directory' ? `error reading ${quoteaf(file)}: Is a directory` : `cannot open ${quoteaf(file)} for reading: ${r.error}`;
      ctx.io.err(`${cmd}: ${why}\n`);
      status = 1;
      continue;
    }
    if (headers) ctx.io.out(`${printed ? '\n' : ''}==> ${file === '-' ? 'standard input' : file} <==\n`);
    printed = true;
    const units = byBytes ? [...r.text] : chunks(r.text);
    let picked: string[];
    if (cmd === 'head') picked = inverted ? units.slice(0, Math.max(0, units.length - n)) : units.slice(0, n);
    else picked = inverted ? units.slice(Math.max(0, n - 1)) : n === 0 ? [] : units.slice(-n);
    ctx.io.out(picked.join(''));
  }
  if (cmd === 'tail' && has(p, 'f')) labNote(ctx, "tail -f: the lab's files only change when you write them, so there is nothing to follow");
  return status;
}

/** wc.c compute_number_width: 1 for one count of one input, else wide enough for the total size (7 for stdin). */
function numberWidth(operands: number, inputs: readonly { stdin: boolean; size: number }[], counts: number): number {
  if (inputs.length === 0 || (operands === 1 && counts === 1)) return 1;
  const min = inputs.some((i) => i.stdin) ? 7 : 1;
  const total = inputs.reduce((t, i) => t + (i.stdin ? 0 : i.size), 0);
  return Math.max(min, String(total).length);
}

function wc(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'wc', { short: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } });
  if (typeof p === 'number') return p;
  const picked = ['l', 'w', 'm', 'c', 'L'].filter((k) => has(p, k));
  const which = picked.length > 0 ? picked : ['l', 'w', 'c'];
  const files = p.operands.length > 0 ? p.operands : [null];
  let status = 0;
  const results: { name: string | null; counts: number[]; stdin: boolean; size: number }[] = [];
  for (const file of files) {
    const r = readInput(ctx, file ?? '-');
    if ('error' in r) {
      ctx.io.err(`wc: ${file}: ${r.error}\n`);
      status = 1;
      continue;
    }
    const t = r.text;
    const all: Record<string, number> = {
      l: (t.match(/\n/g) ?? []).length,
      w: (t.match(/\S+/g) ?? []).length,
      m: [...t].length,
      c: byteLength(t),
      L: Math.max(0, ...t.split('\n').map((l) => [...l.replace(/\t/g, '        ')].length)),
    };
    results.push({ name: file, counts: which.map((k) => all[k]!), stdin: file === null || file === '-', size: all['c']! });
  }
  const width = numberWidth(files.length, results, which.length);
  const row = (counts: readonly number[], name: string | null): string => counts.map((c) => String(c).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`) + '\n';
  let out = results.map((r) => row(r.counts, r.name)).join('');
  if (files.length > 1) out += row(which.map((_, i) => results.reduce((t, r) => t + r.counts[i]!, 0)), 'total');
  ctx.io.out(out);
  return status;
}

function uniq(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'uniq', { short: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (typeof p === 'number') return p;
  if (p.operands.length > 2) return usage(ctx, 'uniq', `extra operand ${quote(p.operands[2]!)}`);
  const input = p.operands[0] ?? '-';
  const r = readInput(ctx, input);
  if ('error' in r) {
    ctx.io.err(`uniq: ${input}: ${r.error}\n`);
    return 1;
  }
  const key = (l: string): string => (has(p, 'i') ? l.toLowerCase() : l);
  const groups: { line: string; count: number }[] = [];
  for (const line of r.text.split('\n').slice(0, r.text.endsWith('\n') ? -1 : undefined)) {
    const g = groups[groups.length - 1];
    if (g && key(g.line) === key(line)) g.count++;
    else groups.push({ line, count: 1 });
  }
  const out = groups
    .filter((g) => (has(p, 'd') ? g.count > 1 : true) && (has(p, 'u') ? g.count === 1 : true))
    .map((g) => `${has(p, 'c') ? `${String(g.count).padStart(7)} ` : ''}${g.line}\n`)
    .join('');
  if (p.operands[1] !== undefined) ctx.vfs.write(resolve(ctx, p.operands[1]), out);
  else ctx.io.out(out);
  return 0;
}

function base64(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'base64', { short: 'diw:', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
  if (typeof p === 'number') return p;
  if (p.operands.length > 1) return usage(ctx, 'base64', `extra operand ${quote(p.operands[1]!)}`);
  const file = p.operands[0] ?? '-';
  const r = readInput(ctx, file);
  if ('error' in r) {
    ctx.io.err(`base64: ${file}: ${r.error}\n`);
    return 1;
  }
  if (!has(p, 'd')) {
    const wrap = Number(last(p, 'w') ?? '76');
    if (!Number.isInteger(wrap) || wrap < 0) {
      ctx.io.err(`base64: invalid wrap size: ${quote(last(p, 'w')!)}\n`);
      return 1;
    }
    const encoded = bytesToBase64(utf8Encode(r.text));
    if (encoded === '') return 0;
    const parts = wrap === 0 ? [encoded] : (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []);
    ctx.io.out(parts.join('\n') + (wrap === 0 ? '' : '\n'));
    return 0;
  }
  let clean = r.text.replace(/\n/g, '');
  if (has(p, 'i')) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '');
  // Decodes group by group until one is malformed; a short last group still gives its bytes.
  const bytes: number[] = [];
  let valid = true;
  for (let i = 0; i < clean.length && valid; i += 4) {
    const chunk = clean.slice(i, i + 4);
    const group = base64ToBytes(chunk.padEnd(4, '='));
    if (group) bytes.push(...group);
    valid = group !== undefined && chunk.length === 4;
  }
  ctx.io.out(utf8Decode(bytes));
  if (!valid) {
    ctx.io.err('base64: invalid input\n');
    return 1;
  }
  return 0;
}

/** `tee [-a] FILE…`: stdin to stdout and to each file. */
function tee(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'tee', { short: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if (typeof p === 'number') return p;
  let status = 0;
  for (const file of p.operands) {
    const path = resolve(ctx, file);
    if (ctx.vfs.isDir(path) || !ctx.vfs.isDir(parentOf(path)) || parentIsFile(ctx, path)) {
      const why = ctx.vfs.isDir(path) ? 'Is a directory' : parentIsFile(ctx, path) ? 'Not a directory' : 'No such file or directory';
      ctx.io.err(`tee: ${file}: ${why}\n`);
      status = 1;
      continue;
    }
    ctx.vfs.write(path, (has(p, 'a') ? (ctx.vfs.read(path) ?? '') : '') + ctx.io.stdin);
  }
  ctx.io.out(ctx.io.stdin);
  return status;
}
