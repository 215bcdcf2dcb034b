import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter.ts';
import { formatLabels, joinTableGroups, printTable, renderTable, type Table } from './table.ts';
import type { KubeObject } from '../../api/objects.ts';

describe('tabwrite (kubectl: minwidth 6, padding 3)', () => {
  it('pads every column but the last to its widest cell plus 3', () => {
    expect(tabwrite('NAME\tAGE\nweb-deploy-85c4b6f7d8-2xkqp\t79m\n')).toBe('NAME                          AGE\nweb-deploy-85c4b6f7d8-2xkqp   79m\n');
  });

  it('makes short columns at least 6 wide', () => {
    expect(tabwrite('A\tB\tC\nx\ty\tz\n')).toBe('A     B     C\nx     y     z\n');
  });

  it('pads empty cells, so an empty next-to-last cell leaves trailing spaces as in Go', () => {
    expect(tabwrite('NAME\tAPP\tZONE\ncrash\t\t\n')).toBe('NAME    APP   ZONE\ncrash         \n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(tabwrite('é😀\tx\nab\ty\n')).toBe('é😀    x\nab    y\n');
  });

  it('restarts column widths after a line without tabs', () => {
    expect(tabwrite('long-name\tx\nplain\na\tb\n')).toBe('long-name   x\nplain\na     b\n');
  });
});

describe('printTable', () => {
  it('prints nothing for no rows, not even the header', () => {
    expect(printTable(['NAME', 'AGE'], [])).toBe('');
  });

  it('omits the header when given none (--no-headers)', () => {
    expect(printTable([], [['web', '1m']])).toBe('web   1m\n');
  });
});

describe('renderTable', () => {
  const obj = (name: string, namespace: string, labels?: Record<string, string>): KubeObject =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: name, resourceVersion: '1', creationTimestamp: '', ...(labels ? { labels } : {}) } }) as KubeObject;
  const table: Table = {
    columns: [
      { name: 'Name', priority: 0, format: 'name' },
      { name: 'Port(s)', priority: 0 },
      { name: 'Nominated Node', priority: 1 },
    ],
    rows: [
      { cells: ['web', '80/TCP', '<none>'], object: obj('web', 'shop', { tier: 'front', app: 'web' }) },
      { cells: ['db', 'line one\nline two', '<none>'], object: obj('db', 'default') },
    ],
  };

  it('upper-cases names and hides priority columns unless wide', () => {
    const opts = { wide: false, showLabels: false, noHeaders: false, withNamespace: false };
    expect(renderTable(table, opts)).toBe('NAME   PORT(S)\nweb    80/TCP\ndb     line one...\n');
    expect(renderTable(table, { ...opts, wide: true }).split('\n')[0]).toBe('NAME   PORT(S)       NOMINATED NODE');
  });

  it('adds NAMESPACE first, LABELS last and the kind prefix on the name column', () => {
    const out = renderTable(table, { wide: false, showLabels: true, noHeaders: false, withNamespace: true, kindPrefix: 'service' });
    expect(out).toBe(
      'NAMESPACE   NAME          PORT(S)       LABELS\nshop        service/web   80/TCP        app=web,tier=front\ndefault     service/db    line one...   <none>\n',
    );
  });

  it('separates kinds with one empty line, but not with --no-headers', () => {
    expect(joinTableGroups(['A\n', '', 'B\n'], false)).toBe('A\n\nB\n');
    expect(joinTableGroups(['A\n', 'B\n'], true)).toBe('A\nB\n');
  });

  it('formats labels sorted by key', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });
});
