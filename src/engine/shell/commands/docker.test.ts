import { describe, expect, it } from 'vitest';
import { base64Encode } from '../../base64.ts';
import { DEFAULT_ACCOUNTS } from '../../registry/registry.ts';
import { testShell } from './testShell.ts';

const LAB_AUTH = base64Encode(`bibble235:${DEFAULT_ACCOUNTS['bibble235']!}`);

function clonedApp(): ReturnType<typeof testShell> {
  const s = testShell();
  s.run('git clone https://github.com/nigelpoulton/getting-started-k8s.git && cd getting-started-k8s/App');
  return s;
}

describe('docker login', () => {
  it("signs in as the lab's account and writes config.json with tabs, as docker does", () => {
    const { run } = testShell();
    const r = run('docker login');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
        'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n' +
        'Username: bibble235\nPassword: \nLogin Succeeded\n',
    );
    expect(r.err).toContain("WARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\n");
    expect(run('cat ~/.docker/config.json').out).toBe(`{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "${LAB_AUTH}"\n\t\t}\n\t}\n}`);
  });

  it('reuses stored credentials the second time', () => {
    const { run } = testShell();
    run('docker login');
    const r = run('docker login');
    expect(r.err).toContain('Authenticating with existing credentials... [Username: bibble235]');
    expect(r.out).toBe('Login Succeeded\n');
  });

  it('rejects a wrong password for a known account', () => {
    const r = testShell().run('docker login -u bibble235 -p wrong');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n',
    );
  });

  it('signs a new learner account up, and takes the password from stdin', () => {
    const { run } = testShell();
    const r = run('echo s3cret | docker login -u alice --password-stdin');
    expect(r.out).toBe('Login Succeeded\n');
    expect(r.err).toContain("kubelab: the lab's Docker Hub had no account alice");
    expect(run('docker logout').out).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(run('cat ~/.docker/config.json').out).toBe('{\n\t"auths": {}\n}');
    expect(run('echo wrong | docker login -u alice --password-stdin').code).toBe(1);
  });
});

describe('docker build', () => {
  it('builds the course app from its Dockerfile and lists it in docker images', () => {
    const { run } = clonedApp();
    const r = run('docker image build -t nigelpulton/getting-started-k8s:1.0 .');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^\[\+\] Building \d+\.\ds \(9\/9\) FINISHED {2,}docker:default$/);
    expect(lines.every((l) => l.length === 0 || l.length === 80)).toBe(true);
    expect(r.out).toContain(' => [internal] load metadata for docker.io/library/node:current-slim');
    expect(r.out).toContain(' => [2/3] COPY . /src ');
    expect(r.out).toContain(' => [3/3] RUN cd /src; npm install ');
    expect(r.out).toContain(' => => naming to docker.io/nigelpulton/getting-started-k8s:1.0 ');
    const images = run('docker images').out.split('\n');
    expect(images[0]).toMatch(/^REPOSITORY {24}TAG {7}IMAGE ID {7}CREATED +SIZE$/);
    expect(images[1]).toMatch(/^nigelpulton\/getting-started-k8s {3}1\.0 {7}[0-9a-f]{12} {3}Less than a second ago {3}\d+(\.\d)?MB$/);
    expect(run('sleep 120; docker images').out.split('\n')[1]).toContain('   2 minutes ago   ');
  });

  it('uses the cache when the same build runs again', () => {
    const { run } = clonedApp();
    run('docker build -t web:1 .');
    expect(run('docker build -t web:1 .').out).toContain(' => CACHED [2/3] COPY . /src ');
  });

  it('fails like BuildKit without a Dockerfile or a context', () => {
    const { run } = testShell();
    expect(run('mkdir empty && docker build -t x empty').err).toBe('ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n');
    expect(run('docker build -t x nowhere').err).toBe('ERROR: unable to prepare context: path "nowhere" not found\n');
  });
});

describe('docker push', () => {
  it('cannot push a tag that was never built (the seed notes typo)', () => {
    const { run } = clonedApp();
    run('docker image build -t nigelpulton/getting-started-k8s:1.0 .');
    expect(run('docker image push nigelpoulton/getting-started-k8s:1.0')).toEqual({
      out: 'The push refers to repository [docker.io/nigelpoulton/getting-started-k8s]\n',
      err: 'An image does not exist locally with the tag: nigelpoulton/getting-started-k8s\n',
      code: 1,
    });
  });

  it("is denied in someone else's namespace, and when not logged in", () => {
    const { run } = clonedApp();
    run('docker build -t nigelpoulton/getting-started-k8s:1.0 -t bibble235/web:1.0 .');
    const denied = run('docker push nigelpoulton/getting-started-k8s:1.0');
    expect(denied.out).toMatch(/^The push refers to repository \[docker\.io\/nigelpoulton\/getting-started-k8s\]\n([0-9a-f]{12}: Preparing\n)+$/);
    expect(denied.err).toBe('denied: requested access to the resource is denied\n');
    expect(run('docker push bibble235/web:1.0').err).toBe('denied: requested access to the resource is denied\n');
  });

  it('pushes into your own namespace, and the cluster can then pull it', () => {
    const { shell, run } = clonedApp();
    run('docker login && docker build -t bibble235/web:1.0 .');
    const r = run('docker push bibble235/web:1.0');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^The push refers to repository \[docker\.io\/bibble235\/web\]\n/);
    expect(r.out).toMatch(/[0-9a-f]{12}: Pushed\n/);
    expect(r.out).toMatch(/[0-9a-f]{12}: Mounted from library\/node\n/);
    expect(r.out).toMatch(/\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    expect(shell.cluster.registry.resolve('bibble235/web:1.0').ok).toBe(true);
  });
});

describe('docker tag, pull and the engine verbs', () => {
  it('tags a built image under a new name', () => {
    const { run } = clonedApp();
    run('docker build -t web .');
    expect(run('docker tag web bibble235/web:2.0 && docker images --quiet').out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run('docker tag nope x').err).toBe('Error response from daemon: No such image: nope:latest\n');
  });

  it('pulls from the registry and reports denied private images', () => {
    const { run } = testShell();
    const r = run('docker pull nginx');
    expect(r.out).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    expect(run('docker pull nginx').out).toContain('Status: Image is up to date for nginx:latest\n');
    expect(run('docker pull bibble235/bibbleweb:0.0.1').err).toBe(
      "Error response from daemon: pull access denied for bibble235/bibbleweb, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
  });

  it('says plainly that containers do not run locally', () => {
    const r = testShell().run('docker run nginx');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kubelab: the lab has no local Docker engine/);
  });
});
