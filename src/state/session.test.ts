import { describe, expect, it } from 'vitest';
import { VirtualFS } from '../engine/index.ts';
import type { ShellRun } from '../engine/index.ts';
import { advance, createEngine, perform, replay } from './session.ts';
import type { Action } from './session.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
spec:
  containers:
  - name: web
    image: nginx
`;

/** Plays a log the way the page does: uneven frames between actions. */
function playLive(actions: Action[], until: number, frames: number[]) {
  const engine = createEngine({ seed: 7, preset: 'kind' }, new VirtualFS());
  const runs: ShellRun[] = [];
  let f = 0;
  for (const a of actions) {
    while (engine.cluster.clock.now < a.t) advance(engine, Math.min(frames[f++ % frames.length]!, a.t - engine.cluster.clock.now));
    perform(engine, a, runs, () => undefined);
  }
  while (engine.cluster.clock.now < until) advance(engine, Math.min(frames[f++ % frames.length]!, until - engine.cluster.clock.now));
  return engine;
}

const fingerprint = (e: ReturnType<typeof createEngine>): string =>
  JSON.stringify(e.cluster.api.store.keys()) + JSON.stringify(e.cluster.api.store.list('pods').map((p) => [p.metadata.name, p['status']]));

describe('a lab rebuilt from its log', () => {
  const start = 300_000;
  const actions: Action[] = [
    { t: start + 1_000, kind: 'write', path: '/home/learner/pod.yml', content: POD },
    { t: start + 2_000, kind: 'run', line: 'kubectl apply -f pod.yml' },
    { t: start + 3_500, kind: 'run', line: 'kubectl create deployment web --image=nginx --replicas=3' },
    { t: start + 4_000, kind: 'run', line: 'kubectl get pods --watch' },
    { t: start + 9_123, kind: 'interrupt' },
    { t: start + 10_000, kind: 'run', line: 'kubectl delete pod hello-pod' },
    { t: start + 40_000, kind: 'run', line: 'kubectl scale deployment web --replicas=1' },
  ];

  it('is the same cluster whatever the frame rate it was played at', () => {
    const a = playLive(actions, start + 60_000, [16, 17, 16, 250, 3]);
    const b = playLive(actions, start + 60_000, [1000, 7]);
    const r = replay({ seed: 7, preset: 'kind' }, new VirtualFS(), actions, start + 60_000);
    expect(fingerprint(a)).toBe(fingerprint(r));
    expect(fingerprint(b)).toBe(fingerprint(r));
    expect(r.cluster.api.store.get('pods', 'default', 'hello-pod')).toBeUndefined();
    expect(r.cluster.api.store.list('pods').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
  });

  it('ends a command still running at the reload, as closing the page does', () => {
    const r = replay({ seed: 7, preset: 'kind' }, new VirtualFS(), [{ t: start + 1_000, kind: 'run', line: 'kubectl get pods -w' }], start + 5_000);
    expect(r.shell.busy).toBe(false);
  });
});
