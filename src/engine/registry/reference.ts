// Image references as the kubelet and containerd read them: distribution/reference v0.6
// (ParseNormalizedNamed, the grammar in regexp.go, go-digest's validation), the kubelet's
// default tag (pkg/util/parsers ParseImageName, pkg/kubelet/images applyDefaultImageTag) and
// the API server's imagePullPolicy default (pkg/apis/core/v1 SetDefaults_Container).

/** A parsed, normalized reference: `nginx` is docker.io + library/nginx, no tag, no digest. */
export interface ImageReference {
  /** registry host (and port): `docker.io`, `registry.k8s.io`, `localhost:5000` */
  readonly domain: string;
  /** repository path inside the registry: `library/nginx`, `nigelpoulton/getting-started-k8s` */
  readonly path: string;
  /** `domain/path`, what distribution calls the Name() */
  readonly name: string;
  /** the tag exactly as written; absent when none was given */
  readonly tag?: string;
  /** `sha256:…` when the reference pins a digest */
  readonly digest?: string;
}

export type ReferenceResult = { readonly ok: true; readonly ref: ImageReference } | { readonly ok: false; readonly error: string };

// The grammar of distribution/reference regexp.go, clause for clause. Go's regexp picks
// submatches leftmost-first like JavaScript, so the captures agree.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6address})${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredTagRe = new RegExp(`^${tagPat}$`);
const identifierRe = /^[a-f0-9]{64}$/;
// go-digest's own (stricter) DigestRegexp, consulted for algorithms it does not know.
const goDigestRe = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
// The kubelet registers crypto/sha256 and crypto/sha512 (which brings sha384).
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

const MAX_PATH = 255;
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';

export const ErrReferenceInvalidFormat = 'invalid reference format';
export const ErrNameContainsUppercase = 'repository name must be lowercase';
export const ErrNameTooLong = `repository name must not be more than ${MAX_PATH} characters`;

/** go-digest Digest.Validate for the algorithms the kubelet links in. */
export function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'invalid checksum digest format';
  const size = DIGEST_HEX_LENGTH[s.slice(0, i)];
  if (size === undefined) return goDigestRe.test(s) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  const encoded = s.slice(i + 1);
  if (encoded.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}

/** distribution/reference Parse: a reference that is already in canonical form. */
export function parseReference(s: string): ReferenceResult {
  if (s === '') return { ok: false, error: 'repository name must have at least one component' };
  const m = referenceRe.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    // Valid once lower-cased: the input only broke the lowercase rule.
    if (lower !== s && referenceRe.test(lower)) return { ok: false, error: ErrNameContainsUppercase };
    return { ok: false, error: ErrReferenceInvalidFormat };
  }
  const full = m[1]!;
  const nm = anchoredNameRe.exec(full);
  const domain = nm?.[1] ?? '';
  const path = nm?.[2] ?? full;
  if (path.length > MAX_PATH) return { ok: false, error: ErrNameTooLong };
  const digest = m[3];
  if (digest !== undefined) {
    const bad = validateDigest(digest);
    if (bad) return { ok: false, error: bad };
  }
  return {
    ok: true,
    ref: {
      domain,
      path,
      name: domain === '' ? path : `${domain}/${path}`,
      ...(m[2] !== undefined ? { tag: m[2] } : {}),
      ...(digest !== undefined ? { digest } : {}),
    },
  };
}

/** splitDockerDomain: which part of a familiar name is the registry. */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, rest];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, rest];
  // Anything with a dot or a port, and (namespaces being lowercase) an uppercase first
  // element, is taken to be a registry host.
  else if (/[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, rest];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

/** ParseNormalizedNamed: `nginx` → docker.io/library/nginx, the way the kubelet reads `image:`. */
export function parseNormalizedNamed(s: string): ReferenceResult {
  if (identifierRe.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `${ErrReferenceInvalidFormat}: repository name (${remote}) must be lowercase` };
  }
  return parseReference(`${domain}/${remainder}`);
}

/** Go's %q for the strings that appear in image messages. */
export function goQuote(s: string): string {
  const named: Readonly<Record<string, string>> = {
    '\u0007': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
  };
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (named[ch]) out += named[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface ImageName {
  /** `docker.io/library/nginx` */
  readonly repository: string;
  /** the tag, `latest` when neither tag nor digest was given, '' with a digest only */
  readonly tag: string;
  readonly digest: string;
  readonly ref: ImageReference;
}

/** pkg/util/parsers ParseImageName: repository, tag (defaulted) and digest, or the kubelet's error. */
export function parseImageName(image: string): { ok: true; name: ImageName } | { ok: false; error: string } {
  const r = parseNormalizedNamed(image);
  if (!r.ok) return { ok: false, error: `couldn't parse image name ${goQuote(image)}: ${r.error}` };
  const { ref } = r;
  const tag = ref.tag ?? (ref.digest === undefined ? DEFAULT_TAG : '');
  return { ok: true, name: { repository: ref.name, tag, digest: ref.digest ?? '', ref } };
}

/**
 * The kubelet's applyDefaultImageTag: the image string it hands to the runtime (`nginx` →
 * `nginx:latest`, kept short on purpose), or the message of its InspectFailed event.
 */
export function applyDefaultImageTag(image: string): { ok: true; image: string } | { ok: false; message: string } {
  const p = parseImageName(image);
  if (!p.ok) return { ok: false, message: `Failed to apply default image tag ${goQuote(image)}: ${p.error}` };
  const { tag, digest } = p.name;
  const withTag = digest === '' && tag !== '' && !image.endsWith(`:${tag}`) ? `${image}:${tag}` : image;
  return { ok: true, image: withTag };
}

/**
 * SetDefaults_Container: Always when the (defaulted) tag is `latest`, else IfNotPresent. A
 * digest alone means IfNotPresent; `nginx:latest@sha256:…` still says latest, so Always. An
 * unparsable image has no tag and gets IfNotPresent (validation reports it elsewhere).
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const p = parseImageName(image);
  return p.ok && p.name.tag === DEFAULT_TAG ? 'Always' : 'IfNotPresent';
}

/**
 * containerd's docker.ParseDockerRef: the string its messages name (`docker.io/library/nginx:latest`).
 * A reference with both a tag and a digest is named by its digest only.
 */
export function dockerRefString(ref: ImageReference): string {
  if (ref.digest !== undefined) return `${ref.name}@${ref.digest}`;
  return `${ref.name}:${ref.tag ?? DEFAULT_TAG}`;
}

/** The short name `docker` prints: docker.io and library/ dropped (`nginx`, `bibble235/bibbleweb`). */
export function familiarName(repository: string): string {
  if (!repository.startsWith(`${DEFAULT_DOMAIN}/`)) return repository;
  const path = repository.slice(DEFAULT_DOMAIN.length + 1);
  const rest = path.startsWith(OFFICIAL_PREFIX) ? path.slice(OFFICIAL_PREFIX.length) : path;
  return rest.includes('/') ? path : rest;
}

export function isValidTag(tag: string): boolean {
  return anchoredTagRe.test(tag);
}
