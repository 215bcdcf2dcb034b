import { describe, expect, it } from 'vitest';
import {
  applyDefaultImageTag,
  defaultImagePullPolicy,
  dockerRefString,
  familiarName,
  goQuote,
  parseImageName,
  parseNormalizedNamed,
} from './reference.ts';

// Errors as the docker 28.2 CLI (distribution/reference v0.6.0, as vendored by Kubernetes 1.32)
// prints them for `docker pull <ref>`; 'OK' where it parsed the reference.
const DOCKER_CLI: Record<string, string> = {
  nginx: 'OK',
  'nginx:1.27': 'OK',
  'docker.io/nginx': 'OK',
  'index.docker.io/nginx': 'OK',
  'localhost:5000/app': 'OK',
  'LOCALHOST/app': 'OK',
  'Localhost:5000/app': 'OK',
  '[::1]:5000/app': 'OK',
  '[fc00::1]/app': 'OK',
  'foo_bar/baz': 'OK',
  'foo__bar/baz': 'OK',
  'foo___bar/baz': 'invalid reference format',
  'foo-/bar': 'invalid reference format',
  '-foo/bar': 'invalid reference format',
  'foo..bar/baz': 'invalid reference format',
  'foo.-bar/baz': 'invalid reference format',
  'a/b/c/d/e': 'OK',
  'nginx:Latest': 'OK',
  'nginx:v1.0_beta-2': 'OK',
  'nginx:.bad': 'invalid reference format',
  'nginx:-bad': 'invalid reference format',
  'nginx:_ok': 'OK',
  'nginx:': 'invalid reference format',
  'nginx@sha256:abc': 'invalid reference format',
  'nginx@sha256:0000000000000000000000000000000000000000': 'invalid checksum digest length',
  'nginx@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA': 'invalid checksum digest format',
  'nginx@SHA256:0000000000000000000000000000000000000000000000000000000000000000':
    'invalid reference format: repository name (library/nginx@SHA256) must be lowercase',
  'nginx@md5:00000000000000000000000000000000': 'unsupported digest algorithm',
  'nginx@sha384:000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000': 'OK',
  'nginx:1.0@sha256:0000000000000000000000000000000000000000000000000000000000000000': 'OK',
  'nginx @latest': 'invalid reference format',
  'nginx latest': 'invalid reference format',
  ' nginx': 'invalid reference format',
  'nginx/': 'invalid reference format',
  '/nginx': 'invalid reference format',
  'https://foo/bar': 'invalid reference format',
  'ubuntu:22.04:latest': 'invalid reference format',
  'docker.io/library/': 'invalid reference format',
  NGINX: 'invalid reference format: repository name (library/NGINX) must be lowercase',
  'NGINX:latest': 'invalid reference format: repository name (library/NGINX) must be lowercase',
  'nginx:LATEST': 'OK',
  'docker.io/Nginx': 'invalid reference format: repository name (library/Nginx) must be lowercase',
  'index.docker.io/Foo/bar': 'invalid reference format: repository name (Foo/bar) must be lowercase',
  'my.registry.COM/app': 'OK',
  'My.Registry.com/App': 'invalid reference format: repository name (App) must be lowercase',
  'localhost:5000/App': 'invalid reference format: repository name (App) must be lowercase',
  Foo: 'invalid reference format: repository name (library/Foo) must be lowercase',
  'fOo/bar': 'OK',
  'foo/Bar': 'invalid reference format: repository name (foo/Bar) must be lowercase',
  'Foo_bar/baz': 'repository name must be lowercase',
  'foo/bar:ok@sha256:abc': 'invalid reference format',
  '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a':
    'invalid repository name (1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a), cannot specify 64-byte hexadecimal strings',
  ['a'.repeat(256)]: 'repository name must not be more than 255 characters',
};

describe('parsing a reference as distribution/reference does', () => {
  it.each(Object.entries(DOCKER_CLI))('%j → %s', (ref, expected) => {
    const r = parseNormalizedNamed(ref);
    expect(r.ok ? 'OK' : r.error).toBe(expected);
  });

  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27'],
    ['nigelpoulton/getting-started-k8s:1.0', 'docker.io', 'nigelpoulton/getting-started-k8s', '1.0'],
    ['docker.io/busybox', 'docker.io', 'library/busybox', undefined],
    ['index.docker.io/library/nginx:latest', 'docker.io', 'library/nginx', 'latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io', 'pause', '3.10'],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined],
    ['localhost/app', 'localhost', 'app', undefined],
    ['fOo/bar', 'fOo', 'bar', undefined],
    ['gcr.io/google_samples/gb-frontend:v5', 'gcr.io', 'google_samples/gb-frontend', 'v5'],
    ['library/foo/bar', 'docker.io', 'library/foo/bar', undefined],
  ])('%s is %s + %s (tag %s)', (ref, domain, path, tag) => {
    const r = parseNormalizedNamed(ref);
    expect(r.ok && { domain: r.ref.domain, path: r.ref.path, tag: r.ref.tag }).toEqual({ domain, path, tag });
  });

  it('keeps a digest and a tag side by side', () => {
    const d = `sha256:${'0'.repeat(64)}`;
    const r = parseNormalizedNamed(`busybox:latest@${d}`);
    expect(r.ok && r.ref).toEqual({
      domain: 'docker.io',
      path: 'library/busybox',
      name: 'docker.io/library/busybox',
      tag: 'latest',
      digest: d,
    });
  });
});

describe('the reference containerd names in its messages', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nigelpoulton/getting-started-k8s:1.0', 'docker.io/nigelpoulton/getting-started-k8s:1.0'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    [`nginx@sha256:${'1'.repeat(64)}`, `docker.io/library/nginx@sha256:${'1'.repeat(64)}`],
    [`nginx:1.27@sha256:${'1'.repeat(64)}`, `docker.io/library/nginx@sha256:${'1'.repeat(64)}`],
  ])('%s → %s', (image, expected) => {
    const r = parseNormalizedNamed(image);
    expect(r.ok && dockerRefString(r.ref)).toBe(expected);
  });

  it('shortens names the way docker prints them', () => {
    expect(familiarName('docker.io/library/nginx')).toBe('nginx');
    expect(familiarName('docker.io/nigelpoulton/getting-started-k8s')).toBe('nigelpoulton/getting-started-k8s');
    expect(familiarName('docker.io/library/foo/bar')).toBe('library/foo/bar');
    expect(familiarName('registry.k8s.io/pause')).toBe('registry.k8s.io/pause');
  });
});

describe("the kubelet's default tag", () => {
  it('adds :latest to a bare name, keeping it short', () => {
    expect(applyDefaultImageTag('nginx')).toEqual({ ok: true, image: 'nginx:latest' });
    expect(applyDefaultImageTag('localhost:5000/app')).toEqual({ ok: true, image: 'localhost:5000/app:latest' });
  });

  it('leaves tagged and digested references alone', () => {
    expect(applyDefaultImageTag('nginx:1.27')).toEqual({ ok: true, image: 'nginx:1.27' });
    const d = `nginx@sha256:${'2'.repeat(64)}`;
    expect(applyDefaultImageTag(d)).toEqual({ ok: true, image: d });
  });

  it('reports an invalid name with the InspectFailed message', () => {
    expect(applyDefaultImageTag('NGINX')).toEqual({
      ok: false,
      message:
        'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
    expect(applyDefaultImageTag('nginx:')).toEqual({
      ok: false,
      message: 'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format',
    });
  });

  it('defaults the tag only when there is neither tag nor digest', () => {
    const p = parseImageName(`nginx@sha256:${'3'.repeat(64)}`);
    expect(p.ok && [p.name.repository, p.name.tag]).toEqual(['docker.io/library/nginx', '']);
    const q = parseImageName('nginx');
    expect(q.ok && q.name.tag).toBe('latest');
  });

  it('quotes like Go %q', () => {
    expect(goQuote('a"b\\c\td\u0001')).toBe('"a\\"b\\\\c\\td\\x01"');
  });
});

describe('the default imagePullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    [`nginx@sha256:${'4'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'4'.repeat(64)}`, 'Always'],
    ['NGINX', 'IfNotPresent'],
    ['nginx:Latest', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });
});
