// A MetalLB IPAddressPool (metallb.io/v1beta1, spec.addresses): IPv4 ranges `A-B` and CIDRs
// `A/N`, handed out in the order written and, inside each, from the lowest address up, as
// MetalLB's allocator walks its cursor (internal/allocator/allocator.go getIPFromCIDR).

export interface AddressPool {
  /** the addresses as given: `10.64.140.43-10.64.140.49`, comma-separated when several */
  readonly text: string;
  /** inclusive [first, last] per entry, as 32-bit numbers */
  readonly ranges: readonly (readonly [number, number])[];
}

const IP = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as a number, or undefined for anything but dotted-quad IPv4. */
export function ipToNumber(ip: string): number | undefined {
  const m = IP.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function numberToIP(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** One entry: `A-B` or `A/N`; undefined when it is neither or runs backwards. */
function parseEntry(entry: string): readonly [number, number] | undefined {
  const dash = entry.split('-');
  if (dash.length === 2) {
    const a = ipToNumber(dash[0]!);
    const b = ipToNumber(dash[1]!);
    return a !== undefined && b !== undefined && a <= b ? [a, b] : undefined;
  }
  const slash = entry.split('/');
  if (slash.length === 2 && /^\d{1,2}$/.test(slash[1]!) && Number(slash[1]) <= 32) {
    const base = ipToNumber(slash[0]!);
    if (base === undefined) return undefined;
    const size = 2 ** (32 - Number(slash[1]));
    const first = base - (base % size);
    return [first, first + size - 1];
  }
  return undefined;
}

/** `A-B[,C-D…]` (or CIDRs) into a pool; `{ bad }` names the first entry that is not a range. */
export function parseAddressPool(text: string): AddressPool | { readonly bad: string } {
  const entries = text.split(',').map((e) => e.trim());
  const ranges: (readonly [number, number])[] = [];
  for (const e of entries) {
    const r = parseEntry(e);
    if (!r) return { bad: e };
    ranges.push(r);
  }
  return { text: entries.join(','), ranges };
}

export function poolContains(pool: AddressPool, ip: string): boolean {
  const n = ipToNumber(ip);
  return n !== undefined && pool.ranges.some(([a, b]) => n >= a && n <= b);
}

/** The first address of the pool not in `used`, walking the entries in order. */
export function firstFree(pool: AddressPool, used: ReadonlySet<string>): string | undefined {
  for (const [a, b] of pool.ranges) {
    for (let n = a; n <= b; n++) {
      const ip = numberToIP(n);
      if (!used.has(ip)) return ip;
    }
  }
  return undefined;
}

export function poolSize(pool: AddressPool): number {
  return pool.ranges.reduce((n, [a, b]) => n + (b - a + 1), 0);
}
