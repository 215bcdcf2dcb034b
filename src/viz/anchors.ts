// Where a message arrow starts or ends for each diagram endpoint (`api-server`, `etcd`,
// `kubelet/<node>` …): the centre of the component's card, so arrows meet cards squarely
// and a dot travelling between two endpoints runs along the arrow drawn between them.

import { centre } from './layout.ts';
import type { DiagramLayout, Point } from './layout.ts';

export function componentAnchor(l: DiagramLayout, endpoint: string): Point | undefined {
  switch (endpoint) {
    case 'kubectl':
      return centre(l.kubectl);
    case 'api-server':
      return centre(l.api);
    case 'etcd':
      return centre(l.etcd);
    case 'scheduler':
      return centre(l.scheduler);
    case 'controller-manager':
      return { x: l.controllerManager.x + l.controllerManager.w / 2, y: l.controllerManager.y + Math.min(22, l.controllerManager.h / 2) };
  }
  const slash = endpoint.indexOf('/');
  if (slash < 0) return undefined;
  const kind = endpoint.slice(0, slash);
  const node = l.nodes.find((n) => n.name === endpoint.slice(slash + 1));
  if (!node) return undefined;
  if (kind === 'kubelet') return centre(node.kubelet);
  if (kind === 'container-runtime') return centre(node.runtime);
  if (kind === 'kube-proxy') return centre(node.proxy);
  return undefined;
}

/** How far an arrow arches up: kubectl's goes over etcd (when etcd stands between), so it never seems to reach the store. */
export const liftOf = (l: Pick<DiagramLayout, 'kubectlLift'>, a: string, b: string): number => (a === 'kubectl' || b === 'kubectl' ? l.kubectlLift : 0);

/** The static arrows of the architecture: who talks to whom. */
export function architectureLinks(l: DiagramLayout): { id: string; from: Point; to: Point; lift: number }[] {
  const links = [
    ['kubectl', 'api-server'],
    ['api-server', 'etcd'],
    ['api-server', 'scheduler'],
    ['api-server', 'controller-manager'],
    ...l.nodes.map((n) => ['api-server', `kubelet/${n.name}`]),
  ];
  const out: { id: string; from: Point; to: Point; lift: number }[] = [];
  for (const [a, b] of links) {
    const from = componentAnchor(l, a!);
    const to = componentAnchor(l, b!);
    if (from && to) out.push({ id: `${a}>${b}`, from, to, lift: liftOf(l, a!, b!) });
  }
  return out;
}
