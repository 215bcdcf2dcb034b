import { describe, expect, it } from 'vitest';
import { testShell } from './testShell.ts';

describe('kubelab', () => {
  it('explains what is simulated and how time works', () => {
    const out = testShell().run('kubelab help').out;
    expect(out).toContain('`sleep 30` lets 30 simulated seconds');
    expect(out).toContain('kind preset, 4 nodes');
    expect(out).not.toContain('microk8s kubectl');
  });

  it('shows the simulated clock', () => {
    const { run } = testShell();
    expect(run('sleep 65; kubelab time').out).toBe('2026-01-01T09:01:05Z\nt=00:01:05 since the cluster started\n');
  });

  it('names its version and the Kubernetes version it simulates', () => {
    expect(testShell('microk8s').run('kubelab version').out).toBe('kubelab 0.1.0\nsimulating Kubernetes v1.32.2 (microk8s preset, seed 1)\n');
  });
});

describe('system commands', () => {
  it('runs the rest of the line under sudo', () => {
    const { run } = testShell();
    expect(run('sudo -E echo hi').out).toBe('hi\n');
    expect(run('sudo nope').err).toBe('sudo: nope: command not found\n');
  });

  it('clones the course repository and nothing else', () => {
    const { run } = testShell();
    expect(run('git clone https://github.com/nigelpoulton/getting-started-k8s.git && ls getting-started-k8s').out).toBe('App  Deployments  Pods\tServices\n');
    expect(run('git clone https://github.com/nigelpoulton/getting-started-k8s.git').err).toBe(
      "fatal: destination path 'getting-started-k8s' already exists and is not an empty directory.\n",
    );
    const other = run('git clone https://github.com/kubernetes/examples.git');
    expect(other.code).toBe(128);
    expect(other.err).toContain("fatal: unable to access 'https://github.com/kubernetes/examples.git/': Could not resolve host: github.com\n");
  });

  it('says snap cannot install MicroK8s into a kind lab', () => {
    const r = testShell('kind').run('sudo snap install microk8s --classic');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kubelab: this lab runs a kind cluster/);
  });
});

describe('kubelab node', () => {
  it('stops and starts a node and refuses what makes no sense', () => {
    const { run } = testShell();
    expect(run('kubelab node stop kubelab-worker').out).toContain('node kubelab-worker stopped');
    expect(run('kubelab node stop kubelab-worker').err).toBe('kubelab: node kubelab-worker is already stopped\n');
    expect(run('kubelab node start kubelab-worker').out).toContain('node kubelab-worker started');
    expect(run('kubelab node start nope').err).toMatch(/^kubelab: there is no node "nope"/);
    expect(run('kubelab node reboot kubelab-worker').err).toBe('Usage: kubelab node stop|start NAME\n');
    expect(run('kubelab help').out).toContain('kubelab node stop NAME');
  });
});
