// Content digests for the simulated registry. Real digests are SHA-256 of manifest bytes the
// lab does not have; these are fixed 64-hex strings derived from a name, so every run and
// every browser shows the same `sha256:…` for the same image.

function mix(h: number): number {
  // murmur3's finaliser: spreads every input bit over the word.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 64 lowercase hex characters, the same for the same seed. */
export function hex64(seed: string): string {
  let out = '';
  let prev = 0;
  for (let i = 0; i < 8; i++) {
    prev = mix(fnv1a(seed, Math.imul(i + 1, 0x9e3779b9)) ^ prev);
    out += prev.toString(16).padStart(8, '0');
  }
  return out;
}

/** `sha256:` + hex64(seed). */
export function sha256Of(seed: string): string {
  return `sha256:${hex64(seed)}`;
}
