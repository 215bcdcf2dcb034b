// GNU sort in the lab's C.UTF-8 locale (code point order): -r -n -h -f -b -u -s -t -k -o,
// with sort.c's key fields (a field keeps its leading blanks unless -b), per-key options
// that replace the global ones, and the last-resort whole-line comparison.

import type { CommandContext } from '../process.ts';
import { has, last, parseOrFail, readInput, resolve, usage } from './args.ts';

interface KeyFlags {
  readonly numeric: boolean;
  readonly human: boolean;
  readonly fold: boolean;
  readonly blanks: boolean;
  readonly reverse: boolean;
}

interface Key {
  /** 1-based field and character where the key starts (char 0: the field's start) */
  readonly startField: number;
  readonly startChar: number;
  /** 0: to the end of the line; endChar 0: to the end of endField */
  readonly endField: number;
  readonly endChar: number;
  readonly flags: KeyFlags;
}

function flagsOf(letters: string, base: KeyFlags): KeyFlags {
  if (letters === '') return base;
  return {
    numeric: /[ng]/.test(letters),
    human: letters.includes('h'),
    fold: letters.includes('f'),
    blanks: letters.includes('b'),
    reverse: letters.includes('r'),
  };
}

function parseKey(spec: string, global: KeyFlags): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMRrV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMRrV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 0),
    endField: Number(m[4] ?? 0),
    endChar: Number(m[5] ?? 0),
    flags: flagsOf((m[3] ?? '') + (m[6] ?? ''), global),
  };
}

/** Start offsets of each field and where each ends, per sort.c begfield/limfield. */
function fields(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(sep, start);
      out.push({ start, end: at === -1 ? line.length : at });
      if (at === -1) return out;
      start = at + sep.length;
    }
  }
  let pos = 0;
  while (pos < line.length) {
    const start = pos;
    while (pos < line.length && /[ \t]/.test(line[pos]!)) pos++;
    while (pos < line.length && !/[ \t]/.test(line[pos]!)) pos++;
    out.push({ start, end: pos });
  }
  return out;
}

function keyText(line: string, key: Key, sep: string | undefined): string {
  const f = fields(line, sep);
  const skipBlanks = (i: number): number => {
    while (key.flags.blanks && i < line.length && /[ \t]/.test(line[i]!)) i++;
    return i;
  };
  const sf = f[key.startField - 1];
  if (!sf) return '';
  const begin = Math.min(skipBlanks(sf.start) + Math.max(0, key.startChar - 1), line.length);
  let end = line.length;
  if (key.endField > 0) {
    const ef = f[key.endField - 1];
    if (ef) end = key.endChar === 0 ? ef.end : Math.min(skipBlanks(ef.start) + key.endChar, line.length);
  }
  return end > begin ? line.slice(begin, end) : '';
}

const HUMAN = 'KMGTPEZYRQ';

function numberOf(s: string): number {
  const m = /^[ \t]*(-?)(\d*)(\.\d*)?/.exec(s)!;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  return digits === '' || digits === '.' ? 0 : Number(`${m[1]}${m[2] || '0'}${m[3] ?? ''}`);
}

function humanOf(s: string): [number, number] {
  const m = /^[ \t]*-?[\d.]*([kKMGTPEZYRQ]?)/.exec(s)!;
  const sign = numberOf(s) < 0 ? -1 : 1;
  return [sign * (m[1] ? HUMAN.indexOf(m[1].toUpperCase()) + 1 : 0), numberOf(s)];
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareKey(a: string, b: string, f: KeyFlags): number {
  let r: number;
  if (f.human) {
    const [ua, na] = humanOf(a);
    const [ub, nb] = humanOf(b);
    r = ua - ub || Math.sign(na - nb);
  } else if (f.numeric) r = Math.sign(numberOf(a) - numberOf(b));
  else if (f.fold) r = cmpStr(a.toUpperCase(), b.toUpperCase());
  else r = cmpStr(f.blanks ? a.trimStart() : a, f.blanks ? b.trimStart() : b);
  return f.reverse ? -r : r;
}

export function sort(ctx: CommandContext): number {
  const spec = {
    short: 'rnhfbust:k:o:g',
    long: { reverse: 'r', 'numeric-sort': 'n', 'human-numeric-sort': 'h', 'ignore-case': 'f', 'ignore-leading-blanks': 'b', unique: 'u', stable: 's', 'field-separator=': 't', 'key=': 'k', 'output=': 'o', 'general-numeric-sort': 'g' },
  };
  const p = parseOrFail(ctx, 'sort', spec, 2);
  if (typeof p === 'number') return p;
  const global: KeyFlags = { numeric: has(p, 'n') || has(p, 'g'), human: has(p, 'h'), fold: has(p, 'f'), blanks: has(p, 'b'), reverse: has(p, 'r') };
  const sep = last(p, 't');
  if (sep !== undefined && [...sep].length !== 1) return usage(ctx, 'sort', sep === '' ? 'empty tab' : `multi-character tab ‘${sep}’`, 2);
  const keys: Key[] = [];
  for (const o of p.opts.filter((x) => x.name === 'k')) {
    const k = parseKey(o.value, global);
    if (!k) return usage(ctx, 'sort', `invalid number at field start: invalid count at start of ‘${o.value}’`, 2);
    keys.push(k);
  }
  const all: string[] = [];
  for (const file of p.operands.length > 0 ? p.operands : ['-']) {
    const r = readInput(ctx, file);
    if ('error' in r) {
      ctx.io.err(`sort: cannot read: ${file}: ${r.error}\n`);
      return 2;
    }
    all.push(...r.text.split('\n').slice(0, r.text.endsWith('\n') || r.text === '' ? -1 : undefined));
  }
  const byKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareKey(a, b, global);
    for (const k of keys) {
      const r = compareKey(keyText(a, k, sep), keyText(b, k, sep), k.flags);
      if (r !== 0) return r;
    }
    return 0;
  };
  const lastResort = !has(p, 's') && !has(p, 'u');
  const sorted = [...all].sort((a, b) => byKeys(a, b) || (lastResort ? (global.reverse ? -cmpStr(a, b) : cmpStr(a, b)) : 0));
  const out = has(p, 'u') ? sorted.filter((l, i) => i === 0 || byKeys(sorted[i - 1]!, l) !== 0) : sorted;
  const text = out.map((l) => `${l}\n`).join('');
  const target = last(p, 'o');
  if (target !== undefined) ctx.vfs.write(resolve(ctx, target), text);
  else ctx.io.out(text);
  return 0;
}
