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

describe('kubelab addon', () => {
  it('installs the lab MetalLB in kind with an address pool, once', () => {
    const { shell, run } = testShell();
    expect(run('kubelab addon').out).toBe('metallb  disabled\n');
    const r = run('kubelab addon metallb 172.18.255.200-172.18.255.250');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kubelab: MetalLB installed in layer-2 mode with the address pool 172\.18\.255\.200-172\.18\.255\.250\.\n/);
    expect(shell.cluster.loadBalancer.pool?.text).toBe('172.18.255.200-172.18.255.250');
    expect(run('kubelab addon').out).toBe('metallb  enabled   address pool 172.18.255.200-172.18.255.250\n');
    expect(run('kubelab addon metallb 172.18.255.1-172.18.255.9').err).toMatch(/^kubelab: metallb is already enabled/);
    expect(run('kubelab addon metallb --disable').code).toBe(0);
    expect(shell.cluster.loadBalancer.pool).toBeUndefined();
  });

  it('refuses what is not a range, unknown addons, and points MicroK8s users to microk8s enable', () => {
    const { run } = testShell();
    expect(run('kubelab addon metallb 172.18.255.200').err).toBe('kubelab: "172.18.255.200" is not an IPv4 range (A-B) or CIDR (A/N)\n');
    expect(run('kubelab addon ingress x').err).toMatch(/^kubelab: there is no addon "ingress" \(addons: metallb\)\n/);
    expect(testShell('microk8s').run('kubelab addon metallb 10.64.140.43-10.64.140.49').err).toBe(
      'kubelab: on MicroK8s, MetalLB is a microk8s addon: microk8s enable metallb:10.64.140.43-10.64.140.49 (microk8s disable metallb to remove it)\n',
    );
  });

  it('is in kubelab help, with each preset\'s way to switch it on', () => {
    expect(testShell().run('kubelab help').out).toContain('kubelab addon metallb 172.18.255.200-172.18.255.250');
    expect(testShell('microk8s').run('kubelab help').out).toContain('microk8s enable metallb:10.64.140.43-10.64.140.49');
  });
});
