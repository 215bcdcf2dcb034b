// Modification times for the virtual FS, which stores only contents: each write (by the
// shell, the editor or `touch`) stamps the file and its directory with the simulated time,
// so `ls -l` shows when a manifest was last saved. Files older than the shell show time 0.

import type { Shell } from '../shell.ts';

const times = new WeakMap<Shell, Map<string, number>>();

function tableFor(shell: Shell): Map<string, number> {
  let t = times.get(shell);
  if (!t) {
    const table = new Map<string, number>();
    times.set(shell, table);
    shell.vfs.onChange((path) => stamp(shell, path));
    t = table;
  }
  return t;
}

/** Starts recording writes for this shell (idempotent). */
export function trackFileTimes(shell: Shell): void {
  tableFor(shell);
}

/** Marks `path` as modified now, and its directory too when an entry appeared or went. */
export function stamp(shell: Shell, path: string): void {
  const t = tableFor(shell);
  const now = shell.cluster.clock.now;
  const entryChanged = !t.has(path) || !shell.vfs.isFile(path);
  t.set(path, now);
  if (entryChanged) t.set(path.slice(0, path.lastIndexOf('/')) || '/', now);
}

export function modifiedAt(shell: Shell, path: string): number {
  return tableFor(shell).get(path) ?? 0;
}
