// Two Go standard-library parsers whose error texts reach the user through kube-apiserver's
// BadRequest: encoding/base64's StdEncoding.Decode (Secret `data`: `illegal base64 data at
// input byte 3`) and time.Parse with the layouts of metav1.Time and metav1.MicroTime
// (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`), Go 1.23.

import { utf8Encode } from '../../base64.ts';

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;


/**
 * The error base64.StdEncoding.Decode gives for `s`, or undefined when it decodes. Go skips
 * `\r` and `\n` anywhere, insists on `=` padding, and reports the byte offset of the first
 * offence (decodeQuantum in encoding/base64).
 */
export function base64Error(s: string): string | undefined {
  const src = /^[\x20-\x7e]*$/.test(s) ? Array.from(s, (c) => c.charCodeAt(0)) : utf8Encode(s);
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return corrupt(si - j);
      }
      const c = src[si++]!;
      if (c < 128 && B64_VALUE[c]! >= 0) continue;
      if (c === 0x0a || c === 0x0d) {
        j--;
        continue;
      }
      if (c !== 0x3d) return corrupt(si - 1);
      // Padding: `xx==` or `xxx=`, then only newlines may follow.
      if (j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      return si < src.length ? corrupt(si) : undefined;
    }
  }
  return undefined;
}

const corrupt = (offset: number): string => `illegal base64 data at input byte ${offset}`;

/** Go's time.quote: bytes outside printable ASCII as `\xNN`, `"` and `\` escaped. */
function goQuote(bytes: readonly number[]): string {
  let out = '"';
  for (const b of bytes) {
    if (b < 0x20 || b >= 0x80) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += (b === 0x22 || b === 0x5c ? '\\' : '') + String.fromCharCode(b);
  }
  return `${out}"`;
}

type Std = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'frac' | 'zone';
const CHUNKS: Readonly<Record<string, ReadonlyArray<readonly [prefix: string, std: Std, text: string]>>> = {
  [RFC3339]: [['', 'year', '2006'], ['-', 'month', '01'], ['-', 'day', '02'], ['T', 'hour', '15'], [':', 'minute', '04'], [':', 'second', '05'], ['', 'zone', 'Z07:00']],
  [RFC3339_MICRO]: [
    ['', 'year', '2006'], ['-', 'month', '01'], ['-', 'day', '02'], ['T', 'hour', '15'], [':', 'minute', '04'], [':', 'second', '05'],
    ['', 'frac', '.000000'], ['', 'zone', 'Z07:00'],
  ],
};

const isDigit = (v: readonly number[], i: number): boolean => i < v.length && v[i]! >= 0x30 && v[i]! <= 0x39;

/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(v: readonly number[], at: number, fixed: boolean): [value: number, next: number] | undefined {
  if (!isDigit(v, at)) return undefined;
  if (!isDigit(v, at + 1)) return fixed ? undefined : [v[at]! - 0x30, at + 1];
  return [(v[at]! - 0x30) * 10 + v[at + 1]! - 0x30, at + 2];
}

/** Go's atoi: optional sign, then digits only. */
function atoi(v: readonly number[], from: number, to: number): number | undefined {
  let i = from;
  const neg = v[i] === 0x2d;
  if (v[i] === 0x2d || v[i] === 0x2b) i++;
  if (i >= to) return undefined;
  let n = 0;
  for (; i < to; i++) {
    if (!isDigit(v, i)) return undefined;
    n = n * 10 + v[i]! - 0x30;
  }
  return neg ? -n : n;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The *time.ParseError text `time.Parse(layout, value)` gives, or undefined when it parses.
 * `layout` is RFC3339 or RFC3339_MICRO. Follows time/format.go parse step by step: a
 * prefix mismatch or bad number reports the element, a range check reports `month out of range`.
 */
export function timeParseError(layout: string, value: string): string | undefined {
  const v = utf8Encode(value);
  const fail = (layoutElem: string, at: number, message = ''): string =>
    message
      ? `parsing time ${goQuote(utf8Encode(value))}${message}`
      : `parsing time ${goQuote(utf8Encode(value))} as ${goQuote(utf8Encode(layout))}: cannot parse ${goQuote(v.slice(at))} as ${goQuote(utf8Encode(layoutElem))}`;
  const chunks = CHUNKS[layout] ?? [];
  let pos = 0;
  let year = 0;
  let month = 1;
  let day = 1;
  for (let c = 0; c < chunks.length; c++) {
    const [prefix, std, text] = chunks[c]!;
    for (let i = 0; i < prefix.length; i++, pos++) if (v[pos] !== prefix.charCodeAt(i)) return fail(prefix, pos);
    const hold = pos;
    let range = '';
    let bad = false;
    switch (std) {
      case 'year': {
        const y = v.length - pos >= 4 && isDigit(v, pos) ? atoi(v, pos, pos + 4) : undefined;
        if (y === undefined) bad = true;
        else [year, pos] = [y, pos + 4];
        break;
      }
      case 'month':
      case 'day':
      case 'minute':
      case 'second':
      case 'hour': {
        const n = getnum(v, pos, std !== 'hour');
        if (!n) {
          bad = true;
          break;
        }
        pos = n[1];
        if (std === 'month') [month, range] = [n[0], n[0] < 1 || n[0] > 12 ? 'month' : ''];
        if (std === 'day') day = n[0];
        if (std === 'hour' && n[0] >= 24) range = 'hour';
        if (std === 'minute' && n[0] >= 60) range = 'minute';
        if (std === 'second' && n[0] >= 60) range = 'second';
        // A fraction the layout does not spell out is still accepted after the seconds.
        if (std === 'second' && !range && chunks[c + 1]?.[1] !== 'frac' && (v[pos] === 0x2e || v[pos] === 0x2c) && isDigit(v, pos + 1)) {
          pos += 2;
          while (isDigit(v, pos)) pos++;
        }
        break;
      }
      case 'frac': {
        if (v.length - pos < 7 || (v[pos] !== 0x2e && v[pos] !== 0x2c)) bad = true;
        else {
          const ns = atoi(v, pos + 1, pos + 7);
          if (ns === undefined) bad = true;
          else if (ns < 0) range = 'fractional second';
          pos += 7;
        }
        break;
      }
      case 'zone': {
        if (v[pos] === 0x5a) {
          pos++;
          break;
        }
        if (v.length - pos < 6 || v[pos + 3] !== 0x3a) {
          bad = true;
          break;
        }
        const hr = getnum(v, pos + 1, true);
        const mm = hr ? getnum(v, pos + 4, true) : undefined;
        if (!hr || !mm) bad = true;
        if (hr && hr[0] > 24) range = 'time zone offset hour';
        if (mm && mm[0] > 60) range = 'time zone offset minute';
        if (v[pos] !== 0x2b && v[pos] !== 0x2d) bad = true;
        pos += 6;
        break;
      }
    }
    if (range) return fail(text, pos, `: ${range} out of range`);
    if (bad) return fail(text, hold);
  }
  if (pos < v.length) return fail('', pos, `: extra text: ${goQuote(v.slice(pos))}`);
  if (day < 1 || day > daysIn(month, year)) return fail('', pos, ': day out of range');
  return undefined;
}
