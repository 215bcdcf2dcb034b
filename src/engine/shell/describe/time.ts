// How kubectl describe prints time: absolute instants in RFC 1123 with a numeric zone
// (Go's time.RFC1123Z, in UTC here) and ages as apimachinery's duration.HumanDuration.

import { millisFromIso } from '../../clock.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]00:00)$/;

/** `Mon, 02 Jan 2006 15:04:05 +0000`; Go prints the zero time for an unset timestamp. */
export function formatRfc1123z(iso: string | undefined): string {
  const m = iso === undefined ? null : ISO.exec(iso);
  if (!m) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return `${DAYS[dayOfWeek(y, mo, d)]}, ${pad(d)} ${MONTHS[mo - 1]} ${y} ${pad(h)}:${pad(mi)}:${pad(s)} +0000`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Sakamoto's method; 0 = Sunday. */
function dayOfWeek(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1]! + d) % 7;
}

/** duration.HumanDuration: every division truncates, a year is 365 days. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Simulated millis of a timestamp, keeping the fraction of a MicroTime. */
export function instantOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const fraction = /\.(\d+)Z$/.exec(iso);
  const whole = millisFromIso(fraction ? iso.replace(/\.\d+Z$/, 'Z') : iso);
  if (whole === undefined) return undefined;
  return fraction ? whole + Number(`0.${fraction[1]}`) * 1000 : whole;
}

/** translateTimestampSince: `<unknown>` for an unset (zero) timestamp. */
export function timestampSince(iso: string | undefined, now: number): string {
  const at = instantOf(iso);
  if (at === undefined) return '<unknown>';
  return humanDuration(now - at);
}
