// `kubectl rollout status|history|undo|pause|resume|restart` for Deployments (kubectl
// pkg/cmd/rollout, pkg/polymorphichelpers rollout_status.go DeploymentStatusViewer,
// objectpauser.go, objectresumer.go, objectrestarter.go). `status` watches the Deployment
// and prints one line per change while simulated time passes, as kubectl's watch does.

import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject, Stored } from '../../api/objects.ts';
import { clone } from '../../api/objects.ts';
import type { WatchEvent } from '../../api/store.ts';
import type { Proc } from '../process.ts';
import { reportErrors, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out, printApiError } from './client.ts';
import { flagValue, parseFlags } from './flags.ts';
import { rolloutHistory, rolloutUndo } from './rolloutHistory.ts';

type D = Stored<Deployment>;

const FLAGS = [
  { name: 'revision', kind: 'int' },
  { name: 'to-revision', kind: 'int' },
  { name: 'watch', short: 'w', kind: 'string' },
  { name: 'timeout', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'output', short: 'o', kind: 'string' },
] as const;

const VERBS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

export function rollout(k: Kubectl, args: readonly string[]): Proc | number {
  const [verb, ...rest] = args;
  if (!verb || !VERBS.includes(verb)) {
    err(k, verb ? `error: unknown command "${verb}" for "kubectl rollout"\n` : 'error: Required resource not specified.\n');
    return 1;
  }
  const flags = parseFlags(rest, FLAGS);
  const resolved = resolveResources(k, flags.positional, { namespace: namespaceOf(k, flags), allNamespaces: false, allowEmptySelector: false });
  if (!resolved.ok) return reportErrors(k, [resolved.error]);
  const { found, errors } = resolved.value;
  if (errors.length) return reportErrors(k, errors);
  const first = found[0];
  if (!first) return reportErrors(k, [{ message: 'required resource not specified' }]);
  if (first.type.kind !== 'Deployment') {
    err(k, `kubelab: \`kubectl rollout ${verb}\` is simulated for Deployments only (not ${first.type.kind}s) yet.\n`);
    return 1;
  }
  const d = first.object as unknown as D;
  switch (verb) {
    case 'status':
      return rolloutStatus(k, d, flagValue(flags, 'watch') !== 'false', durationMs(flagValue(flags, 'timeout')));
    case 'history':
      return rolloutHistory(k, d, Number(flagValue(flags, 'revision') ?? 0));
    case 'undo':
      return rolloutUndo(k, d, Number(flagValue(flags, 'to-revision') ?? 0), (flagValue(flags, 'dry-run') ?? 'none') !== 'none');
    case 'restart':
      if (d.spec?.paused) return fail(k, `deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)`);
      return patch(k, d, (n) => {
        const t = n.spec!.template;
        n.spec!.template = { ...t, metadata: { ...t.metadata, annotations: { ...t.metadata?.annotations, 'kubectl.kubernetes.io/restartedAt': k.cluster.clock.iso() } } };
      }, 'restarted');
    default: {
      const pause = verb === 'pause';
      if (!!d.spec?.paused === pause) {
        out(k, `deployment.apps/${d.metadata.name} already ${pause ? 'paused' : 'resumed'}\n`);
        return 0;
      }
      return patch(k, d, (n) => {
        if (pause) n.spec!.paused = true;
        else delete n.spec!.paused;
      }, pause ? 'paused' : 'resumed');
    }
  }
}

function patch(k: Kubectl, d: D, edit: (n: { spec?: { paused?: boolean; template: NonNullable<D['spec']>['template'] } }) => void, verb: string): number {
  const next = clone(d) as unknown as { spec?: { paused?: boolean; template: NonNullable<D['spec']>['template'] } };
  edit(next);
  const r = k.cluster.api.update(next as unknown as KubeObject, d.metadata.namespace, { actor: 'kubectl' });
  if (!r.ok) {
    printApiError(k, r.error);
    return 1;
  }
  out(k, `deployment.apps/${d.metadata.name} ${verb}\n`);
  return 0;
}

/** DeploymentStatusViewer.Status: the line for one observed state, done, or the deadline error. */
export function deploymentStatusLine(d: D): { line: string; done: boolean } | { error: string } {
  const name = d.metadata.name;
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) return { error: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (updated < want) return { line: `${waiting}${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated) return { line: `${waiting}${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { line: `${waiting}${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** `rollout status`: prints the line for the current state, then one per change, until done. */
function* rolloutStatus(k: Kubectl, d: D, watch: boolean, timeoutMs: number | undefined): Proc {
  const store = k.cluster.api.store;
  const clock = k.cluster.clock;
  const seen: D[] = [d];
  let gone = false;
  const onEvent = (e: WatchEvent): void => {
    if (e.object.metadata.uid !== d.metadata.uid) return;
    if (e.type === 'DELETED') gone = true;
    else seen.push(e.object as unknown as D);
  };
  const unsubscribe = store.watch('deployments', onEvent);
  const deadline = clock.now + (timeoutMs ?? 24 * 3600 * 1000);
  try {
    for (;;) {
      for (const obj of seen.splice(0)) {
        const r = deploymentStatusLine(obj);
        if ('error' in r) return fail(k, r.error);
        out(k, r.line);
        if (r.done || !watch) return 0;
      }
      if (gone) return fail(k, `object has been deleted`);
      const remaining = deadline - clock.now;
      if (remaining <= 0) return fail(k, 'timed out waiting for the condition');
      yield { until: () => seen.length > 0 || gone, timeoutMs: remaining };
    }
  } finally {
    unsubscribe();
  }
}

/** Go durations as `--timeout` takes them: 90s, 5m, 1h; 0 means forever. */
function durationMs(v: string | undefined): number | undefined {
  const m = v ? /^(\d+)(ms|s|m|h)?$/.exec(v) : null;
  if (!m) return undefined;
  const n = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000);
  return n === 0 ? undefined : n;
}

function fail(k: Kubectl, message: string): number {
  err(k, `error: ${message}\n`);
  return 1;
}
