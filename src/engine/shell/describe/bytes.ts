// Go strings are UTF-8 bytes: describe measures and cuts annotation values in bytes and
// Secret data arrives base64-encoded. The UTF-8 codec is the engine's (base64.ts).

import { utf8Decode, utf8Encode as utf8Bytes } from '../../base64.ts';

export { utf8Bytes, utf8Decode };

/** Go's `s[:n]` on a string, then printed. */
export function truncateBytes(s: string, n: number): string {
  return utf8Decode(utf8Bytes(s).slice(0, n));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Decode(b64: string): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of b64) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}
