import { describe, expect, it } from 'vitest';
import { TabWriter } from './tabwriter.ts';

const format = (...chunks: (string | 'FLUSH')[]): string => {
  const w = new TabWriter(0, 2);
  for (const c of chunks) {
    if (c === 'FLUSH') w.flush();
    else w.write(c);
  }
  return w.toString();
};

describe("Go's text/tabwriter as describe configures it", () => {
  it('pads each column to its widest cell plus two', () => {
    expect(format('Name:\thello-pod\nNamespace:\tdefault\n')).toBe('Name:       hello-pod\nNamespace:  default\n');
  });

  it('ends a column block at a line without that column', () => {
    expect(format('A:\t1\nLonger heading:\n  B:\t2\n')).toBe('A:  1\nLonger heading:\n  B:  2\n');
  });

  it('keeps aligning deeper columns inside a block while outer lines continue it', () => {
    expect(format('Type\tStatus\nPodScheduled \tTrue \nReady \tFalse \n')).toBe(
      'Type           Status\nPodScheduled   True \nReady          False \n',
    );
  });

  it('pads empty cells, leaving trailing spaces', () => {
    expect(format('IP:\t\nIPs:\t<none>\n')).toBe('IP:   \nIPs:  <none>\n');
  });

  it('never pads the last cell of a line', () => {
    expect(format('a\tb\tc\nlonger\td\n')).toBe('a       b  c\nlonger  d\n');
  });

  it('measures cells in code points', () => {
    expect(format('é\t1\nab\t2\n')).toBe('é   1\nab  2\n');
  });

  it('does not align across a flush', () => {
    expect(format('Tolerations:\t<none>\n', 'FLUSH', 'Events:\n  Type\tReason\n')).toBe(
      'Tolerations:  <none>\nEvents:\n  Type  Reason\n',
    );
  });

  it('writes a trailing partial line without a newline', () => {
    expect(format('a\tb\nc')).toBe('a  b\nc');
  });
});
