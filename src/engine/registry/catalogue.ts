// The lab's catalogue: the images its lessons, the seed notes and the public example manifests
// use (Docker Hub official images, nigelpoulton's course images, Kubernetes' examples), each
// with the tags that exist, compressed sizes close to the real linux/amd64 pulls, and what the
// image runs. Tags alias one manifest the way Docker Hub's do (nginx:latest = nginx:1.27).

import { sha256Of } from './digest.ts';
import type { CatalogueImage, ImageApp } from './image.ts';
import { pauseImage, shellImage } from './apps/baseImages.ts';
import { bookApp, crashyApp, gettingStartedV1, gettingStartedV2, k8sBookWebApp } from './apps/nodeApps.ts';
import { guestbookRedisReplica, redisApp } from './apps/redis.ts';
import { gitSync, guestbookFrontend, helloApp, hpaExample, httpEcho, nginxExporter } from './apps/samples.ts';
import { httpdApp, httpsSiteApp, nginxApp } from './apps/webServers.ts';

/** One manifest and every tag that names it; the first tag is the canonical one. */
export interface CatalogueVariant {
  readonly tags: readonly string[];
  readonly sizeBytes: number;
  readonly app: ImageApp;
}

export interface CatalogueRepository {
  /** normalized name: `docker.io/library/nginx` */
  readonly repository: string;
  /** other names serving the same manifests (k8s.gcr.io mirrors registry.k8s.io) */
  readonly mirrors?: readonly string[];
  /** Docker Hub account allowed to pull, when private */
  readonly privateTo?: string;
  readonly variants: readonly CatalogueVariant[];
  /** tags that exist upstream but are not listed above (older patch releases …) */
  readonly moreTags?: (tag: string) => CatalogueVariant | undefined;
}

const v = (tags: readonly string[], sizeBytes: number, app: ImageApp): CatalogueVariant => ({ tags, sizeBytes, app });

/** `1.23` → `1.23.0`: the version a minor tag's logs print when the lab has no better guess. */
const fullVersion = (minor: string): string => (minor.split('.').length >= 3 ? minor : `${minor}.0`);

// Versions and sizes as of early 2026 on Docker Hub and registry.k8s.io (compressed, amd64).
export const defaultCatalogue: readonly CatalogueRepository[] = [
  {
    repository: 'docker.io/nigelpoulton/getting-started-k8s',
    variants: [v(['1.0'], 80_315_447, gettingStartedV1), v(['2.0'], 86_120_911, gettingStartedV2)],
  },
  {
    repository: 'docker.io/nigelpoulton/k8sbook',
    variants: [
      v(
        ['1.0', 'latest'],
        43_210_554,
        bookApp('Hello from The Kubernetes Book', 'Node.js web app (The Kubernetes Book): page on port 8080'),
      ),
    ],
  },
  { repository: 'docker.io/nigelpoulton/web-app', variants: [v(['1.0', 'latest'], 42_817_020, k8sBookWebApp)] },
  {
    repository: 'docker.io/nigelpoulton/k8s-deep-dive',
    variants: [v(['0.1'], 44_101_876, bookApp('Kubernetes Deep Dive', 'Node.js web app (Kubernetes Deep Dive course): page on port 8080'))],
  },
  {
    repository: 'docker.io/nigelpoulton/nginxadapter',
    variants: [
      v(
        ['1.0'],
        51_330_415,
        nginxApp({
          version: '1.21.6',
          description: 'nginx 1.21.6 with stub_status at /nginx_status, for the Prometheus exporter sidecar: port 80',
          routes: {
            '/nginx_status': 'Active connections: 1 \nserver accepts handled requests\n 3 3 3 \nReading: 0 Writing: 1 Waiting: 0 \n',
          },
        }),
      ),
    ],
  },
  {
    repository: 'docker.io/library/nginx',
    variants: [
      v(['1.27.3', 'latest', 'mainline', '1', '1.27', 'mainline-bookworm', 'bookworm'], 72_188_133, nginxApp({ version: '1.27.3' })),
      v(
        ['1.27.3-alpine', 'alpine', 'mainline-alpine', '1-alpine', '1.27-alpine'],
        20_471_882,
        nginxApp({ version: '1.27.3', alpine: true }),
      ),
      v(['1.26.2', 'stable', '1.26', 'stable-bookworm'], 71_026_341, nginxApp({ version: '1.26.2' })),
      v(['1.26.2-alpine', 'stable-alpine', '1.26-alpine'], 20_133_471, nginxApp({ version: '1.26.2', alpine: true })),
      v(['1.25.5', '1.25'], 70_541_528, nginxApp({ version: '1.25.5' })),
      v(['1.25.5-alpine', '1.25-alpine'], 19_911_740, nginxApp({ version: '1.25.5', alpine: true })),
      v(['1.14.2', '1.14'], 44_709_214, nginxApp({ version: '1.14.2', quiet: true })),
    ],
    moreTags: (tag) => {
      const m = /^(1\.(?:1[5-9]|2[0-7])(?:\.\d{1,2})?)(-alpine)?$/.exec(tag);
      if (!m) return undefined;
      const version = fullVersion(m[1]!);
      return m[2] ? v([tag], 19_800_000, nginxApp({ version, alpine: true })) : v([tag], 68_500_000, nginxApp({ version }));
    },
  },
  {
    repository: 'docker.io/library/httpd',
    variants: [
      v(['2.4.62', 'latest', '2', '2.4', 'bookworm'], 58_368_225, httpdApp('2.4.62')),
      v(['2.4.62-alpine', 'alpine', '2-alpine', '2.4-alpine'], 22_590_127, httpdApp('2.4.62', true)),
    ],
    moreTags: (tag) => {
      const m = /^2\.4\.(\d{2})(-alpine)?$/.exec(tag);
      return m ? v([tag], m[2] ? 22_000_000 : 57_000_000, httpdApp(`2.4.${m[1]}`, m[2] !== undefined)) : undefined;
    },
  },
  {
    repository: 'docker.io/library/busybox',
    variants: [
      v(['1.37.0', 'latest', '1.37', 'stable', 'glibc', '1.37.0-glibc', 'stable-glibc'], 2_155_217, shellImage('busybox 1.37', 'sh')),
      v(['1.36.1', '1.36'], 2_231_050, shellImage('busybox 1.36', 'sh')),
      v(['1.28.4', '1.28'], 727_869, shellImage('busybox 1.28', 'sh')),
    ],
    moreTags: (tag) =>
      /^1\.(2[4-9]|3[0-7])(\.\d)?(-(glibc|musl|uclibc))?$/.test(tag) ? v([tag], 1_500_000, shellImage(`busybox ${tag}`, 'sh')) : undefined,
  },
  {
    repository: 'docker.io/library/alpine',
    variants: [
      v(['3.21.2', 'latest', '3', '3.21'], 3_642_075, shellImage('Alpine Linux 3.21', '/bin/sh')),
      v(['3.20.5', '3.20'], 3_626_948, shellImage('Alpine Linux 3.20', '/bin/sh')),
      v(['3.19.6', '3.19'], 3_420_523, shellImage('Alpine Linux 3.19', '/bin/sh')),
    ],
    moreTags: (tag) =>
      /^3\.(\d|1\d|2[01])(\.\d{1,2})?$/.test(tag) ? v([tag], 3_000_000, shellImage(`Alpine Linux ${tag}`, '/bin/sh')) : undefined,
  },
  {
    repository: 'docker.io/library/ubuntu',
    variants: [
      v(['24.04', 'latest', 'noble', 'rolling'], 29_754_290, shellImage('Ubuntu 24.04', '/bin/bash')),
      v(['22.04', 'jammy'], 29_536_556, shellImage('Ubuntu 22.04', '/bin/bash')),
      v(['20.04', 'focal'], 27_508_213, shellImage('Ubuntu 20.04', '/bin/bash')),
    ],
  },
  {
    repository: 'docker.io/library/redis',
    variants: [
      v(['7.4.1', 'latest', '7', '7.4', 'bookworm'], 45_032_467, redisApp('7.4.1')),
      v(['7.4.1-alpine', 'alpine', '7-alpine', '7.4-alpine'], 17_310_274, redisApp('7.4.1', true)),
      v(['7.2.6', '7.2'], 43_877_015, redisApp('7.2.6')),
      v(['6.2.16', '6', '6.2'], 40_221_980, redisApp('6.2.16')),
      v(['6.0.5'], 37_958_318, redisApp('6.0.5')),
    ],
    moreTags: (tag) => {
      const m = /^([5-7]\.\d(?:\.\d{1,2})?)(-alpine)?$/.exec(tag);
      return m ? v([tag], m[2] ? 16_000_000 : 40_000_000, redisApp(fullVersion(m[1]!), m[2] !== undefined)) : undefined;
    },
  },
  {
    repository: 'registry.k8s.io/pause',
    mirrors: ['k8s.gcr.io/pause'],
    variants: [
      v(['3.10'], 320_368, pauseImage('3.10')),
      v(['3.9'], 321_520, pauseImage('3.9')),
      v(['3.8'], 311_286, pauseImage('3.8')),
      v(['3.7'], 311_278, pauseImage('3.7')),
      v(['3.6'], 301_773, pauseImage('3.6')),
      v(['3.5'], 301_416, pauseImage('3.5')),
      v(['3.2'], 299_513, pauseImage('3.2')),
      v(['3.1', 'latest'], 317_164, pauseImage('3.1')),
    ],
  },
  { repository: 'registry.k8s.io/hpa-example', mirrors: ['k8s.gcr.io/hpa-example'], variants: [v(['latest'], 181_424_119, hpaExample)] },
  {
    repository: 'gcr.io/google-samples/gb-frontend',
    mirrors: ['gcr.io/google_samples/gb-frontend', 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend'],
    variants: [v(['v5'], 170_383_561, guestbookFrontend), v(['v4'], 197_853_013, guestbookFrontend)],
  },
  {
    repository: 'gcr.io/google_samples/gb-redisslave',
    mirrors: ['gcr.io/google-samples/gb-redisslave'],
    variants: [v(['v1'], 39_011_584, guestbookRedisReplica), v(['v3'], 40_182_610, guestbookRedisReplica)],
  },
  {
    repository: 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower',
    mirrors: ['gcr.io/google_samples/gb-redis-follower'],
    variants: [v(['v2'], 40_506_112, guestbookRedisReplica)],
  },
  { repository: 'registry.k8s.io/redis', mirrors: ['k8s.gcr.io/redis'], variants: [v(['e2e'], 11_830_110, redisApp('5.0.14', true))] },
  {
    repository: 'k8s.gcr.io/git-sync',
    mirrors: ['registry.k8s.io/git-sync'],
    variants: [v(['v3.1.6'], 26_414_390, gitSync('v3.1.6')), v(['v3.6.9'], 28_972_104, gitSync('v3.6.9'))],
  },
  {
    repository: 'docker.io/nginx/nginx-prometheus-exporter',
    variants: [v(['1.4.0', 'latest', '1', '1.4'], 6_198_321, nginxExporter('1.4.0')), v(['0.11.0'], 5_201_930, nginxExporter('0.11.0'))],
  },
  {
    repository: 'docker.io/hashicorp/http-echo',
    variants: [v(['1.0.0', 'latest', '1.0'], 3_619_822, httpEcho('1.0.0')), v(['0.2.3'], 2_897_132, httpEcho('0.2.3'))],
  },
  {
    repository: 'gcr.io/google-samples/hello-app',
    mirrors: ['us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
    variants: [v(['1.0'], 10_094_119, helloApp('1.0.0')), v(['2.0'], 10_094_123, helloApp('2.0.0'))],
  },
  {
    repository: 'docker.io/bibble235/bibbleweb',
    privateTo: 'bibble235',
    variants: [v(['0.0.1'], 21_004_512, httpsSiteApp('BibbleWeb', 'BibbleWeb site (private image): HTTPS on port 443'))],
  },
  {
    repository: 'docker.io/bibble235/bibble',
    privateTo: 'bibble235',
    variants: [v(['0.0.1'], 21_117_340, httpsSiteApp('Bibble', 'Bibble (private image): HTTPS on port 443'))],
  },
  { repository: 'docker.io/kubelab/crashy', variants: [v(['1.0', 'latest'], 52_880_117, crashyApp)] },
];

/** A catalogue entry found under `repository` (directly or as a mirror). */
export function findRepository(catalogue: readonly CatalogueRepository[], repository: string): CatalogueRepository | undefined {
  return catalogue.find((r) => r.repository === repository || r.mirrors?.includes(repository));
}

export function findVariant(entry: CatalogueRepository, tag: string): CatalogueVariant | undefined {
  return entry.variants.find((x) => x.tags.includes(tag)) ?? entry.moreTags?.(tag);
}

/** Manifest digest and image ID of a variant: the same under every tag and mirror. */
export function variantDigests(entry: CatalogueRepository, variant: CatalogueVariant): { digest: string; id: string } {
  const seed = `${entry.repository}:${variant.tags[0]}`;
  return { digest: sha256Of(`${seed}#manifest`), id: sha256Of(`${seed}#config`) };
}

export function findVariantByDigest(entry: CatalogueRepository, digest: string): CatalogueVariant | undefined {
  return entry.variants.find((x) => variantDigests(entry, x).digest === digest);
}

/** The pullable image a tag (or digest) of a catalogue entry names, as seen under `repository`. */
export function catalogueImage(entry: CatalogueRepository, variant: CatalogueVariant, repository: string, tag: string): CatalogueImage {
  return {
    ...variant.app,
    repository,
    tag,
    ...variantDigests(entry, variant),
    sizeBytes: variant.sizeBytes,
    ...(entry.privateTo !== undefined ? { privateTo: entry.privateTo } : {}),
    known: true,
    pushed: false,
  };
}

/** Every repository name the catalogue answers to (for near-miss suggestions). */
export function catalogueNames(catalogue: readonly CatalogueRepository[]): string[] {
  return catalogue.flatMap((r) => [r.repository, ...(r.mirrors ?? [])]);
}
