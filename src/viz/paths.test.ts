import { describe, expect, it } from 'vitest';
import { linkPath, linkPoint } from './paths.ts';

describe('arrows', () => {
  it('start and end at their endpoints', () => {
    const a = { x: 10, y: 20 };
    const b = { x: 200, y: 300 };
    expect(linkPoint(a, b, 0)).toEqual(a);
    expect(linkPoint(a, b, 1)).toEqual(b);
    expect(linkPath(a, b)).toMatch(/^M10,20C.* 200,300$/);
  });

  it('bend vertically between rows and horizontally within one', () => {
    expect(linkPath({ x: 0, y: 0 }, { x: 10, y: 100 })).toBe('M0,0C0,50 10,50 10,100');
    expect(linkPath({ x: 0, y: 0 }, { x: 100, y: 10 })).toBe('M0,0C50,0 50,10 100,10');
  });

  it('arch a lifted arrow above both ends', () => {
    const m = linkPoint({ x: 0, y: 100 }, { x: 200, y: 100 }, 0.5, 56);
    expect(m.y).toBeCloseTo(100 - 0.75 * 56);
    expect(linkPoint({ x: 0, y: 100 }, { x: 200, y: 100 }, 1, 56)).toEqual({ x: 200, y: 100 });
  });

  it('put the midpoint of a symmetric curve halfway', () => {
    const m = linkPoint({ x: 0, y: 0 }, { x: 100, y: 10 }, 0.5);
    expect(m.x).toBeCloseTo(50);
    expect(m.y).toBeCloseTo(5);
  });
});
