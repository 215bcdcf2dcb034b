import { describe, expect, it } from 'vitest';
import { assignSlots } from './slots.ts';

describe('pod slots', () => {
  it('keep a pod in its slot when another leaves', () => {
    const a = assignSlots(new Map(), new Map([['n', ['p1', 'p2', 'p3']]]));
    const b = assignSlots(a, new Map([['n', ['p1', 'p3']]]));
    expect(b.get('n')).toEqual(['p1', null, 'p3']);
  });

  it('give a new pod the first free slot', () => {
    const b = assignSlots(new Map([['n', ['p1', null, 'p3']]]), new Map([['n', ['p1', 'p3', 'p4', 'p5']]]));
    expect(b.get('n')).toEqual(['p1', 'p4', 'p3', 'p5']);
  });

  it('drop trailing holes and compact a node that is mostly empty', () => {
    expect(assignSlots(new Map([['n', ['p1', 'p2']]]), new Map([['n', ['p1']]])).get('n')).toEqual(['p1']);
    const many = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const after = assignSlots(new Map([['n', many]]), new Map([['n', ['p5', 'p20']]]));
    expect(after.get('n')).toEqual(['p5', 'p20']);
  });
});
