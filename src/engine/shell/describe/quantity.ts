// resource.Quantity from k8s.io/apimachinery/pkg/api/resource, as far as describe needs it:
// parse (rounded up to nano precision), exact addition, comparison, Value/MilliValue
// (rounded up) and the canonical String() that kubectl prints (`500m`, `128Mi`, `1k`).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

/** `unscaled × 10^scale`, kept exact with bigint. */
export class Quantity {
  readonly unscaled: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;

  constructor(unscaled: bigint, scale: number, format: QuantityFormat) {
    this.unscaled = unscaled;
    this.scale = scale;
    this.format = format;
  }

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  /** resource.ParseQuantity; undefined where Kubernetes would reject the string. */
  static parse(text: string): Quantity | undefined {
    const m = QUANTITY.exec(text.trim());
    if (!m || text.trim() === '') return undefined;
    const [, sign, num = '', denom = '', suffix = ''] = m;
    const digits = BigInt((num || '0') + denom) * (sign === '-' ? -1n : 1n);
    let q: Quantity;
    if (suffix in BINARY_SUFFIXES) {
      q = new Quantity(digits * (1n << BigInt(BINARY_SUFFIXES[suffix]!)), -denom.length, 'BinarySI');
    } else if (suffix in DECIMAL_SUFFIXES) {
      q = new Quantity(digits, DECIMAL_SUFFIXES[suffix]! - denom.length, 'DecimalSI');
    } else if (/^[eE][+-]?\d+$/.test(suffix)) {
      q = new Quantity(digits, Number(suffix.slice(1)) - denom.length, 'DecimalExponent');
    } else {
      return undefined;
    }
    // Anything finer than a nano-unit is rounded up, away from zero.
    return q.scale < -9 ? new Quantity(divAwayFromZero(q.unscaled, 10n ** BigInt(-9 - q.scale)), -9, q.format) : q;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** Quantity.Add: exact; the result keeps this format unless this is zero. */
  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    const scale = Math.min(this.scale, other.scale);
    const sum = this.unscaled * 10n ** BigInt(this.scale - scale) + other.unscaled * 10n ** BigInt(other.scale - scale);
    return new Quantity(sum, scale, format);
  }

  cmp(other: Quantity): number {
    const scale = Math.min(this.scale, other.scale);
    const a = this.unscaled * 10n ** BigInt(this.scale - scale);
    const b = other.unscaled * 10n ** BigInt(other.scale - scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** ScaledValue(0): rounded up to an integer. */
  value(): number {
    return Number(this.#scaled(0));
  }

  /** ScaledValue(-3): thousandths, rounded up. */
  milliValue(): number {
    return Number(this.#scaled(-3));
  }

  #scaled(scale: number): bigint {
    const shift = this.scale - scale;
    return shift >= 0 ? this.unscaled * 10n ** BigInt(shift) : divAwayFromZero(this.unscaled, 10n ** BigInt(-shift));
  }

  /** Quantity.String(): the canonical form (CanonicalizeBytes). */
  toString(): string {
    if (this.isZero()) return '0';
    if (this.format === 'BinarySI' && (this.cmp(new Quantity(1024n, 0, 'DecimalSI')) >= 0 || this.cmp(new Quantity(-1024n, 0, 'DecimalSI')) <= 0)) {
      const whole = this.scale >= 0 ? this.unscaled * 10n ** BigInt(this.scale) : undefined;
      const exact = whole ?? (this.unscaled % 10n ** BigInt(-this.scale) === 0n ? this.unscaled / 10n ** BigInt(-this.scale) : undefined);
      if (exact !== undefined) {
        const [amount, times] = removeFactors(exact, 1024n);
        const suffix = Object.keys(BINARY_SUFFIXES).find((k) => BINARY_SUFFIXES[k] === times * 10) ?? '';
        return `${amount}${suffix}`;
      }
    }
    const [mantissa, times] = removeFactors(this.unscaled, 10n);
    let amount = mantissa;
    let exponent = this.scale + times;
    // The exponent is lowered to a multiple of three, widening the mantissa.
    while (((exponent % 3) + 3) % 3 !== 0) {
      amount *= 10n;
      exponent--;
    }
    if (this.format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
    const suffix = Object.keys(DECIMAL_SUFFIXES).find((k) => DECIMAL_SUFFIXES[k] === exponent) ?? '';
    return `${amount}${suffix}`;
  }
}

/** Parses a quantity from an object field; unparsable values count as zero. */
export function quantityOf(v: unknown): Quantity {
  if (typeof v === 'number') return Quantity.parse(String(v)) ?? Quantity.zero();
  return (typeof v === 'string' ? Quantity.parse(v) : undefined) ?? Quantity.zero();
}

function divAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (n % d === 0n) return q;
  return n > 0n ? q + 1n : q - 1n;
}

function removeFactors(value: bigint, base: bigint): [bigint, number] {
  const negative = value < 0n;
  let result = negative ? -value : value;
  let times = 0;
  while (result >= base && result % base === 0n) {
    result /= base;
    times++;
  }
  return [negative ? -result : result, times];
}
