// How a pod's STATUS column (exactly as `kubectl get pods` prints it) is drawn: a colour
// token (--st-*) and a glyph, so colour is never the only cue. Covers kubelet's waiting and
// terminated reasons (ContainerCreating, CrashLoopBackOff, ErrImagePull, Init:…, Completed).

export type StatusKey = 'running' | 'pending' | 'creating' | 'terminating' | 'succeeded' | 'failed' | 'crash' | 'pull' | 'unknown';

/** The glyph inside a pod: tick, clock, spinner arcs, cross, loop arrow, down arrow, … */
export type Glyph = 'tick' | 'clock' | 'dots' | 'fade' | 'flag' | 'cross' | 'loop' | 'down' | 'query';

export const STATUS_ORDER: readonly StatusKey[] = ['running', 'creating', 'pending', 'terminating', 'crash', 'pull', 'failed', 'succeeded', 'unknown'];

export const STATUS_LABEL: Record<StatusKey, string> = {
  running: 'Running',
  pending: 'Pending',
  creating: 'ContainerCreating',
  terminating: 'Terminating',
  succeeded: 'Completed',
  failed: 'Failed / Error',
  crash: 'CrashLoopBackOff',
  pull: 'ImagePullBackOff',
  unknown: 'Unknown',
};

export const GLYPH_OF: Record<StatusKey, Glyph> = {
  running: 'tick',
  pending: 'clock',
  creating: 'dots',
  terminating: 'fade',
  succeeded: 'flag',
  failed: 'cross',
  crash: 'loop',
  pull: 'down',
  unknown: 'query',
};

export function statusKey(status: string): StatusKey {
  if (status === 'Running') return 'running';
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:') && !/Err|BackOff/.test(status)) return 'creating';
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded';
  if (/CrashLoopBackOff/.test(status)) return 'crash';
  if (/ImagePull|ErrImage|InvalidImageName/.test(status)) return 'pull';
  if (status === 'Unknown' || status === '') return 'unknown';
  return 'failed';
}

/** Pods per status key, in legend order, leaving out the zeros. */
export function countByStatus(statuses: readonly string[]): { key: StatusKey; count: number }[] {
  const counts = new Map<StatusKey, number>();
  for (const s of statuses) {
    const k = statusKey(s);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return STATUS_ORDER.filter((k) => counts.has(k)).map((key) => ({ key, count: counts.get(key)! }));
}

/** Shortens a pod name for its label, keeping the distinguishing suffix: `web-6d4…x2kq`. */
export function shortName(name: string, max = 9): string {
  if (name.length <= max) return name;
  const tail = Math.max(3, Math.floor((max - 1) / 2));
  return `${name.slice(0, max - 1 - tail)}…${name.slice(-tail)}`;
}
