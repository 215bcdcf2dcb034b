// Saving the lab in the browser: one versioned record in localStorage holding the action log,
// the files, the terminal history and the clock. A save that cannot be read is set aside under
// another key and reported, never silently dropped and never a blank page.

import type { Action } from './session.ts';
import type { PresetName } from '../engine/index.ts';

export const SAVE_KEY = 'kubelab.lab';
export const SAVE_VERSION = 1;

export interface SavedLab {
  readonly version: typeof SAVE_VERSION;
  readonly seed: number;
  readonly preset: PresetName;
  /** total nodes when not the preset's own count */
  readonly nodes?: number;
  readonly simTime: number;
  readonly actions: readonly Action[];
  readonly files: Readonly<Record<string, string>>;
  readonly history: readonly string[];
}

export type LoadResult =
  | { readonly ok: true; readonly saved: SavedLab | undefined }
  | { readonly ok: false; readonly reason: string; readonly setAsideKey: string };

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (private mode, sandboxed frame)
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isAction(v: unknown): v is Action {
  if (!isObj(v) || typeof v['t'] !== 'number') return false;
  switch (v['kind']) {
    case 'run':
      return typeof v['line'] === 'string';
    case 'interrupt':
      return true;
    case 'write':
      return typeof v['path'] === 'string' && typeof v['content'] === 'string';
    case 'remove':
      return typeof v['path'] === 'string';
    default:
      return false;
  }
}

/** Checks a parsed save field by field; returns why it is unusable, or the save. */
export function validateSave(v: unknown): SavedLab | string {
  if (!isObj(v)) return 'it is not a lab save';
  if (v['version'] !== SAVE_VERSION) return `it was written by another version of kubelab (save format ${String(v['version'])}, this one reads ${SAVE_VERSION})`;
  if (typeof v['seed'] !== 'number' || (v['preset'] !== 'kind' && v['preset'] !== 'microk8s')) return 'its cluster settings are missing';
  if (v['nodes'] !== undefined && (typeof v['nodes'] !== 'number' || v['nodes'] < 1 || v['nodes'] > 200)) return 'its node count is damaged';
  if (typeof v['simTime'] !== 'number' || !Array.isArray(v['actions']) || !v['actions'].every(isAction)) return 'its history of commands is damaged';
  const files = v['files'];
  if (!isObj(files) || !Object.values(files).every((c) => typeof c === 'string')) return 'its files are damaged';
  const history = v['history'];
  if (!Array.isArray(history) || !history.every((h) => typeof h === 'string')) return 'its terminal history is damaged';
  return v as unknown as SavedLab;
}

export function loadSave(storage = browserStorage()): LoadResult {
  const raw = storage?.getItem(SAVE_KEY);
  if (raw == null) return { ok: true, saved: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return setAside(storage!, raw, 'it is not valid JSON');
  }
  const result = validateSave(parsed);
  return typeof result === 'string' ? setAside(storage!, raw, result) : { ok: true, saved: result };
}

/** Keeps an unreadable save under its own key so nothing is lost, and frees the main key. */
export function setAside(storage: StorageLike, raw: string, reason: string): LoadResult {
  const key = `${SAVE_KEY}.unreadable`;
  try {
    storage.setItem(key, raw);
    storage.removeItem(SAVE_KEY);
  } catch {
    // If even that fails the save stays where it is; the lab still starts fresh.
  }
  return { ok: false, reason, setAsideKey: key };
}

/** Writes the save; false when storage is unavailable or full. */
export function writeSave(save: SavedLab, storage = browserStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(storage = browserStorage()): void {
  storage?.removeItem(SAVE_KEY);
}
