// The kubectl verbs the lab knows, by the name typed after `kubectl` (cobra's command tree,
// flattened). Real verbs the lab does not simulate yet say so; others get kubectl's `unknown command`.

import { apply } from './apply.ts';
import { create } from './createGenerators.ts';
import { del } from './delete.ts';
import { describeCmd } from './describe.ts';
import { explain } from './explain.ts';
import { expose } from './expose.ts';
import { get } from './get.ts';
import { apiResources, apiVersions, clusterInfo, version } from './info.ts';
import type { Subcommand } from './kubectl.ts';
import { annotate, label } from './label.ts';
import { logs } from './logs.ts';
import { execCmd } from './exec.ts';
import { run } from './run.ts';
import { scale } from './scale.ts';
import { cordon, uncordon } from './cordon.ts';
import { drain } from './drain.ts';
import { taint } from './taint.ts';
import { rollout } from './rollout.ts';
import { set } from './setImage.ts';
import { autoscale } from './autoscale.ts';
import { top } from './top.ts';

export const subcommands: Record<string, Subcommand> = {
  apply: (k, a) => apply(k, a, 'apply'),
  create,
  run,
  expose,
  get,
  describe: describeCmd,
  delete: del,
  label,
  annotate,
  scale,
  autoscale,
  top,
  rollout,
  set,
  cordon,
  uncordon,
  drain,
  taint,
  logs,
  exec: execCmd,
  explain,
  version,
  'cluster-info': clusterInfo,
  'api-resources': apiResources,
  'api-versions': apiVersions,
};

/** kubectl 1.32's commands in the order cobra registers them (its suggestions follow this order). */
export const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin',
  'version', 'options',
] as const;
