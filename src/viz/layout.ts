// Where everything sits in the architecture diagram: the control plane (API server as the hub,
// etcd, scheduler with its queue of unbound pods, controller manager), worker nodes in a grid,
// each with kubelet, container runtime, kube-proxy and its pods, and a lane of services.
// Pure math in world units; the view scales the whole picture with d3-zoom.

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NodeInput {
  readonly name: string;
  /** pod uids on this node by slot; null is a slot left free by a pod that went away */
  readonly pods: readonly (string | null)[];
}

export interface LayoutInput {
  /** the width to lay out for (the view's width in px); narrower widths are widened */
  readonly width: number;
  readonly nodes: readonly NodeInput[];
  /** pods not (yet) bound to a node we know: they wait in the scheduling queue */
  readonly pending: readonly string[];
  /** past this many pods in total, every node shows counts instead of pods */
  readonly aggregateOver?: number;
  /** services (`namespace/name`), drawn in a lane below the nodes */
  readonly services?: readonly string[];
  /** pods with their name under them (the default) or bare glyphs in a tighter grid */
  readonly podLabels?: boolean;
}

export interface NodeLayout {
  readonly name: string;
  readonly rect: Rect;
  readonly kubelet: Rect;
  readonly runtime: Rect;
  readonly proxy: Rect;
  /** where the pods (or, aggregated, the status counts) go */
  readonly podArea: Rect;
  readonly aggregated: boolean;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  /** `stacked`: control plane across the top; `wide`: a compact control plane left of the nodes */
  readonly arrangement: 'stacked' | 'wide';
  /** the small control plane (short cards, controllers counted rather than listed) */
  readonly compact: boolean;
  /** names the arrangement and grid, to prefer the same one next time */
  readonly shape: string;
  readonly podLabels: boolean;
  /** how far kubectl's arrow arches to clear what stands between it and the API server */
  readonly kubectlLift: number;
  readonly kubectl: Rect;
  readonly controlPlane: Rect;
  readonly api: Rect;
  readonly etcd: Rect;
  readonly scheduler: Rect;
  readonly controllerManager: Rect;
  readonly queue: Rect;
  readonly nodes: readonly NodeLayout[];
  /** pod uid → centre of its glyph */
  readonly pods: ReadonlyMap<string, Point>;
  /** pods that did not fit the queue tray (drawn stacked on its last cell) */
  readonly queueOverflow: number;
  /** the services lane and each service's card, when there are services */
  readonly serviceLane?: Rect;
  readonly services: ReadonlyMap<string, Rect>;
}

export interface CellSize {
  readonly w: number;
  readonly h: number;
}

export const MIN_WIDTH = 860;
export const POD_CELL: CellSize = { w: 58, h: 44 };
/** without the name caption the glyphs (and their container dots) pack tighter */
export const POD_CELL_BARE: CellSize = { w: 38, h: 34 };
export const QUEUE_CELL = 26;
export const NODE_HEADER = 52;
export const SERVICE_CARD = { w: 210, h: 38 } as const;
export const MARGIN = 14;
export const NODE_GAP = 12;
/** room for the three agent chips with readable names */
export const MIN_NODE_W = 152;
const STACKED_NODE_W = 264;
const MAX_NODE_PODS = 120;
const QUEUE_ROWS = 2;
const AGGREGATED_H = NODE_HEADER + 40;

export const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** Chooses columns so rows come out balanced: 4 nodes that cannot fit in 3 columns take 2×2. */
export function nodeColumns(count: number, width: number): number {
  if (count <= 0) return 1;
  const fit = Math.max(1, Math.floor((width - 2 * MARGIN + NODE_GAP) / (STACKED_NODE_W + NODE_GAP)));
  const rows = Math.ceil(count / Math.min(count, fit));
  return Math.ceil(count / rows);
}

/** Cell centres for `count` glyphs in a grid of `cols` columns starting at the area's corner. */
export function gridCells(area: Rect, count: number, cellW: number, cellH: number): Point[] {
  const cols = Math.max(1, Math.floor(area.w / cellW));
  const out: Point[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ x: area.x + (i % cols) * cellW + cellW / 2, y: area.y + Math.floor(i / cols) * cellH + cellH / 2 });
  }
  return out;
}

const live = (n: NodeInput): number => n.pods.reduce((c, uid) => c + (uid === null ? 0 : 1), 0);

/** How the nodes are gridded: columns, each box's width, the pod cell and whether all nodes show counts. */
export interface NodeGrid {
  readonly cols: number;
  readonly nodeW: number;
  readonly cell: CellSize;
  readonly aggregateAll: boolean;
}

export const podColumns = (g: NodeGrid): number => Math.max(1, Math.floor((g.nodeW - 12) / g.cell.w));
const isAggregated = (n: NodeInput, g: NodeGrid): boolean => g.aggregateAll || live(n) > MAX_NODE_PODS;
const nodeHeight = (n: NodeInput, g: NodeGrid): number =>
  isAggregated(n, g) ? AGGREGATED_H : NODE_HEADER + Math.max(1, Math.ceil(n.pods.length / podColumns(g))) * g.cell.h + 4;

/** Height of each row of node boxes (a row shares the height of its tallest box). */
export function nodeRowHeights(nodes: readonly NodeInput[], g: NodeGrid): number[] {
  const out: number[] = [];
  for (let start = 0; start < nodes.length; start += g.cols) out.push(Math.max(...nodes.slice(start, start + g.cols).map((n) => nodeHeight(n, g))));
  return out;
}

export const gridWidth = (g: NodeGrid, count: number): number => {
  const cols = Math.max(1, Math.min(g.cols, count));
  return cols * g.nodeW + (cols - 1) * NODE_GAP;
};

export const aggregatesAll = (input: Pick<LayoutInput, 'nodes' | 'aggregateOver'>): boolean =>
  input.nodes.reduce((n, node) => n + live(node), 0) > (input.aggregateOver ?? 200);

function nodeBox(name: string, x: number, y: number, w: number, h: number, aggregated: boolean): NodeLayout {
  const chipW = (w - 12 - 8) / 3;
  const row = y + 26;
  return {
    name,
    rect: { x, y, w, h },
    kubelet: { x: x + 6, y: row, w: chipW, h: 20 },
    runtime: { x: x + 10 + chipW, y: row, w: chipW, h: 20 },
    proxy: { x: x + 14 + 2 * chipW, y: row, w: chipW, h: 20 },
    podArea: { x: x + 6, y: y + NODE_HEADER, w: w - 12, h: h - NODE_HEADER - 4 },
    aggregated,
  };
}

/** Places the node boxes from (x, y) and their pods into `pods`; returns the boxes and the bottom edge. */
export function placeNodes(nodes: readonly NodeInput[], g: NodeGrid, x: number, y: number, pods: Map<string, Point>): { boxes: NodeLayout[]; bottom: number } {
  const boxes: NodeLayout[] = [];
  const podCols = podColumns(g);
  const heights = nodeRowHeights(nodes, g);
  heights.forEach((h, r) => {
    nodes.slice(r * g.cols, (r + 1) * g.cols).forEach((n, i) => {
      const aggregated = isAggregated(n, g);
      const box = nodeBox(n.name, x + i * (g.nodeW + NODE_GAP), y, g.nodeW, h, aggregated);
      boxes.push(box);
      const area = box.podArea;
      if (aggregated) {
        // Pods still have a place (the count bar's centre) so their exit/entry stays smooth.
        for (const uid of n.pods) if (uid !== null) pods.set(uid, centre(area));
        return;
      }
      const cells = gridCells({ ...area, w: podCols * g.cell.w }, n.pods.length, g.cell.w, g.cell.h);
      n.pods.forEach((uid, j) => uid !== null && pods.set(uid, cells[j]!));
    });
    y += h + NODE_GAP;
  });
  return { boxes, bottom: y - (heights.length ? NODE_GAP : 0) };
}

/** The queue tray's pods: as many as fit, the rest stacked on its last cell. */
export function placeQueue(queue: Rect, pending: readonly string[], pods: Map<string, Point>): number {
  const cols = Math.max(1, Math.floor((queue.w - 12) / QUEUE_CELL));
  const capacity = cols * QUEUE_ROWS;
  const cells = gridCells({ x: queue.x + 6, y: queue.y + 6, w: queue.w - 12, h: queue.h - 12 }, Math.min(pending.length, capacity), QUEUE_CELL, QUEUE_CELL);
  pending.forEach((uid, i) => pods.set(uid, cells[Math.min(i, cells.length - 1)]!));
  return Math.max(0, pending.length - capacity);
}

/** The queue tray's height for this many waiting pods in a tray this wide. */
export function queueHeight(width: number, pending: number): number {
  const cols = Math.max(1, Math.floor((width - 12) / QUEUE_CELL));
  return Math.min(QUEUE_ROWS, Math.max(1, Math.ceil(pending / cols))) * QUEUE_CELL + 12;
}

function controlPlane(width: number, pendingCount: number) {
  const cp = { x: 104, y: MARGIN, w: width - 104 - MARGIN };
  const top = cp.y + 40;
  const inner = cp.w - 40;
  const widths = [120, 170, 170, 230];
  const gap = Math.max(18, (inner - widths.reduce((a, b) => a + b, 0)) / 3);
  let x = cp.x + 20;
  const [etcdW, apiW, schedW, cmW] = widths as [number, number, number, number];
  const etcd = { x, y: top + 26, w: etcdW, h: 68 };
  x += etcdW + gap;
  const api = { x, y: top, w: apiW, h: 72 };
  x += apiW + gap;
  const scheduler = { x, y: top, w: schedW, h: 56 };
  x += schedW + gap;
  const controllerManager = { x, y: top, w: Math.min(cmW + 40, cp.x + cp.w - 20 - x), h: 124 };
  const queue = { x: scheduler.x, y: scheduler.y + scheduler.h + 28, w: schedW, h: queueHeight(schedW, pendingCount) };
  const bottom = Math.max(controllerManager.y + controllerManager.h, queue.y + queue.h, api.y + api.h) + 18;
  const controlPlaneRect = { x: cp.x, y: cp.y, w: cp.w, h: bottom - cp.y };
  const kubectl = { x: MARGIN, y: api.y + api.h / 2 - 30, w: 64, h: 60 };
  return { controlPlane: controlPlaneRect, api, etcd, scheduler, controllerManager, queue, kubectl };
}

/** The stacked arrangement: control plane across the top, nodes in rows below, services under them. */
export function layoutDiagram(input: LayoutInput): DiagramLayout {
  const width = Math.max(MIN_WIDTH, Math.floor(input.width));
  const cp = controlPlane(width, input.pending.length);
  const pods = new Map<string, Point>();
  const queueOverflow = placeQueue(cp.queue, input.pending, pods);
  const cols = nodeColumns(input.nodes.length, width);
  const labels = input.podLabels ?? true;
  const grid: NodeGrid = { cols, nodeW: (width - 2 * MARGIN - (cols - 1) * NODE_GAP) / cols, cell: labels ? POD_CELL : POD_CELL_BARE, aggregateAll: aggregatesAll(input) };
  const top = cp.controlPlane.y + cp.controlPlane.h + 48;
  const { boxes, bottom } = placeNodes(input.nodes, grid, MARGIN, top, pods);
  const lane = serviceLane(input.services ?? [], { x: MARGIN, y: Math.max(bottom + NODE_GAP, top), w: width - 2 * MARGIN }, false);
  const height = (lane.rect ? lane.rect.y + lane.rect.h : Math.max(bottom, top)) + MARGIN;
  return {
    width,
    height,
    arrangement: 'stacked',
    compact: false,
    shape: `full|${cols}|${Math.round(grid.nodeW)}|${grid.cell.w}`,
    podLabels: labels,
    kubectlLift: 56,
    ...cp,
    nodes: boxes,
    pods,
    queueOverflow,
    ...(lane.rect ? { serviceLane: lane.rect } : {}),
    services: lane.cards,
  };
}

/** Services lane geometry: the title above the cards, or (`inline`, when wide enough) beside them. */
export function laneShape(count: number, width: number, inline: boolean): { h: number; cols: number; inset: number; top: number } {
  const side = inline && width >= 76 + SERVICE_CARD.w + 8;
  const inset = side ? 76 : 10;
  const top = side ? 8 : 28;
  const cols = Math.max(1, Math.floor((width - inset - 10 + 10) / (SERVICE_CARD.w + 10)));
  const rows = Math.ceil(count / cols);
  return { h: count ? top + rows * (SERVICE_CARD.h + 8) : 0, cols, inset, top };
}

/** Service cards in rows across the lane. */
export function serviceLane(keys: readonly string[], at: Point & { w: number }, inline: boolean): { rect?: Rect; cards: Map<string, Rect> } {
  const cards = new Map<string, Rect>();
  if (!keys.length) return { cards };
  const s = laneShape(keys.length, at.w, inline);
  keys.forEach((key, i) => {
    cards.set(key, { x: at.x + s.inset + (i % s.cols) * (SERVICE_CARD.w + 10), y: at.y + s.top + Math.floor(i / s.cols) * (SERVICE_CARD.h + 8), w: SERVICE_CARD.w, h: SERVICE_CARD.h });
  });
  return { rect: { x: at.x, y: at.y, w: at.w, h: s.h }, cards };
}
