// `docker login` and `docker logout` against the lab's Docker Hub (the simulated registry),
// with docker CLI 27's prompts, warnings and config file: ~/.docker/config.json written as
// json.MarshalIndent(…, "", "\t") does, tabs and no final newline (cli/config/configfile).

import { base64Encode } from '../../base64.ts';
import type { Credential } from '../../registry/credentials.ts';
import { credentialsFromDockerConfig } from '../../registry/credentials.ts';
import { DEFAULT_ACCOUNTS } from '../../registry/registry.ts';
import type { CommandContext } from '../process.ts';
import type { Shell } from '../shell.ts';
import { HOME } from '../vfs.ts';
import { has, labNote, last } from './args.ts';
import { dockerArgs } from './dockerArgs.ts';

export const INDEX_SERVER = 'https://index.docker.io/v1/';
/** The lab's own Docker Hub account: the seed notes' user, owner of the private bibble images. */
export const LAB_ACCOUNT = 'bibble235';

const REGISTER_SUGGEST =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST =
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

export const configPath = (ctx: CommandContext): string => `${ctx.env.vars.get('HOME') ?? HOME}/.docker/config.json`;

type ConfigFile = Record<string, unknown> & { auths: Record<string, Record<string, unknown>> };

function readConfig(ctx: CommandContext): ConfigFile {
  const text = ctx.vfs.read(configPath(ctx));
  try {
    const v = text === undefined ? {} : (JSON.parse(text) as unknown);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const auths = typeof o['auths'] === 'object' && o['auths'] !== null ? (o['auths'] as ConfigFile['auths']) : {};
      return { ...o, auths };
    }
  } catch {
    // a broken file is replaced, as docker does when it saves
  }
  return { auths: {} };
}

/** Go's json.MarshalIndent with a tab: `{}` for empty objects, keys in the order given. */
function goJson(v: unknown, indent = ''): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return Array.isArray(v) ? '[]' : '{}';
  const inner = `${indent}\t`;
  const body = entries.map(([k, x]) => `${inner}${Array.isArray(v) ? '' : `${JSON.stringify(k)}: `}${goJson(x, inner)}`).join(',\n');
  return Array.isArray(v) ? `[\n${body}\n${indent}]` : `{\n${body}\n${indent}}`;
}

function writeConfig(ctx: CommandContext, config: ConfigFile): void {
  const { auths, ...rest } = config;
  ctx.vfs.write(configPath(ctx), goJson({ auths, ...rest }));
}

/** The credentials docker would send, read back from config.json (so hand edits count). */
export function dockerCredentials(ctx: CommandContext): Credential[] {
  const text = ctx.vfs.read(configPath(ctx));
  return text === undefined ? [] : credentialsFromDockerConfig(text, configPath(ctx));
}

/** The account logged in to Docker Hub, if any. */
export function hubUser(ctx: CommandContext): string | undefined {
  return dockerCredentials(ctx).find((c) => c.registry === 'index.docker.io')?.username;
}

const created = new WeakMap<Shell, Set<string>>();

/** Accounts the lab's Docker Hub knows: its own, and any a learner signed up for here. */
function knownAccount(shell: Shell, user: string): boolean {
  return user in DEFAULT_ACCOUNTS || (created.get(shell)?.has(user) ?? false);
}

export function dockerLogin(shell: Shell, ctx: CommandContext): number {
  const p = dockerArgs(ctx, 'login', { short: 'u:p:', long: { 'username=': 'u', 'password=': 'p', 'password-stdin': 'password-stdin' } });
  if (typeof p === 'number') return p;
  if (p.operands.length > 1) {
    ctx.io.err(`"docker login" requires at most 1 argument.\nSee 'docker login --help'.\n\nUsage:  docker login [OPTIONS] [SERVER]\n\nAuthenticate to a registry\n`);
    return 1;
  }
  const server = p.operands[0];
  if (server !== undefined && !/^(https?:\/\/)?(index\.)?docker\.io(\/v1\/?)?$|^registry-1\.docker\.io$/.test(server)) {
    labNote(ctx, `the lab's network has Docker Hub only; it cannot reach ${server}`);
    ctx.io.err(`Error response from daemon: Get "https://${server.replace(/^https?:\/\//, '')}/v2/": dial tcp: lookup ${server.replace(/^https?:\/\//, '').split('/')[0]}: no such host\n`);
    return 1;
  }
  let user = last(p, 'u');
  let password = last(p, 'p');
  if (has(p, 'password-stdin')) {
    if (password !== undefined) return fail(ctx, 'conflicting options: cannot specify both --password and --password-stdin');
    if (user === undefined) return fail(ctx, 'the --password-stdin option requires --username to be set');
    password = ctx.io.stdin.replace(/\n$/, '').replace(/\r$/, '');
  }
  if (user === '') return fail(ctx, 'username is empty');
  if (password === '') return fail(ctx, 'password is empty');
  if (p.opts.some((o) => o.name === 'p')) ctx.io.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');

  const config = readConfig(ctx);
  const stored = dockerCredentials(ctx).find((c) => c.registry === 'index.docker.io');
  if (user === undefined && password === undefined && stored && shell.cluster.registry.checkPassword(stored.username, stored.password)) {
    ctx.io.err(`Authenticating with existing credentials... [Username: ${stored.username}]\n\ni Info → To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n`);
    ctx.io.out('Login Succeeded\n');
    return 0;
  }
  if (user === undefined || password === undefined) {
    // The lab's terminal has no hidden-input prompt: answer as the lab account, or stop as docker does without a TTY.
    if ((user ?? LAB_ACCOUNT) !== LAB_ACCOUNT) {
      labNote(ctx, 'the lab cannot prompt for a password: use -p PASSWORD or --password-stdin');
      return fail(ctx, 'Error: Cannot perform an interactive login from a non TTY device');
    }
    labNote(ctx, `the lab has no keyboard prompt here; answering as the lab's Docker Hub account ${LAB_ACCOUNT}`);
    if (user === undefined) ctx.io.out(`${REGISTER_SUGGEST}\n${PAT_SUGGEST}\n\nUsername: ${LAB_ACCOUNT}\n`);
    ctx.io.out('Password: \n');
    user = LAB_ACCOUNT;
    password = DEFAULT_ACCOUNTS[LAB_ACCOUNT]!;
  }
  const registry = shell.cluster.registry;
  if (!registry.checkPassword(user, password)) {
    if (knownAccount(shell, user)) {
      ctx.io.err('Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n');
      return 1;
    }
    registry.addAccount(user, password);
    created.set(shell, (created.get(shell) ?? new Set()).add(user));
    labNote(ctx, `the lab's Docker Hub had no account ${user}; it made one with this password`);
  }
  config.auths[INDEX_SERVER] = { auth: base64Encode(`${user}:${password}`) };
  writeConfig(ctx, config);
  ctx.io.err(`\nWARNING! Your credentials are stored unencrypted in '${configPath(ctx)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  ctx.io.out('Login Succeeded\n');
  return 0;
}

function fail(ctx: CommandContext, message: string): number {
  ctx.io.err(`${message}\n`);
  return 1;
}

export function dockerLogout(ctx: CommandContext): number {
  const p = dockerArgs(ctx, 'logout', { short: '' });
  if (typeof p === 'number') return p;
  const config = readConfig(ctx);
  const key = Object.keys(config.auths).find((k) => k === INDEX_SERVER || /^(https?:\/\/)?(index\.)?docker\.io/.test(k));
  if (key === undefined) {
    ctx.io.out(`Not logged in to ${INDEX_SERVER}\n`);
    return 0;
  }
  ctx.io.out(`Removing login credentials for ${INDEX_SERVER}\n`);
  delete config.auths[key];
  writeConfig(ctx, config);
  return 0;
}
