import { describe, expect, it } from 'vitest';
import { base64Encode } from '../base64.ts';
import { credentialsFromDockerConfig } from './credentials.ts';
import type { PullFailure, PullOutcome, PullSuccess } from './registry.ts';
import { DEFAULT_ACCOUNTS, Registry } from './registry.ts';

const hubSecret = (user: string, pass: string) =>
  credentialsFromDockerConfig(
    JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: base64Encode(`${user}:${pass}`) } } }),
    'regcred',
  );
const BIBBLE = hubSecret('bibble235', DEFAULT_ACCOUNTS['bibble235']!);

function ok(o: PullOutcome): PullSuccess {
  if (!o.ok) throw new Error(`expected a pull, got: ${o.message}`);
  return o;
}
function failed(o: PullOutcome): PullFailure {
  if (o.ok) throw new Error(`expected a failure, pulled ${o.repoTag}`);
  return o;
}

const DENIED = (ref: string) =>
  `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;

describe('pulling an image from the catalogue', () => {
  it('pulls nginx as docker.io/library/nginx:latest, the same manifest as nginx:1.27', () => {
    const r = new Registry();
    const latest = ok(r.resolve('nginx'));
    expect(latest.repoTag).toBe('docker.io/library/nginx:latest');
    expect(latest.repoDigest).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(latest.known).toBe(true);
    expect(latest.sizeBytes).toBeGreaterThan(50_000_000);
    expect(ok(r.resolve('nginx:1.27')).digest).toBe(latest.digest);
    expect(ok(r.resolve('nginx:1.25')).digest).not.toBe(latest.digest);
  });

  it("pulls nigelpoulton's course images and the example manifests' images", () => {
    const r = new Registry();
    for (const image of [
      'nigelpoulton/getting-started-k8s:1.0',
      'nigelpoulton/getting-started-k8s:2.0',
      'nigelpoulton/k8sbook:1.0',
      'nigelpoulton/web-app:1.0',
      'nigelpoulton/nginxadapter:1.0',
      'nginx/nginx-prometheus-exporter',
      'busybox:1.28.4',
      'k8s.gcr.io/git-sync:v3.1.6',
      'registry.k8s.io/redis:e2e',
      'gcr.io/google-samples/gb-frontend:v5',
      'gcr.io/google_samples/gb-redisslave:v1',
      'registry.k8s.io/pause:3.10',
      'registry.k8s.io/hpa-example',
      'hashicorp/http-echo',
      'httpd',
      'redis:6.0.5',
      'alpine',
    ]) {
      expect(ok(r.resolve(image)).known, image).toBe(true);
    }
  });

  it('serves a mirror with the same digest', () => {
    const r = new Registry();
    expect(ok(r.resolve('k8s.gcr.io/pause:3.9')).digest).toBe(ok(r.resolve('registry.k8s.io/pause:3.9')).digest);
  });

  it('finds an image by its digest, and reports it under that digest', () => {
    const r = new Registry();
    const { digest } = ok(r.resolve('redis:7'));
    const byDigest = ok(r.resolve(`redis@${digest}`));
    expect(byDigest.digest).toBe(digest);
    expect(byDigest.repoTag).toBe(`docker.io/library/redis@${digest}`);
  });

  it('accepts upstream tags the catalogue does not list', () => {
    const r = new Registry();
    const p = ok(r.resolve('nginx:1.23'));
    expect(p.known).toBe(true);
    expect(p.image.behave({ hostname: 'h', startedAt: '2026-01-01T09:00:00Z' }).process.startLogs.join('\n')).toContain('nginx/1.23.0');
  });
});

describe('pulling something that does not exist', () => {
  it('answers a typo of a Docker Hub repository as access denied, with a hint', () => {
    const f = failed(new Registry().resolve('nigelpulton/getting-started-k8s:1.0'));
    const ref = 'docker.io/nigelpulton/getting-started-k8s:1.0';
    expect(f.reason).toBe('ErrImagePull');
    expect(f.message).toBe(DENIED(ref));
    expect(f.event).toEqual({ reason: 'Failed', message: `Failed to pull image "nigelpulton/getting-started-k8s:1.0": ${DENIED(ref)}` });
    expect(f.kind).toBe('access-denied');
    expect(f.hint).toBe('did you mean nigelpoulton/getting-started-k8s?');
  });

  it('catches transpositions (ngnix)', () => {
    const f = failed(new Registry().resolve('ngnix'));
    expect(f.message).toBe(DENIED('docker.io/library/ngnix:latest'));
    expect(f.hint).toBe('did you mean nginx?');
  });

  it('reports an unknown tag of an existing repository as not found', () => {
    const f = failed(new Registry().resolve('nginx:nosuchtag'));
    expect(f.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nosuchtag": failed to resolve reference "docker.io/library/nginx:nosuchtag": docker.io/library/nginx:nosuchtag: not found',
    );
    expect(f.kind).toBe('not-found');
  });

  it('suggests the nearest tag', () => {
    expect(failed(new Registry().resolve('nginx:lates')).hint).toBe('nginx has no tag lates: did you mean nginx:latest?');
  });

  it('reports an unknown digest as not found', () => {
    const d = `sha256:${'5'.repeat(64)}`;
    expect(failed(new Registry().resolve(`nginx@${d}`)).message).toContain(`docker.io/library/nginx@${d}: not found`);
  });

  it('reports a near miss on another registry as not found', () => {
    const f = failed(new Registry().resolve('registry.k8s.io/paus:3.10'));
    expect(f.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/paus:3.10": failed to resolve reference "registry.k8s.io/paus:3.10": registry.k8s.io/paus:3.10: not found',
    );
    expect(f.hint).toBe('did you mean registry.k8s.io/pause?');
  });

  it('stops invalid names before the registry, with the kubelet InspectFailed message', () => {
    const f = failed(new Registry().resolve('NGINX'));
    const message =
      'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase';
    expect(f).toEqual({
      ok: false,
      reason: 'InvalidImageName',
      message,
      event: { reason: 'InspectFailed', message },
      kind: 'invalid',
      hint: 'image names must be lowercase: did you mean nginx?',
    });
  });

  it('cannot reach a local registry that is not running', () => {
    const f = failed(new Registry().resolve('localhost:5000/app'));
    expect(f.kind).toBe('unreachable');
    expect(f.message).toContain('dial tcp 127.0.0.1:5000: connect: connection refused');
  });
});

describe('an image the catalogue does not know', () => {
  it('is taken to exist and runs as a generic container', () => {
    const p = ok(new Registry().resolve('mysql:8.0'));
    expect(p.known).toBe(false);
    expect(p.repoTag).toBe('docker.io/library/mysql:8.0');
    expect(p.sizeBytes).toBeGreaterThanOrEqual(48_000_000);
    expect(p.sizeBytes).toBeLessThan(52_000_000);
    expect(ok(new Registry().resolve('mysql:8.0')).digest).toBe(p.digest);
  });
});

describe('private images', () => {
  const ref = 'docker.io/bibble235/bibbleweb:0.0.1';

  it('refuse a pull without credentials exactly as a missing repository', () => {
    const f = failed(new Registry().resolve('bibble235/bibbleweb:0.0.1'));
    expect(f.message).toBe(DENIED(ref));
    expect(f.hint).toContain('private to bibble235');
  });

  it("pull with the owner's imagePullSecret", () => {
    const p = ok(new Registry().resolve('bibble235/bibbleweb:0.0.1', BIBBLE));
    expect(p.username).toBe('bibble235');
    expect(p.image.behave({ hostname: 'h', startedAt: '2026-01-01T09:00:00Z' }).listens).toEqual([
      { port: 443, protocol: 'TCP', app: 'https' },
    ]);
  });

  it('fail with 401 when the password is wrong', () => {
    const f = failed(new Registry().resolve('bibble235/bibbleweb:0.0.1', hubSecret('bibble235', 'wrong')));
    expect(f.kind).toBe('unauthorized');
    expect(f.message).toBe(
      `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Abibble235%2Fbibbleweb%3Apull&service=registry.docker.io: 401 Unauthorized`,
    );
  });

  it("refuse another account's valid credentials", () => {
    const r = new Registry({ accounts: { ...DEFAULT_ACCOUNTS, learner: 'pw' } });
    const f = failed(r.resolve('bibble235/bibble:0.0.1', hubSecret('learner', 'pw')));
    expect(f.message).toBe(DENIED('docker.io/bibble235/bibble:0.0.1'));
    expect(f.hint).toContain('learner is not bibble235');
  });

  it('make even public Docker Hub pulls fail when the pull secret is wrong', () => {
    expect(failed(new Registry().resolve('nginx', hubSecret('bibble235', 'wrong'))).kind).toBe('unauthorized');
  });

  it('leave other registries alone when the pull secret is for Docker Hub', () => {
    expect(ok(new Registry().resolve('registry.k8s.io/pause:3.10', hubSecret('bibble235', 'wrong'))).known).toBe(true);
  });

  it('try every matching credential and report the distinct failures together', () => {
    const r = new Registry({ accounts: { ...DEFAULT_ACCOUNTS, learner: 'pw' } });
    const same = [...hubSecret('bibble235', 'wrong'), ...hubSecret('nobody', 'x')];
    // Identical errors collapse into one, as utilerrors.NewAggregate prints them.
    expect(failed(r.resolve('bibble235/bibbleweb:0.0.1', same)).message).toMatch(/^rpc error: .*401 Unauthorized$/);
    const mixed = [...hubSecret('bibble235', 'wrong'), ...hubSecret('learner', 'pw')];
    expect(failed(r.resolve('bibble235/bibbleweb:0.0.1', mixed)).message).toMatch(
      /^\[rpc error: .*401 Unauthorized, rpc error: .*insufficient_scope: authorization failed\]$/,
    );
    expect(ok(r.resolve('bibble235/bibbleweb:0.0.1', [...mixed, ...BIBBLE])).username).toBe('bibble235');
  });
});

describe('each cluster has its own registry', () => {
  it('does not share pushed images between instances', () => {
    const a = new Registry({ accounts: { learner: 'pw' } });
    const b = new Registry({ accounts: { learner: 'pw' } });
    const image = { ...ok(a.resolve('busybox')).image, layers: 1 };
    expect(a.push('learner/tool:1', image, hubSecret('learner', 'pw')).ok).toBe(true);
    expect(ok(a.resolve('learner/tool:1')).image.pushed).toBe(true);
    expect(b.resolve('learner/tool:1').ok).toBe(true); // b takes it for an unknown public image
    expect(ok(b.resolve('learner/tool:1')).known).toBe(false);
  });
});

describe('docker login', () => {
  it('accepts the account password and rejects anything else, as the docker CLI reports it', () => {
    const r = new Registry();
    expect(r.login(undefined, 'bibble235', DEFAULT_ACCOUNTS['bibble235']!)).toEqual({ ok: true, message: 'Login Succeeded' });
    expect(r.login('https://index.docker.io/v1/', 'bibble235', 'nope')).toEqual({
      ok: false,
      message: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    });
    r.addAccount('learner', 'pw');
    expect(r.login('docker.io', 'learner', 'pw').ok).toBe(true);
  });
});
