// Pod IP addresses from a node's range, the way the host-local IPAM plugin hands them out:
// the next free address after the last one given, wrapping round, never one in use.

export class PodIpAllocator {
  readonly #base: number;
  readonly #size: number;
  readonly #first: number;
  #next: number;
  readonly #used = new Set<number>();

  /** `cidr` like 10.244.1.0/24; `first` is the first host offset handed out. */
  constructor(cidr: string, first = 2) {
    const [ip, bits] = cidr.split('/') as [string, string];
    this.#base = ipToInt(ip);
    this.#size = 2 ** (32 - Number(bits));
    this.#first = first;
    this.#next = first;
  }

  allocate(): string | undefined {
    for (let tries = 0; tries < this.#size; tries++) {
      const offset = this.#next;
      this.#next = this.#next + 1 >= this.#size - 1 ? this.#first : this.#next + 1;
      if (!this.#used.has(offset)) {
        this.#used.add(offset);
        return intToIp(this.#base + offset);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    this.#used.delete(ipToInt(ip) - this.#base);
  }
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
