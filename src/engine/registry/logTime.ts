// Timestamps in the formats container programs print them (nginx and Go `log`, redis, Apache,
// the common log format of access logs), computed from the container's start time without
// the Date object.

export interface WallClock {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millis: number;
  /** 0 = Sunday */
  readonly weekday: number;
}

import { civilFromDays, daysFromCivil } from '../calendar.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The wall clock `offsetMs` after an RFC 3339 UTC instant (`2026-01-01T09:00:05Z`). */
export function wallClock(iso: string, offsetMs = 0): WallClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/.exec(iso);
  const [y, mo, d, h, mi, s] = m ? m.slice(1, 7).map(Number) : [1970, 1, 1, 0, 0, 0];
  const frac = m?.[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const total = (daysFromCivil(y!, mo!, d!) * 86400 + h! * 3600 + mi! * 60 + s!) * 1000 + frac + offsetMs;
  const days = Math.floor(total / 86_400_000);
  const rem = total - days * 86_400_000;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3_600_000),
    minute: Math.floor((rem % 3_600_000) / 60_000),
    second: Math.floor((rem % 60_000) / 1000),
    millis: rem % 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/** nginx error log and Go's `log` package: `2026/01/01 09:00:05`. */
export const slashTime = (t: WallClock): string =>
  `${t.year}/${pad(t.month)}/${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;

/** redis: `01 Jan 2026 09:00:05.123`. */
export const redisTime = (t: WallClock): string =>
  `${pad(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millis, 3)}`;

/** Common log format (nginx access log, morgan `combined`): `01/Jan/2026:09:00:05 +0000`. */
export const clfTime = (t: WallClock): string =>
  `${pad(t.day)}/${MONTHS[t.month - 1]}/${t.year}:${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} +0000`;

/** Apache httpd error log: `Thu Jan 01 09:00:05.123456 2026`. */
export const apacheTime = (t: WallClock): string =>
  `${DAYS[t.weekday]} ${MONTHS[t.month - 1]} ${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millis, 3)}000 ${t.year}`;
