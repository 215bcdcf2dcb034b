// The learner's local Docker image store (what `docker build`, `docker pull` and `docker tag`
// leave behind, one per shell) and `docker images` as the docker CLI 27 prints it: the
// tabwriter table with go-units sizes ("240MB") and "N minutes ago" ages.

import type { BuiltImage } from '../../registry/push.ts';
import { familiarName, parseNormalizedNamed } from '../../registry/reference.ts';
import type { Shell } from '../shell.ts';

export interface LocalImage {
  /** `sha256:…`, the image ID */
  readonly id: string;
  readonly sizeBytes: number;
  /** simulated time it was built; undefined for pulled images (the lab does not know when they were made) */
  readonly created?: number;
  /** what a push of it uploads */
  readonly image: BuiltImage;
  /** the base image's repository, for `Mounted from library/node` */
  readonly base?: string;
}

/** name:tag (familiar, `nigelpulton/getting-started-k8s:1.0`) → image; `<none>@<id>` for untagged builds. */
export type LocalStore = Map<string, LocalImage>;

const stores = new WeakMap<Shell, LocalStore>();

export function localImages(shell: Shell): LocalStore {
  let s = stores.get(shell);
  if (!s) {
    s = new Map();
    stores.set(shell, s);
  }
  return s;
}

/** A reference as the local store keys it (`nginx` → `nginx:latest`), or the parse error. */
export function localKey(ref: string): { key: string; repository: string; tag: string } | { error: string } {
  const p = parseNormalizedNamed(ref);
  if (!p.ok) return { error: p.error };
  const tag = p.ref.tag ?? 'latest';
  const repository = familiarName(p.ref.name);
  return { key: `${repository}:${tag}`, repository, tag };
}

/** go-units HumanSizeWithPrecision(size, precision): decimal units, `%.{p}g`. */
export function humanSize(bytes: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(precision))}${units[i]!}`;
}

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** text/tabwriter with docker's settings: minwidth 10, padding 3, last column unpadded. */
export function dockerTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(10, ...rows.map((r) => [...r[c]!].length + 3)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('').trimEnd() + '\n').join('');
}

/** `docker images`: newest first, as the daemon lists them. */
export function listImages(shell: Shell, quiet: boolean): string {
  const now = shell.cluster.clock.now;
  const entries = [...localImages(shell)].sort((a, b) => (b[1].created ?? -1) - (a[1].created ?? -1) || (a[0] < b[0] ? -1 : 1));
  const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
  if (quiet) return [...new Set(entries.map(([, i]) => shortId(i.id)))].map((id) => `${id}\n`).join('');
  const rows = entries.map(([key, img]) => {
    const colon = key.lastIndexOf(':');
    const [repo, tag] = key.startsWith('<none>@') ? ['<none>', '<none>'] : [key.slice(0, colon), key.slice(colon + 1)];
    const created = img.created === undefined ? 'N/A' : `${humanDuration(now - img.created)} ago`;
    return [repo, tag, shortId(img.id), created, humanSize(img.sizeBytes)];
  });
  return dockerTable([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows]);
}
