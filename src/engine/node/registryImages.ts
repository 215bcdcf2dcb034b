// The container runtime's image service (CRI ImageService) backed by the lab's simulated
// registry: pulls resolve there, with the credentials of the pod's image pull secrets.

import type { Registry } from '../registry/registry.ts';
import { credentialsFromDockerConfig } from '../registry/credentials.ts';
import type { ImageService, PullAttempt } from './images.ts';

export class RegistryImageService implements ImageService {
  readonly #registry: Registry;
  /** pull answers by image and credentials, valid while the registry's generation holds */
  readonly #cache = new Map<string, PullAttempt>();
  #generation = -1;

  constructor(registry: Registry) {
    this.#registry = registry;
  }

  pull(image: string, dockerConfigs: readonly string[]): PullAttempt {
    if (this.#generation !== this.#registry.generation) {
      this.#cache.clear();
      this.#generation = this.#registry.generation;
    }
    const key = dockerConfigs.length ? `${image}\0${dockerConfigs.join('\0')}` : image;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const attempt = this.#resolve(image, dockerConfigs);
    this.#cache.set(key, attempt);
    return attempt;
  }

  #resolve(image: string, dockerConfigs: readonly string[]): PullAttempt {
    const credentials = dockerConfigs.flatMap((json) => credentialsFromDockerConfig(json));
    const r = this.#registry.resolve(image, credentials);
    if (!r.ok) {
      return { ok: false, reason: r.reason, message: r.message, event: r.event, ...(r.hint !== undefined ? { hint: r.hint } : {}) };
    }
    return { ok: true, ref: r.repoTag, imageId: r.repoDigest, sizeBytes: r.sizeBytes, image: r.image, known: r.known };
  }

  inspect(image: string): PullAttempt {
    const found = this.#registry.inspect(image);
    if (!found) return this.pull(image, []);
    const name = found.repository + (found.tag ? `:${found.tag}` : '');
    return { ok: true, ref: name, imageId: `${found.repository}@${found.digest}`, sizeBytes: found.sizeBytes, image: found, known: found.known };
  }
}
