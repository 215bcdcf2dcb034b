import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeEvents } from './events.ts';
import { at } from './podFixtures.ts';
import { tabbedString } from './prefixWriter.ts';

const ev = (name: string, fields: Partial<Event>): Event =>
  ({ metadata: { name, namespace: 'default' }, involvedObject: {}, type: 'Normal', reason: 'R', message: 'm', ...fields }) as Event;

const table = (events: Event[], now: number): string => tabbedString((w) => describeEvents(events, w, now));

describe('the Events table', () => {
  it('sorts by last time seen, keeping list order for ties', () => {
    const out = table(
      [
        ev('p.3', { reason: 'Late', lastTimestamp: at(20), firstTimestamp: at(20), count: 1, source: { component: 'kubelet' } }),
        ev('p.2', { reason: 'TieB', lastTimestamp: at(10), firstTimestamp: at(10), count: 1, source: { component: 'kubelet' } }),
        ev('p.1', { reason: 'TieA', lastTimestamp: at(10), firstTimestamp: at(10), count: 1, source: { component: 'kubelet' } }),
      ],
      30_000,
    );
    expect(out).toBe(
      'Events:\n' +
        '  Type    Reason  Age   From     Message\n' +
        '  ----    ------  ----  ----     -------\n' +
        '  Normal  TieA    20s   kubelet  m\n' +
        '  Normal  TieB    20s   kubelet  m\n' +
        '  Normal  Late    10s   kubelet  m\n',
    );
  });

  it('says <unknown> for an event without timestamps and names the reporting controller', () => {
    const out = table([ev('x', { reportingComponent: 'my-controller', message: '  padded  ' })], 30_000);
    expect(out.split('\n')[3]).toBe('  Normal  R       <unknown>  my-controller  padded');
  });

  it('prints Events: <none> without flushing the fields above', () => {
    expect(tabbedString((w) => {
      w.write(0, 'Tolerations:\t<none>\n');
      describeEvents([], w, 0);
    })).toBe('Tolerations:  <none>\nEvents:       <none>\n');
  });
});
