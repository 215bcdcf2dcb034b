// The cluster's one source of randomness: a seeded generator (sfc32), so the same seed
// always gives the same pod names, UIDs and load-balancing choices.
// Name suffixes use the alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no 0/1/3).

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const HEX_DIGIT = '0123456789abcdef';
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hex digits of an unsigned 32-bit integer, without toString/padStart. */
function hex8(n: number): string {
  return HEX_BYTE[n >>> 24]! + HEX_BYTE[(n >>> 16) & 255]! + HEX_BYTE[(n >>> 8) & 255]! + HEX_BYTE[n & 255]!;
}

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniformly random unsigned 32-bit integer. */
  uint32(): number {
    let a = this.#a, b = this.#b, c = this.#c, d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.#a = a; this.#b = b; this.#c = c; this.#d = d;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Kubernetes-style random suffix (`generateName`, `x2x7k`). */
  suffix(length = 5): string {
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHANUMS[this.int(ALPHANUMS.length)];
    return s;
  }

  /** A version-4 UUID from the seeded stream. */
  uuid(): string {
    // Four words a, b, c, d: a | b's high half | 4 and b's last three digits | the variant
    // (8-b from c's top two bits) and c's next three digits | c's low half and d.
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return `${hex8(a)}-${HEX_BYTE[b >>> 24]!}${HEX_BYTE[(b >>> 16) & 255]!}-4${HEX_DIGIT[(b >>> 8) & 15]!}${HEX_BYTE[b & 255]!}-${HEX_DIGIT[8 + ((c >>> 28) & 3)]!}${HEX_DIGIT[(c >>> 24) & 15]!}${HEX_BYTE[(c >>> 16) & 255]!}-${HEX_BYTE[(c >>> 8) & 255]!}${HEX_BYTE[c & 255]!}${hex8(d)}`;
  }

  /** Hex string of `n` characters (container IDs, image digests). */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += hex8(this.uint32());
    return s.slice(0, n);
  }

  get state(): [number, number, number, number] {
    return [this.#a, this.#b, this.#c, this.#d];
  }

  set state(s: [number, number, number, number]) {
    [this.#a, this.#b, this.#c, this.#d] = s;
  }
}
