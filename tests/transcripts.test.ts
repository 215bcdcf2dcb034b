// Transcript tests: each tests/transcripts/NAME.sh runs against a fresh simulated cluster
// (seed 1, or `# seed: N` / `# preset: microk8s` on its first lines) and must print exactly
// NAME.out. Review a changed .out like code: `UPDATE_TRANSCRIPTS=1 npx vitest run tests/transcripts.test.ts`.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Shell, createCluster } from '../src/engine/index.ts';
import type { PresetName } from '../src/engine/index.ts';

const dir = join(import.meta.dirname, 'transcripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

export function runTranscript(script: string): string {
  const seed = Number(/^# seed: (\d+)/m.exec(script)?.[1] ?? 1);
  const preset = (/^# preset: (\w+)/m.exec(script)?.[1] ?? 'kind') as PresetName;
  const shell = new Shell(createCluster({ seed, preset }));
  let out = '';
  shell.transcript(script, (t) => void (out += t));
  return out;
}

describe('transcripts', () => {
  for (const file of scripts) {
    it(`${file} prints its reviewed transcript`, () => {
      const script = readFileSync(join(dir, file), 'utf8');
      const actual = runTranscript(script);
      const expectedPath = join(dir, file.replace(/\.sh$/, '.out'));
      if (process.env['UPDATE_TRANSCRIPTS'] || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }

  it('gives byte-identical transcripts for the same script and seed', () => {
    const script = readFileSync(join(dir, scripts[0]!), 'utf8');
    expect(runTranscript(script)).toBe(runTranscript(script));
  });
});
