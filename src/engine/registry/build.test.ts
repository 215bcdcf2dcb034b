import { describe, expect, it } from 'vitest';
import { base64Encode } from '../base64.ts';
import { buildImage, parseDockerfile } from './build.ts';
import { credentialsFromDockerConfig } from './credentials.ts';
import type { BuiltImage } from './push.ts';
import { Registry } from './registry.ts';

const login = (user: string, pass: string) =>
  credentialsFromDockerConfig(JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: base64Encode(`${user}:${pass}`) } } }));

// The shape of nigelpoulton/getting-started-k8s App/v1.
const DOCKERFILE = `FROM node:current-slim

LABEL MAINTAINER=nigelpoulton@hotmail.com

# Copy source code to /src in container
COPY . /src

# Install app and dependencies into /src in container
RUN cd /src; npm install

# Document the port the app listens on
EXPOSE 8080

# Run this command (starts the app) when the container starts
CMD cd /src && node ./app.js
`;
const FILES = {
  'app.js':
    "var express = require('express'), app = express();\napp.set('view engine', 'pug');\napp.get('/', function(req, res) { res.render('home.pug', {}); });\napp.listen(8080);\n",
  'package.json': '{"dependencies":{"express":"4.17.1","pug":"3.0.2"}}',
  'views/home.pug': 'html\n  body\n    h1 Hello from Pluralsight\n',
};

function built(): BuiltImage {
  const r = buildImage({ dockerfile: DOCKERFILE, files: FILES });
  if (!r.ok) throw new Error(r.message);
  return r.image;
}

describe('docker build', () => {
  it("recognises the course's app and runs it like the published image", () => {
    const img = built();
    const b = img.behave({ hostname: 'hello-pod', startedAt: '2026-01-01T09:00:00Z' });
    expect(b.listens[0]?.port).toBe(8080);
    expect(b.process.handlesSigterm).toBe(false);
    expect(b.serve?.({ method: 'GET', path: '/' }).body).toContain('Hello from Pluralsight');
    expect(img.config.cmd).toEqual(['/bin/sh', '-c', 'cd /src && node ./app.js']);
    expect(img.config.exposedPorts).toEqual([8080]);
  });

  it('gives the same build the same image ID, and a changed file a new one', () => {
    expect(built().id).toBe(built().id);
    const other = buildImage({ dockerfile: DOCKERFILE, files: { ...FILES, 'app.js': `${FILES['app.js']}// v2\n` } });
    expect(other.ok && other.image.id).not.toBe(built().id);
  });

  it('counts the base size, the context and npm install', () => {
    expect(built().sizeBytes).toBeGreaterThan(76_000_000);
  });

  it('serves the context index.html from an nginx base', () => {
    const r = buildImage({
      dockerfile: 'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n',
      files: { 'index.html': '<h1>mine</h1>\n' },
    });
    expect(r.ok && r.image.behave({ hostname: 'h', startedAt: '2026-01-01T09:00:00Z' }).serve?.({ method: 'GET', path: '/' }).body).toBe(
      '<h1>mine</h1>\n',
    );
  });

  it('rejects unknown instructions and a Dockerfile without FROM', () => {
    expect(buildImage({ dockerfile: 'FROM node\nCOPPY . /src\n' })).toEqual({
      ok: false,
      message: 'dockerfile parse error on line 2: unknown instruction: COPPY',
    });
    expect(buildImage({ dockerfile: '# nothing\n' }).ok).toBe(false);
  });

  it('joins continued lines', () => {
    const p = parseDockerfile('RUN apt-get update && \\\n    apt-get install -y curl\n');
    expect(Array.isArray(p) && p[0]).toEqual({ op: 'RUN', arg: 'apt-get update && apt-get install -y curl', line: 1 });
  });
});

describe('docker push', () => {
  const registry = () => new Registry({ accounts: { learner: 'pw', bibble235: 'x' }, localRegistries: ['localhost:32000'] });

  it('pushes into your own namespace and the image can then be pulled', () => {
    const r = registry();
    const pushed = r.push('learner/getting-started-k8s:1.0', built(), login('learner', 'pw'));
    expect(pushed).toMatchObject({ ok: true, repository: 'docker.io/learner/getting-started-k8s', tag: '1.0' });
    const pulled = r.resolve('learner/getting-started-k8s:1.0');
    expect(pulled.ok && [pulled.known, pulled.image.pushed, pulled.digest]).toEqual([true, true, pushed.ok && pushed.digest]);
    expect(r.images().some((e) => e.pushed && e.repository === 'docker.io/learner/getting-started-k8s')).toBe(true);
  });

  it("refuses someone else's namespace, library/, and pushes without login", () => {
    const r = registry();
    const denied = { ok: false, message: 'denied: requested access to the resource is denied' };
    expect(r.push('nigelpoulton/getting-started-k8s:1.0', built(), login('learner', 'pw'))).toEqual(denied);
    expect(r.push('nginx:mine', built(), login('learner', 'pw'))).toEqual(denied);
    expect(r.push('learner/app:1', built(), [])).toEqual(denied);
    expect(r.push('learner/app:1', built(), login('learner', 'bad'))).toEqual({
      ok: false,
      message: 'unauthorized: incorrect username or password',
    });
  });

  it('pushes to a local registry without credentials', () => {
    const r = registry();
    expect(r.push('localhost:32000/app:v1', built()).ok).toBe(true);
    expect(r.resolve('localhost:32000/app:v1').ok).toBe(true);
    expect(r.resolve('localhost:32000/other:v1')).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('makes a private repository pullable only with the owner credentials', () => {
    const r = registry();
    r.push('learner/secret-app:1', built(), login('learner', 'pw'), { private: true });
    expect(r.resolve('learner/secret-app:1')).toMatchObject({ ok: false, kind: 'access-denied' });
    expect(r.resolve('learner/secret-app:1', login('learner', 'pw')).ok).toBe(true);
    r.setPrivate('learner/secret-app', false);
    expect(r.resolve('learner/secret-app:1').ok).toBe(true);
  });

  it('reports a missing tag of a pushed repository as not found', () => {
    const r = registry();
    r.push('learner/app:1.0', built(), login('learner', 'pw'));
    expect(r.resolve('learner/app:1.1')).toMatchObject({
      ok: false,
      kind: 'not-found',
      hint: 'learner/app has no tag 1.1: did you mean learner/app:1.0?',
    });
  });
});
