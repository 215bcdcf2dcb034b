// `kubectl top pod|node` (kubectl pkg/cmd/top/top_pod.go, top_node.go and metricsutil's
// TopCmdPrinter, v1.32), reading the lab's resource metrics API: CPU in millicores (`12m`),
// memory in MiB (`12Mi`), node percentages of allocatable, `<unknown>` for silent nodes.

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { typeForKind } from '../../api/resources.ts';
import { quantityMilliValue, quantityValue } from '../../api/schema/quantity.ts';
import type { PodUsage } from '../../node/metrics.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import type { Kubectl } from './client.ts';
import { allNamespaces, err, namespaceOf, out } from './client.ts';
import { flagBool, flagValue, parseFlags } from './flags.ts';
import { matchesSelector, parseSelector } from './selector.ts';

const FLAGS = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'containers', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'use-protocol-buffers', kind: 'bool' },
  { name: 'show-capacity', kind: 'bool' },
  { name: 'sum', kind: 'bool' },
] as const;

const PODS = typeForKind('Pod')!;
const NODES = typeForKind('Node')!;
const MiB = 1024 * 1024;

export function top(k: Kubectl, args: readonly string[]): number {
  const [what, ...rest] = args;
  if (what === 'pod' || what === 'pods' || what === 'po') return topPods(k, rest);
  if (what === 'node' || what === 'nodes' || what === 'no') return topNodes(k, rest);
  out(k, TOP_HELP);
  return what === undefined ? 0 : 1;
}

interface PodRow {
  readonly pod: Stored<Pod>;
  readonly usage: PodUsage;
}

function topPods(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const all = allNamespaces(flags);
  const namespace = namespaceOf(k, flags);
  const [name] = flags.positional;
  const metrics = k.cluster.metrics;
  if (name !== undefined) {
    const pod = k.cluster.api.get(PODS, namespace, name) as unknown as Stored<Pod> | undefined;
    const usage = pod ? metrics.podUsage(pod) : undefined;
    if (!pod || !usage) {
      err(k, `Error from server (NotFound): podmetrics.metrics.k8s.io "${namespace}/${name}" not found\n`);
      return 1;
    }
    return printPods(k, [{ pod, usage }], flags, all);
  }
  const raw = flagValue(flags, 'selector');
  const selector = raw ? parseSelector(raw) : undefined;
  if (selector && !selector.ok) {
    err(k, `error: ${selector.error}\n`);
    return 1;
  }
  const pods = (k.cluster.api.list(PODS, all ? undefined : namespace) as unknown as Stored<Pod>[]).filter((p) => !selector?.ok || matchesSelector(p.metadata.labels, selector.value));
  const rows: PodRow[] = [];
  for (const pod of pods) {
    const usage = metrics.podUsage(pod);
    if (usage) rows.push({ pod, usage });
  }
  if (rows.length === 0) {
    // verifyEmptyMetrics: pods exist, so their metrics are only late.
    if (pods.length) {
      err(k, 'error: metrics not available yet\n');
      return 1;
    }
    err(k, all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  return printPods(k, rows, flags, all);
}

const cpuText = (nanos: number): string => `${Math.ceil(nanos / 1e6)}m`;
const memText = (bytes: number): string => `${Math.floor(bytes / MiB)}Mi`;

/** PrintPodMetrics: sorted by (namespace,) name or by usage, one line per pod or container, `--sum` totals. */
function printPods(k: Kubectl, rows: PodRow[], flags: ReturnType<typeof parseFlags>, all: boolean): number {
  const containers = flagBool(flags, 'containers');
  const total = (r: PodRow, f: 'cpuNanos' | 'memoryBytes'): number => r.usage.containers.reduce((s, c) => s + c[f], 0);
  const sortBy = flagValue(flags, 'sort-by') ?? '';
  const byName = (a: PodRow, b: PodRow): number =>
    all && a.pod.metadata.namespace !== b.pod.metadata.namespace ? ((a.pod.metadata.namespace ?? '') < (b.pod.metadata.namespace ?? '') ? -1 : 1) : a.pod.metadata.name < b.pod.metadata.name ? -1 : a.pod.metadata.name > b.pod.metadata.name ? 1 : 0;
  if (sortBy === 'cpu') rows.sort((a, b) => Math.ceil(total(b, 'cpuNanos') / 1e6) - Math.ceil(total(a, 'cpuNanos') / 1e6));
  else if (sortBy === 'memory') rows.sort((a, b) => total(b, 'memoryBytes') - total(a, 'memoryBytes'));
  else rows.sort(byName);
  let width = 3;
  const lines: string[] = [];
  if (!flagBool(flags, 'no-headers')) {
    width += (all ? 1 : 0) + (containers ? 1 : 0);
    lines.push(`${all ? 'NAMESPACE\t' : ''}${containers ? 'POD\t' : ''}NAME\tCPU(cores)\tMEMORY(bytes)\t`);
  }
  for (const r of rows) {
    const ns = all ? `${r.pod.metadata.namespace ?? ''}\t` : '';
    if (containers) {
      const list = [...r.usage.containers];
      if (sortBy === 'cpu') list.sort((a, b) => b.cpuMilli - a.cpuMilli);
      else if (sortBy === 'memory') list.sort((a, b) => b.memoryBytes - a.memoryBytes);
      else list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of list) lines.push(`${ns}${r.pod.metadata.name}\t${c.name}\t${cpuText(c.cpuNanos)}\t${memText(c.memoryBytes)}\t`);
    } else lines.push(`${ns}${r.pod.metadata.name}\t${cpuText(total(r, 'cpuNanos'))}\t${memText(total(r, 'memoryBytes'))}\t`);
  }
  if (flagBool(flags, 'sum')) {
    // printPodResourcesSum: underlines under the two usage columns, then the totals.
    const cpu = rows.reduce((s, r) => s + total(r, 'cpuNanos'), 0);
    const mem = rows.reduce((s, r) => s + total(r, 'memoryBytes'), 0);
    lines.push(`${'\t'.repeat(Math.max(0, width - 2))}________\t________\t`);
    lines.push(`${'\t'.repeat(Math.max(0, width - 3))}\t${cpuText(cpu)}\t${memText(mem)}\t`);
  }
  out(k, tabwrite(lines.map((l) => `${l}\n`).join('')));
  return 0;
}

/** PrintNodeMetrics: nodes with metrics (by name or usage), then `<unknown>` lines for the silent ones. */
function topNodes(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const [name] = flags.positional;
  const nodes = (k.cluster.api.list(NODES) as unknown as Stored<Node>[]).filter((n) => name === undefined || n.metadata.name === name);
  if (name !== undefined && (nodes.length === 0 || !k.cluster.metrics.nodeUsage(name))) {
    err(k, `Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found\n`);
    return 1;
  }
  const capacity = flagBool(flags, 'show-capacity');
  const measured = nodes.flatMap((node) => {
    const usage = k.cluster.metrics.nodeUsage(node.metadata.name);
    return usage ? [{ node, usage }] : [];
  });
  const sortBy = flagValue(flags, 'sort-by') ?? '';
  if (sortBy === 'cpu') measured.sort((a, b) => b.usage.cpuMilli - a.usage.cpuMilli);
  else if (sortBy === 'memory') measured.sort((a, b) => b.usage.memoryBytes - a.usage.memoryBytes);
  const lines: string[] = [];
  if (!flagBool(flags, 'no-headers')) lines.push('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t');
  const pct = (used: number, of: number): string => `${of > 0 ? Math.trunc((used / of) * 100) : 0}%`;
  for (const { node, usage } of measured) {
    const available = (capacity ? node.status?.capacity : node.status?.allocatable) ?? {};
    const cpuAvail = quantityMilliValue(available['cpu'] ?? '0') ?? 0;
    const memAvail = quantityValue(available['memory'] ?? '0') ?? 0;
    lines.push(`${node.metadata.name}\t${usage.cpuMilli}m\t${pct(usage.cpuMilli, cpuAvail)}\t${memText(usage.memoryBytes)}\t${pct(usage.memoryBytes, memAvail)}\t`);
  }
  const silent = nodes.filter((n) => !measured.some((m) => m.node === n));
  for (const node of silent) lines.push(`${node.metadata.name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t`);
  out(k, tabwrite(lines.map((l) => `${l}\n`).join('')));
  return 0;
}

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
