// GNU grep 3 over the virtual FS and stdin: basic (default), extended (-E) and fixed (-F)
// patterns translated to JavaScript regular expressions (BRE's `\(`, `\{`, `\|`, POSIX
// bracket classes, `\<`/`\>`), with -i -v -o -c -q -n -w -x -l -h -H -s, context (-A -B -C)
// and grep's prefixes, messages and exit statuses (0 selected, 1 none, 2 trouble).

import type { CommandContext } from '../process.ts';
import { has, lines, parseOrFail, readInput, resolve } from './args.ts';

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '0-9A-Za-z_',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A bracket expression starting at `i` (just after `[`): its JS form and where it ends, or grep's error. */
function bracket(p: string, i: number): { re: string; end: number } | { error: string } {
  let re = '[';
  let j = i;
  if (p[j] === '^') {
    re += '^';
    j++;
  }
  if (p[j] === ']') {
    re += '\\]';
    j++;
  }
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']') return { re: `${re}]`, end: j };
    const cls = c === '[' && p[j + 1] === ':' ? /^\[:([a-z]+):\]/.exec(p.slice(j)) : null;
    if (cls) {
      const chars = POSIX_CLASSES[cls[1]!];
      if (chars === undefined) return { error: 'Invalid character class name' };
      re += chars;
      j += cls[0].length - 1;
    } else re += c === '\\' || c === '[' ? `\\${c}` : c;
  }
  // regcomp names the unfinished class when one was open; otherwise GNU grep's generic message.
  return { error: /\[[:.=]/.test(p.slice(i)) ? 'Unmatched [, [^, [:, [., or [=' : 'Invalid regular expression' };
}

/** Translates a POSIX basic or extended regular expression; returns grep's message when invalid. */
export function translatePattern(p: string, extended: boolean): { source: string } | { error: string } {
  let out = '';
  let depth = 0;
  // Where `*` (and in EREs `+`, `?`, `{`) has nothing to repeat and so is literal.
  let atStart = true;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const wasStart: boolean = atStart;
    atStart = false;
    if (c === '[') {
      const b = bracket(p, i + 1);
      if ('error' in b) return b;
      out += b.re;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return { error: 'Trailing backslash' };
      i++;
      if (!extended && n === '(') {
        out += '(';
        depth++;
        atStart = true;
      } else if (!extended && n === ')') {
        if (depth === 0) return { error: 'Unmatched ) or \\)' };
        out += ')';
        depth--;
      } else if (!extended && n === '|') {
        out += '|';
        atStart = true;
      } else if (!extended && (n === '{' || n === '}' || n === '+' || n === '?')) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if (/[wWsSbB1-9]/.test(n)) out += `\\${n}`;
      else out += escapeRe(n);
      continue;
    }
    if (extended) {
      if (c === '(') {
        out += '(';
        depth++;
        atStart = true;
      } else if (c === ')') {
        out += depth > 0 ? ')' : '\\)';
        if (depth > 0) depth--;
      } else if (c === '|' || c === '^') {
        out += c;
        atStart = true;
      } else if ((c === '*' || c === '+' || c === '?') && wasStart) out += `\\${c}`;
      else if (c === '{') out += /^\{\d+(,\d*)?\}/.test(p.slice(i)) && !wasStart ? '{' : '\\{';
      else if (c === '}') out += /\{\d+(,\d*)?$/.test(p.slice(0, i)) ? '}' : '\\}';
      else out += c === '/' ? '\\/' : c;
      continue;
    }
    if (c === '*' && wasStart) out += '\\*';
    else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '^') {
      out += wasStart ? '^' : '\\^';
      atStart = wasStart;
    } else if (c === '$') out += i === p.length - 1 || p.startsWith('\\)', i + 1) || p.startsWith('\\|', i + 1) ? '$' : '\\$';
    else out += c === '/' ? '\\/' : c;
  }
  if (depth > 0) return { error: 'Unmatched ( or \\(' };
  return { source: out };
}

function compile(ctx: CommandContext, patterns: readonly string[], mode: 'G' | 'E' | 'F', flags: { i: boolean; w: boolean; x: boolean }): RegExp | undefined {
  const parts: string[] = [];
  for (const pat of patterns) {
    const t = mode === 'F' ? { source: escapeRe(pat) } : translatePattern(pat, mode === 'E');
    if ('error' in t) {
      ctx.io.err(`grep: ${t.error}\n`);
      return undefined;
    }
    parts.push(t.source === '' ? '(?:)' : t.source);
  }
  let source = parts.map((s) => `(?:${s})`).join('|');
  if (flags.x) source = `^(?:${source})$`;
  else if (flags.w) source = `(?<![0-9A-Za-z_])(?:${source})(?![0-9A-Za-z_])`;
  try {
    return new RegExp(source, flags.i ? 'gi' : 'g');
  } catch {
    ctx.io.err('grep: Invalid regular expression\n');
    return undefined;
  }
}

const SPEC = {
  short: 'ivocEFGqnwxlLhHsrRe:A:B:C:',
  long: {
    'ignore-case': 'i', 'invert-match': 'v', 'only-matching': 'o', count: 'c', 'extended-regexp': 'E', 'fixed-strings': 'F',
    'basic-regexp': 'G', quiet: 'q', silent: 'q', 'line-number': 'n', 'word-regexp': 'w', 'line-regexp': 'x',
    'files-with-matches': 'l', 'files-without-match': 'L', 'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's',
    'regexp=': 'e', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C', 'color=?': 'color', 'colour=?': 'color', recursive: 'r', 'dereference-recursive': 'R',
  },
};

export function grep(ctx: CommandContext): number {
  const p = parseOrFail(ctx, 'grep', SPEC, 2);
  if (typeof p === 'number') return p;
  const operands = [...p.operands];
  const fromE = p.opts.filter((o) => o.name === 'e').map((o) => o.value);
  if (fromE.length === 0 && operands.length === 0) {
    ctx.io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const patterns = (fromE.length > 0 ? fromE : [operands.shift()!]).flatMap((pat) => pat.split('\n'));
  const mode = p.opts.reduce<'G' | 'E' | 'F'>((m, o) => (o.name === 'E' || o.name === 'F' || o.name === 'G' ? o.name : m), 'G');
  const re = compile(ctx, patterns, mode, { i: has(p, 'i'), w: has(p, 'w'), x: has(p, 'x') });
  if (!re) return 2;
  const context = contextLengths(ctx, p.opts);
  if (!context) return 2;
  const recursive = has(p, 'r') || has(p, 'R');
  const files = recursive ? walk(ctx, operands) : operands.length > 0 ? operands : ['-'];
  const named = files.length > 1 || (recursive && operands.some((o) => ctx.vfs.isDir(resolve(ctx, o)))) || (recursive && operands.length === 0);
  const withName = p.opts.reduce((w, o) => (o.name === 'H' ? true : o.name === 'h' ? false : w), named);
  let selectedAny = false;
  let trouble = false;
  for (const file of files) {
    const r = readInput(ctx, file);
    const shown = file === '-' ? '(standard input)' : file;
    if ('error' in r) {
      if (!has(p, 's')) ctx.io.err(`grep: ${file}: ${r.error}\n`);
      trouble = true;
      continue;
    }
    const n = searchFile(ctx, r.text, re, { invert: has(p, 'v'), only: has(p, 'o'), count: has(p, 'c'), quiet: has(p, 'q'), number: has(p, 'n'), list: has(p, 'l') ? 'l' : has(p, 'L') ? 'L' : '', prefix: withName ? shown : '', name: shown, ...context });
    if (n > 0) selectedAny = true;
    if (selectedAny && has(p, 'q')) return 0;
  }
  return trouble && !(has(p, 'q') && selectedAny) ? 2 : selectedAny ? 0 : 1;
}

/** grep -r: each directory operand becomes the files under it, named from the operand (`.` unnamed). */
function walk(ctx: CommandContext, operands: readonly string[]): string[] {
  const out: string[] = [];
  for (const op of operands.length > 0 ? operands : ['.']) {
    const dir = resolve(ctx, op);
    if (!ctx.vfs.isDir(dir)) {
      out.push(op);
      continue;
    }
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const shown = operands.length === 0 ? '' : op.endsWith('/') ? op : `${op}/`;
    const found = ctx.vfs
      .files()
      .map(([path]) => path)
      .filter((path) => path.startsWith(prefix))
      .sort()
      .map((path) => shown + path.slice(prefix.length));
    out.push(...found);
  }
  return out;
}

/** -A/-B/-C NUM (the last of -C and -A or -B wins per side, as in GNU grep). */
function contextLengths(ctx: CommandContext, opts: readonly { name: string; value: string }[]): { after: number; before: number } | undefined {
  let after = 0;
  let before = 0;
  for (const o of opts) {
    if (o.name !== 'A' && o.name !== 'B' && o.name !== 'C') continue;
    if (!/^\d+$/.test(o.value)) {
      ctx.io.err(`grep: ${o.value}: invalid context length argument\n`);
      return undefined;
    }
    const n = Number(o.value);
    if (o.name !== 'B') after = n;
    if (o.name !== 'A') before = n;
  }
  return { after, before };
}

interface SearchOptions {
  readonly invert: boolean;
  readonly only: boolean;
  readonly count: boolean;
  readonly quiet: boolean;
  readonly number: boolean;
  readonly list: '' | 'l' | 'L';
  /** the file name shown before each line, or '' */
  readonly prefix: string;
  readonly name: string;
  readonly after: number;
  readonly before: number;
}

/** Prints what one input contributes; returns how many lines it selected. */
function searchFile(ctx: CommandContext, text: string, re: RegExp, o: SearchOptions): number {
  let selected = 0;
  let out = '';
  const all = lines(text);
  // Context lines are marked with `-` where selected ones have `:`; gaps between groups print `--`.
  const withContext = (o.after > 0 || o.before > 0) && !o.only;
  let printedUpTo = -1;
  let afterLeft = 0;
  const lead = (i: number, sep: string): string => `${o.prefix ? `${o.prefix}${sep}` : ''}${o.number ? `${i + 1}${sep}` : ''}`;
  for (const [i, line] of all.entries()) {
    re.lastIndex = 0;
    const hit = re.test(line);
    if (hit === o.invert) {
      if (withContext && afterLeft > 0 && !o.quiet && !o.count && !o.list) {
        out += `${lead(i, '-')}${line}\n`;
        printedUpTo = i;
        afterLeft--;
      }
      continue;
    }
    selected++;
    if (o.quiet || o.count || o.list) continue;
    if (withContext) {
      const from = Math.max(printedUpTo + 1, i - o.before);
      if (printedUpTo >= 0 && from > printedUpTo + 1) out += '--\n';
      for (let j = from; j < i; j++) out += `${lead(j, '-')}${all[j]!}\n`;
      printedUpTo = i;
      afterLeft = o.after;
    }
    if (!o.only || o.invert) {
      if (!o.only) out += `${lead(i, ':')}${line}\n`;
      continue;
    }
    re.lastIndex = 0;
    for (const m of line.matchAll(re)) if (m[0] !== '') out += `${lead(i, ':')}${m[0]}\n`;
  }
  const prefix = o.prefix ? `${o.prefix}:` : '';
  if (o.count && !o.quiet && !o.list) out += `${prefix}${selected}\n`;
  if (o.list === 'l' && selected > 0 && !o.quiet) out += `${o.name}\n`;
  if (o.list === 'L' && selected === 0 && !o.quiet) out += `${o.name}\n`;
  ctx.io.out(out);
  return o.list === 'L' ? (selected === 0 ? 1 : 0) : selected;
}
