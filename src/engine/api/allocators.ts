// The Service allocators of kube-apiserver 1.32: ClusterIPs from the service CIDR and node
// ports from 30000-32767, each a bitmap with a static lower band kept for requested values and
// a random scan of the upper band first (pkg/registry/core/service/ipallocator/bitmap.go,
// portallocator/allocator.go, allocator/bitmap.go randomScanStrategyWithOffset).

import type { Random } from '../random.ts';

/** allocator.AllocationBitmap with randomScanStrategyWithOffset, over indexes 0..max-1. */
export class OffsetBitmap {
  readonly max: number;
  readonly offset: number;
  readonly #random: Random;
  readonly #used = new Set<number>();

  constructor(max: number, offset: number, random: Random) {
    this.max = max;
    this.offset = offset;
    this.#random = random;
  }

  get used(): number {
    return this.#used.size;
  }

  has(i: number): boolean {
    return this.#used.has(i);
  }

  /** Reserves index `i`; false when it is already taken. */
  allocate(i: number): boolean {
    if (this.#used.has(i)) return false;
    this.#used.add(i);
    return true;
  }

  /** A random free index from the upper band, else from the lower band; undefined when full. */
  allocateNext(): number | undefined {
    if (this.#used.size >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = this.#random.int(upper);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (!this.#used.has(at)) return this.#take(at);
      }
    }
    if (this.offset > 0) {
      const start = this.#random.int(this.offset);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (!this.#used.has(at)) return this.#take(at);
      }
    }
    return undefined;
  }

  release(i: number): void {
    this.#used.delete(i);
  }

  #take(i: number): number {
    this.#used.add(i);
    return i;
  }
}

export type AllocateOutcome = 'ok' | 'allocated' | 'not-in-range';

export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
}

export const numberToIp = (n: number): string => `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;

/** ipallocator calculateRangeOffset: min(max(16, size/16), 256), 0 for ranges of 16 or fewer. */
const ipRangeOffset = (size: number): number => (size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 16)), 256));

/** portallocator calculateRangeOffset: min(max(16, size/32), 128), 0 for 16 ports or fewer. */
const portRangeOffset = (size: number): number => (size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128));

/** An IPv4 service CIDR; neither the network nor the broadcast address is ever handed out. */
export class ClusterIPAllocator {
  readonly cidr: string;
  /** the first usable address (network + 1): index 0 of the bitmap */
  readonly #base: number;
  readonly #bits: OffsetBitmap;

  constructor(cidr: string, random: Random) {
    const [addr, bits] = cidr.split('/');
    const prefix = Number(bits);
    const size = 2 ** (32 - prefix);
    const network = Math.floor((ipToNumber(addr ?? '') ?? 0) / size) * size;
    this.cidr = cidr;
    this.#base = network + 1;
    this.#bits = new OffsetBitmap(Math.max(0, size - 2), ipRangeOffset(size), random);
  }

  get used(): number {
    return this.#bits.used;
  }

  #index(ip: string): number | undefined {
    const n = ipToNumber(ip);
    if (n === undefined) return undefined;
    const i = n - this.#base;
    return i >= 0 && i < this.#bits.max ? i : undefined;
  }

  /** Checks a requested address without reserving it (dry run). */
  check(ip: string): AllocateOutcome {
    const i = this.#index(ip);
    if (i === undefined) return 'not-in-range';
    return this.#bits.has(i) ? 'allocated' : 'ok';
  }

  allocate(ip: string): AllocateOutcome {
    const i = this.#index(ip);
    if (i === undefined) return 'not-in-range';
    return this.#bits.allocate(i) ? 'ok' : 'allocated';
  }

  allocateNext(): string | undefined {
    const i = this.#bits.allocateNext();
    return i === undefined ? undefined : numberToIp(this.#base + i);
  }

  has(ip: string): boolean {
    const i = this.#index(ip);
    return i !== undefined && this.#bits.has(i);
  }

  release(ip: string): void {
    const i = this.#index(ip);
    if (i !== undefined) this.#bits.release(i);
  }
}

/** --service-node-port-range, default 30000-32767 (inclusive); node ports are cluster-wide. */
export class NodePortAllocator {
  readonly base: number;
  readonly size: number;
  readonly #bits: OffsetBitmap;

  constructor(random: Random, base = 30000, size = 2768) {
    this.base = base;
    this.size = size;
    this.#bits = new OffsetBitmap(size, portRangeOffset(size), random);
  }

  /** `30000-32767`, as the range error prints it */
  get range(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  get used(): number {
    return this.#bits.used;
  }

  #index(port: number): number | undefined {
    const i = port - this.base;
    return Number.isInteger(i) && i >= 0 && i < this.size ? i : undefined;
  }

  check(port: number): AllocateOutcome {
    const i = this.#index(port);
    if (i === undefined) return 'not-in-range';
    return this.#bits.has(i) ? 'allocated' : 'ok';
  }

  allocate(port: number): AllocateOutcome {
    const i = this.#index(port);
    if (i === undefined) return 'not-in-range';
    return this.#bits.allocate(i) ? 'ok' : 'allocated';
  }

  allocateNext(): number | undefined {
    const i = this.#bits.allocateNext();
    return i === undefined ? undefined : this.base + i;
  }

  has(port: number): boolean {
    const i = this.#index(port);
    return i !== undefined && this.#bits.has(i);
  }

  release(port: number): void {
    const i = this.#index(port);
    if (i !== undefined) this.#bits.release(i);
  }
}

/** What the Service registry allocates from, owned by the cluster (one per API server). */
export class ServiceAllocators {
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;

  constructor(serviceCIDR: string, random: Random) {
    this.clusterIPs = new ClusterIPAllocator(serviceCIDR, random);
    this.nodePorts = new NodePortAllocator(random);
  }
}
