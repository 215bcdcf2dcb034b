import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';

describe('kubectl version', () => {
  it('prints client, kustomize and server versions as 1.32 does', () => {
    const { run } = testShell();
    expect(run('kubectl version').out).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect(run('kubectl version --client').out).toBe('Client Version: v1.32.2\nKustomize Version: v5.5.0\n');
  });

  it('prints version.Info as YAML (sorted keys) or JSON (struct order, two-space indent)', () => {
    const { run } = testShell();
    // The official v1.32.2 build, as `kubectl version --client -o yaml` prints it.
    expect(run('kubectl version --client -o yaml').out).toBe(`clientVersion:
  buildDate: "2025-02-12T21:26:09Z"
  compiler: gc
  gitCommit: 67a30c0adcf52bd3f56ff0893ce19966be12991f
  gitTreeState: clean
  gitVersion: v1.32.2
  goVersion: go1.23.6
  major: "1"
  minor: "32"
  platform: linux/amd64
kustomizeVersion: v5.5.0
`);
    const json = run('kubectl version -o json').out;
    expect(json).toMatch(/^\{\n {2}"clientVersion": \{\n {4}"major": "1",\n {4}"minor": "32",\n {4}"gitVersion": "v1.32.2",/);
    expect(JSON.parse(json).serverVersion.gitVersion).toBe('v1.32.2');
    expect(run('kubectl version -o wide').err).toBe("error: --output must be 'yaml' or 'json'\n");
  });
});

describe('kubectl cluster-info', () => {
  it('names the control plane and CoreDNS', () => {
    expect(testShell().run('kubectl cluster-info').out).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
        'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        '\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe('kubectl api-resources and api-versions', () => {
  it('lists resources by group, then name, with their short names, versions, scope and kind', () => {
    const out = testShell().run('kubectl api-resources').out.split('\n');
    expect(out[0]).toBe('NAME                       SHORTNAMES   APIVERSION               NAMESPACED   KIND');
    expect(out).toContain('pods                       po           v1                       true         Pod');
    expect(out).toContain('secrets                                 v1                       true         Secret');
    expect(out).toContain('deployments                deploy       apps/v1                  true         Deployment');
    expect(out).toContain('leases                                  coordination.k8s.io/v1   true         Lease');
    expect(out.indexOf('services                   svc          v1                       true         Service')).toBeLessThan(out.findIndex((l) => l.startsWith('daemonsets')));
  });

  it('filters by scope and group, and prints names with their group', () => {
    const { run } = testShell();
    expect(run('kubectl api-resources --namespaced=false -o name').out).toBe('namespaces\nnodes\n');
    expect(run('kubectl api-resources --api-group=apps -o name').out).toBe('daemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    expect(run('kubectl api-resources --api-group=batch -o wide').out).toBe(
      'NAME       SHORTNAMES   APIVERSION   NAMESPACED   KIND      VERBS                                                          CATEGORIES\n' +
        'cronjobs   cj           batch/v1     true         CronJob   [create delete deletecollection get list patch update watch]   [all]\n' +
        'jobs                    batch/v1     true         Job       [create delete deletecollection get list patch update watch]   [all]\n',
    );
    expect(run('kubectl api-resources -o yaml').err).toBe('error: --output yaml is not available\n');
  });

  it('lists group versions sorted', () => {
    expect(testShell().run('kubectl api-versions').out).toBe('apps/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\nv1\n');
  });
});
