import { describe, expect, it } from 'vitest';
import { EPOCH_ISO } from '../../clock.ts';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './age.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'],
    [0, '0s'],
    [1 * s, '1s'],
    [59 * s, '59s'],
    [70 * s, '70s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [2 * m + 1 * s, '2m1s'],
    [3 * m + 10 * s, '3m10s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [70 * m, '70m'],
    [79 * m, '79m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 1 * m, '3h1m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [21 * h, '21h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 1 * h, '2d1h'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [367 * d, '367d'],
    [729 * d, '729d'],
    [2 * y, '2y'],
    [2 * y + 1 * d, '2y1d'],
    [7 * y + 364 * d, '7y364d'],
    [8 * y, '8y'],
    [9 * y + 100 * d, '9y'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration', () => {
  it('keeps one unit only', () => {
    expect([59 * s, 61 * s, 59 * m, 90 * m, 25 * h, 400 * d, -5 * s].map(shortHumanDuration)).toEqual(['59s', '1m', '59m', '1h', '1d', '1y', '<invalid>']);
  });
});

describe('translateTimestampSince', () => {
  it('is <unknown> for a missing timestamp', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince(null, 0)).toBe('<unknown>');
  });

  it('measures from the simulated clock', () => {
    expect(translateTimestampSince(EPOCH_ISO, 11 * s)).toBe('11s');
  });

  it('keeps the fraction of a MicroTime, as Go subtracts exact instants', () => {
    expect(translateTimestampSince('2026-01-01T09:00:00.6Z', 5 * s + 500)).toBe('4s');
  });
});
