import { describe, expect, it } from 'vitest';
import { metallbRange, microk8sAddons } from './microk8s.ts';
import { testShell } from './testShell.ts';

describe('microk8s status', () => {
  it('lists the addons a fresh 1.32 snap has enabled', () => {
    const out = testShell('microk8s').run('microk8s status --wait-ready').out;
    expect(out).toMatch(
      /^microk8s is running\nhigh-availability: no\n {2}datastore master nodes: 127\.0\.0\.1:19001\n {2}datastore standby nodes: none\naddons:\n {2}enabled:\n/,
    );
    expect(out).toContain(
      '  enabled:\n    dns                  # (core) CoreDNS\n    ha-cluster           # (core) Configure high availability on the current node\n    helm                 # (core) Helm - the package manager for Kubernetes\n    helm3                # (core) Helm 3 - the package manager for Kubernetes\n  disabled:\n    cert-manager         # (core) Cloud native certificate management\n',
    );
    expect(out.endsWith('    storage              # (core) Alias to hostpath-storage add-on, deprecated\n')).toBe(true);
  });

  it('answers for one addon with --addon', () => {
    const { run } = testShell('microk8s');
    expect(run('microk8s status --addon dns; microk8s status --addon=ingress').out).toBe('enabled\ndisabled\n');
  });
});

describe('microk8s enable and disable', () => {
  it("enables the seed notes' addons, as the snap prints it, and records them", () => {
    const { shell, run } = testShell('microk8s');
    const r = run('microk8s enable dashboard dns ingress');
    expect(r.code).toBe(0);
    // The snap's own lines, but never a `created` line for an object the lab did not create.
    expect(r.out).toMatch(/^Enabling Kubernetes Dashboard\nEnabling Metrics-Server\nMetrics-Server is enabled\nApplying manifest\n/);
    expect(r.out).not.toMatch(/ created$/m);
    expect(r.out).toContain('Addon core/dns is already enabled\nEnabling Ingress\n');
    expect(r.out.endsWith('Ingress is enabled\n')).toBe(true);
    expect(r.err).toMatch(/^Infer repository core for addon dashboard\nInfer repository core for addon dns\nInfer repository core for addon ingress\nInfer repository core for addon metrics-server\n/);
    expect(r.err).toContain("kubelab: dashboard is recorded as enabled; it does not create the addon's 24 objects (serviceaccount/metrics-server, clusterrole.rbac.authorization.k8s.io/system:aggregated-metrics-reader, …) or run its pods yet");
    expect([...microk8sAddons(shell.cluster)]).toEqual(expect.arrayContaining(['dashboard', 'ingress', 'metrics-server', 'dns']));
    expect(run('microk8s status').out).toContain('  enabled:\n    dashboard            # (core) The Kubernetes dashboard\n    dns ');
  });

  it('says when an addon is already in the asked state, and disables', () => {
    const { run } = testShell('microk8s');
    run('microk8s enable hostpath-storage');
    expect(run('microk8s enable storage').out).toBe('Addon core/storage is already enabled\n');
    expect(run('microk8s disable hostpath-storage').out).toBe('Disabling Hostpath storage\nHostpath storage is disabled\n');
    expect(run('microk8s disable ingress').out).toBe('Addon core/ingress is already disabled\n');
  });

  it('rejects an unknown addon', () => {
    expect(testShell('microk8s').run('microk8s enable nope')).toEqual({ out: '', err: 'Addon nope was not found in any repository\n', code: 1 });
  });

  it('refuses metallb without a range, as the script does for an empty answer to its prompt', () => {
    const { shell, run } = testShell('microk8s');
    const r = run('microk8s enable metallb');
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'Enabling MetalLB\nYou have to input an IP Range value when asked, or provide it as an argument to the enable command, eg:\n  microk8s enable metallb:10.64.140.43-10.64.140.49,192.168.0.105-192.168.0.111\nYou can also use CIDR notation, eg.\n  microk8s enable metallb:192.168.1.240/24\n',
    );
    expect(r.err).toContain("Enter each IP address range delimited by comma (e.g. '10.64.140.43-10.64.140.49,192.168.0.105-192.168.0.111'): \n");
    expect(r.err).toContain('kubelab: the lab cannot answer the prompt; give the range on the command line: microk8s enable metallb:10.64.140.43-10.64.140.49\n');
    expect(microk8sAddons(shell.cluster).has('metallb')).toBe(false);
    expect(run('microk8s enable metallb:10.64.140.43-nope').out).toBe('Enabling MetalLB\nYour input value (10.64.140.43-nope) is not a valid IP Range\n');
  });

  it('starts the load-balancer controller with the range given, and stops it on disable', () => {
    const { shell, run } = testShell('microk8s');
    const r = run('microk8s enable metallb:10.64.140.43-10.64.140.49');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Enabling MetalLB\nApplying Metallb manifest\n/);
    expect(r.out.endsWith('MetalLB is enabled\n')).toBe(true);
    expect(r.err).toContain("kubelab: MetalLB's controller now gives LoadBalancer Services addresses from 10.64.140.43-10.64.140.49");
    expect(metallbRange(shell.cluster)).toBe('10.64.140.43-10.64.140.49');
    expect(run('microk8s disable metallb').out).toBe('Disabling MetalLB\nMetalLB is disabled\n');
    expect(shell.cluster.loadBalancer.pool).toBeUndefined();
  });
});

describe('microk8s kubectl and the other subcommands', () => {
  it('runs kubectl under the microk8s name', () => {
    const { run } = testShell('microk8s');
    expect(run('microk8s kubectl get nodes').code).toBe(0);
    expect(run('microk8s.kubectl get nodes').code).toBe(0);
  });

  it('explains that the dashboard proxy has nothing to forward to', () => {
    const r = testShell('microk8s').run('microk8s dashboard-proxy');
    expect(r.out).toBe('Checking if Dashboard is running.\n');
    expect(r.err).toMatch(/^kubelab: the lab has no Kubernetes dashboard/);
  });

  it('lists its subcommands for an unknown one', () => {
    const r = testShell('microk8s').run('microk8s nope');
    expect(r.out).toMatch(/^'nope' is not a valid MicroK8s subcommand\.\nAvailable subcommands are:\n\tadd-node\n/);
    expect(r.code).toBe(1);
  });

  it('does not exist in the kind preset', () => {
    expect(testShell('kind').run('microk8s status')).toEqual({ out: '', err: 'bash: microk8s: command not found\n', code: 127 });
  });

  it("follows the seed notes' install chapter with honest one-liners", () => {
    const { run } = testShell('microk8s');
    const r = run('sudo snap install microk8s --classic && sudo usermod -a -G microk8s $USER && sudo chown -f -R $USER ~/.kube && su - $USER');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`snap "microk8s" is already installed, see 'snap help refresh'\n`);
    expect(r.err.split('\n').filter(Boolean).every((l) => l.startsWith('kubelab: '))).toBe(true);
  });
});
