// The arrows of the architecture diagram as path strings, and the point a fraction of the way
// along one, so a travelling message dot follows exactly the arrow it animates. Cubic curves
// bend vertically between rows and horizontally within a row, as in the seed's drawings.

import type { Point } from './layout.ts';

type Curve = readonly [Point, Point, Point, Point];

function controls(a: Point, b: Point, lift: number): Curve {
  // A lifted arrow arches over whatever stands between its ends (kubectl's, over etcd).
  if (lift) return [a, { x: a.x + (b.x - a.x) / 4, y: a.y - lift }, { x: b.x - (b.x - a.x) / 4, y: b.y - lift }, b];
  if (Math.abs(b.x - a.x) > Math.abs(b.y - a.y)) {
    const mx = (a.x + b.x) / 2;
    return [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b];
  }
  const my = (a.y + b.y) / 2;
  return [a, { x: a.x, y: my }, { x: b.x, y: my }, b];
}

const r = (n: number): number => Math.round(n * 10) / 10;

/** The SVG path of the arrow from `a` to `b`. */
export function linkPath(a: Point, b: Point, lift = 0): string {
  const [p0, p1, p2, p3] = controls(a, b, lift);
  return `M${r(p0.x)},${r(p0.y)}C${r(p1.x)},${r(p1.y)} ${r(p2.x)},${r(p2.y)} ${r(p3.x)},${r(p3.y)}`;
}

/** The point at fraction `t` (0…1) along `linkPath(a, b)`. */
export function linkPoint(a: Point, b: Point, t: number, lift = 0): Point {
  const [p0, p1, p2, p3] = controls(a, b, lift);
  const u = 1 - t;
  const w0 = u * u * u;
  const w1 = 3 * u * u * t;
  const w2 = 3 * u * t * t;
  const w3 = t * t * t;
  return { x: w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x, y: w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y };
}
