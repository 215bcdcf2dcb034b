// The repositories the lab's `docker push` created, per registry instance: tags pointing at
// pushed images, and whether the repository is private to its Docker Hub owner (public unless
// the push or a later setting says otherwise, as on Docker Hub).

import type { CatalogueImage } from './image.ts';
import type { BuiltImage } from './push.ts';

/** One row of the registry's listing. */
export interface RegistryEntry {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly digest: string;
  readonly sizeBytes: number;
  readonly privateTo?: string;
  readonly pushed: boolean;
}

interface Repo {
  privateTo?: string;
  readonly tags: Map<string, CatalogueImage>;
}

function asImage(
  repository: string,
  tag: string,
  digest: string,
  image: Omit<BuiltImage, 'layers'>,
  privateTo: string | undefined,
): CatalogueImage {
  return {
    description: image.description,
    config: image.config,
    behave: image.behave,
    repository,
    tag,
    digest,
    id: image.id,
    sizeBytes: image.sizeBytes,
    known: true,
    pushed: true,
    ...(privateTo !== undefined ? { privateTo } : {}),
  };
}

/** Docker Hub's owner of a repository: the namespace (`docker.io/<owner>/…`). */
const hubOwner = (repository: string): string | undefined => (repository.startsWith('docker.io/') ? repository.split('/')[1] : undefined);

export class PushedImages {
  readonly #repos = new Map<string, Repo>();

  /** Stores `image` as repository:tag; a new Docker Hub repository is private only if asked. */
  store(repository: string, tag: string, digest: string, image: BuiltImage, makePrivate: boolean): void {
    let repo = this.#repos.get(repository);
    if (!repo) {
      const owner = hubOwner(repository);
      repo = { tags: new Map(), ...(makePrivate && owner !== undefined ? { privateTo: owner } : {}) };
      this.#repos.set(repository, repo);
    }
    repo.tags.set(tag, asImage(repository, tag, digest, image, repo.privateTo));
  }

  /** Makes a pushed Docker Hub repository private to its owner, or public. False when unknown. */
  setPrivate(repository: string, isPrivate: boolean): boolean {
    const repo = this.#repos.get(repository);
    const owner = hubOwner(repository);
    if (!repo || owner === undefined) return false;
    if (isPrivate) repo.privateTo = owner;
    else delete repo.privateTo;
    for (const [tag, img] of repo.tags) repo.tags.set(tag, asImage(repository, tag, img.digest, img, repo.privateTo));
    return true;
  }

  has(repository: string): boolean {
    return this.#repos.has(repository);
  }

  privateTo(repository: string): string | undefined {
    return this.#repos.get(repository)?.privateTo;
  }

  tags(repository: string): string[] {
    return [...(this.#repos.get(repository)?.tags.keys() ?? [])];
  }

  /** The image under a tag, or (when `digest` is given) under any tag with that digest. */
  find(repository: string, tag: string, digest: string | undefined): CatalogueImage | undefined {
    const repo = this.#repos.get(repository);
    if (!repo) return undefined;
    if (digest === undefined) return repo.tags.get(tag);
    return [...repo.tags.values()].find((i) => i.digest === digest);
  }

  repositories(): string[] {
    return [...this.#repos.keys()];
  }

  entries(): RegistryEntry[] {
    return [...this.#repos].flatMap(([repository, repo]) =>
      [...repo.tags].map(([tag, img]) => ({
        repository,
        tags: [tag],
        digest: img.digest,
        sizeBytes: img.sizeBytes,
        pushed: true,
        ...(repo.privateTo !== undefined ? { privateTo: repo.privateTo } : {}),
      })),
    );
  }
}
