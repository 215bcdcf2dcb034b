// `docker` in the lab: the image half of the docker CLI 27 (build, images, tag, rmi, push,
// pull, login, logout) against the simulated registry. The lab has no Docker engine, so
// container verbs (run, ps, exec…) say so plainly and point at kubectl instead.

import type { CatalogueImage } from '../../registry/image.ts';
import type { BuiltImage } from '../../registry/push.ts';
import { hex64 } from '../../registry/digest.ts';
import { dockerRefString, familiarName, parseNormalizedNamed } from '../../registry/reference.ts';
import type { CommandContext, CommandFn, Proc } from '../process.ts';
import { sleepFor } from '../process.ts';
import type { Shell } from '../shell.ts';
import { has, labNote } from './args.ts';
import { dockerArgs } from './dockerArgs.ts';
import { dockerBuild } from './dockerBuild.ts';
import { listImages, localImages, localKey } from './dockerImages.ts';
import { dockerCredentials, dockerLogin, dockerLogout } from './dockerLogin.ts';

const IMAGE_VERBS: Readonly<Record<string, string>> = { build: 'build', ls: 'images', list: 'images', push: 'push', pull: 'pull', tag: 'tag', rm: 'rmi', remove: 'rmi' };
const ENGINE_VERBS = ['run', 'ps', 'exec', 'start', 'stop', 'restart', 'kill', 'rm', 'logs', 'attach', 'create', 'container', 'compose', 'network', 'volume', 'inspect', 'cp', 'stats', 'top', 'system', 'info'];

export function dockerCommand(shell: Shell): CommandFn {
  return (ctx) => {
    let argv = ctx.argv;
    // `docker image build …` is `docker build …`.
    if (argv[1] === 'image' && argv[2] !== undefined && IMAGE_VERBS[argv[2]] !== undefined) argv = ['docker', IMAGE_VERBS[argv[2]]!, ...argv.slice(3)];
    const c: CommandContext = { ...ctx, argv };
    switch (argv[1]) {
      case 'build':
      case 'buildx':
        return dockerBuild(shell, argv[1] === 'buildx' ? { ...c, argv: ['docker', ...argv.slice(2)] } : c);
      case 'images':
        return images(shell, c);
      case 'push':
        return push(shell, c);
      case 'pull':
        return pull(shell, c);
      case 'tag':
        return tag(shell, c);
      case 'rmi':
        return rmi(shell, c);
      case 'login':
        return dockerLogin(shell, c);
      case 'logout':
        return dockerLogout(c);
      case '--version':
      case '-v':
        c.io.out('Docker version 27.5.1, build 9f9e405\n');
        return 0;
      case undefined:
      case '--help':
      case 'help':
        c.io.out(USAGE);
        return 0;
    }
    if (ENGINE_VERBS.includes(argv[1]!) || argv[1] === 'version') {
      labNote(c, `the lab has no local Docker engine, so \`docker ${argv[1]}\` cannot run here: containers run in the cluster (try kubectl run NAME --image=IMAGE)`);
      return 1;
    }
    c.io.err(`docker: unknown command: docker ${argv[1]}\n\nRun 'docker --help' for more information\n`);
    return 1;
  };
}

const USAGE = `Usage:  docker [OPTIONS] COMMAND

The lab's docker works with images and Docker Hub; containers run in the cluster.

Commands:
  build       Build an image from a Dockerfile
  images      List images
  login       Authenticate to a registry
  logout      Log out from a registry
  pull        Download an image from a registry
  push        Upload an image to a registry
  rmi         Remove one or more images
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Run 'docker COMMAND --help' for more information on a command.
`;

function images(shell: Shell, ctx: CommandContext): number {
  const p = dockerArgs(ctx, 'images', { short: 'qa', long: { quiet: 'q', all: 'a' } });
  if (typeof p === 'number') return p;
  ctx.io.out(listImages(shell, has(p, 'q')));
  return 0;
}

function tag(shell: Shell, ctx: CommandContext): number {
  const p = dockerArgs(ctx, 'tag', { short: '' });
  if (typeof p === 'number') return p;
  if (p.operands.length !== 2) {
    ctx.io.err(`"docker tag" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n`);
    return 1;
  }
  const store = localImages(shell);
  const src = localKey(p.operands[0]!);
  const dst = localKey(p.operands[1]!);
  if ('error' in dst) {
    ctx.io.err(`Error parsing reference: "${p.operands[1]!}" is not a valid repository/tag: ${dst.error}\n`);
    return 1;
  }
  const image = 'error' in src ? undefined : store.get(src.key);
  if (!image) {
    ctx.io.err(`Error response from daemon: No such image: ${'error' in src ? p.operands[0]! : src.key}\n`);
    return 1;
  }
  store.set(dst.key, image);
  return 0;
}

function rmi(shell: Shell, ctx: CommandContext): number {
  const p = dockerArgs(ctx, 'rmi', { short: 'f', long: { force: 'f' } });
  if (typeof p === 'number') return p;
  const store = localImages(shell);
  let status = 0;
  for (const op of p.operands) {
    const k = localKey(op);
    const image = 'error' in k ? undefined : store.get(k.key);
    if ('error' in k || !image) {
      ctx.io.err(`Error response from daemon: No such image: ${'error' in k ? op : k.key}\n`);
      status = 1;
      continue;
    }
    store.delete(k.key);
    ctx.io.out(`Untagged: ${k.key}\n`);
    if (![...store.values()].some((i) => i.id === image.id)) ctx.io.out(`Deleted: ${image.id}\n`);
  }
  return status;
}

/** Short layer IDs for an image the lab only knows by size: more layers for bigger images. */
function layerIds(seed: string, sizeBytes: number): string[] {
  const count = sizeBytes > 20_000_000 ? 5 : sizeBytes > 2_000_000 ? 3 : 1;
  return Array.from({ length: count }, (_, i) => hex64(`${seed}#layer${i}`).slice(0, 12));
}

function* push(shell: Shell, ctx: CommandContext): Proc {
  const p = dockerArgs(ctx, 'push', { short: 'aq', long: { 'all-tags': 'a', quiet: 'q', 'disable-content-trust': 'dct', 'platform=': 'platform' } });
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) {
    ctx.io.err(`"docker push" requires exactly 1 argument.\nSee 'docker push --help'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n`);
    return 1;
  }
  const ref = p.operands[0]!;
  const parsed = parseNormalizedNamed(ref);
  const k = localKey(ref);
  if (!parsed.ok || 'error' in k) {
    ctx.io.err(`${parsed.ok ? 'invalid reference format' : parsed.error}\n`);
    return 1;
  }
  if (parsed.ref.tag === undefined) ctx.io.out('Using default tag: latest\n');
  ctx.io.out(`The push refers to repository [${parsed.ref.name}]\n`);
  const local = localImages(shell).get(k.key);
  if (!local) {
    ctx.io.err(`An image does not exist locally with the tag: ${familiarName(parsed.ref.name)}\n`);
    return 1;
  }
  const outcome = shell.cluster.registry.push(dockerRefString(parsed.ref), local.image, dockerCredentials(ctx));
  if (!outcome.ok) {
    ctx.io.out(layerIds(local.id, local.sizeBytes).map((id) => `${id}: Preparing\n`).join(''));
    ctx.io.err(`${outcome.message}\n`);
    return 1;
  }
  // About 10 MB/s up, and the base image's layers are mounted from its repository, not uploaded.
  yield sleepFor(Math.max(1000, Math.round(local.sizeBytes / 10_000)));
  const ownLayers = local.image.layers - (local.sizeBytes > 20_000_000 ? 5 : 1);
  const from = local.base ? parseNormalizedNamed(local.base) : undefined;
  const mountedFrom = from?.ok && from.ref.domain === 'docker.io' ? from.ref.path : undefined;
  const lines = outcome.layerIds.map((id, i) => `${id}: ${i < ownLayers || mountedFrom === undefined ? 'Pushed' : `Mounted from ${mountedFrom}`}\n`);
  ctx.io.out(`${lines.join('')}${outcome.tag}: digest: ${outcome.digest} size: ${outcome.manifestSize}\n`);
  return 0;
}

function asBuilt(image: CatalogueImage): BuiltImage {
  return { description: image.description, config: image.config, behave: image.behave, id: image.id, sizeBytes: image.sizeBytes, layers: image.sizeBytes > 20_000_000 ? 5 : 1 };
}

function* pull(shell: Shell, ctx: CommandContext): Proc {
  const p = dockerArgs(ctx, 'pull', { short: 'aq', long: { 'all-tags': 'a', quiet: 'q', 'platform=': 'platform', 'disable-content-trust': 'dct' } });
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) {
    ctx.io.err(`"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry\n`);
    return 1;
  }
  const ref = p.operands[0]!;
  const parsed = parseNormalizedNamed(ref);
  const k = localKey(ref);
  if (!parsed.ok || 'error' in k) {
    ctx.io.err(`${parsed.ok ? 'invalid reference format' : parsed.error}\n`);
    return 1;
  }
  const quiet = has(p, 'q');
  if (parsed.ref.tag === undefined && parsed.ref.digest === undefined && !quiet) ctx.io.out('Using default tag: latest\n');
  const result = shell.cluster.registry.resolve(ref, dockerCredentials(ctx));
  const shown = familiarName(parsed.ref.name);
  if (!result.ok) {
    const tagOrDigest = parsed.ref.digest ?? parsed.ref.tag ?? 'latest';
    const why =
      result.kind === 'not-found'
        ? `manifest for ${shown}:${tagOrDigest} not found: manifest unknown: manifest unknown`
        : result.kind === 'unauthorized'
          ? `Head "https://registry-1.docker.io/v2/${parsed.ref.path}/manifests/${tagOrDigest}": unauthorized: incorrect username or password`
          : `pull access denied for ${shown}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    ctx.io.err(`Error response from daemon: ${why}\n`);
    return 1;
  }
  const store = localImages(shell);
  const had = store.get(k.key);
  const upToDate = had?.id === result.image.id;
  const layers = layerIds(result.image.id, result.sizeBytes);
  if (!quiet) {
    ctx.io.out(`${parsed.ref.digest ?? parsed.ref.tag ?? 'latest'}: Pulling from ${parsed.ref.path}\n`);
    if (!upToDate) yield sleepFor(Math.max(500, Math.round(result.sizeBytes / 25_000)));
    if (!upToDate) ctx.io.out(layers.map((id) => `${id}: Pull complete\n`).join(''));
    ctx.io.out(`Digest: ${result.digest}\nStatus: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${k.key}\n`);
  } else if (!upToDate) yield sleepFor(Math.max(500, Math.round(result.sizeBytes / 25_000)));
  ctx.io.out(`${result.repoTag}\n`);
  store.set(k.key, { id: result.image.id, sizeBytes: result.sizeBytes, image: asBuilt(result.image) });
  return 0;
}
