// `kubelab addon [metallb RANGE | metallb --disable]`: the kind preset's way to install the
// lab's MetalLB, what a real kind user does with metallb-native.yaml plus an IPAddressPool
// and an L2Advertisement on the Docker network (kind's docs use 172.18.255.200-250).
// MicroK8s has its own switch (`microk8s enable metallb:RANGE`), so the lab points there.

import { parseAddressPool } from '../../controllers/addressPool.ts';
import type { CommandContext } from '../process.ts';
import type { Shell } from '../shell.ts';

const USAGE = 'Usage: kubelab addon                       list the lab\'s addons\n       kubelab addon metallb RANGE         install MetalLB with an address pool (A-B or A/N)\n       kubelab addon metallb --disable     remove it\n';

export function addonCommand(shell: Shell, ctx: CommandContext): number {
  const [, , name, arg, ...extra] = ctx.argv;
  const lb = shell.cluster.loadBalancer;
  if (name === undefined) {
    ctx.io.out(`metallb  ${lb.pool ? `enabled   address pool ${lb.pool.text}` : 'disabled'}\n`);
    return 0;
  }
  if (name !== 'metallb' || arg === undefined || extra.length) {
    ctx.io.err(name !== 'metallb' && name !== '--help' && name !== '-h' ? `kubelab: there is no addon "${name}" (addons: metallb)\n${USAGE}` : USAGE);
    return 1;
  }
  if (shell.cluster.preset.name === 'microk8s') {
    ctx.io.err(`kubelab: on MicroK8s, MetalLB is a microk8s addon: microk8s enable metallb:${arg === '--disable' ? 'RANGE' : arg} (microk8s disable metallb to remove it)\n`);
    return 1;
  }
  if (arg === '--disable') {
    if (!lb.pool) {
      ctx.io.err('kubelab: metallb is not enabled\n');
      return 1;
    }
    lb.disable();
    ctx.io.out('kubelab: MetalLB removed. Services keep the addresses their status shows, but no node answers for them any more.\n');
    return 0;
  }
  if (lb.pool) {
    ctx.io.err(`kubelab: metallb is already enabled with the address pool ${lb.pool.text} (kubelab addon metallb --disable first to change it)\n`);
    return 1;
  }
  const pool = parseAddressPool(arg);
  if ('bad' in pool) {
    ctx.io.err(`kubelab: "${pool.bad}" is not an IPv4 range (A-B) or CIDR (A/N)\n`);
    return 1;
  }
  lb.enable(pool);
  ctx.io.out(
    `kubelab: MetalLB installed in layer-2 mode with the address pool ${pool.text}.\n` +
      'Each LoadBalancer Service gets the next free address (EXTERNAL-IP); one node answers ARP for it.\n' +
      'On a real kind cluster: kubectl apply -f metallb-native.yaml, then an IPAddressPool and an\n' +
      'L2Advertisement in metallb-system. The lab does not create those objects or its pods.\n',
  );
  return 0;
}
