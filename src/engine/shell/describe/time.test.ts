import { describe, expect, it } from 'vitest';
import { formatRfc1123z, humanDuration, timestampSince } from './time.ts';

describe('describe time formats', () => {
  it.each([
    [-2_000, '<invalid>'], [-1_000, '0s'], [0, '0s'], [59_000, '59s'], [119_999, '119s'], [120_000, '2m'],
    [121_000, '2m1s'], [599_000, '9m59s'], [600_000, '10m'], [179 * 60_000, '179m'], [3 * 3600_000, '3h'],
    [3 * 3600_000 + 60_000, '3h1m'], [8 * 3600_000, '8h'], [47 * 3600_000, '47h'], [48 * 3600_000, '2d'],
    [51 * 3600_000, '2d3h'], [8 * 86400_000, '8d'], [729 * 86400_000, '729d'], [730 * 86400_000, '2y'],
    [731 * 86400_000, '2y1d'], [8 * 365 * 86400_000, '8y'],
  ])('HumanDuration(%i ms) is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints instants as RFC 1123 with a numeric zone', () => {
    expect(formatRfc1123z('2026-01-01T09:00:07Z')).toBe('Thu, 01 Jan 2026 09:00:07 +0000');
    expect(formatRfc1123z('2024-02-29T23:59:59.123456Z')).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
    expect(formatRfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });

  it('measures ages from simulated time, keeping microseconds', () => {
    expect(timestampSince('2026-01-01T09:00:00Z', 95_000)).toBe('95s');
    expect(timestampSince('2026-01-01T09:00:05.600000Z', 95_000)).toBe('89s');
    expect(timestampSince(undefined, 95_000)).toBe('<unknown>');
  });
});
