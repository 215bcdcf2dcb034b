// The errors a pull ends with, worded as containerd 1.7's CRI plugin returns them over gRPC
// (`rpc error: code = … desc = failed to pull and unpack image …`) and as the kubelet 1.32
// turns them into events (pkg/kubelet/images/image_manager.go EnsureImageExists).

import { goQuote } from './reference.ts';

type GrpcCode = 'NotFound' | 'Unknown';

const rpc = (code: GrpcCode, desc: string): string => `rpc error: code = ${code} desc = ${desc}`;

function pullAndResolve(ref: string, cause: string): string {
  return `failed to pull and unpack image ${goQuote(ref)}: failed to resolve reference ${goQuote(ref)}: ${cause}`;
}

/**
 * Docker Hub answers a repository that does not exist and a private one the caller may not
 * read with the same 401 insufficient_scope, so containerd cannot tell them apart.
 */
export function accessDenied(ref: string): string {
  return rpc(
    'Unknown',
    pullAndResolve(
      ref,
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ),
  );
}

/** The manifest request got 404: an unknown tag or digest (or repository, off Docker Hub). */
export function notFound(ref: string): string {
  return rpc('NotFound', pullAndResolve(ref, `${ref}: not found`));
}

/**
 * Credentials Docker Hub's token service rejects (wrong password, unknown user): containerd's
 * POST for an OAuth token gets 401, it falls back to GET with basic auth, which fails too.
 */
export function unauthorized(ref: string, path: string): string {
  const scope = encodeURIComponent(`repository:${path}:pull`);
  const url = `https://auth.docker.io/token?scope=${scope}&service=registry.docker.io`;
  return rpc(
    'Unknown',
    pullAndResolve(ref, `failed to authorize: failed to fetch oauth token: unexpected status from GET request to ${url}: 401 Unauthorized`),
  );
}

/** Nothing listens where the reference points (a local registry that is not running). */
export function connectionRefused(ref: string, host: string, path: string, reference: string): string {
  const port = host.includes(':') ? host.slice(host.lastIndexOf(':') + 1) : '80';
  const url = `http://${host}/v2/${path}/manifests/${reference}`;
  return rpc(
    'Unknown',
    pullAndResolve(ref, `failed to do request: Head ${goQuote(url)}: dial tcp 127.0.0.1:${port}: connect: connection refused`),
  );
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several (deduplicated) in brackets. */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** The Warning `Failed` event of a failed pull. */
export const failedToPullEvent = (image: string, err: string): string => `Failed to pull image ${goQuote(image)}: ${err}`;

/** Go's time.Duration String() for durations truncated to milliseconds (`1.234s`, `812ms`, `1m2.5s`). */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const trim = (n: number, frac: number): string => (frac === 0 ? `${n}` : `${n}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = trim(Math.floor((total % 60_000) / 1000), total % 1000);
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

/** The Normal `Pulled` event after a pull (kubelet 1.32 adds the image size). */
export function pulledEvent(image: string, pullMs: number, includingWaitingMs: number, sizeBytes: number): string {
  return `Successfully pulled image ${goQuote(image)} in ${goDuration(pullMs)} (${goDuration(includingWaitingMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}
