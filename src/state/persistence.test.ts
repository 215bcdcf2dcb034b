import { describe, expect, it } from 'vitest';
import { SAVE_KEY, loadSave, writeSave } from './persistence.ts';
import type { SavedLab } from './persistence.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const good: SavedLab = { version: 1, seed: 1, preset: 'kind', simTime: 301_000, actions: [{ t: 300_500, kind: 'run', line: 'kubectl get pods' }], files: { '/home/learner/pod.yml': 'kind: Pod\n' }, history: ['kubectl get pods'] };

describe('the lab save', () => {
  it('comes back as it was written', () => {
    const s = memoryStorage();
    expect(writeSave(good, s)).toBe(true);
    expect(loadSave(s)).toEqual({ ok: true, saved: good });
  });

  it('is nothing at all on a first visit', () => {
    expect(loadSave(memoryStorage())).toEqual({ ok: true, saved: undefined });
  });

  it('is set aside, not lost, when it is not JSON', () => {
    const s = memoryStorage();
    s.setItem(SAVE_KEY, '{"version":1,');
    const r = loadSave(s);
    expect(r).toMatchObject({ ok: false, reason: 'it is not valid JSON' });
    expect(s.m.get(`${SAVE_KEY}.unreadable`)).toBe('{"version":1,');
    expect(s.m.has(SAVE_KEY)).toBe(false);
  });

  it('says so when another version wrote it', () => {
    const s = memoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify({ ...good, version: 99 }));
    const r = loadSave(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('another version of kubelab');
  });

  it('rejects a damaged command log', () => {
    const s = memoryStorage();
    s.setItem(SAVE_KEY, JSON.stringify({ ...good, actions: [{ t: 'soon', kind: 'run' }] }));
    expect(loadSave(s)).toMatchObject({ ok: false, reason: 'its history of commands is damaged' });
  });

  it('reports a full storage instead of throwing', () => {
    const s = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writeSave(good, s)).toBe(false);
  });
});
