import { describe, expect, it } from 'vitest';
import { Quantity } from './quantity.ts';

const q = (s: string): Quantity => {
  const parsed = Quantity.parse(s);
  if (!parsed) throw new Error(`unparsable ${s}`);
  return parsed;
};

describe('resource quantities', () => {
  // Each pair was checked against what kubectl 1.32 prints for the same request.
  it.each([
    ['1Ki', '1Ki'], ['1024', '1024'], ['1M', '1M'], ['1000000', '1M'], ['0.001', '1m'], ['1.5', '1500m'],
    ['1Mi', '1Mi'], ['1.5Mi', '1536Ki'], ['1e3', '1e3'], ['100u', '100u'], ['0.5Ki', '512'], ['1.5Gi', '1536Mi'],
    ['1n', '1n'], ['0.1n', '1n'], ['-1Ki', '-1Ki'], ['12e1', '120'], ['0.0001', '100u'], ['1000k', '1M'],
    ['2048Mi', '2Gi'], ['1023Ki', '1023Ki'], ['999', '999'], ['1.25', '1250m'], ['3e-3', '3e-3'],
    ['5000000000', '5G'], ['100.0m', '100m'], ['1.0', '1'], ['0', '0'], ['0Mi', '0'], ['7Ti', '7Ti'], ['0.25Ki', '256'],
    ['1000m', '1'], ['0.5', '500m'], ['129e6', '129e6'], ['1200m', '1200m'], ['102625208Ki', '102625208Ki'],
  ])('prints %s as %s', (input, canonical) => {
    expect(q(input).toString()).toBe(canonical);
  });

  it('prints the canonical form an API server would have stored, not the spelling', () => {
    // kubectl echoes `1E6` and `+3` only because it caches the string it parsed; a real API
    // server hands it `1e6` and `3`.
    expect(q('1E6').toString()).toBe('1e6');
    expect(q('+3').toString()).toBe('3');
  });

  it('rejects what Kubernetes rejects', () => {
    expect(Quantity.parse('')).toBeUndefined();
    expect(Quantity.parse('1Q')).toBeUndefined();
    expect(Quantity.parse('1e')).toBeUndefined();
  });

  it('adds exactly and keeps the format of the first non-zero term', () => {
    expect(q('128Mi').add(q('256M')).toString()).toBe('381072Ki');
    expect(q('100m').add(q('1')).add(q('0.4')).toString()).toBe('1500m');
    expect(Quantity.zero().add(q('1Gi')).toString()).toBe('1Gi');
  });

  it('rounds Value and MilliValue up', () => {
    expect(q('1500m').value()).toBe(2);
    expect(q('1.5').milliValue()).toBe(1500);
    expect(q('1n').milliValue()).toBe(1);
    expect(q('16364300Ki').value()).toBe(16757043200);
  });

  it('compares across formats', () => {
    expect(q('1Ki').cmp(q('1024'))).toBe(0);
    expect(q('1k').cmp(q('1Ki'))).toBe(-1);
    expect(q('2').cmp(q('1999m'))).toBe(1);
  });
});
