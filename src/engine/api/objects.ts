// Shapes of stored objects. Kinds come from the `kubernetes-types` package; what the store
// adds (uid, resourceVersion, creationTimestamp) is always present once an object is stored.

import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** Strips `readonly` (kubernetes-types marks every field so; the API server builds fresh copies). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface StoredMeta extends Mutable<ObjectMeta> {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}

/** Any object as it sits in the store. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: StoredMeta;
  [field: string]: unknown;
}

/** A typed kind as stored: `Stored<Pod>`. */
export type Stored<T> = Omit<T, 'metadata' | 'apiVersion' | 'kind'> & {
  apiVersion: string;
  kind: string;
  metadata: StoredMeta;
};

/** A manifest as the user wrote it: anything, checked before it is stored. */
export type Manifest = Record<string, unknown>;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep copy of JSON-shaped data (objects read from the store are shared and must not be mutated). */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Structural equality of JSON-shaped values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}
