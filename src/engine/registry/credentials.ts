// Registry credentials as the kubelet reads them from imagePullSecrets: a dockerconfigjson
// (or legacy dockercfg) parsed into entries keyed by registry, and the keyring lookup that picks
// the entries for an image (pkg/credentialprovider config.go and keyring.go).

import { base64Encode, base64ToBytes, utf8Decode } from '../base64.ts';

export interface Credential {
  /** keyring key: host and optional path, scheme and /v1/ or /v2/ dropped (`index.docker.io`) */
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  /** where it came from (a secret's name), for the trace */
  readonly source?: string;
}

export interface DockerConfigResult {
  readonly credentials: Credential[];
  /** why the document was rejected: the kubelet then fails the pull with this error */
  readonly error?: string;
}

/** decodeDockerConfigFieldAuth: padded or unpadded standard base64 of `user:password`. */
export function decodeAuthField(field: string): { username: string; password: string } | { error: string } {
  const trimmed = field.trim();
  let b64 = field.replace(/[\r\n]/g, '');
  if (!trimmed.endsWith('=')) {
    if (b64.length % 4 === 1) return { error: `illegal base64 data at input byte ${b64.length - 1}` };
    b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  }
  const bytes = base64ToBytes(b64);
  if (!bytes) return { error: 'illegal base64 data at input byte 0' };
  const text = utf8Decode(bytes);
  const colon = text.indexOf(':');
  if (colon === -1) return { error: 'unable to parse auth field, must be formatted as base64(username:password)' };
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** BasicDockerKeyring.Add: the key an entry is filed under. */
export function keyringKey(server: string): string {
  const withScheme = /^https?:\/\//.test(server) ? server : `https://${server}`;
  const rest = withScheme.replace(/^https?:\/\//, '');
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  let path = slash === -1 ? '' : rest.slice(slash);
  // The docker client treats /v1/ and /v2/ as the bare host (registry/auth.go ResolveAuthConfig).
  if (path.startsWith('/v2/') || path.startsWith('/v1/')) path = path.slice(3);
  return path.length > 0 && path !== '/' ? host + path : host;
}

function entries(config: unknown, source: string | undefined): DockerConfigResult {
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    return { credentials: [], error: 'json: cannot unmarshal into Go value of type credentialprovider.DockerConfig' };
  const credentials: Credential[] = [];
  for (const [server, raw] of Object.entries(config as Record<string, unknown>)) {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    let username = typeof e['username'] === 'string' ? e['username'] : '';
    let password = typeof e['password'] === 'string' ? e['password'] : '';
    // A non-empty `auth` overrides username and password (DockerConfigEntry.UnmarshalJSON).
    if (typeof e['auth'] === 'string' && e['auth'] !== '') {
      const decoded = decodeAuthField(e['auth']);
      if ('error' in decoded) return { credentials: [], error: decoded.error };
      ({ username, password } = decoded);
    }
    credentials.push({ registry: keyringKey(server), username, password, ...(source !== undefined ? { source } : {}) });
  }
  return { credentials };
}

function parseJson(json: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return { error: 'invalid character in dockerconfig JSON' };
  }
}

/** A `.dockerconfigjson` (`{"auths": {server: {auth | username, password}}}`), with any error. */
export function parseDockerConfigJson(json: string, source?: string): DockerConfigResult {
  const p = parseJson(json);
  if ('error' in p) return { credentials: [], error: p.error };
  const auths = typeof p.value === 'object' && p.value !== null ? (p.value as Record<string, unknown>)['auths'] : undefined;
  return entries(auths ?? {}, source);
}

/** Credentials of a `.dockerconfigjson` document; none when it cannot be read. */
export function credentialsFromDockerConfig(json: string, source?: string): Credential[] {
  return parseDockerConfigJson(json, source).credentials;
}

/** Credentials of a legacy `.dockercfg` (kubernetes.io/dockercfg): servers at the top level. */
export function credentialsFromDockercfg(json: string, source?: string): Credential[] {
  const p = parseJson(json);
  return 'error' in p ? [] : entries(p.value, source).credentials;
}

function splitHostPort(hostPort: string): [string[], string] {
  const m = /^(.*):(\d+)$/.exec(hostPort);
  const host = m ? m[1]! : hostPort;
  return [host.split('.'), m ? m[2]! : ''];
}

function globPart(glob: string, s: string): boolean {
  const re = new RegExp(
    `^${glob
      .split('*')
      .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return re.test(s);
}

/** URLsMatchStr: host parts glob-match one for one, ports equal, the key's path a prefix. */
export function keyMatches(key: string, target: string): boolean {
  const split = (s: string): [string, string] => {
    const i = s.indexOf('/');
    return i === -1 ? [s, ''] : [s.slice(0, i), s.slice(i)];
  };
  const [gHost, gPath] = split(key);
  const [tHost, tPath] = split(target);
  const [gParts, gPort] = splitHostPort(gHost);
  const [tParts, tPort] = splitHostPort(tHost);
  if (gPort !== tPort || gParts.length !== tParts.length || !tPath.startsWith(gPath)) return false;
  return gParts.every((g, i) => globPart(g, tParts[i]!));
}

/** isDefaultRegistryMatch: does this repository live on Docker Hub? */
function isDefaultRegistry(repository: string): boolean {
  const [first, ...rest] = repository.split('/');
  if (!first) return false;
  if (rest.length === 0 || first === 'docker.io' || first === 'index.docker.io') return true;
  return !/[.:]/.test(first);
}

/** BasicDockerKeyring.Lookup: the credentials the kubelet tries, in order, for `repository`. */
export function credentialsFor(repository: string, credentials: readonly Credential[]): Credential[] {
  const matched = credentials.filter((c) => keyMatches(c.registry, repository));
  if (matched.length > 0) return matched;
  return isDefaultRegistry(repository) ? credentials.filter((c) => c.registry === 'index.docker.io') : [];
}

/**
 * The ~/.docker/config.json `docker login` writes (json.MarshalIndent with tabs): one `auth`
 * per registry, Docker Hub under `https://index.docker.io/v1/`.
 */
export function dockerConfigJson(logins: readonly { server?: string; username: string; password: string }[]): string {
  const auths: Record<string, { auth: string }> = {};
  for (const l of logins) auths[l.server ?? 'https://index.docker.io/v1/'] = { auth: base64Encode(`${l.username}:${l.password}`) };
  return JSON.stringify({ auths }, null, '\t');
}
