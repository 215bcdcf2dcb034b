import { describe, expect, it } from 'vitest';
import { countByStatus, shortName, statusKey } from './podStatus.ts';

describe('pod status', () => {
  it('maps kubectl STATUS values to their colour and glyph key', () => {
    expect(statusKey('Running')).toBe('running');
    expect(statusKey('ContainerCreating')).toBe('creating');
    expect(statusKey('Init:0/1')).toBe('creating');
    expect(statusKey('Init:CrashLoopBackOff')).toBe('crash');
    expect(statusKey('ErrImagePull')).toBe('pull');
    expect(statusKey('ImagePullBackOff')).toBe('pull');
    expect(statusKey('Completed')).toBe('succeeded');
    expect(statusKey('Error')).toBe('failed');
    expect(statusKey('OOMKilled')).toBe('failed');
    expect(statusKey('Terminating')).toBe('terminating');
    expect(statusKey('Pending')).toBe('pending');
  });

  it('counts pods by status in legend order', () => {
    expect(countByStatus(['Running', 'Pending', 'Running', 'Error'])).toEqual([
      { key: 'running', count: 2 },
      { key: 'pending', count: 1 },
      { key: 'failed', count: 1 },
    ]);
  });

  it('shortens long names keeping the random suffix', () => {
    expect(shortName('web')).toBe('web');
    expect(shortName('web-65d846d465-dv6zc')).toBe('web-…v6zc');
    expect(shortName('web-65d846d465-dv6zc', 12)).toBe('web-65…dv6zc');
  });
});
