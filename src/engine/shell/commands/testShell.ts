// A lab shell on a fresh seeded cluster for the command tests: runs a script and returns what
// it wrote to stdout and stderr and how it exited.

import type { PresetName } from '../../presets.ts';
import { createCluster } from '../../cluster.ts';
import { Shell } from '../shell.ts';

export interface RunResult {
  readonly out: string;
  readonly err: string;
  readonly code: number | null;
}

export function testShell(preset: PresetName = 'kind'): { shell: Shell; run: (script: string) => RunResult } {
  const shell = new Shell(createCluster({ seed: 1, preset, uptimeMs: 0 }));
  const run = (script: string): RunResult => {
    let out = '';
    let err = '';
    const r = shell.run(script, { write: (stream, text) => void (stream === 'stdout' ? (out += text) : (err += text)) }, 'script');
    return { out, err, code: r.exitCode };
  };
  return { shell, run };
}
