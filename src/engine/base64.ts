// base64 and UTF-8 without Buffer, btoa or TextEncoder, so the engine runs the same in
// Node, a browser tab and a worker. Secrets' `data` and docker credentials use it.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** UTF-8 bytes to text; a broken sequence becomes U+FFFD, as Go prints it. */
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

export function bytesToBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** Bytes of a base64 string, or undefined when it is not valid base64 (standard alphabet, padded). */
export function base64ToBytes(b64: string): number[] | undefined {
  const clean = b64.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (clean[i + j] === '=' ? 0 : B64.indexOf(clean[i + j]!)));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    bytes.push((v >> 16) & 255);
    if (clean[i + 2] !== '=') bytes.push((v >> 8) & 255);
    if (clean[i + 3] !== '=') bytes.push(v & 255);
  }
  return bytes;
}

export const base64Encode = (text: string): string => bytesToBase64(utf8Encode(text));

export function base64Decode(b64: string): string | undefined {
  const bytes = base64ToBytes(b64);
  return bytes && utf8Decode(bytes);
}
