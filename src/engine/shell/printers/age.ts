// Human-readable durations as kubectl prints them in AGE, RESTARTS and LAST SEEN columns.
// A port of k8s.io/apimachinery/pkg/util/duration (HumanDuration, ShortHumanDuration) and of
// translateTimestampSince in kubernetes pkg/printers/internalversion/printers.go.

import { millisFromIso } from '../../clock.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(d.Seconds()): truncates toward zero, so -1.9s is -1 ("0s"), not -2 ("<invalid>"). */
const wholeSeconds = (ms: number): number => Math.trunc(ms / SECOND);

/** duration.HumanDuration: two units while the larger one is small, one unit after that. */
export function humanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  // Up to 2s in the future still counts as "now": clocks on different machines drift.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** duration.ShortHumanDuration: always a single unit (`59s`, `1m`, `1h`, `1d`, `1y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Simulated millis of a timestamp, or undefined when it is missing (Go's zero time). Keeps the
 * sub-second part of MicroTimes (event times) so that "4.9996s ago" still truncates to 4s.
 */
export function timestampMillis(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const whole = millisFromIso(iso);
  if (whole === undefined) return undefined;
  const fraction = /\.(\d+)Z$/.exec(iso)?.[1];
  return fraction ? whole + Number(`0.${fraction}`) * SECOND : whole;
}

/** printers.go translateTimestampSince: elapsed time since `iso`, `<unknown>` when unset. */
export function translateTimestampSince(iso: string | null | undefined, nowMillis: number): string {
  const at = timestampMillis(iso);
  return at === undefined ? '<unknown>' : humanDuration(nowMillis - at);
}
