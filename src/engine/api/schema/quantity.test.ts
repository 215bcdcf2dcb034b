import { describe, expect, it } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  canonicalQuantity,
  formatQuantity,
  milliQuantity,
  newQuantity,
  parseQuantity,
  quantityError,
  quantityMilliValue,
  quantityValue,
} from './quantity.ts';

describe('parseQuantity', () => {
  it('reads cpu in cores and memory in bytes', () => {
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(1)).toBe(1);
    expect(parseQuantity(0.5)).toBe(0.5);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('64Mi')).toBe(64 * 1024 * 1024);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('128974848')).toBe(128974848);
    expect(parseQuantity('129M')).toBe(129e6);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('1Ki')).toBe(1024);
  });

  it('supports every SI and binary suffix and decimal exponents', () => {
    expect(['1n', '1u', '1m', '1', '1k', '1M', '1G', '1T', '1P', '1E'].map(parseQuantity)).toEqual([1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18]);
    expect(['1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'].map(parseQuantity)).toEqual([2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40, 2 ** 50, 2 ** 60]);
    expect(['1e3', '1E3', '12e6', '1e-3', '1.5e3'].map(parseQuantity)).toEqual([1000, 1000, 12e6, 0.001, 1500]);
  });

  it('keeps the sign and accepts the odd forms Go accepts', () => {
    expect(parseQuantity('-1.5')).toBe(-1.5);
    expect(parseQuantity('+.5')).toBe(0.5);
    expect(parseQuantity('5.')).toBe(5);
    expect(parseQuantity(' 2 ')).toBe(2);
  });

  it('rejects what is not a quantity', () => {
    for (const bad of ['', 'abc', '1KiB', '1K', '1 m', '1e', '1.2.3', '--1', 'Inf']) expect(parseQuantity(bad)).toBeUndefined();
  });
});

describe('quantityError', () => {
  it('gives ParseQuantity\'s three error texts', () => {
    expect(quantityError('abc')).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(quantityError('')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('1KiB')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('1K')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityError('1e')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityError('1e99999999999999999999')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityError('.e-10')).toBe(QUANTITY_NUMERIC_ERROR);
    expect(quantityError('250m')).toBeUndefined();
    expect(quantityError('.')).toBeUndefined();
  });
});

describe('Go rounding', () => {
  it('rounds MilliValue and Value up, as the scheduler and kubelet read them', () => {
    expect(quantityMilliValue('250m')).toBe(250);
    expect(quantityMilliValue('1.1')).toBe(1100);
    expect(quantityMilliValue('0.1')).toBe(100);
    expect(quantityMilliValue('1.23456789')).toBe(1235);
    expect(quantityMilliValue('100u')).toBe(1);
    expect(quantityValue('64Mi')).toBe(67108864);
    expect(quantityValue('0.5')).toBe(1);
    expect(quantityValue('nope')).toBeUndefined();
  });
});

describe('canonical form (Quantity.String)', () => {
  // Each pair was round-tripped through kubectl 1.32's typed decoder and encoder.
  const cases: [string | number, string][] = [
    ['1.5', '1500m'], ['0.5Gi', '512Mi'], ['1.5Gi', '1536Mi'], ['1000m', '1'], ['1024Mi', '1Gi'], ['0.1', '100m'], ['2000', '2k'],
    ['1e3', '1e3'], ['129e6', '129e6'], ['1.5e3', '1500'], ['250m', '250m'], ['0', '0'], ['1000', '1k'], ['0.0000000001', '1n'],
    ['1.1n', '2n'], ['-1.5', '-1500m'], ['1e-12', '1e-9'], [1, '1'], [0.5, '500m'], ['0.5Mi', '512Ki'], ['1.5Ki', '1536'],
    ['10000000000000000000', '10E'], ['5.', '5.'], ['1e0', '1e0'], ['+5', '+5'], ['05', '05'], ['1.0', '1'], ['0.1Ki', '102400m'],
    ['2048Ki', '2Mi'], ['1024Ki', '1Mi'], ['8192Pi', '9223372036854775807'],
  ];
  it.each(cases)('%s prints as %s', (input, printed) => {
    expect(canonicalQuantity(input)).toBe(printed);
  });

  it('formats the sums the scheduler and describe build', () => {
    expect(formatQuantity(milliQuantity(250))).toBe('250m');
    expect(formatQuantity(milliQuantity(2000))).toBe('2');
    expect(formatQuantity(milliQuantity(0))).toBe('0');
    expect(formatQuantity(newQuantity(64 * 1024 * 1024, 'BinarySI'))).toBe('64Mi');
    expect(formatQuantity(newQuantity(1000, 'BinarySI'))).toBe('1k');
    expect(formatQuantity(newQuantity(110, 'DecimalSI'))).toBe('110');
  });
});
