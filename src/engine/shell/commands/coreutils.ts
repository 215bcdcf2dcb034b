// Small coreutils and bash builtins: echo, sleep (the lab's way to let simulated time pass),
// export/unset/env, true/false, clear, seq, which, whoami, hostname and date (from the
// simulated clock). Messages and exit statuses as GNU coreutils 9 and bash 5.2 give them.

import { EPOCH_MS } from '../../clock.ts';
import type { CommandContext, CommandFn, Proc } from '../process.ts';
import { asProc, sleepFor } from '../process.ts';
import type { Shell } from '../shell.ts';
import { has, labNote, last, parseOrFail, quote, usage } from './args.ts';
import { strftime, wallAt } from './timefmt.ts';

export type Lookup = (name: string) => CommandFn | undefined;

export function coreCommands(shell: Shell, lookup: Lookup): Record<string, CommandFn> {
  return {
    echo,
    sleep,
    export: exportBuiltin,
    unset,
    env: (ctx) => env(ctx, lookup),
    true: () => 0,
    false: () => 1,
    clear: (ctx) => {
      ctx.io.out('\x1b[H\x1b[2J');
      return 0;
    },
    seq,
    which: (ctx) => which(ctx, lookup),
    whoami: (ctx) => {
      ctx.io.out('learner\n');
      return 0;
    },
    hostname: (ctx) => {
      if (ctx.argv.length > 1 && !ctx.argv[1]!.startsWith('-')) {
        ctx.io.err('hostname: you must be root to change the host name\n');
        return 1;
      }
      ctx.io.out(`${shell.cluster.preset.promptHost}\n`);
      return 0;
    },
    date: (ctx) => date(shell, ctx),
  };
}

const ECHO_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** bash's echo builtin: leading -n/-e/-E clusters only; -e escapes as bash's ansicstr. */
function echo(ctx: CommandContext): number {
  let args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    for (const c of args[0]!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const r = interpretEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.io.out(newline ? `${text}\n` : text);
  return 0;
}

export function interpretEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const next = s[i + 1];
    if (ch !== '\\' || next === undefined) {
      out += ch;
      continue;
    }
    i++;
    if (next === 'c') return { text: out, stop: true };
    if (ECHO_ESCAPES[next] !== undefined) out += ECHO_ESCAPES[next];
    else if (next === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += m.length;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const m = new RegExp(`^[0-9a-fA-F]{1,${max}}`).exec(s.slice(i + 1))?.[0];
      if (!m) out += `\\${next}`;
      else {
        out += String.fromCodePoint(Math.min(parseInt(m, 16), 0x10ffff));
        i += m.length;
      }
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

const SLEEP_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep N[smhd]…`: the arguments add up; simulated time passes, at once in a script. */
function* sleep(ctx: CommandContext): Proc {
  const p = parseOrFail(ctx, 'sleep', { short: '' });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return usage(ctx, 'sleep', 'missing operand');
  let seconds = 0;
  let ok = true;
  for (const arg of p.operands) {
    const m = /^\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(arg);
    if (!m) {
      ctx.io.err(`sleep: invalid time interval ${quote(arg)}\n`);
      ok = false;
      continue;
    }
    seconds += (/^inf/i.test(m[1]!) ? Infinity : Number(m[1])) * SLEEP_UNITS[m[2]!.toLowerCase()]!;
  }
  if (!ok) {
    ctx.io.err("Try 'sleep --help' for more information.\n");
    return 1;
  }
  if (seconds === Infinity) {
    if (!ctx.interactive) {
      labNote(ctx, 'sleep infinity never returns; a script does not wait for it');
      return 0;
    }
    yield { until: () => false, timeoutMs: Infinity };
    return 0;
  }
  const ms = Math.round(seconds * 1000);
  if (ms > 0) yield sleepFor(ms);
  return 0;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's `declare -x` quoting: double quotes, with " \ $ ` escaped. */
const declareQuote = (v: string): string => `"${v.replace(/["\\$`]/g, '\\$&')}"`;

function exportBuiltin(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => a !== '-n' && a !== '-f' && a !== '--');
  const vars = ctx.env.vars;
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const names = [...vars.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    ctx.io.out(names.map((n) => `declare -x ${n}=${declareQuote(vars.get(n)!)}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      ctx.io.err(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
    } else if (eq !== -1) vars.set(name, a.slice(eq + 1));
  }
  return status;
}

function unset(ctx: CommandContext): number {
  for (const a of ctx.argv.slice(1)) if (!a.startsWith('-')) ctx.env.vars.delete(a);
  return 0;
}

/** `env`, `env NAME=value… command args…`, `env -u NAME`, `env -i`. */
function* env(ctx: CommandContext, lookup: Lookup): Proc {
  const p = parseOrFail(ctx, 'env', { short: 'iu:', long: { 'ignore-environment': 'i', 'unset=': 'u' }, stopAtOperand: true }, 125);
  if (typeof p === 'number') return p;
  const vars = new Map(has(p, 'i') ? [] : ctx.env.vars);
  for (const o of p.opts) if (o.name === 'u') vars.delete(o.value);
  let rest = p.operands;
  while (rest.length > 0 && /^[^=]+=/.test(rest[0]!)) {
    const a = rest[0]!;
    vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    rest = rest.slice(1);
  }
  if (rest.length === 0) {
    ctx.io.out([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const fn = lookup(rest[0]!);
  if (!fn) {
    ctx.io.err(`env: ${quote(rest[0]!)}: No such file or directory\n`);
    return 127;
  }
  const saved = new Map(ctx.env.vars);
  ctx.env.vars.clear();
  for (const [k, v] of vars) ctx.env.vars.set(k, v);
  try {
    return yield* asProc(fn, { ...ctx, argv: rest });
  } finally {
    ctx.env.vars.clear();
    for (const [k, v] of saved) ctx.env.vars.set(k, v);
  }
}

/** `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`, with -s and -w. */
function seq(ctx: CommandContext): number {
  const argv = ctx.argv.slice(1);
  // seq.c stops option parsing at an argument that looks like a negative number.
  const firstNumber = argv.findIndex((a) => /^-[.\d]/.test(a));
  const optionPart = firstNumber === -1 ? argv : argv.slice(0, firstNumber);
  const p = parseOrFail({ ...ctx, argv: ['seq', ...optionPart] }, 'seq', { short: 's:wf:', long: { 'separator=': 's', 'equal-width': 'w', 'format=': 'f' } });
  if (typeof p === 'number') return p;
  if (has(p, 'f')) {
    labNote(ctx, 'seq -f (printf formats) is not simulated in the lab; -s and -w are');
    return 1;
  }
  const operands = [...p.operands, ...(firstNumber === -1 ? [] : argv.slice(firstNumber))];
  if (operands.length === 0) return usage(ctx, 'seq', 'missing operand');
  if (operands.length > 3) return usage(ctx, 'seq', `extra operand ${quote(operands[3]!)}`);
  const nums: number[] = [];
  for (const o of operands) {
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(o) ? Number(o) : NaN;
    if (Number.isNaN(v)) return usage(ctx, 'seq', `invalid floating point argument: ${quote(o)}`);
    nums.push(v);
  }
  const [first, step, lastV] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if (step === 0) return usage(ctx, 'seq', `invalid Zero increment value: ${quote(operands[1]!)}`);
  const decimals = (s: string): number => (/e/i.test(s) ? 0 : s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
  const precision = Math.max(decimals(nums.length === 1 ? '1' : operands[0]!), nums.length === 3 ? decimals(operands[1]!) : 0);
  const values: string[] = [];
  for (let i = 0; values.length < 1_000_000; i++) {
    const v = first + i * step;
    if (step > 0 ? v > lastV : v < lastV) break;
    values.push(v.toFixed(precision));
  }
  let out = values;
  if (has(p, 'w')) {
    const width = Math.max(...values.map((v) => v.length), lastV.toFixed(precision).length);
    out = values.map((v) => (v.startsWith('-') ? `-${v.slice(1).padStart(width - 1, '0')}` : v.padStart(width, '0')));
  }
  if (out.length > 0) ctx.io.out(out.join(last(p, 's') ?? '\n') + '\n');
  return 0;
}

/** Where the lab's commands would live on a real machine; builtins have no file. */
function commandPath(name: string): string | undefined {
  if (['cd', 'export', 'unset', 'help', 'history', 'kubelab-help'].includes(name)) return undefined;
  if (name === 'microk8s' || name.startsWith('microk8s.')) return `/snap/bin/${name}`;
  if (name === 'kubectl' || name === 'kubelab') return `/usr/local/bin/${name}`;
  return `/usr/bin/${name}`;
}

function which(ctx: CommandContext, lookup: Lookup): number {
  let status = 0;
  for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const path = lookup(name) ? commandPath(name) : undefined;
    if (path) ctx.io.out(`${path}\n`);
    else status = 1;
  }
  return status;
}

function date(shell: Shell, ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'date', { short: 'uRI::d:', long: { utc: 'u', universal: 'u', 'rfc-email': 'R', 'iso-8601=?': 'I', 'date=': 'd' } });
  if (typeof p === 'number') return p;
  let ms: number = shell.cluster.clock.now;
  const d = last(p, 'd');
  if (d !== undefined && d !== 'now') {
    const at = /^@(\d+)$/.exec(d);
    if (!at) {
      labNote(ctx, `the lab's date reads only -d now and -d @SECONDS, not ${quote(d)}`);
      return 1;
    }
    ms = Number(at[1]) * 1000 - EPOCH_MS;
  }
  const formats = p.operands.filter((o) => o.startsWith('+'));
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (has(p, 'R')) format = '%a, %d %b %Y %H:%M:%S %z';
  const iso = p.opts.find((o) => o.name === 'I');
  if (iso) format = iso.value === 'seconds' ? '%Y-%m-%dT%H:%M:%S+00:00' : iso.value === 'minutes' ? '%Y-%m-%dT%H:%M+00:00' : iso.value === 'hours' ? '%Y-%m-%dT%H+00:00' : '%Y-%m-%d';
  if (formats.length > 0) format = formats[0]!.slice(1);
  const extra = p.operands.find((o) => !o.startsWith('+'));
  if (extra !== undefined) {
    ctx.io.err(`date: invalid date ${quote(extra)}\n`);
    return 1;
  }
  ctx.io.out(`${strftime(format, wallAt(ms), ms)}\n`);
  return 0;
}
