// `kubectl taint nodes NAME key[=value]:Effect` and `key[:Effect]-` (kubectl pkg/cmd/taint/
// taint.go, utils.go): adds, replaces (--overwrite) or removes taints on nodes, printing
// `node/x tainted` or `node/x untainted`, with taint.go's errors.

import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/objects.ts';
import { clone } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import type { Kubectl } from './client.ts';
import { err, out, printApiError, usageError } from './client.ts';
import { flagBool, parseFlags } from './flags.ts';

const NODES = typeForKind('Node')!;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const FLAGS = [
  { name: 'overwrite', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
] as const;

interface Spec {
  readonly add: Taint[];
  readonly remove: { key: string; effect?: string }[];
}

export function taint(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const [first, ...rest] = flags.positional;
  if (!first) return usageError(k, 'taint', 'at least one taint update is required');
  let names: string[];
  let specs: string[];
  if (first.includes('/')) {
    const [type, name] = first.split('/', 2) as [string, string];
    if (!['node', 'nodes', 'no'].includes(type)) return usageError(k, 'taint', `invalid resource type ${type}, only node types are supported`);
    names = [name];
    specs = rest;
  } else {
    if (!['node', 'nodes', 'no'].includes(first)) return usageError(k, 'taint', `invalid resource type ${first}, only node types are supported`);
    names = flagBool(flags, 'all') ? k.cluster.api.list(NODES).map((n) => n.metadata.name) : rest.slice(0, 1);
    specs = flagBool(flags, 'all') ? rest : rest.slice(1);
  }
  if (specs.length === 0) return usageError(k, 'taint', 'at least one taint update is required');
  const parsed = parseTaints(specs);
  if (typeof parsed === 'string') return usageError(k, 'taint', parsed);
  for (const name of names) {
    const node = k.cluster.api.get(NODES, undefined, name);
    if (!node) {
      printApiError(k, { reason: 'NotFound', code: 404, message: `nodes "${name}" not found` });
      return 1;
    }
    if (!applyTaints(k, node, parsed, flagBool(flags, 'overwrite'))) return 1;
  }
  return 0;
}

/** ParseTaints: `key=value:Effect` adds, `key:Effect-` or `key-` removes. */
function parseTaints(specs: readonly string[]): Spec | string {
  const spec: Spec = { add: [], remove: [] };
  for (const s of specs) {
    if (s.endsWith('-')) {
      const body = s.slice(0, -1);
      const [k, effect] = body.split(':', 2) as [string, string | undefined];
      if (effect !== undefined && !EFFECTS.includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
      spec.remove.push({ key: k, ...(effect ? { effect } : {}) });
      continue;
    }
    const colon = s.lastIndexOf(':');
    if (colon === -1) return `invalid taint spec: ${s}`;
    const effect = s.slice(colon + 1);
    const [k, value] = s.slice(0, colon).split('=', 2) as [string, string | undefined];
    if (!EFFECTS.includes(effect)) return `invalid taint spec: ${s}, invalid taint effect: ${effect}, unsupported taint effect`;
    if (!k) return `invalid taint spec: ${s}`;
    spec.add.push({ key: k, effect, ...(value ? { value } : {}) });
  }
  return spec;
}

function applyTaints(k: Kubectl, node: KubeObject, spec: Spec, overwrite: boolean): boolean {
  const name = node.metadata.name;
  let taints = [...((node as unknown as Node).spec?.taints ?? [])];
  for (const r of spec.remove) {
    const kept = taints.filter((t) => !(t.key === r.key && (r.effect === undefined || t.effect === r.effect)));
    if (kept.length === taints.length) {
      err(k, `error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found\n`);
      return false;
    }
    taints = kept;
  }
  for (const a of spec.add) {
    const i = taints.findIndex((t) => t.key === a.key && t.effect === a.effect);
    if (i !== -1 && !overwrite) {
      err(k, `error: node ${name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false\n`);
      return false;
    }
    if (i !== -1) taints[i] = a;
    else taints.push(a);
  }
  const next = clone(node) as KubeObject;
  const nodeSpec = { ...(next['spec'] as Record<string, unknown> | undefined) };
  if (taints.length) nodeSpec['taints'] = taints;
  else delete nodeSpec['taints'];
  next['spec'] = nodeSpec;
  const r = k.cluster.api.update(next, undefined, { actor: 'kubectl' });
  if (!r.ok) {
    printApiError(k, r.error);
    return false;
  }
  // taint.go: "untainted" when the update only removed taints, "tainted" otherwise.
  out(k, `node/${name} ${spec.add.length === 0 ? 'untainted' : 'tainted'}\n`);
  return true;
}
