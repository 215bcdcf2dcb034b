// `microk8s` (the 1.32 snap) in the microk8s preset: `microk8s kubectl` runs the lab's
// kubectl; `status`, `enable` and `disable` keep the addon list and print what the snap's
// scripts print (wrappers/common/utils.py xable, status.py). Addons are recorded, not run:
// their pods are not simulated, and the lab says so when one is switched on. metallb is the
// exception: its address pool drives the lab's load-balancer controller (LoadBalancer Services).

import type { Cluster } from '../../cluster.ts';
import type { AddressPool } from '../../controllers/addressPool.ts';
import { parseAddressPool } from '../../controllers/addressPool.ts';
import { runKubectl } from '../kubectl/kubectl.ts';
import type { CommandContext, CommandFn, Proc } from '../process.ts';
import { sleepFor } from '../process.ts';
import type { Shell } from '../shell.ts';
import { labNote } from './args.ts';
import {
  ADDONS,
  ALIASES,
  DASHBOARD_MANIFEST,
  DEFAULT_ENABLED,
  DISPLAY_NAME,
  HOSTPATH_ENABLE,
  INGRESS_ENABLE,
  METRICS_SERVER_ENABLE,
  metallbEnable,
} from './microk8sAddons.ts';

const state = new WeakMap<Cluster, Set<string>>();

/** The address range `microk8s enable metallb` was given, once it has been enabled. */
export function metallbRange(cluster: Cluster): string | undefined {
  return cluster.loadBalancer.pool?.text;
}

const METALLB_PROMPT = "Enter each IP address range delimited by comma (e.g. '10.64.140.43-10.64.140.49,192.168.0.105-192.168.0.111'): ";
const METALLB_NO_RANGE =
  'You have to input an IP Range value when asked, or provide it as an argument to the enable command, eg:\n' +
  '  microk8s enable metallb:10.64.140.43-10.64.140.49,192.168.0.105-192.168.0.111\n' +
  'You can also use CIDR notation, eg.\n' +
  '  microk8s enable metallb:192.168.1.240/24\n';

/**
 * The metallb addon's enable script up to its manifest: the range from `metallb:RANGE`, else
 * the prompt, which the lab cannot answer (no keyboard input in scripts): the script's own
 * "no range" message follows, as when Enter is pressed on an empty line.
 */
function metallbPool(ctx: CommandContext, args: readonly string[]): AddressPool | undefined {
  ctx.io.out('Enabling MetalLB\n');
  const text = args.join(':').trim();
  if (text === '') {
    ctx.io.err(`${METALLB_PROMPT}\n`);
    labNote(ctx, 'the lab cannot answer the prompt; give the range on the command line: microk8s enable metallb:10.64.140.43-10.64.140.49');
    ctx.io.out(METALLB_NO_RANGE);
    return undefined;
  }
  const pool = parseAddressPool(text);
  if ('bad' in pool) {
    ctx.io.out(`Your input value (${pool.bad}) is not a valid IP Range\n`);
    return undefined;
  }
  return pool;
}

function enabledSet(cluster: Cluster): Set<string> {
  let s = state.get(cluster);
  if (!s) {
    s = new Set(DEFAULT_ENABLED);
    state.set(cluster, s);
  }
  return s;
}

/** The addons `microk8s status` lists as enabled (aliases included), for lessons and the UI. */
export function microk8sAddons(cluster: Cluster): ReadonlySet<string> {
  const s = new Set(enabledSet(cluster));
  for (const [alias, target] of Object.entries(ALIASES)) if (s.has(target)) s.add(alias);
  return s;
}

const SUBCOMMANDS = ['add-node', 'addons', 'config', 'ctr', 'dashboard-proxy', 'dbctl', 'disable', 'enable', 'helm', 'helm3', 'images', 'istioctl', 'join', 'kubectl', 'leave', 'linkerd', 'refresh-certs', 'remove-node', 'reset', 'start', 'status', 'stop', 'version', 'inspect'];
const HELP = `Available subcommands are:\n${SUBCOMMANDS.map((s) => `\t${s}\n`).join('')}`;

/** `microk8s …`, and the snap's dotted aliases (`microk8s.kubectl …`) through `sub`. */
export function microk8sCommand(shell: Shell, sub?: string): CommandFn {
  return (ctx) => {
    const args = sub === undefined ? ctx.argv.slice(1) : [sub, ...ctx.argv.slice(1)];
    const [app, ...rest] = args;
    switch (app) {
      case undefined:
        ctx.io.out(HELP);
        return 1;
      case 'help':
      case '--help':
      case '-h':
        ctx.io.out(HELP);
        return 0;
      case 'kubectl':
        return runKubectl(shell, ctx, rest, 'microk8s kubectl');
      case 'status':
        return status(shell.cluster, ctx, rest);
      case 'enable':
      case 'disable':
        return xable(shell.cluster, ctx, app, rest);
      case 'dashboard-proxy':
        ctx.io.out('Checking if Dashboard is running.\n');
        labNote(ctx, "the lab has no Kubernetes dashboard to forward to: the lab's own diagram shows the cluster instead");
        return 1;
      case 'version':
        ctx.io.out('MicroK8s v1.32.2\n');
        labNote(ctx, "the lab's MicroK8s is a simulation and has no snap revision");
        return 0;
    }
    if (SUBCOMMANDS.includes(app)) {
      labNote(ctx, `\`microk8s ${app}\` is not simulated in the lab`);
      return 1;
    }
    ctx.io.out(`'${app}' is not a valid MicroK8s subcommand.\n${HELP}`);
    return 1;
  };
}

function status(cluster: Cluster, ctx: CommandContext, args: readonly string[]): number {
  const enabled = microk8sAddons(cluster);
  const addonAt = args.findIndex((a) => a === '-a' || a === '--addon' || a.startsWith('--addon='));
  if (addonAt !== -1) {
    const a = args[addonAt]!;
    const name = a.startsWith('--addon=') ? a.slice(8) : args[addonAt + 1];
    ctx.io.out(`${name !== undefined && enabled.has(name) ? 'enabled' : 'disabled'}\n`);
    return 0;
  }
  const line = (name: string): string => `    ${name.padEnd(20)} # (core) ${ADDONS[name]!}\n`;
  const names = Object.keys(ADDONS).sort();
  ctx.io.out(
    'microk8s is running\nhigh-availability: no\n  datastore master nodes: 127.0.0.1:19001\n  datastore standby nodes: none\naddons:\n' +
      `  enabled:\n${names.filter((n) => enabled.has(n)).map(line).join('')}` +
      `  disabled:\n${names.filter((n) => !enabled.has(n)).map(line).join('')}`,
  );
  return 0;
}

/** utils.py parse_xable_addon_args: many addons at once only when every name is known. */
function parseAddons(ctx: CommandContext, args: readonly string[]): { name: string; args: string[] }[] | undefined {
  const nameOf = (a: string): string => a.split(':')[0]!.replace(/^core\//, '');
  const infer = (a: string): void => {
    if (!a.split(':')[0]!.includes('/')) ctx.io.err(`Infer repository core for addon ${nameOf(a)}\n`);
  };
  if (args.every((a) => ADDONS[nameOf(a)] !== undefined)) {
    args.forEach(infer);
    return args.map((a) => ({ name: nameOf(a), args: a.split(':').slice(1) }));
  }
  const first = args[0]!;
  if (ADDONS[nameOf(first)] === undefined) {
    ctx.io.err(`Addon ${nameOf(first)} was not found in any repository\n`);
    return undefined;
  }
  infer(first);
  return [{ name: nameOf(first), args: [...first.split(':').slice(1), ...args.slice(1)] }];
}

function* xable(cluster: Cluster, ctx: CommandContext, action: 'enable' | 'disable', args: readonly string[]): Proc {
  if (args.length === 0) {
    ctx.io.err(`Usage: microk8s ${action} [OPTIONS] ADDONS...\nTry 'microk8s ${action} -h' for help.\n\nError: Missing argument 'ADDONS...'.\n`);
    return 2;
  }
  const addons = parseAddons(ctx, args);
  if (!addons) return 1;
  const enabled = enabledSet(cluster);
  for (const { name, args: addonArgs } of addons) {
    const target = ALIASES[name] ?? name;
    if (enabled.has(target) === (action === 'enable')) {
      ctx.io.out(`Addon core/${name} is already ${action}d\n`);
      continue;
    }
    // The snap's scripts take a few seconds: apply manifests, wait for the API server.
    yield sleepFor(3000);
    if (action === 'disable') {
      const shown = DISPLAY_NAME[name] ?? name;
      ctx.io.out(`Disabling ${shown}\n${shown} is disabled\n`);
      enabled.delete(target);
      if (name === 'metallb') cluster.loadBalancer.disable();
      continue;
    }
    let pool: AddressPool | undefined;
    if (name === 'metallb') {
      pool = metallbPool(ctx, addonArgs);
      if (!pool) return 1;
    }
    // The real addon applies manifests and prints `<object> created` for each; the lab creates
    // none of them, so it prints the rest of the addon's output and says so instead.
    const lines = enableText(cluster, ctx, name).split('\n');
    const notCreated = lines.filter((l) => /^\S+\/\S+ created$/.test(l)).map((l) => l.slice(0, -' created'.length));
    ctx.io.out(lines.filter((l) => !/^\S+\/\S+ created$/.test(l)).join('\n'));
    enabled.add(target);
    if (pool) {
      cluster.loadBalancer.enable(pool);
      labNote(ctx, `MetalLB's controller now gives LoadBalancer Services addresses from ${pool.text}; its ${notCreated.length} objects (namespace metallb-system, the controller and speaker pods, …) are not created`);
      continue;
    }
    const objects = notCreated.length ? `; it does not create the addon's ${notCreated.length} objects (${notCreated.slice(0, 2).join(', ')}${notCreated.length > 2 ? ', …' : ''}) or run its pods yet` : ', but does not run its pods yet';
    labNote(ctx, `${name} is recorded as enabled${objects}`);
  }
  return 0;
}

function enableText(cluster: Cluster, ctx: CommandContext, name: string): string {
  const enabled = enabledSet(cluster);
  switch (name) {
    case 'dashboard': {
      let nested: string;
      ctx.io.out('Enabling Kubernetes Dashboard\n');
      ctx.io.err('Infer repository core for addon metrics-server\n');
      if (enabled.has('metrics-server')) nested = 'Addon core/metrics-server is already enabled\n';
      else {
        nested = METRICS_SERVER_ENABLE;
        enabled.add('metrics-server');
      }
      return nested + DASHBOARD_MANIFEST;
    }
    case 'metrics-server':
      return METRICS_SERVER_ENABLE;
    case 'ingress':
      return INGRESS_ENABLE;
    case 'hostpath-storage':
    case 'storage':
      return HOSTPATH_ENABLE;
    case 'metallb':
      return metallbEnable();
    default:
      return `Enabling ${DISPLAY_NAME[name] ?? name}\n`;
  }
}
