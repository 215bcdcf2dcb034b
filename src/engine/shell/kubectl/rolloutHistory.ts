// `kubectl rollout history` and `rollout undo` for Deployments (kubectl pkg/cmd/rollout
// history.go/undo.go, pkg/polymorphichelpers history.go DeploymentHistoryViewer and
// rollback.go DeploymentRollbacker): revisions come from the owned ReplicaSets' annotations;
// undo patches the Deployment's template back to a ReplicaSet's, client-side.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject, Stored } from '../../api/objects.ts';
import { clone, deepEqual } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import { OWNER_INDEX, controllerOf } from '../../controllers/indexes.ts';
import { REVISION_ANNOTATION } from '../../controllers/deployment/history.ts';
import { CHANGE_CAUSE_ANNOTATION, HASH_LABEL, skipCopyAnnotation, withoutHash } from '../../controllers/deployment/replicaSets.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import type { Kubectl } from './client.ts';
import { err, out, printApiError } from './client.ts';

type D = Stored<Deployment>;
type RS = Stored<ReplicaSet>;

const REPLICA_SETS = typeForKind('ReplicaSet')!;

/** The ReplicaSets a Deployment controls, by revision (deploymentutil.GetAllReplicaSets + Revision). */
function revisions(k: Kubectl, d: D): Map<number, RS> {
  const byRevision = new Map<number, RS>();
  for (const o of k.cluster.api.store.byIndex(REPLICA_SETS.resource, OWNER_INDEX, d.metadata.uid)) {
    if (controllerOf(o)?.uid !== d.metadata.uid) continue;
    const v = o.metadata.annotations?.[REVISION_ANNOTATION] ?? '0';
    if (/^[0-9]+$/.test(v)) byRevision.set(Number(v), o as unknown as RS);
  }
  return byRevision;
}

/** `rollout history`: a REVISION / CHANGE-CAUSE table, or one revision's pod template. */
export function rolloutHistory(k: Kubectl, d: D, revision: number): number {
  const all = revisions(k, d);
  const head = `deployment.apps/${d.metadata.name}`;
  if (revision > 0) {
    const rs = all.get(revision);
    if (!rs) {
      err(k, 'error: unable to find the specified revision\n');
      return 1;
    }
    out(k, `${head} with revision #${revision}\n${podTemplateText(rs)}\n`);
    return 0;
  }
  if (all.size === 0) {
    out(k, `${head} \nNo rollout history found.\n`);
    return 0;
  }
  const rows = [...all.keys()].sort((a, b) => a - b).map((r) => `${r}\t${all.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`);
  out(k, `${head} \n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minWidth: 0, padding: 2 })}\n`);
  return 0;
}

/** A short rendering of a revision's pod template (describe's PodTemplate section). */
function podTemplateText(rs: RS): string {
  const t = rs.spec?.template;
  const labels = Object.entries(t?.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  const lines = ['Pod Template:', `  Labels:\t${labels[0] ?? '<none>'}`, ...labels.slice(1).map((l) => `\t${l}`), '  Containers:'];
  for (const c of t?.spec?.containers ?? []) {
    lines.push(`   ${c.name}:`, `    Image:\t${c.image ?? ''}`);
    const p = c.ports?.[0];
    lines.push(`    Port:\t${p ? `${p.containerPort}/${p.protocol ?? 'TCP'}` : '<none>'}`, `    Host Port:\t${p ? `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}` : '<none>'}`);
    lines.push('    Environment:\t<none>', '    Mounts:\t<none>');
  }
  lines.push('  Volumes:\t<none>', '  Node-Selectors:\t<none>', '  Tolerations:\t<none>');
  return `${lines.join('\n')}\n`;
}

/** `rollout undo [--to-revision=N]`: the chosen ReplicaSet's template and annotations go back on the Deployment. */
export function rolloutUndo(k: Kubectl, d: D, toRevision: number, dryRun: boolean): number {
  const name = `deployment.apps/${d.metadata.name}`;
  if (toRevision < 0) return fail(k, `unable to find specified revision ${toRevision} in history`);
  if (d.spec?.paused) return fail(k, "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const all = revisions(k, d);
  let target: RS | undefined;
  if (toRevision > 0) {
    target = all.get(toRevision);
    if (!target) return fail(k, `unable to find specified revision ${toRevision} in history`);
  } else {
    const sorted = [...all.keys()].filter((r) => r > 0).sort((a, b) => b - a);
    target = sorted[1] !== undefined ? all.get(sorted[1]) : undefined;
    if (!target) return fail(k, `no rollout history found for deployment "${d.metadata.name}"`);
  }
  if (dryRun) {
    out(k, `${name} Pod Template:\n${podTemplateText(target).split('\n').slice(1).join('\n')} (dry run)\n`);
    return 0;
  }
  if (deepEqual(withoutHash(target.spec?.template), withoutHash(d.spec?.template))) {
    out(k, `${name} skipped rollback (current template already matches revision ${toRevision})\n`);
    return 0;
  }
  const template = clone(target.spec?.template ?? {});
  const labels = { ...template.metadata?.labels };
  delete labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [key, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(key)) annotations[key] = v;
  for (const [key, v] of Object.entries(target.metadata.annotations ?? {})) if (!skipCopyAnnotation(key)) annotations[key] = v;
  const next = { ...clone(d), metadata: { ...clone(d.metadata), annotations }, spec: { ...clone(d.spec), template: { ...template, metadata: { ...template.metadata, labels } } } };
  const r = k.cluster.api.update(next as unknown as KubeObject, d.metadata.namespace, { actor: 'kubectl' });
  if (!r.ok) {
    printApiError(k, r.error);
    return 1;
  }
  out(k, `${name} rolled back\n`);
  return 0;
}

function fail(k: Kubectl, message: string): number {
  err(k, `error: ${message}\n`);
  return 1;
}
