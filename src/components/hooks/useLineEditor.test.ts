import { describe, expect, it } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { createLab } from '../../state/labStore.ts';
import { attachLineEditor } from './useLineEditor.ts';

// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function setup() {
  const lab = createLab();
  let screen = '';
  let onData: (d: string) => void = () => {};
  const term = {
    cols: 80,
    write: (s: string) => void (screen += s),
    onData: (cb: (d: string) => void) => {
      onData = cb;
      return { dispose() {} };
    },
  } as unknown as Terminal;
  const editor = attachLineEditor(term, lab);
  return { lab, editor, key: (d: string) => onData(d), screen: () => plain(screen), reset: () => void (screen = '') };
}

describe('the terminal line editor', () => {
  it('runs a typed line and shows a new prompt', () => {
    const t = setup();
    t.key('kubectl get ns');
    t.key('\r');
    expect(t.screen()).toContain('kube-system');
    expect(t.screen().endsWith('learner@kubelab:~$ ')).toBe(true);
  });

  it('runs each line of a paste in turn', () => {
    const t = setup();
    t.key('echo one\recho two\r');
    expect(t.screen()).toMatch(/\$ echo one\r\none\n[^]*\$ echo two\r\ntwo\n/);
  });

  it('continues a heredoc on "> " lines until its delimiter', () => {
    const t = setup();
    t.key('cat > a.txt <<EOF\rhello\rEOF\r');
    expect(t.lab.readFile('/home/learner/a.txt')).toBe('hello\n');
    expect(t.screen()).toContain('<<EOF\r\n> hello\r\n> EOF\r\n');
  });

  it('recalls history with ↑ and returns to the draft with ↓', () => {
    const t = setup();
    t.key('echo hi\r');
    t.key('draft');
    t.key('\x1b[A');
    t.key('\r');
    expect(t.lab.history()).toEqual(['echo hi', 'echo hi']);
    t.key('dr');
    t.key('\x1b[A');
    t.key('\x1b[B');
    t.reset();
    t.key('\r');
    expect(t.lab.history().at(-1)).toBe('dr');
  });

  it('echoes the editor’s apply as if typed, then restores the line being typed', async () => {
    const t = setup();
    t.lab.writeFile('/home/learner/pod.yml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    t.key('kubectl ge');
    t.reset();
    await t.lab.apply('/home/learner/pod.yml');
    await new Promise((r) => setTimeout(r, 5));
    expect(t.screen()).toBe('\rlearner@kubelab:~$ kubectl apply -f pod.yml\r\npod/p created\nlearner@kubelab:~$ kubectl ge');
  });

  it('completes with Tab', () => {
    const t = setup();
    t.key('kubectl get po');
    t.reset();
    t.key('\t');
    expect(t.screen()).toBe('ds ');
  });

  it('drops the line on Ctrl-C', () => {
    const t = setup();
    t.key('kubectl get');
    t.key('\x03');
    t.key('\r');
    expect(t.lab.history()).toEqual([]);
    expect(t.screen()).toContain('kubectl get^C\r\n');
  });
});
