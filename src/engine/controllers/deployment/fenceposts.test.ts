import { describe, expect, it } from 'vitest';
import type { IntOrPercent, RolloutSpec, StrategyType } from './fenceposts.ts';
import { maxSurge, maxUnavailable, minAvailable, resolveFenceposts, scaledValue, validateRollingUpdate } from './fenceposts.ts';
import { rollingUpdateCases as cases } from './fixtures/rollingUpdateCases.ts';

interface ScaledCase { input: IntOrPercent; total?: number; roundUp?: boolean; expected?: number; expectError?: boolean }
interface FencepostCase {
  maxSurge: string | null; maxUnavailable: string | null; desired: number;
  expectSurge: number; expectUnavailable: number; expectError: boolean;
}
interface LimitCase { name: string; strategy: StrategyType; replicas: number | null; maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent; expected: number }
interface DerivedCase {
  replicas: number; maxSurge: IntOrPercent; maxUnavailable: IntOrPercent; expectedMaxSurge: number;
  expectedMaxUnavailable: number; maxPodsDuringRollout: number; minAvailableDuringRollout: number;
}

const specOf = (c: LimitCase): RolloutSpec => ({
  replicas: c.replicas ?? 1,
  strategy: c.strategy,
  ...(c.maxSurge === undefined ? {} : { maxSurge: c.maxSurge }),
  ...(c.maxUnavailable === undefined ? {} : { maxUnavailable: c.maxUnavailable }),
});

describe('an int-or-percent value scaled against a total', () => {
  it.each(cases.intOrPercent.cases as ScaledCase[])('$input of $total (round up: $roundUp)', (c) => {
    const r = scaledValue(c.input, c.total ?? 100, c.roundUp ?? false);
    if (c.expectError) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: c.expected });
  });

  it('words a string without % and a non-numeric percent as apimachinery does', () => {
    expect(scaledValue('5', 10, true)).toEqual({ ok: false, error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
    expect(scaledValue('#%', 10, true)).toEqual({
      ok: false,
      error: 'invalid value for IntOrString: invalid value "#%": strconv.Atoi: parsing "#": invalid syntax',
    });
  });
});

describe('resolving the fenceposts', () => {
  const name = (c: FencepostCase) =>
    c.expectError
      ? `${c.maxSurge}/${c.maxUnavailable} of ${c.desired} is rejected`
      : `surge ${c.maxSurge ?? 'unset'} / unavailable ${c.maxUnavailable ?? 'unset'} of ${c.desired} gives ${c.expectSurge}/${c.expectUnavailable}`;
  it.each((cases.resolveFenceposts.cases as FencepostCase[]).map((c) => [name(c), c] as const))('%s', (_, c) => {
    const r = resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired);
    if (c.expectError) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: { surge: c.expectSurge, unavailable: c.expectUnavailable } });
  });
});

describe('how many pods may be unavailable', () => {
  it.each((cases.maxUnavailable.cases as LimitCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(maxUnavailable(specOf(c))).toBe(c.expected);
  });
});

describe('how many pods must stay available', () => {
  it.each((cases.minAvailable.cases as LimitCase[]).map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(minAvailable(specOf(c))).toBe(c.expected);
  });
});

describe('the pod envelope of a rollout', () => {
  const name = (c: DerivedCase) =>
    `${c.replicas} replicas with ${c.maxSurge}/${c.maxUnavailable} run at most ${c.maxPodsDuringRollout} pods, at least ${c.minAvailableDuringRollout} available`;
  it.each((cases.maxSurge_and_fenceposts_derived.cases as DerivedCase[]).map((c) => [name(c), c] as const))('%s', (_, c) => {
    const spec: RolloutSpec = { replicas: c.replicas, strategy: 'RollingUpdate', maxSurge: c.maxSurge, maxUnavailable: c.maxUnavailable };
    expect(maxSurge(spec)).toBe(c.expectedMaxSurge);
    expect(maxUnavailable(spec)).toBe(c.expectedMaxUnavailable);
    expect(c.replicas + maxSurge(spec)).toBe(c.maxPodsDuringRollout);
    expect(minAvailable(spec)).toBe(c.minAvailableDuringRollout);
  });
});

describe('validating spec.strategy.rollingUpdate', () => {
  it('rejects an explicit 0/0 on maxUnavailable', () => {
    expect(validateRollingUpdate({ maxSurge: 0, maxUnavailable: 0 }).map((e) => e.message)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    expect(validateRollingUpdate({ maxSurge: '0%', maxUnavailable: '0%' })).toHaveLength(1);
  });

  it('accepts the defaults and a single zero', () => {
    expect(validateRollingUpdate({ maxSurge: '25%', maxUnavailable: '25%' })).toEqual([]);
    expect(validateRollingUpdate({ maxSurge: 1, maxUnavailable: 0 })).toEqual([]);
  });

  it('rejects malformed percents, negatives and more than 100% unavailable', () => {
    const messages = validateRollingUpdate({ maxSurge: -1, maxUnavailable: '5' }).map((e) => e.message);
    expect(messages).toEqual([
      `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "5": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(validateRollingUpdate({ maxSurge: 1, maxUnavailable: '101%' }).map((e) => e.message)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "101%": must not be greater than 100%',
    ]);
  });
});
