// The container runtime's view of images: what a pull of a reference gives (from the
// simulated registry) and each node's local image store, which `imagePullPolicy` consults.

import type { CatalogueImage } from '../registry/image.ts';

export type PullAttempt =
  | {
      readonly ok: true;
      /** fully qualified, as containerStatuses[].image shows it: docker.io/library/nginx:latest */
      readonly ref: string;
      /** repo@sha256:… as containerd reports imageID */
      readonly imageId: string;
      readonly sizeBytes: number;
      /** the image: its config and what its process does */
      readonly image: CatalogueImage;
      /** whether the lab's catalogue knows this image (else it runs as a generic container) */
      readonly known: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: 'ErrImagePull' | 'InvalidImageName';
      /** the container's waiting message */
      readonly message: string;
      /** the first Warning event the kubelet records */
      readonly event: { readonly reason: string; readonly message: string };
      /** a note for the trace (e.g. "did you mean nigelpoulton/getting-started-k8s?") */
      readonly hint?: string;
    };

export interface ImageService {
  /** Asks the registry for `image` with the docker config JSONs of the pod's pull secrets. */
  pull(image: string, dockerConfigs: readonly string[]): PullAttempt;
  /** What the runtime knows of an image already on a node, without asking the registry. */
  inspect(image: string): PullAttempt;
}

/** One node's local images, keyed by the reference the pod spec used and by the full ref. */
export class ImageStore {
  readonly #images = new Map<string, { ref: string; sizeBytes: number }>();

  has(image: string): boolean {
    return this.#images.has(image);
  }

  add(image: string, ref: string, sizeBytes: number): void {
    this.#images.set(image, { ref, sizeBytes });
    this.#images.set(ref, { ref, sizeBytes });
  }

  /** For the Node status `images` list. */
  list(): { names: string[]; sizeBytes: number }[] {
    const byRef = new Map<string, { names: string[]; sizeBytes: number }>();
    for (const [name, { ref, sizeBytes }] of this.#images) {
      const e = byRef.get(ref) ?? { names: [], sizeBytes };
      if (!e.names.includes(name)) e.names.push(name);
      byRef.set(ref, e);
    }
    return [...byRef.values()];
  }
}
