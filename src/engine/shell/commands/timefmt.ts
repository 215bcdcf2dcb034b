// strftime as GNU date and ls use it, for the simulated clock: the lab's wall clock is UTC
// and starts at 2026-01-01 09:00:00 (clock.ts EPOCH_ISO). Only the conversions a learner
// is likely to type are known; others are printed as written, as GNU does for unknown ones.

import { EPOCH_ISO, EPOCH_MS } from '../../clock.ts';
import type { WallClock } from '../../registry/logTime.ts';
import { wallClock } from '../../registry/logTime.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);

/** The wall clock at simulated time `simMs`. */
export const wallAt = (simMs: number): WallClock => wallClock(EPOCH_ISO, simMs);

function dayOfYear(t: WallClock): number {
  const cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const leap = (t.year % 4 === 0 && t.year % 100 !== 0) || t.year % 400 === 0;
  return cumulative[t.month - 1]! + t.day + (leap && t.month > 2 ? 1 : 0);
}

/** Formats `t` (at simulated `simMs`) with a strftime format. */
export function strftime(format: string, t: WallClock, simMs: number): string {
  const conv: Readonly<Record<string, () => string>> = {
    a: () => DAYS[t.weekday]!,
    A: () => DAYS_LONG[t.weekday]!,
    b: () => MONTHS[t.month - 1]!,
    h: () => MONTHS[t.month - 1]!,
    B: () => MONTHS_LONG[t.month - 1]!,
    c: () => strftime('%a %b %e %H:%M:%S %Y', t, simMs),
    C: () => pad(Math.floor(t.year / 100)),
    d: () => pad(t.day),
    D: () => strftime('%m/%d/%y', t, simMs),
    e: () => pad(t.day, 2, ' '),
    F: () => strftime('%Y-%m-%d', t, simMs),
    H: () => pad(t.hour),
    I: () => pad(((t.hour + 11) % 12) + 1),
    j: () => pad(dayOfYear(t), 3),
    k: () => pad(t.hour, 2, ' '),
    l: () => pad(((t.hour + 11) % 12) + 1, 2, ' '),
    m: () => pad(t.month),
    M: () => pad(t.minute),
    n: () => '\n',
    N: () => pad(t.millis, 3) + '000000',
    p: () => (t.hour < 12 ? 'AM' : 'PM'),
    P: () => (t.hour < 12 ? 'am' : 'pm'),
    r: () => strftime('%I:%M:%S %p', t, simMs),
    R: () => strftime('%H:%M', t, simMs),
    s: () => String(Math.floor((EPOCH_MS + simMs) / 1000)),
    S: () => pad(t.second),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', t, simMs),
    u: () => String(t.weekday === 0 ? 7 : t.weekday),
    w: () => String(t.weekday),
    x: () => strftime('%m/%d/%y', t, simMs),
    X: () => strftime('%H:%M:%S', t, simMs),
    y: () => pad(t.year % 100),
    Y: () => String(t.year),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const f = conv[format[i + 1]!];
    out += f ? f() : `%${format[i + 1]!}`;
    i++;
  }
  return out;
}
