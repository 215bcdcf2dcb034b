// Go strings are UTF-8 bytes: describe measures and cuts annotation values in bytes and
// Secret data arrives base64-encoded. The engine has no TextEncoder/atob, so these are here.

export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Lossy UTF-8 decoding: a broken sequence becomes U+FFFD, as Go prints it. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 0x6 ? 1 : b >> 4 === 0xe ? 2 : b >> 3 === 0x1e ? 3 : -1;
    const tail = bytes.slice(i + 1, i + 1 + Math.max(need, 0));
    if (need < 0 || tail.length < need || tail.some((t) => t >> 6 !== 0x2)) {
      out += need === 0 ? String.fromCharCode(b) : '\ufffd';
      i++;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    for (const t of tail) c = (c << 6) | (t & 0x3f);
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}

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
