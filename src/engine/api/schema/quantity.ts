// Resource quantities (`250m`, `64Mi`, `1e3`) as k8s.io/apimachinery/pkg/api/resource treats
// them: ParseQuantity's scanner and its three error texts, values in base units (cores,
// bytes), Go's rounding (up to 1n, MilliValue and Value round up) and the canonical string
// Quantity.String() prints, which is what `kubectl describe` and `get -o yaml` show.

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity: ±mantissa × 10^scale, remembering the suffix family it was written in. */
export interface ParsedQuantity {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;
  /** the text as written, which Go prints back unchanged when it is already canonical enough */
  readonly text?: string;
}

interface Scanned {
  readonly negative: boolean;
  readonly num: string;
  readonly denom: string;
  readonly base: 10 | 2;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString + suffix interpretation of resource.ParseQuantity; an error text or the parts. */
function scan(str: string): Scanned | string {
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  let pos = 0;
  const negative = str[0] === '-';
  if (str[0] === '-' || str[0] === '+') pos++;
  const numberStart = pos;
  while (str[pos] === '0') pos++;
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const denomStart = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const hasDigits = /\d/.test(str.slice(numberStart, pos));
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return QUANTITY_FORMAT_ERROR;
  const suffix = str.slice(suffixStart);
  let parsed: Scanned | undefined;
  const dec = DECIMAL_SUFFIXES[suffix];
  const bin = BINARY_SUFFIXES[suffix];
  if (dec !== undefined) parsed = { negative, num, denom, base: 10, exponent: dec, format: 'DecimalSI' };
  else if (bin !== undefined) parsed = { negative, num, denom, base: 2, exponent: bin, format: 'BinarySI' };
  else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exponent = decimalExponent(suffix.slice(1));
    if (exponent !== undefined) parsed = { negative, num, denom, base: 10, exponent, format: 'DecimalExponent' };
  }
  if (!parsed) return QUANTITY_SUFFIX_ERROR;
  // Below nano units Go hands the number to inf.Dec, which wants at least one digit (`.e-10`).
  if (!hasDigits && parsed.base === 10 && parsed.exponent - denom.length < -9) return QUANTITY_NUMERIC_ERROR;
  return parsed;
}

/** strconv.ParseInt(s, 10, 64) then int32(…), as suffixHandler.interpret reads `e<n>`. */
function decimalExponent(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(BigInt.asIntN(32, n));
}

/**
 * The error resource.ParseQuantity returns for `str`, or undefined when it is a quantity.
 * (A number with no digits at all, like `.` or `+.`, parses as zero in Go too.)
 */
export function quantityError(str: string): string | undefined {
  const s = scan(str);
  return typeof s === 'string' ? s : undefined;
}

/** The text Go parses: a JSON number arrives as its own digits. */
const quantityText = (q: string | number): string => (typeof q === 'number' ? String(q) : q.trim());

/** The value in base units (cores for cpu, bytes for memory), or undefined when not a quantity. */
export function parseQuantity(q: string | number): number | undefined {
  const s = scan(quantityText(q));
  if (typeof s === 'string') return undefined;
  const n = s.base === 10 ? Number(`${s.num}.${s.denom || '0'}e${s.exponent}`) : Number(`${s.num}.${s.denom || '0'}`) * 2 ** s.exponent;
  return s.negative && n !== 0 ? -n : n;
}

const TEN = 10n;
const MAX_INT64 = 2n ** 63n - 1n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

/** The exact quantity, rounded up to nano units as ParseQuantity does. */
export function parseQuantityExact(q: string | number): ParsedQuantity | undefined {
  const text = quantityText(q);
  const s = scan(text);
  if (typeof s === 'string') return undefined;
  const keep = keepsText(s);
  let mantissa = BigInt(s.num + s.denom);
  let scale = -s.denom.length;
  if (s.base === 2) mantissa <<= BigInt(s.exponent);
  else scale += s.exponent;
  // Binary quantities are capped at the largest int64 (maxAllowed).
  if (s.base === 2 && mantissa > MAX_INT64 * pow10(-scale)) [mantissa, scale] = [MAX_INT64, 0];
  if (scale < -9) {
    const d = pow10(-9 - scale);
    mantissa = (mantissa + d - 1n) / d;
    scale = -9;
  }
  return { negative: s.negative && mantissa !== 0n, mantissa, scale, format: s.format, ...(keep ? { text } : {}) };
}

/** ParseQuantity's fast path keeps the caller's string (`5.`, `+5`, `1e0`) when it needs no rescaling. */
function keepsText(s: Scanned): boolean {
  const shifted = s.num + s.denom;
  if (s.base === 10) {
    const scale = s.exponent - s.denom.length;
    return shifted.length <= 18 && scale >= -9 && scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  }
  if (s.denom.length > 0 || 14 - s.num.length - Math.trunc((s.exponent * 3) / 10) < 0) return false;
  const value = BigInt(s.num);
  return value << BigInt(s.exponent) <= MAX_INT64 && s.exponent % 10 === 0 && (value & 7n) !== 0n;
}

/** ceil(|q| × 10^-scale) with q's sign: Go's Quantity.ScaledValue (rounds away from zero). */
function scaledValue(q: ParsedQuantity, scale: number): number {
  const shift = q.scale - scale;
  let v: bigint;
  if (shift >= 0) v = q.mantissa * pow10(shift);
  else {
    const d = pow10(-shift);
    v = (q.mantissa + d - 1n) / d;
  }
  return q.negative ? -Number(v) : Number(v);
}

/** Quantity.MilliValue: cpu `250m` → 250, `0.1` → 100, `1` → 1000. */
export function quantityMilliValue(q: string | number): number | undefined {
  const p = parseQuantityExact(q);
  return p && scaledValue(p, -3);
}

/** Quantity.Value: memory `64Mi` → 67108864; fractions round up (`0.5` → 1). */
export function quantityValue(q: string | number): number | undefined {
  const p = parseQuantityExact(q);
  return p && scaledValue(p, 0);
}

/** resource.NewMilliQuantity(milli, DecimalSI): what the scheduler and describe sum cpu into. */
export function milliQuantity(milli: number): ParsedQuantity {
  return { negative: milli < 0, mantissa: BigInt(Math.abs(Math.trunc(milli))), scale: -3, format: 'DecimalSI' };
}

/** resource.NewQuantity(value, format), e.g. memory bytes with BinarySI. */
export function newQuantity(value: number, format: QuantityFormat): ParsedQuantity {
  return { negative: value < 0, mantissa: BigInt(Math.abs(Math.trunc(value))), scale: 0, format };
}

/** The canonical form of a quantity string (`1.5` → `1500m`, `1024Mi` → `1Gi`), or undefined. */
export function canonicalQuantity(q: string | number): string | undefined {
  const p = parseQuantityExact(q);
  return p && formatQuantity(p);
}

/** Quantity.String() (CanonicalizeBytes): `250m`, `2`, `1k`, `64Mi`, `1536Mi`, `12e6`. */
export function formatQuantity(q: ParsedQuantity): string {
  if (q.text !== undefined) return q.text;
  if (q.mantissa === 0n) return '0';
  const sign = q.negative ? '-' : '';
  let format = q.format;
  if (format === 'BinarySI') {
    const whole = q.scale >= 0 ? q.mantissa * pow10(q.scale) : q.mantissa % pow10(-q.scale) === 0n ? q.mantissa / pow10(-q.scale) : undefined;
    if (whole === undefined || whole < 1024n) format = 'DecimalSI';
    else {
      let amount = whole;
      let exponent = 0;
      while (amount >= 1024n && amount % 1024n === 0n) [amount, exponent] = [amount / 1024n, exponent + 10];
      return `${sign}${amount}${Object.keys(BINARY_SUFFIXES).find((k) => BINARY_SUFFIXES[k] === exponent) ?? ''}`;
    }
  }
  let amount = q.mantissa;
  let exponent = q.scale;
  while (amount >= TEN && amount % TEN === 0n) [amount, exponent] = [amount / TEN, exponent + 1];
  while (exponent % 3 !== 0) [amount, exponent] = [amount * TEN, exponent - 1];
  if (format === 'DecimalExponent') return `${sign}${amount}${exponent === 0 ? '' : `e${exponent}`}`;
  return `${sign}${amount}${Object.keys(DECIMAL_SUFFIXES).find((k) => DECIMAL_SUFFIXES[k] === exponent) ?? ''}`;
}
