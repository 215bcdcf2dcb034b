import { describe, expect, it } from 'vitest';
import { FIT_MAX, LABEL_SCALE, fitLayout, fitScale } from './fit.ts';
import type { DiagramLayout, Rect } from './layout.ts';
import { architectureLinks } from './anchors.ts';

const uids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect, l: DiagramLayout): boolean => r.x >= 0 && r.y >= 0 && r.x + r.w <= l.width && r.y + r.h <= l.height;

/** The lab's starting cluster: a control-plane node and three workers, web ×6 spread out and one more pod. */
const kind = {
  nodes: [
    { name: 'kubelab-control-plane', pods: [] },
    { name: 'kubelab-worker', pods: uids('a', 2) },
    { name: 'kubelab-worker2', pods: uids('b', 2) },
    { name: 'kubelab-worker3', pods: [...uids('c', 2), 'bad'] },
  ],
  pending: [],
  services: ['default/kubernetes', 'default/web'],
};

function tenNodes(perNode: number) {
  return { nodes: Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, pods: uids(`n${i}`, perNode) })), pending: [], services: ['default/kubernetes'] };
}

function expectTidy(l: DiagramLayout): void {
  const cards = [l.api, l.etcd, l.scheduler, l.controllerManager, l.queue, l.kubectl];
  for (const r of [...cards, ...l.nodes.map((n) => n.rect), ...l.services.values()]) expect(inside(r, l)).toBe(true);
  for (const n of l.nodes) {
    expect(overlaps(n.rect, l.controlPlane)).toBe(false);
    if (l.serviceLane) expect(overlaps(n.rect, l.serviceLane)).toBe(false);
    for (const m of l.nodes) if (m !== n) expect(overlaps(n.rect, m.rect)).toBe(false);
  }
  for (const a of cards) for (const b of cards) if (a !== b) expect(overlaps(a, b)).toBe(false);
}

describe('fitting the diagram to its pane', () => {
  it('puts the control plane beside the nodes in a wide, short pane, readable at 920×230', () => {
    const view = { w: 920, h: 230 };
    const l = fitLayout(kind, view);
    expect(l.arrangement).toBe('wide');
    expect(fitScale(view, l)).toBeGreaterThanOrEqual(0.9);
    for (const n of l.nodes) expect(n.rect.x).toBeGreaterThan(l.controlPlane.x + l.controlPlane.w);
    expect(l.kubectlLift).toBe(0);
    expectTidy(l);
  });

  it('keeps the names under pods only when they are drawn at a readable size', () => {
    for (const view of [{ w: 920, h: 230 }, { w: 1230, h: 370 }, { w: 1500, h: 520 }, { w: 600, h: 900 }]) {
      for (const input of [kind, tenNodes(20)]) {
        const l = fitLayout(input, view);
        if (l.podLabels) expect(fitScale(view, l)).toBeGreaterThanOrEqual(LABEL_SCALE);
      }
    }
  });

  it('draws larger in a bigger pane, up to the cap', () => {
    const small = fitScale({ w: 920, h: 230 }, fitLayout(kind, { w: 920, h: 230 }));
    const medium = fitScale({ w: 1230, h: 370 }, fitLayout(kind, { w: 1230, h: 370 }));
    expect(medium).toBeGreaterThan(small);
    expect(medium).toBeGreaterThan(1.2);
    expect(fitScale({ w: 3000, h: 2000 }, fitLayout(kind, { w: 3000, h: 2000 }))).toBe(FIT_MAX);
  });

  it('keeps the control plane across the top in a tall pane', () => {
    const view = { w: 700, h: 1100 };
    const l = fitLayout(kind, view);
    expect(l.arrangement).toBe('stacked');
    for (const n of l.nodes) expect(n.rect.y).toBeGreaterThan(l.controlPlane.y + l.controlPlane.h);
    expectTidy(l);
  });

  it('grids ten nodes of twenty pods without overlap, every pod inside its node', () => {
    for (const view of [{ w: 920, h: 230 }, { w: 1500, h: 520 }]) {
      const input = tenNodes(20);
      const l = fitLayout(input, view);
      expectTidy(l);
      const seen = new Set<string>();
      for (const node of l.nodes) {
        for (const uid of uids(node.name, 20)) {
          const p = l.pods.get(uid)!;
          expect(p.x).toBeGreaterThan(node.podArea.x);
          expect(p.x).toBeLessThan(node.podArea.x + node.podArea.w);
          expect(p.y).toBeGreaterThan(node.podArea.y);
          expect(p.y).toBeLessThan(node.rect.y + node.rect.h);
          seen.add(`${p.x},${p.y}`);
        }
      }
      expect(seen.size).toBe(200);
    }
  });

  it('puts waiting pods in the queue tray in the wide arrangement too', () => {
    const l = fitLayout({ ...kind, pending: ['p1', 'p2'] }, { w: 920, h: 230 });
    expect(l.arrangement).toBe('wide');
    for (const uid of ['p1', 'p2']) {
      const p = l.pods.get(uid)!;
      expect(p.x).toBeGreaterThan(l.queue.x);
      expect(p.x).toBeLessThan(l.queue.x + l.queue.w);
      expect(p.y).toBeGreaterThan(l.queue.y);
      expect(p.y).toBeLessThan(l.queue.y + l.queue.h);
    }
  });

  it('still links the API server to every kubelet', () => {
    const ids = architectureLinks(fitLayout(kind, { w: 920, h: 230 })).map((a) => a.id);
    for (const n of kind.nodes) expect(ids).toContain(`api-server>kubelet/${n.name}`);
  });

  it('lays out an empty cluster', () => {
    const l = fitLayout({ nodes: [], pending: [] }, { w: 920, h: 230 });
    expect(l.nodes).toEqual([]);
    expect(l.width).toBeGreaterThan(0);
  });

  it('keeps the drawing on screen unless another is clearly larger', () => {
    const view = { w: 1230, h: 370 };
    const first = fitLayout(kind, view);
    const grown = { ...kind, nodes: kind.nodes.map((n, i) => (i === 1 ? { ...n, pods: [...n.pods, 'new'] } : n)) };
    expect(fitLayout(grown, view, first.shape).shape).toBe(first.shape);
    expect(fitLayout(kind, { w: 600, h: 1200 }, first.shape).shape).not.toBe(first.shape);
  });
});
