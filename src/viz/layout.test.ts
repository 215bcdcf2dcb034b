import { describe, expect, it } from 'vitest';
import { MIN_WIDTH, layoutDiagram, nodeColumns, gridCells } from './layout.ts';

const uids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('node grid', () => {
  it('balances rows: four nodes that do not fit in a row take two by two', () => {
    expect(nodeColumns(4, 900)).toBe(2);
    expect(nodeColumns(4, 1200)).toBe(4);
    expect(nodeColumns(10, 1500)).toBe(5);
    expect(nodeColumns(0, 1000)).toBe(1);
  });

  it('places node boxes below the control plane without overlapping one another', () => {
    const l = layoutDiagram({ width: 1200, nodes: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, pods: uids(name, 7) })), pending: [] });
    for (const n of l.nodes) expect(n.rect.y).toBeGreaterThan(l.controlPlane.y + l.controlPlane.h);
    for (const a of l.nodes) for (const b of l.nodes) if (a !== b) expect(overlaps(a.rect, b.rect)).toBe(false);
    expect(Math.max(...l.nodes.map((n) => n.rect.y + n.rect.h))).toBeLessThanOrEqual(l.height);
  });

  it('never lays out narrower than the minimum width', () => {
    expect(layoutDiagram({ width: 300, nodes: [], pending: [] }).width).toBe(MIN_WIDTH);
  });
});

describe('pod positions', () => {
  it('puts every pod of a node inside that node and no two in the same cell', () => {
    const l = layoutDiagram({ width: 1280, nodes: Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, pods: uids(`n${i}`, 20) })), pending: [] });
    const seen = new Set<string>();
    for (const node of l.nodes) {
      expect(node.aggregated).toBe(false);
      for (const uid of uids(node.name, 20)) {
        const p = l.pods.get(uid)!;
        expect(p.x).toBeGreaterThan(node.rect.x);
        expect(p.x).toBeLessThan(node.rect.x + node.rect.w);
        expect(p.y).toBeGreaterThan(node.podArea.y);
        expect(p.y).toBeLessThan(node.rect.y + node.rect.h);
        seen.add(`${p.x},${p.y}`);
      }
    }
    expect(seen.size).toBe(200);
  });

  it('keeps unbound pods in the scheduling queue under the scheduler', () => {
    const l = layoutDiagram({ width: 1200, nodes: [{ name: 'a', pods: [] }], pending: ['p1', 'p2'] });
    for (const uid of ['p1', 'p2']) {
      const p = l.pods.get(uid)!;
      expect(p.y).toBeGreaterThan(l.queue.y);
      expect(p.y).toBeLessThan(l.queue.y + l.queue.h);
      expect(p.x).toBeGreaterThan(l.queue.x);
    }
    expect(l.queueOverflow).toBe(0);
  });

  it('stacks what does not fit the queue tray and counts it', () => {
    const l = layoutDiagram({ width: 1200, nodes: [], pending: uids('p', 40) });
    expect(l.queueOverflow).toBeGreaterThan(0);
    expect(l.pods.get('p-39')).toEqual(l.pods.get('p-38'));
  });

  it('aggregates every node past the pod threshold, and a node too full to draw', () => {
    const many = layoutDiagram({ width: 1200, nodes: [{ name: 'a', pods: uids('a', 150) }, { name: 'b', pods: uids('b', 60) }], pending: [] });
    expect(many.nodes.every((n) => n.aggregated)).toBe(true);
    const one = layoutDiagram({ width: 1200, nodes: [{ name: 'a', pods: uids('a', 130) }, { name: 'b', pods: uids('b', 5) }], pending: [], aggregateOver: 500 });
    expect(one.nodes.map((n) => n.aggregated)).toEqual([true, false]);
  });
});

describe('grid cells', () => {
  it('wraps at the area width', () => {
    const cells = gridCells({ x: 0, y: 0, w: 100, h: 100 }, 3, 50, 20);
    expect(cells).toEqual([{ x: 25, y: 10 }, { x: 75, y: 10 }, { x: 25, y: 30 }]);
  });
});

describe('services lane', () => {
  it('sits below the nodes, one card per service, inside the diagram', () => {
    const l = layoutDiagram({ width: 1200, nodes: [{ name: 'a', pods: ['p'] }], pending: [], services: ['default/kubernetes', 'default/web'] });
    const node = l.nodes[0]!.rect;
    expect(l.serviceLane!.y).toBeGreaterThan(node.y + node.h);
    expect(l.services.size).toBe(2);
    for (const r of l.services.values()) expect(r.y + r.h).toBeLessThanOrEqual(l.height);
  });

  it('is absent without services', () => {
    const l = layoutDiagram({ width: 1200, nodes: [], pending: [] });
    expect(l.serviceLane).toBeUndefined();
    expect(l.services.size).toBe(0);
  });
});
