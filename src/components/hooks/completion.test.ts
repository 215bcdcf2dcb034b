import { describe, expect, it } from 'vitest';
import { completeAt } from './completion.ts';
import { lineOf } from './lineBuffer.ts';

const lab = (candidates: string[]) => ({
  complete: (line: string) => ({ start: line.search(/\S*$/), candidates }),
});

describe('Tab in the terminal', () => {
  it('completes a single candidate and adds a space', () => {
    expect(completeAt(lab(['pods']), lineOf('kubectl get po'), false, 80)).toEqual({ line: lineOf('kubectl get pods '), armed: false });
  });

  it('adds no space after a directory', () => {
    expect(completeAt(lab(['manifests/']), lineOf('cat ma'), false, 80).line).toEqual(lineOf('cat manifests/'));
  });

  it('completes in the middle of the line, keeping what follows', () => {
    const r = completeAt(lab(['pods']), { text: 'kubectl get po -o wide', cursor: 14 }, false, 80);
    expect(r.line).toEqual({ text: 'kubectl get pods -o wide', cursor: 16 });
  });

  it('completes the common prefix of several candidates, then lists them on the next Tab', () => {
    const first = completeAt(lab(['delete', 'describe']), lineOf('kubectl d'), false, 80);
    expect(first).toEqual({ line: lineOf('kubectl de'), armed: true });
    const second = completeAt(lab(['delete', 'describe']), lineOf('kubectl de'), first.armed, 80);
    expect(second).toEqual({ listing: ['delete    describe'], armed: false });
  });

  it('lists nothing on the first Tab that cannot add anything', () => {
    expect(completeAt(lab(['delete', 'describe']), lineOf('kubectl de'), false, 80)).toEqual({ armed: true });
  });

  it('lists paths by their last part', () => {
    const r = completeAt(lab(['m/api.yml', 'm/app.yml']), lineOf('cat m/ap'), true, 80);
    expect(r.listing).toEqual(['api.yml  app.yml']);
  });

  it('does nothing without candidates', () => {
    expect(completeAt(lab([]), lineOf('zz'), true, 80)).toEqual({ armed: false });
  });
});
