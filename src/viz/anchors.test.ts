import { describe, expect, it } from 'vitest';
import { layoutDiagram } from './layout.ts';
import { architectureLinks, componentAnchor } from './anchors.ts';

const l = layoutDiagram({ width: 1200, nodes: [{ name: 'w1', pods: [] }, { name: 'w2', pods: [] }], pending: [] });

describe('anchors', () => {
  it('find every component, and each node agent inside its node', () => {
    for (const ep of ['kubectl', 'api-server', 'etcd', 'scheduler', 'controller-manager']) expect(componentAnchor(l, ep)).toBeDefined();
    const k = componentAnchor(l, 'kubelet/w2')!;
    const box = l.nodes[1]!.rect;
    expect(k.x).toBeGreaterThan(box.x);
    expect(k.x).toBeLessThan(box.x + box.w);
    expect(componentAnchor(l, 'kubelet/nope')).toBeUndefined();
    expect(componentAnchor(l, 'registry')).toBeUndefined();
  });

  it('link the API server to every kubelet', () => {
    const ids = architectureLinks(l).map((a) => a.id);
    expect(ids).toContain('api-server>kubelet/w1');
    expect(ids).toContain('api-server>kubelet/w2');
    expect(ids).toContain('kubectl>api-server');
  });
});
