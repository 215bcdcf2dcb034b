// The three-way merge behind `kubectl apply` (client-side apply, strategic merge patch):
// fields the new manifest sets win, fields the last applied manifest had but the new one
// dropped are removed, and everything else on the live object (defaults, status, fields
// set by controllers) is kept. Lists of named things (containers, ports, env, volumes)
// merge item by item on their merge key, as the Kubernetes patchMergeKey says.

import { isRecord } from '../../api/objects.ts';

const MERGE_KEYS = ['name', 'containerPort', 'mountPath', 'port', 'ip', 'type'];

function mergeKeyOf(items: readonly unknown[]): string | undefined {
  if (items.length === 0 || !items.every(isRecord)) return undefined;
  return MERGE_KEYS.find((k) => items.every((i) => (i as Record<string, unknown>)[k] !== undefined));
}

export function threeWayMerge(original: unknown, modified: unknown, live: unknown): unknown {
  if (isRecord(modified) && isRecord(live)) {
    const out: Record<string, unknown> = { ...live };
    const orig = isRecord(original) ? original : {};
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) delete out[k];
      else out[k] = threeWayMerge(orig[k], v, live[k]);
    }
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    return out;
  }
  if (Array.isArray(modified) && Array.isArray(live)) {
    const key = mergeKeyOf(modified);
    if (key && mergeKeyOf(live) === key) {
      const origList = Array.isArray(original) ? original : [];
      const find = (list: readonly unknown[], v: unknown): unknown => list.find((i) => isRecord(i) && i[key] === v);
      return modified.map((m) => {
        const id = (m as Record<string, unknown>)[key];
        return threeWayMerge(find(origList, id), m, find(live, id));
      });
    }
  }
  return modified;
}
