// `docker build` for the lab: reads a Dockerfile (FROM, COPY/ADD, RUN, EXPOSE, CMD, ENTRYPOINT,
// ENV, WORKDIR) and the build context, and decides what the image will run: the course's Node
// app when the context holds it, nginx serving the context's index.html, or the base image's
// own behaviour. The build itself is not simulated step by step.

import type { CatalogueRepository } from './catalogue.ts';
import { defaultCatalogue, findRepository, findVariant } from './catalogue.ts';
import { sha256Of } from './digest.ts';
import type { ImageApp, ImageConfig } from './image.ts';
import { IGNORES_SIGTERM, STOPS_CLEANLY, http, server } from './image.ts';
import { gettingStartedV1, gettingStartedV2 } from './apps/nodeApps.ts';
import { nginxApp } from './apps/webServers.ts';
import { genericApp } from './apps/generic.ts';
import type { BuiltImage } from './push.ts';
import { DEFAULT_TAG, familiarName, parseNormalizedNamed } from './reference.ts';

export interface BuildInput {
  /** the Dockerfile's text */
  readonly dockerfile: string;
  /** the build context: path (relative, `app.js`, `views/home.pug`) → content */
  readonly files?: Readonly<Record<string, string>>;
  readonly catalogue?: readonly CatalogueRepository[];
}

export type BuildResult = { readonly ok: true; readonly image: BuiltImage } | { readonly ok: false; readonly message: string };

interface Instruction {
  readonly op: string;
  readonly arg: string;
  readonly line: number;
}

const KNOWN = new Set([
  'FROM',
  'COPY',
  'ADD',
  'RUN',
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'WORKDIR',
  'LABEL',
  'USER',
  'ARG',
  'VOLUME',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD',
  'MAINTAINER',
]);

/** Dockerfile lines joined at trailing backslashes, comments dropped. */
export function parseDockerfile(text: string): Instruction[] | { error: string } {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    const op = m[1]!.toUpperCase();
    if (!KNOWN.has(op)) return { error: `dockerfile parse error on line ${start + 1}: unknown instruction: ${m[1]}` };
    out.push({ op, arg: m[2]!, line: start + 1 });
  }
  return out;
}

/** CMD/ENTRYPOINT in exec form (`["node", "app.js"]`) or shell form (`node app.js`). */
function commandForm(arg: string): string[] {
  try {
    const v = JSON.parse(arg) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // shell form
  }
  return ['/bin/sh', '-c', arg];
}

// Compressed sizes of common base images that are not in the catalogue.
const BASE_SIZES: readonly [RegExp, number][] = [
  [/^node:.*alpine/, 56_000_000],
  [/^node:.*slim/, 76_000_000],
  [/^node(:|$)/, 395_000_000],
  [/^python:.*slim/, 48_000_000],
  [/^python(:|$)/, 380_000_000],
];

function nodeApp(files: Readonly<Record<string, string>>, port: number): ImageApp {
  const code = Object.entries(files)
    .filter(([p]) => p.endsWith('.js'))
    .map(([, c]) => c)
    .join('\n');
  if (code.includes('express-handlebars')) return gettingStartedV2;
  if (code.includes('home.pug') || code.includes("'pug'")) return gettingStartedV1;
  const stop = code.includes('SIGTERM') ? STOPS_CLEANLY : IGNORES_SIGTERM;
  return {
    description: `Node.js app built in the lab, listening on port ${port}`,
    config: genericApp.config,
    behave: () => ({
      process: server([], stop),
      listens: [http(port)],
      serve: () => ({
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: 'Hello from a Node.js app built in the lab\n',
      }),
    }),
  };
}

/** Builds an image from a Dockerfile and its context. */
export function buildImage(input: BuildInput): BuildResult {
  const parsed = parseDockerfile(input.dockerfile);
  if ('error' in parsed) return { ok: false, message: parsed.error };
  const from = parsed.find((x) => x.op === 'FROM');
  if (!from) return { ok: false, message: 'the Dockerfile (Dockerfile) cannot be empty' };
  const baseRef = from.arg.split(/\s+/)[0]!;
  const base = parseNormalizedNamed(baseRef);
  if (!base.ok) return { ok: false, message: `failed to parse stage name "${baseRef}": ${base.error}` };
  const files = input.files ?? {};
  const family = familiarName(base.ref.name);
  const baseEntry = findRepository(input.catalogue ?? defaultCatalogue, base.ref.name);
  const baseVariant = baseEntry && findVariant(baseEntry, base.ref.tag ?? DEFAULT_TAG);
  const short = `${family}:${base.ref.tag ?? DEFAULT_TAG}`;
  const baseSize = baseVariant?.sizeBytes ?? BASE_SIZES.find(([re]) => re.test(short))?.[1] ?? 50_000_000;

  const exposed = parsed
    .filter((x) => x.op === 'EXPOSE')
    .flatMap((x) => x.arg.split(/\s+/).map((p) => Number.parseInt(p, 10)))
    .filter((p) => p > 0);
  const cmd = parsed.filter((x) => x.op === 'CMD').pop();
  const entrypoint = parsed.filter((x) => x.op === 'ENTRYPOINT').pop();
  const workdir = parsed.filter((x) => x.op === 'WORKDIR').pop();
  const steps = parsed.filter((x) => x.op === 'COPY' || x.op === 'ADD' || x.op === 'RUN');
  const contextBytes = Object.values(files).reduce((n, c) => n + c.length, 0);
  const npm = steps.some((x) => x.op === 'RUN' && /\bnpm (install|ci)\b/.test(x.arg)) ? 6_500_000 : 0;

  let app: ImageApp;
  if (family === 'node') app = nodeApp(files, exposed[0] ?? 8080);
  else if (family === 'nginx')
    app = nginxApp({ version: '1.27.3', ...(files['index.html'] !== undefined ? { page: files['index.html'] } : {}) });
  else app = baseVariant?.app ?? genericApp;

  const config: ImageConfig = {
    entrypoint: entrypoint ? commandForm(entrypoint.arg) : app.config.entrypoint,
    cmd: cmd ? commandForm(cmd.arg) : entrypoint ? [] : app.config.cmd,
    exposedPorts: exposed.length > 0 ? exposed : app.config.exposedPorts,
    ...(app.config.stopSignal !== undefined ? { stopSignal: app.config.stopSignal } : {}),
    ...(workdir ? { workingDir: workdir.arg } : app.config.workingDir !== undefined ? { workingDir: app.config.workingDir } : {}),
  };
  const content = [
    input.dockerfile,
    ...Object.keys(files)
      .sort()
      .map((k) => `${k}\n${files[k]}`),
  ].join('\n--\n');
  return {
    ok: true,
    image: {
      description: app.description,
      config,
      behave: app.behave,
      id: sha256Of(`build#${content}`),
      sizeBytes: baseSize + contextBytes + npm,
      layers: (baseSize > 20_000_000 ? 5 : 1) + steps.length,
    },
  };
}
