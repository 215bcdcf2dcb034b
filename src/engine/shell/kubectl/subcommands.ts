// The kubectl verbs the lab knows, by the name typed after `kubectl` (cobra's command tree,
// flattened). Verbs not listed here get kubectl's `unknown command` error from kubectl.ts.

import { apply } from './apply.ts';
import { create } from './createGenerators.ts';
import { del } from './delete.ts';
import { describeCmd } from './describe.ts';
import { explain } from './explain.ts';
import { get } from './get.ts';
import { apiResources, apiVersions, clusterInfo, version } from './info.ts';
import type { Subcommand } from './kubectl.ts';
import { annotate, label } from './label.ts';
import { logs } from './logs.ts';

export const subcommands: Record<string, Subcommand> = {
  apply: (k, a) => apply(k, a, 'apply'),
  create,
  get,
  describe: describeCmd,
  delete: del,
  label,
  annotate,
  logs,
  explain,
  version,
  'cluster-info': clusterInfo,
  'api-resources': apiResources,
  'api-versions': apiVersions,
};
