import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from './calendar.ts';
import { isoFromMillis, millisFromIso } from './clock.ts';

describe('civil dates without the Date object', () => {
  it('agree with the reference calendar across leap years and centuries', () => {
    for (let days = -700_000; days <= 800_000; days += 997) {
      const [y, m, d] = civilFromDays(days);
      expect(daysFromCivil(y, m, d)).toBe(days);
      expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
  });

  it('round-trips the simulated clock through RFC 3339', () => {
    expect(isoFromMillis(1_767_258_000_000)).toBe('2026-01-01T09:00:00Z');
    for (const ms of [0, 999, 61_000, 86_399_000, 31_536_000_000]) expect(millisFromIso(isoFromMillis(1_767_258_000_000 + ms))).toBe(Math.floor(ms / 1000) * 1000);
  });
});
