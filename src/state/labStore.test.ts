import { describe, expect, it } from 'vitest';
import { createLab } from './labStore.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

describe('the lab behind the page', () => {
  it('applies an editor file as kubectl apply -f, and tells the terminal', async () => {
    const lab = createLab();
    const echoed: string[] = [];
    lab.onOutput((line, _stream, text) => echoed.push(`${line} → ${text}`));
    lab.writeFile('/home/learner/pod.yml', POD);
    const r = await lab.apply('/home/learner/pod.yml');
    expect(r).toEqual({ code: 0, stdout: 'pod/hello-pod created\n', stderr: '' });
    expect(echoed).toEqual(['kubectl apply -f pod.yml → pod/hello-pod created\n']);
    expect(lab.object({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })?.metadata.name).toBe('hello-pod');
  });

  it('names the file from home when the terminal stands elsewhere', async () => {
    const lab = createLab();
    lab.writeFile('/home/learner/pod.yml', POD);
    lab.run('cd /tmp', () => undefined);
    const lines: string[] = [];
    lab.onOutput((line) => lines.push(line));
    expect((await lab.apply('/home/learner/pod.yml')).code).toBe(0);
    expect(lines[0]).toBe('kubectl apply -f ~/pod.yml');
  });

  it('answers the inspector without adding to the trace the timeline shows', () => {
    const lab = createLab();
    const before = lab.store.getState().trace.length;
    const r = lab.query('kubectl get nodes -o name');
    expect(r.stdout).toContain('node/kubelab-worker');
    lab.step(); // publishes
    expect(lab.store.getState().trace.every((t) => !t.why.includes('get nodes'))).toBe(true);
    expect(lab.store.getState().trace.length).toBeGreaterThanOrEqual(before);
  });

  it('steps to the next thing a component does, paused', () => {
    const lab = createLab();
    lab.run('kubectl run hello --image=nginx', () => undefined);
    const t0 = lab.store.getState().simTime;
    const seen = lab.store.getState().trace.length;
    expect(lab.step()).toBe(true);
    const s = lab.store.getState();
    expect(s.playing).toBe(false);
    expect(s.trace.length).toBeGreaterThan(seen);
    expect(s.simTime).toBeGreaterThanOrEqual(t0);
  });

  it('resets the cluster but keeps the files', async () => {
    const lab = createLab();
    lab.writeFile('/home/learner/pod.yml', POD);
    await lab.apply('/home/learner/pod.yml');
    lab.reset();
    expect(lab.object({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })).toBeUndefined();
    expect(lab.readFile('/home/learner/pod.yml')).toBe(POD);
    expect(lab.store.getState().world.nodes.map((n) => n.name)).toContain('kubelab-worker');
  });

  it('shows pods with kubectl status words in its world view', () => {
    const lab = createLab();
    lab.run('kubectl run bad --image=nginx:nosuchtag', () => undefined);
    for (let i = 0; i < 400 && lab.store.getState().world.pods[0]?.status !== 'ErrImagePull'; i++) lab.step();
    const pod = lab.store.getState().world.pods[0]!;
    expect(pod).toMatchObject({ name: 'bad', status: 'ErrImagePull', readyText: '0/1', ready: false });
    expect(pod.nodeName).toMatch(/^kubelab-worker/);
  });
});
