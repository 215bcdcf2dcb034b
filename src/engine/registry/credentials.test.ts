import { describe, expect, it } from 'vitest';
import { base64Encode } from '../base64.ts';
import {
  credentialsFor,
  credentialsFromDockerConfig,
  credentialsFromDockercfg,
  decodeAuthField,
  dockerConfigJson,
  keyringKey,
  keyMatches,
  parseDockerConfigJson,
} from './credentials.ts';

const auth = (user: string, pass: string): string => base64Encode(`${user}:${pass}`);

describe('reading a .dockerconfigjson', () => {
  it('decodes the auth field of `docker login`', () => {
    const json = JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: auth('bibble235', 's3cret:with:colons') } } });
    expect(credentialsFromDockerConfig(json, 'regcred')).toEqual([
      { registry: 'index.docker.io', username: 'bibble235', password: 's3cret:with:colons', source: 'regcred' },
    ]);
  });

  it('reads what `kubectl create secret docker-registry` writes (username, password and auth)', () => {
    const json = JSON.stringify({ auths: { 'docker.io': { username: 'u', password: 'p', email: 'e@x', auth: auth('u', 'p') } } });
    expect(credentialsFromDockerConfig(json)).toEqual([{ registry: 'docker.io', username: 'u', password: 'p' }]);
  });

  it('uses username and password when there is no auth field', () => {
    const json = JSON.stringify({ auths: { 'index.docker.io': { username: 'u', password: 'p' } } });
    expect(credentialsFromDockerConfig(json)).toEqual([{ registry: 'index.docker.io', username: 'u', password: 'p' }]);
  });

  it('lets a non-empty auth field override username and password', () => {
    const json = JSON.stringify({ auths: { 'docker.io': { username: 'old', password: 'old', auth: auth('new', 'pw') } } });
    expect(credentialsFromDockerConfig(json)[0]).toMatchObject({ username: 'new', password: 'pw' });
  });

  it('accepts unpadded base64 as the kubelet does', () => {
    expect(decodeAuthField(auth('ab', 'c').replace(/=+$/, ''))).toEqual({ username: 'ab', password: 'c' });
  });

  it('rejects an auth field without a colon, failing the whole document', () => {
    const json = JSON.stringify({ auths: { 'docker.io': { auth: base64Encode('nocolon') } } });
    expect(parseDockerConfigJson(json)).toEqual({
      credentials: [],
      error: 'unable to parse auth field, must be formatted as base64(username:password)',
    });
  });

  it('returns nothing for text that is not JSON', () => {
    expect(credentialsFromDockerConfig('{not json')).toEqual([]);
    expect(parseDockerConfigJson('{not json').error).toBeDefined();
  });

  it('reads the legacy .dockercfg layout', () => {
    const json = JSON.stringify({ 'https://index.docker.io/v1/': { auth: auth('u', 'p') } });
    expect(credentialsFromDockercfg(json)).toEqual([{ registry: 'index.docker.io', username: 'u', password: 'p' }]);
  });
});

describe('filing credentials under a registry key', () => {
  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['https://index.docker.io/v2/', 'index.docker.io'],
    ['index.docker.io', 'index.docker.io'],
    ['docker.io', 'docker.io'],
    ['http://my.registry:5000', 'my.registry:5000'],
    ['my.registry.com/team', 'my.registry.com/team'],
  ])('%s → %s', (server, key) => {
    expect(keyringKey(server)).toBe(key);
  });

  it('matches hosts part by part with globs, ports exactly and paths by prefix', () => {
    expect(keyMatches('*.gcr.io', 'eu.gcr.io/p/app')).toBe(true);
    expect(keyMatches('gcr.io', 'eu.gcr.io/p/app')).toBe(false);
    expect(keyMatches('my.registry:5000', 'my.registry/app')).toBe(false);
    expect(keyMatches('my.registry.com/team', 'my.registry.com/team/app')).toBe(true);
    expect(keyMatches('my.registry.com/team', 'my.registry.com/other/app')).toBe(false);
  });
});

describe('choosing credentials for an image', () => {
  const hub = { registry: 'index.docker.io', username: 'bibble235', password: 'p' };
  const dockerIo = { registry: 'docker.io', username: 'd', password: 'p' };
  const gcr = { registry: 'gcr.io', username: '_json_key', password: '{}' };

  it('uses https://index.docker.io/v1/ credentials for Docker Hub images', () => {
    expect(credentialsFor('docker.io/bibble235/bibbleweb', [gcr, hub])).toEqual([hub]);
  });

  it('prefers entries that match the repository directly', () => {
    expect(credentialsFor('docker.io/library/nginx', [hub, dockerIo])).toEqual([dockerIo]);
  });

  it('gives Docker Hub credentials nothing to do on other registries', () => {
    expect(credentialsFor('registry.k8s.io/pause', [hub])).toEqual([]);
    expect(credentialsFor('gcr.io/google-samples/hello-app', [hub, gcr])).toEqual([gcr]);
  });

  it('ignores registry-1.docker.io keys, which never match docker.io names', () => {
    expect(credentialsFor('docker.io/bibble235/bibbleweb', [{ ...hub, registry: 'registry-1.docker.io' }])).toEqual([]);
  });
});

describe('the config.json docker login writes', () => {
  it('is tab-indented JSON the kubelet reads back', () => {
    const json = dockerConfigJson([{ username: 'bibble235', password: 'pw' }]);
    expect(json).toBe(
      `{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "${base64Encode('bibble235:pw')}"\n\t\t}\n\t}\n}`,
    );
    expect(credentialsFromDockerConfig(json)).toEqual([{ registry: 'index.docker.io', username: 'bibble235', password: 'pw' }]);
  });
});
