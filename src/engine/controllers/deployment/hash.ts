// The pod-template-hash label and the ReplicaSet name `<deployment>-<hash>`. Imitates
// controller.ComputeHash (pkg/controller/controller_utils.go): FNV-32a over go-spew's "%#v"
// dump of the PodTemplateSpec (hashutil.DeepHashObject: SortKeys, DisableMethods), plus the
// collision count, printed in decimal and mapped through rand.SafeEncodeString.

import type { GoType } from './podTemplateGoTypes.ts';
import { podTemplateSpecType } from './podTemplateGoTypes.ts';

type Json = unknown;

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each byte picks from an alphabet without vowels or 0/1/3. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const b of utf8(s)) out += ALPHANUMS[b % ALPHANUMS.length];
  return out;
}

function utf8(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

/** hash/fnv New32a over bytes, continuing from `hash`. */
export function fnv32a(bytes: readonly number[], hash = 0x811c9dc5): number {
  let h = hash;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** resource.ParseQuantity's int64 fast path: the fields a decoded Quantity holds. */
function quantityFields(q: string): { value: number; scale: number; s: string; format: string } | undefined {
  if (q === '0') return { value: 0, scale: 0, s: '0', format: 'DecimalSI' };
  const m = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|)$/.exec(q);
  if (!m) return undefined;
  const [, sign, rawNum, denom = '', suffix = ''] = m;
  const num = rawNum || '0';
  const binary = suffix.endsWith('i');
  const exponent = binary ? 10 * ('KMGTPE'.indexOf(suffix[0]!) + 1) : { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }[suffix]!;
  const precision = binary
    ? denom === '' ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1
    : 18 - (num.length + denom.length);
  const scale = (binary ? 0 : exponent) - denom.length;
  if (precision < 0 || scale < -9) return undefined;
  const shifted = num + denom;
  const value = Number(shifted) * (binary ? 2 ** exponent : 1);
  if (!Number.isSafeInteger(value)) return undefined;
  const canonical = binary
    ? exponent % 10 === 0 && (Number(shifted) & 7) !== 0
    : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return { value: sign === '-' ? -value : value, scale, s: canonical ? q : '', format: binary ? 'BinarySI' : 'DecimalSI' };
}

function typeName(t: GoType): string {
  switch (t.k) {
    case 'scalar': case 'map': case 'struct': case 'opaque': return t.name;
    case 'ptr': return `*${typeName(t.elem)}`;
    case 'slice': return `[]${typeName(t.elem)}`;
    case 'time': return 'v1.Time';
    case 'intstr': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
  }
}

const isNil = (v: Json): boolean =>
  v == null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** go-spew's formatter for "%#v": every value but slice/map elements carries "(type)". */
function dump(t: GoType, v: Json, ignoreType: boolean): string {
  if (t.k === 'ptr') {
    if (v == null) return ignoreType ? '<nil>' : `(${typeName(t)})<nil>`;
    return (ignoreType ? '<*>' : `(${typeName(t)})`) + dump(t.elem, v, true);
  }
  return (ignoreType ? '' : `(${typeName(t)})`) + dumpValue(t, v);
}

function dumpValue(t: GoType, v: Json): string {
  const obj = (v ?? {}) as Record<string, Json>;
  switch (t.k) {
    case 'scalar':
      if (t.of === 'string') return typeof v === 'string' ? v : '';
      if (t.of === 'bool') return v === true ? 'true' : 'false';
      return String(typeof v === 'number' ? v : 0);
    case 'slice':
      return isNil(v) ? '<nil>' : `[${(v as Json[]).map((e) => dump(t.elem, e, true)).join(' ')}]`;
    case 'map':
      if (isNil(v)) return '<nil>';
      return `map[${Object.keys(obj).sort().map((k) => `${k}:${dump(t.value, obj[k], true)}`).join(' ')}]`;
    case 'struct':
      return `{${t.fields.map((f) => `${f.go}:${dump(f.type, f.inline ? v : obj[f.json], false)}`).join(' ')}}`;
    case 'time':
      // Templates never carry timestamps (creationTimestamp: null), so this is the zero time.Time.
      return '{Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}';
    case 'intstr': {
      const isString = typeof v === 'string';
      return `{Type:(intstr.Type)${isString ? 1 : 0} IntVal:(int32)${isString ? 0 : Number(v ?? 0)} StrVal:(string)${isString ? v : ''}}`;
    }
    case 'quantity': {
      const q = quantityFields(typeof v === 'number' ? String(v) : String(v ?? '0'));
      if (!q) return `{unsupported:${String(v)}}`;
      return `{i:(resource.int64Amount){value:(int64)${q.value} scale:(resource.Scale)${q.scale}} ` +
        `d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${q.s} Format:(resource.Format)${q.format}}`;
    }
    case 'opaque':
      // Not modelled field by field: deterministic, but not what Go would print.
      return isNil(v) ? '<nil>' : canonicalJson(v);
    default:
      return '';
  }
}

function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, Json>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** What DeepHashObject writes for a PodTemplateSpec (JSON shape, as the API server stores it). */
export function dumpPodTemplate(template: Json, podSpecFieldCount?: number): string {
  return dump(podTemplateSpecType(podSpecFieldCount), template, false);
}

/**
 * controller.ComputeHash: the template must be the defaulted one the API server stores
 * (imagePullPolicy, terminationMessagePath, dnsPolicy, ... filled in), without the
 * pod-template-hash label. collisionCount is status.collisionCount.
 */
export function computeHash(template: Json, collisionCount?: number, podSpecFieldCount?: number): string {
  let h = fnv32a(utf8(dumpPodTemplate(template, podSpecFieldCount)));
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}

/** The new ReplicaSet's name: `<deployment>-<pod-template-hash>`. */
export const replicaSetName = (deploymentName: string, hash: string): string => `${deploymentName}-${hash}`;
