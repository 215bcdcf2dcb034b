// The simulated container registry (Docker Hub, registry.k8s.io, gcr.io … rolled into one):
// it resolves what a kubelet's containerd asks for, with the credentials of imagePullSecrets,
// and answers with an image or with the exact error containerd 1.7 would report. The lab's
// `docker login` / `docker push` write to it. One instance per simulated cluster.

import type { CatalogueRepository } from './catalogue.ts';
import {
  catalogueImage,
  catalogueNames,
  defaultCatalogue,
  findRepository,
  findVariant,
  findVariantByDigest,
  variantDigests,
} from './catalogue.ts';
import type { Credential } from './credentials.ts';
import { credentialsFor, keyringKey } from './credentials.ts';
import { sha256Of, hex64 } from './digest.ts';
import type { CatalogueImage } from './image.ts';
import { genericApp } from './apps/generic.ts';
import { closest } from './nearMiss.ts';
import { accessDenied, aggregate, connectionRefused, failedToPullEvent, notFound, unauthorized } from './pullErrors.ts';
import type { ImageReference } from './reference.ts';
import { DEFAULT_TAG, applyDefaultImageTag, dockerRefString, familiarName, parseImageName, parseNormalizedNamed } from './reference.ts';
import type { BuiltImage, PushOutcome } from './push.ts';
import { pushImage } from './push.ts';
import type { RegistryEntry } from './pushedImages.ts';
import { PushedImages } from './pushedImages.ts';

export interface PullSuccess {
  readonly ok: true;
  readonly image: CatalogueImage;
  readonly digest: string;
  readonly sizeBytes: number;
  /** false: not in the catalogue, assumed to exist and run as a generic container */
  readonly known: boolean;
  /** what containerStatuses[].image shows: `docker.io/library/nginx:latest` */
  readonly repoTag: string;
  /** what containerStatuses[].imageID shows: `docker.io/library/nginx@sha256:…` */
  readonly repoDigest: string;
  /** the account whose credentials were used, when any */
  readonly username?: string;
}

export type PullFailureKind = 'invalid' | 'access-denied' | 'not-found' | 'unauthorized' | 'unreachable';

export interface PullFailure {
  readonly ok: false;
  /** the container's waiting reason */
  readonly reason: 'ErrImagePull' | 'InvalidImageName';
  /** the container's waiting message (the runtime's error, or the kubelet's for invalid names) */
  readonly message: string;
  /** the Warning event the kubelet records first (`Error: <reason>` follows as a second `Failed`) */
  readonly event: { readonly reason: 'Failed' | 'InspectFailed'; readonly message: string };
  readonly kind: PullFailureKind;
  /** for the lab's trace only, never for kubectl output: `did you mean nginx?` */
  readonly hint?: string;
}

export type PullOutcome = PullSuccess | PullFailure;
export type { RegistryEntry };

export interface RegistryOptions {
  /** the images the registry knows (default: the lab catalogue) */
  readonly catalogue?: readonly CatalogueRepository[];
  /** Docker Hub accounts, username → password (default: DEFAULT_ACCOUNTS) */
  readonly accounts?: Readonly<Record<string, string>>;
  /** hosts running a registry without auth, such as microk8s' `localhost:32000` */
  readonly localRegistries?: readonly string[];
}

/** The Docker Hub account that owns the lab's private images (the seed notes' bibble235). */
export const DEFAULT_ACCOUNTS: Readonly<Record<string, string>> = { bibble235: 'kubelab-bibble' };

type Lookup =
  | { readonly kind: 'found'; readonly image: CatalogueImage }
  | { readonly kind: 'missing-repository'; readonly hint?: string }
  | { readonly kind: 'missing-manifest'; readonly privateTo?: string; readonly hint?: string }
  | { readonly kind: 'unreachable' };

type Attempt = { ok: true; image: CatalogueImage } | { ok: false; error: string; kind: PullFailureKind; hint?: string };

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export class Registry {
  readonly #catalogue: readonly CatalogueRepository[];
  readonly #accounts = new Map<string, string>();
  readonly #localRegistries: Set<string>;
  readonly #pushed = new PushedImages();
  #generation = 0;

  /** Grows whenever what a pull would answer may have changed (accounts, pushes, visibility). */
  get generation(): number {
    return this.#generation;
  }

  constructor(options: RegistryOptions = {}) {
    this.#catalogue = options.catalogue ?? defaultCatalogue;
    for (const [u, p] of Object.entries(options.accounts ?? DEFAULT_ACCOUNTS)) this.#accounts.set(u, p);
    this.#localRegistries = new Set(options.localRegistries ?? []);
  }

  /** Adds (or re-passwords) a Docker Hub account, e.g. the learner's own for `docker push`. */
  addAccount(username: string, password: string): void {
    this.#accounts.set(username, password);
    this.#generation++;
  }

  /** Whether Docker Hub would accept this username and password. */
  checkPassword(username: string, password: string): boolean {
    return this.#accounts.has(username) && this.#accounts.get(username) === password;
  }

  /**
   * `docker login [server]`: the docker CLI's verdict. Docker Hub checks the account; a local
   * registry takes anyone; other registries are not modelled and accept the login.
   */
  login(server: string | undefined, username: string, password: string): { ok: boolean; message: string } {
    const host = server === undefined || server === '' ? 'index.docker.io' : keyringKey(server);
    const hub = host === 'index.docker.io' || host === 'docker.io' || host === 'registry-1.docker.io';
    if (hub && !this.checkPassword(username, password)) {
      return {
        ok: false,
        message: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
      };
    }
    return { ok: true, message: 'Login Succeeded' };
  }

  /**
   * What a kubelet's pull of `image` (the pod spec's string) ends with, trying the matching
   * credentials one by one as the kubelet does, anonymously when none match.
   */
  resolve(image: string, credentials: readonly Credential[] = []): PullOutcome {
    const parsed = parseImageName(image);
    if (!parsed.ok) return this.#invalid(image, parsed.error);

    const ref = parsed.name.ref;
    const tried = credentialsFor(ref.name, credentials);
    const errors: string[] = [];
    let first: Extract<Attempt, { ok: false }> | undefined;
    for (const cred of tried.length > 0 ? tried : [undefined]) {
      const a = this.#attempt(ref, cred);
      if (a.ok) return this.#success(a.image, cred);
      errors.push(a.error);
      first ??= a;
    }
    const message = aggregate(errors);
    return {
      ok: false,
      reason: 'ErrImagePull',
      message,
      event: { reason: 'Failed', message: failedToPullEvent(image, message) },
      kind: first!.kind,
      ...(first!.hint !== undefined ? { hint: first!.hint } : {}),
    };
  }

  /** The image a reference names, ignoring access rules (for the inspector), if it resolves. */
  inspect(image: string): CatalogueImage | undefined {
    const parsed = parseImageName(image);
    if (!parsed.ok) return undefined;
    const l = this.#lookup(parsed.name.ref);
    return l.kind === 'found' ? l.image : undefined;
  }

  /** `docker push`: stores a built image under `ref`, if the credentials own its namespace. */
  push(ref: string, image: BuiltImage, credentials: readonly Credential[] = [], options: { private?: boolean } = {}): PushOutcome {
    const outcome = pushImage(ref, image, credentials, {
      checkPassword: (u, p) => this.checkPassword(u, p),
      isLocalRegistry: (host) => this.#localRegistries.has(host),
    });
    if (outcome.ok) {
      this.#pushed.store(outcome.repository, outcome.tag, outcome.digest, image, options.private === true);
      this.#generation++;
    }
    return outcome;
  }

  /** Makes a pushed Docker Hub repository private (to its owner) or public, as on the Hub's website. */
  setPrivate(repository: string, isPrivate: boolean): boolean {
    const parsed = parseNormalizedNamed(repository);
    this.#generation++;
    return parsed.ok && this.#pushed.setPrivate(parsed.ref.name, isPrivate);
  }

  /** Every repository and tag the registry serves: the catalogue, then pushed images. */
  images(): RegistryEntry[] {
    const out: RegistryEntry[] = [];
    for (const entry of this.#catalogue) {
      for (const variant of entry.variants) {
        const { digest } = variantDigests(entry, variant);
        out.push({
          repository: entry.repository,
          tags: variant.tags,
          digest,
          sizeBytes: variant.sizeBytes,
          pushed: false,
          ...(entry.privateTo !== undefined ? { privateTo: entry.privateTo } : {}),
        });
      }
    }
    out.push(...this.#pushed.entries());
    return out;
  }

  #invalid(image: string, error: string): PullFailure {
    const applied = applyDefaultImageTag(image);
    const message = applied.ok ? error : applied.message;
    const lower = image.toLowerCase();
    const lowerOk = lower !== image && parseImageName(lower).ok;
    const hint = lowerOk ? `image names must be lowercase: did you mean ${lower}?` : `not a valid image reference (${error})`;
    return { ok: false, reason: 'InvalidImageName', message, event: { reason: 'InspectFailed', message }, kind: 'invalid', hint };
  }

  #success(image: CatalogueImage, cred: Credential | undefined): PullSuccess {
    return {
      ok: true,
      image,
      digest: image.digest,
      sizeBytes: image.sizeBytes,
      known: image.known,
      repoTag: image.tag !== '' ? `${image.repository}:${image.tag}` : `${image.repository}@${image.digest}`,
      repoDigest: `${image.repository}@${image.digest}`,
      ...(cred !== undefined ? { username: cred.username } : {}),
    };
  }

  #attempt(ref: ImageReference, cred: Credential | undefined): Attempt {
    const dref = dockerRefString(ref);
    const onHub = ref.domain === 'docker.io';
    if (onHub && cred && !this.checkPassword(cred.username, cred.password)) {
      return {
        ok: false,
        error: unauthorized(dref, ref.path),
        kind: 'unauthorized',
        hint: `Docker Hub rejected the password for ${cred.username || '(no username)'} (from ${cred.source ?? 'the pull secret'})`,
      };
    }
    const user = onHub ? cred?.username : undefined;
    const found = this.#lookup(ref);
    const privateTo = found.kind === 'found' ? found.image.privateTo : found.kind === 'missing-manifest' ? found.privateTo : undefined;
    if (privateTo !== undefined && privateTo !== user) {
      const who = user === undefined ? 'no credentials were given' : `${user} is not ${privateTo}`;
      return {
        ok: false,
        error: accessDenied(dref),
        kind: 'access-denied',
        hint: `${familiarName(ref.name)} is private to ${privateTo} and ${who}: it needs an imagePullSecret for ${privateTo}`,
      };
    }
    switch (found.kind) {
      case 'found':
        return { ok: true, image: found.image };
      case 'unreachable':
        return {
          ok: false,
          error: connectionRefused(dref, ref.domain, ref.path, ref.digest ?? ref.tag ?? DEFAULT_TAG),
          kind: 'unreachable',
          hint: `no registry is running at ${ref.domain}`,
        };
      case 'missing-repository':
        return {
          ok: false,
          error: onHub ? accessDenied(dref) : notFound(dref),
          kind: onHub ? 'access-denied' : 'not-found',
          hint: found.hint ?? `${familiarName(ref.name)} does not exist`,
        };
      case 'missing-manifest':
        return { ok: false, error: notFound(dref), kind: 'not-found', ...(found.hint !== undefined ? { hint: found.hint } : {}) };
    }
  }

  #lookup(ref: ImageReference): Lookup {
    const repository = ref.name;
    const tag = ref.tag ?? DEFAULT_TAG;
    const fromPush = this.#pushed.find(repository, tag, ref.digest);
    if (fromPush) return { kind: 'found', image: ref.digest !== undefined ? { ...fromPush, tag: ref.tag ?? '' } : fromPush };
    const entry = findRepository(this.#catalogue, repository);
    if (entry) {
      const variant = ref.digest !== undefined ? findVariantByDigest(entry, ref.digest) : findVariant(entry, tag);
      if (variant)
        return { kind: 'found', image: catalogueImage(entry, variant, repository, ref.digest !== undefined ? (ref.tag ?? '') : tag) };
    }
    if (entry || this.#pushed.has(repository)) {
      const tags = [...(entry?.variants.flatMap((x) => x.tags) ?? []), ...this.#pushed.tags(repository)];
      const near = ref.digest === undefined ? closest(tag, tags) : undefined;
      const privateTo = entry?.privateTo ?? this.#pushed.privateTo(repository);
      return {
        kind: 'missing-manifest',
        ...(privateTo !== undefined ? { privateTo } : {}),
        hint:
          near !== undefined
            ? `${familiarName(repository)} has no tag ${tag}: did you mean ${familiarName(repository)}:${near}?`
            : `${familiarName(repository)} has no ${ref.digest ?? `tag ${tag}`}`,
      };
    }
    const near = closest(repository, [...catalogueNames(this.#catalogue), ...this.#pushed.repositories()]);
    if (near !== undefined) return { kind: 'missing-repository', hint: `did you mean ${familiarName(near)}?` };
    if (this.#localRegistries.has(ref.domain)) return { kind: 'missing-repository' };
    if (LOOPBACK.test(ref.domain)) return { kind: 'unreachable' };
    return { kind: 'found', image: this.#generic(repository, ref) };
  }

  #generic(repository: string, ref: ImageReference): CatalogueImage {
    const seed = `${repository}:${ref.tag ?? DEFAULT_TAG}`;
    // "About 50 MB": deterministic, so the same image always reports the same size.
    const sizeBytes = 48_000_000 + (parseInt(hex64(seed).slice(0, 6), 16) % 4_000_000);
    return {
      ...genericApp,
      repository,
      tag: ref.digest !== undefined ? (ref.tag ?? '') : (ref.tag ?? DEFAULT_TAG),
      digest: ref.digest ?? sha256Of(`${seed}#manifest`),
      id: sha256Of(`${seed}#config`),
      sizeBytes,
      known: false,
      pushed: false,
    };
  }
}
