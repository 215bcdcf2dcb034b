// Chooses how to draw the cluster for the pane it is shown in: the stacked arrangement (control
// plane across the top) for tall panes, or the wide one (a compact control plane on the left,
// nodes gridded to its right, services under them) for short ones, whichever is drawn largest.
// Narrow panes stack the compact control plane over the nodes.

import { MARGIN, MIN_NODE_W, NODE_GAP, POD_CELL, POD_CELL_BARE, SERVICE_CARD, aggregatesAll, gridWidth, laneShape, layoutDiagram, nodeRowHeights, placeNodes, placeQueue, queueHeight, serviceLane } from './layout.ts';
import type { CellSize, DiagramLayout, LayoutInput, NodeGrid, Point, Rect } from './layout.ts';

/** The view never enlarges the drawing past this (a tiny cluster on a big screen stays sane). */
export const FIT_MAX = 1.6;
/** Below this scale a 10 px caption would be drawn under 9 px: pods go without their names. */
export const LABEL_SCALE = 0.9;

export interface View {
  readonly w: number;
  readonly h: number;
}

export type FitInput = Omit<LayoutInput, 'width' | 'podLabels'>;

export const fitScale = (view: View, l: { width: number; height: number }): number => Math.min(view.w / l.width, view.h / l.height, FIT_MAX);

const KUBECTL_W = 54;
const COL_A = 118;
const COL_B = 112;
const CARD_H = 42;
const CP_X = MARGIN + KUBECTL_W + 8;
const CP_W = 10 + COL_A + 10 + COL_B + 10;
const NODES_X = CP_X + CP_W + 16;

/**
 * The compact control plane: API server beside etcd, the scheduler beside its queue, and the
 * controller manager across the bottom (its controllers counted, not listed).
 */
function compactControlPlane(pending: number) {
  const a = CP_X + 10;
  const b = a + COL_A + 10;
  const y1 = MARGIN + 24;
  const qh = queueHeight(COL_B, pending);
  const y2 = y1 + CARD_H + 10;
  const row2 = Math.max(CARD_H, 14 + qh);
  const y3 = y2 + row2 + 10;
  const api = { x: a, y: y1, w: COL_A, h: CARD_H };
  const etcd = { x: b + (COL_B - 92) / 2, y: y1, w: 92, h: CARD_H };
  const scheduler = { x: a, y: y2, w: COL_A, h: CARD_H };
  const queue = { x: b, y: y2 + 14, w: COL_B, h: qh };
  const controllerManager = { x: a, y: y3, w: COL_A + 10 + COL_B, h: CARD_H - 4 };
  const controlPlane = { x: CP_X, y: MARGIN, w: CP_W, h: y3 + controllerManager.h + 10 - MARGIN };
  const kubectl = { x: MARGIN, y: y1 + CARD_H / 2 - 30, w: KUBECTL_W, h: 60 };
  return { controlPlane, api, etcd, scheduler, controllerManager, queue, kubectl };
}

/** A grid of nodes beside (`side`) or below the compact control plane, measured before it is built. */
interface CompactShape {
  readonly grid: NodeGrid;
  readonly side: boolean;
  readonly width: number;
  readonly height: number;
}

const cpBottomOf = (pending: number): number => {
  const cp = compactControlPlane(pending).controlPlane;
  return cp.y + cp.h;
};
const nodesOrigin = (side: boolean, cpBottom: number): Point => (side ? { x: NODES_X, y: MARGIN } : { x: MARGIN, y: cpBottom + 20 });

function measure(input: FitInput, grid: NodeGrid, side: boolean, cpBottom: number): CompactShape {
  const rows = nodeRowHeights(input.nodes, grid);
  const gw = Math.max(gridWidth(grid, input.nodes.length), input.services?.length ? SERVICE_CARD.w + 20 : 0);
  const at = nodesOrigin(side, cpBottom);
  const nodesBottom = at.y + rows.reduce((s, h) => s + h, 0) + Math.max(0, rows.length - 1) * NODE_GAP;
  const lane = laneShape(input.services?.length ?? 0, gw, true).h;
  return {
    grid,
    side,
    width: Math.max(at.x + gw, CP_X + CP_W) + MARGIN,
    height: Math.max(cpBottom, nodesBottom + (lane ? NODE_GAP + lane : 0)) + MARGIN,
  };
}

function build(input: FitInput, shape: CompactShape): DiagramLayout {
  const cp = compactControlPlane(input.pending.length);
  const pods = new Map<string, Point>();
  const queueOverflow = placeQueue(cp.queue, input.pending, pods);
  const at = nodesOrigin(shape.side, cp.controlPlane.y + cp.controlPlane.h);
  const { boxes, bottom } = placeNodes(input.nodes, shape.grid, at.x, at.y, pods);
  const laneW = Math.max(gridWidth(shape.grid, input.nodes.length), input.services?.length ? SERVICE_CARD.w + 20 : 0);
  const lane = serviceLane(input.services ?? [], { x: at.x, y: boxes.length ? bottom + NODE_GAP : at.y, w: laneW }, true);
  return {
    width: shape.width,
    height: shape.height,
    arrangement: shape.side ? 'wide' : 'stacked',
    compact: true,
    shape: shapeKey(shape),
    podLabels: shape.grid.cell === POD_CELL,
    kubectlLift: 0,
    ...cp,
    nodes: boxes,
    pods,
    queueOverflow,
    ...(lane.rect ? { serviceLane: lane.rect as Rect } : {}),
    services: lane.cards,
  };
}

/** Every compact grid worth trying: beside or below, each column count, node boxes from narrowest to one row of pods. */
function compactShapes(input: FitInput): CompactShape[] {
  const cpBottom = cpBottomOf(input.pending.length);
  const aggregateAll = aggregatesAll(input);
  const most = Math.min(16, Math.max(1, ...input.nodes.map((n) => n.pods.length)));
  const out: CompactShape[] = [];
  for (const cell of [POD_CELL, POD_CELL_BARE] as CellSize[]) {
    const widths = new Set<number>([MIN_NODE_W]);
    if (!aggregateAll) for (let k = 1; k <= most; k++) widths.add(Math.max(MIN_NODE_W, k * cell.w + 12));
    for (let cols = 1; cols <= Math.max(1, input.nodes.length); cols++) {
      for (const nodeW of widths) for (const side of [true, false]) out.push(measure(input, { cols, nodeW, cell, aggregateAll }, side, cpBottom));
    }
  }
  return out;
}

/** Favour names under pods and, on a near tie, the full-size control plane with its controllers listed. */
function score(view: View, l: { width: number; height: number }, labels: boolean, full: boolean): number {
  const s = fitScale(view, l);
  if (labels && s < LABEL_SCALE) return -1;
  return s * (labels ? 1.15 : 1) * (full ? 1.02 : 1);
}

/** Names a candidate drawing, so the view can keep its current one through small changes. */
const shapeKey = (shape: CompactShape): string => `${shape.side ? 'wide' : 'stacked'}|${shape.grid.cols}|${shape.grid.nodeW}|${shape.grid.cell.w}`;

/**
 * The arrangement, node grid and pod cell that draw this cluster largest in `view`. `prefer`
 * (the `shape` of the drawing on screen) wins unless another is clearly larger, so a growing
 * cluster does not flip between near-equal arrangements with every pod.
 */
export function fitLayout(input: FitInput, view: View, prefer?: string): DiagramLayout {
  const sticky = (key: string, s: number): number => (key === prefer ? s * 1.06 : s);
  let best: DiagramLayout | undefined;
  let bestScore = -Infinity;
  for (const f of [1, 1.3, 1.7, 2.2]) {
    for (const podLabels of [true, false]) {
      const l = layoutDiagram({ ...input, width: view.w * f, podLabels });
      const s = sticky(l.shape, score(view, l, podLabels, true));
      if (s > bestScore + 1e-6) [best, bestScore] = [l, s];
    }
  }
  let compact: CompactShape | undefined;
  for (const shape of compactShapes(input)) {
    const s = sticky(shapeKey(shape), score(view, shape, shape.grid.cell === POD_CELL, false));
    if (s > bestScore + 1e-6) [compact, bestScore] = [shape, s];
  }
  return compact ? build(input, compact) : best!;
}
