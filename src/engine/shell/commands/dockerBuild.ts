// `docker build` (BuildKit, docker 27) in the lab: reads the Dockerfile and context from the
// virtual FS, lets the registry's builder decide what the image runs, takes simulated time
// for the base image pull and the steps, and prints BuildKit's finished terminal view (each
// line padded so its duration sits at the right edge of an 80-column terminal).

import { buildImage, parseDockerfile } from '../../registry/build.ts';
import { sha256Of } from '../../registry/digest.ts';
import { dockerRefString, parseNormalizedNamed } from '../../registry/reference.ts';
import type { CommandContext, Proc } from '../process.ts';
import { sleepFor } from '../process.ts';
import type { Shell } from '../shell.ts';
import { byteLength, has, last, resolve } from './args.ts';
import { dockerArgs } from './dockerArgs.ts';
import { humanSize, localImages, localKey } from './dockerImages.ts';

const WIDTH = 80;

/** BuildKit's align(): the left text cut to fit, the right text at the edge. */
function align(left: string, right: string): string {
  const room = WIDTH - right.length - 1;
  const l = [...left].length > room ? [...left].slice(0, room).join('') : left.padEnd(room);
  return `${l} ${right}`;
}

interface Step {
  readonly text: string;
  readonly seconds: number;
  readonly sub?: readonly (readonly [string, number])[];
}

/** Every file under `dir`, relative to it: the build context. */
function contextFiles(ctx: CommandContext, dir: string): Record<string, string> {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const out: Record<string, string> = {};
  for (const [path, content] of ctx.vfs.files()) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = content;
  return out;
}

const builds = new WeakMap<Shell, { images: Set<string>; bases: Set<string> }>();

export function* dockerBuild(shell: Shell, ctx: CommandContext): Proc {
  const spec = { short: 't:f:q', long: { 'tag=': 't', 'file=': 'f', quiet: 'q', 'no-cache': 'no-cache', pull: 'pull', 'progress=': 'progress', 'platform=': 'platform', 'build-arg=': 'build-arg', 'network=': 'network' } };
  const p = dockerArgs(ctx, 'buildx build', spec);
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) {
    ctx.io.err(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`);
    return 1;
  }
  const tags: { key: string; full: string }[] = [];
  for (const t of p.opts.filter((o) => o.name === 't').map((o) => o.value)) {
    const k = localKey(t);
    const parsed = parseNormalizedNamed(t);
    if ('error' in k || !parsed.ok) {
      ctx.io.err(`ERROR: invalid tag "${t}": ${'error' in k ? k.error : 'invalid reference format'}\n`);
      return 1;
    }
    tags.push({ key: k.key, full: dockerRefString(parsed.ref) });
  }
  const dir = resolve(ctx, p.operands[0]!);
  if (!ctx.vfs.isDir(dir)) {
    ctx.io.err(`ERROR: unable to prepare context: path "${p.operands[0]!}" not found\n`);
    return 1;
  }
  const dockerfilePath = last(p, 'f') !== undefined ? resolve(ctx, last(p, 'f')!) : `${dir === '/' ? '' : dir}/Dockerfile`;
  const dockerfile = ctx.vfs.read(dockerfilePath);
  const dfName = last(p, 'f') ?? 'Dockerfile';
  const header = [align(' => [internal] load build definition from Dockerfile', '0.0s'), align(` => => transferring dockerfile: ${dockerfile === undefined ? 2 : byteLength(dockerfile)}B`, '0.0s')];
  if (dockerfile === undefined) {
    ctx.io.out(`${align('[+] Building 0.0s (1/1) FINISHED', 'docker:default')}\n${header.join('\n')}\n`);
    ctx.io.err(`ERROR: failed to solve: failed to read dockerfile: open ${dfName}: no such file or directory\n`);
    return 1;
  }
  const files = contextFiles(ctx, dir);
  const built = buildImage({ dockerfile, files });
  const instructions = parseDockerfile(dockerfile);
  if (!built.ok || 'error' in instructions) {
    ctx.io.out(`${align('[+] Building 0.0s (1/1) FINISHED', 'docker:default')}\n${header.join('\n')}\n`);
    ctx.io.err(`ERROR: failed to solve: ${built.ok ? 'dockerfile parse error' : built.message}\n`);
    return 1;
  }
  const history = builds.get(shell) ?? { images: new Set<string>(), bases: new Set<string>() };
  builds.set(shell, history);
  const cached = history.images.has(built.image.id) && !has(p, 'no-cache');
  const from = instructions.find((i) => i.op === 'FROM')!;
  const baseRef = parseNormalizedNamed(from.arg.split(/\s+/)[0]!);
  const base = baseRef.ok ? dockerRefString(baseRef.ref) : from.arg;
  const baseImage = shell.cluster.registry.inspect(from.arg.split(/\s+/)[0]!);
  const baseDigest = baseImage?.digest ?? sha256Of(`${base}#manifest`);
  const basePulled = history.bases.has(base);
  // Pulling the base at about 25 MB/s, as on a good connection.
  const baseSeconds = basePulled ? 0 : Math.max(0.5, Math.round(((baseImage?.sizeBytes ?? built.image.sizeBytes) / 25_000_000) * 10) / 10);
  const steps = instructions.filter((i) => ['COPY', 'ADD', 'RUN', 'WORKDIR'].includes(i.op));
  const n = steps.length + 1;
  const list: Step[] = [
    { text: '[internal] load build definition from Dockerfile', seconds: 0, sub: [[`transferring dockerfile: ${byteLength(dockerfile)}B`, 0]] },
    { text: `[internal] load metadata for ${base}`, seconds: basePulled ? 0.5 : 1.2 },
    ...(basePulled || !baseRef.ok || baseRef.ref.domain !== 'docker.io' ? [] : [{ text: `[auth] ${baseRef.ref.path}:pull token for registry-1.docker.io`, seconds: 0 }]),
    { text: '[internal] load .dockerignore', seconds: 0, sub: [['transferring context: 2B', 0]] },
    { text: `[1/${n}] FROM ${base}@${baseDigest}`, seconds: baseSeconds, sub: [[`resolve ${base}@${baseDigest}`, 0]] },
    { text: '[internal] load build context', seconds: 0, sub: [[`transferring context: ${humanSize(Object.values(files).reduce((s, c) => s + byteLength(c), 0), 4)}`, 0]] },
    ...steps.map((s, i): Step => ({
      text: `${cached ? 'CACHED ' : ''}[${i + 2}/${n}] ${s.op} ${s.arg}`,
      seconds: cached ? 0 : s.op === 'RUN' ? (/\bnpm (install|ci)\b/.test(s.arg) ? 4.6 : 1.1) : s.op === 'WORKDIR' ? 0 : 0.1,
    })),
  ];
  const exportSub: [string, number][] = [
    ['exporting layers', cached ? 0 : 0.2],
    [`writing image ${built.image.id}`, 0],
    ...tags.map((t): [string, number] => [`naming to ${t.full}`, 0]),
  ];
  list.push({ text: 'exporting to image', seconds: cached ? 0 : 0.2, sub: exportSub });
  const total = Math.round(list.reduce((s, x) => s + x.seconds, 0.1) * 10) / 10;
  yield sleepFor(total * 1000);

  history.images.add(built.image.id);
  history.bases.add(base);
  const store = localImages(shell);
  for (const t of tags) store.set(t.key, { id: built.image.id, sizeBytes: built.image.sizeBytes, created: shell.cluster.clock.now, image: built.image, base });
  if (tags.length === 0) store.set(`<none>@${built.image.id}`, { id: built.image.id, sizeBytes: built.image.sizeBytes, created: shell.cluster.clock.now, image: built.image, base });
  if (has(p, 'q')) {
    ctx.io.out(`${built.image.id}\n`);
    return 0;
  }
  const lines = [align(`[+] Building ${total.toFixed(1)}s (${list.length}/${list.length}) FINISHED`, 'docker:default')];
  for (const s of list) {
    lines.push(align(` => ${s.text}`, `${s.seconds.toFixed(1)}s`));
    for (const [text, secs] of s.sub ?? []) lines.push(align(` => => ${text}`, `${secs.toFixed(1)}s`));
  }
  ctx.io.out(`${lines.join('\n')}\n`);
  return 0;
}
