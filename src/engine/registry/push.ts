// `docker push` against the simulated registry: who may push where (your own Docker Hub
// namespace only, never library/ or another account's), and what the push reports: the
// manifest digest, its size and the layers, as the docker CLI prints them.

import type { Credential } from './credentials.ts';
import { credentialsFor } from './credentials.ts';
import { hex64, sha256Of } from './digest.ts';
import type { ImageApp } from './image.ts';
import { DEFAULT_TAG, parseNormalizedNamed } from './reference.ts';

/** What `docker build` leaves in the local image store, ready to push. */
export interface BuiltImage extends ImageApp {
  /** image ID (config digest): the same build gives the same ID */
  readonly id: string;
  readonly sizeBytes: number;
  /** how many layers the image has (base layers plus one per COPY/RUN/ADD) */
  readonly layers: number;
}

export type PushOutcome =
  | {
      readonly ok: true;
      /** normalized: `docker.io/bibble235/bibbleweb` */
      readonly repository: string;
      readonly tag: string;
      readonly digest: string;
      /** manifest size, the `size:` the docker CLI prints after the digest */
      readonly manifestSize: number;
      /** short layer IDs, one line each in the CLI's progress output */
      readonly layerIds: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export interface PushAuth {
  readonly checkPassword: (username: string, password: string) => boolean;
  readonly isLocalRegistry: (host: string) => boolean;
}

const DENIED = 'denied: requested access to the resource is denied';

export function pushImage(ref: string, image: BuiltImage, credentials: readonly Credential[], auth: PushAuth): PushOutcome {
  const parsed = parseNormalizedNamed(ref);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const { domain, path, name } = parsed.ref;
  if (parsed.ref.digest !== undefined) return { ok: false, message: 'cannot push a digest reference' };
  if (domain === 'docker.io') {
    const cred = credentialsFor(name, credentials)[0];
    if (cred && !auth.checkPassword(cred.username, cred.password))
      return { ok: false, message: 'unauthorized: incorrect username or password' };
    // Docker Hub: only into your own namespace; library/ belongs to Docker.
    if (!cred || path.split('/')[0] !== cred.username) return { ok: false, message: DENIED };
  } else if (!auth.isLocalRegistry(domain)) {
    const port = domain.includes(':') ? domain.slice(domain.lastIndexOf(':') + 1) : '443';
    if (/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(domain)) {
      return { ok: false, message: `Get "https://${domain}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused` };
    }
    return { ok: false, message: DENIED };
  }
  const layerIds = Array.from({ length: image.layers }, (_, i) => hex64(`${image.id}#layer${i}`).slice(0, 12));
  return {
    ok: true,
    repository: name,
    tag: parsed.ref.tag ?? DEFAULT_TAG,
    // A manifest is content: the same image pushed anywhere has the same digest.
    digest: sha256Of(`${image.id}#manifest`),
    manifestSize: 525 + 210 * image.layers,
    layerIds,
  };
}
