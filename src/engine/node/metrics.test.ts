import { describe, expect, it } from 'vitest';
import { averageOver } from './metrics.ts';

describe('metrics-server averages over its 15 s window', () => {
  const usage = (percent: number | undefined): number => (percent === undefined ? 1 : percent);

  it('uses the idle figure when nothing was loaded', () => {
    expect(averageOver([], 0, 15_000, usage)).toBe(1);
  });

  it('weights each load by the time it held within the window', () => {
    // 200 from 10 s into the window: 2/3 of it idle (1), 1/3 at 200.
    expect(averageOver([{ at: 10_000, percent: 200 }], 0, 15_000, usage)).toBeCloseTo((10 * 1 + 5 * 200) / 15);
  });

  it('takes the load in force at the window start from earlier changes', () => {
    const history = [
      { at: 0, percent: 50 },
      { at: 20_000, percent: undefined },
    ];
    expect(averageOver(history, 15_000, 30_000, usage)).toBeCloseTo((5 * 50 + 10 * 1) / 15);
  });
});
