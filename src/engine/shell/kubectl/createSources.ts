// Where `kubectl create configmap|secret` take their data from: --from-literal=key=value,
// --from-file=[key=]path (a file, or every regular file in a directory), --from-env-file, the
// docker config JSON of a registry secret, and the cert/key pair of a TLS secret. Files are read
// from the lab's virtual file system; errors are kubectl's (pkg/cmd/create, pkg/cmd/util/env_file.go).

import { base64Encode } from '../../base64.ts';
import type { Kubectl } from './client.ts';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** validation.IsConfigMapKey. */
function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errs.push(CONFIG_KEY_MSG);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** validation.IsEnvVarName, for the keys of --from-env-file. */
function envNameErrors(key: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
    errs.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** util.ParseLiteralSource: split at the first `=`. */
function parseLiteral(source: string): [string, string] | string {
  const eq = source.indexOf('=');
  if (eq <= 0) return `invalid literal source ${source}, expected key=value`;
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
function parseFileSource(source: string): [string, string] | string {
  const n = source.split('=').length - 1;
  if (n === 0) return [source.replace(/\/+$/, '').split('/').pop() ?? source, source];
  if (n === 1 && source.startsWith('=')) return `key name for file path ${source.slice(1)} missing`;
  if (n === 1 && source.endsWith('=')) return `file path for key name ${source.slice(0, -1)} missing`;
  if (n > 1) return "key names or file paths cannot contain '='";
  const [key, path] = source.split('=') as [string, string];
  return [key, path];
}

type Entry = readonly [key: string, value: string];

function literalEntries(source: string): Entry[] | string {
  const parsed = parseLiteral(source);
  return typeof parsed === 'string' ? parsed : [parsed];
}

const resolvePath = (k: Kubectl, path: string): string => k.ctx.vfs.normalize(path.replace(/^~(?=\/|$)/, '/home/learner'), k.ctx.env.cwd);

/** The files a --from-file source names: itself, or the regular files of a directory. */
function readFileSource(k: Kubectl, source: string): Entry[] | string {
  const parsed = parseFileSource(source);
  if (typeof parsed === 'string') return parsed;
  const [key, path] = parsed;
  const abs = resolvePath(k, path);
  const vfs = k.ctx.vfs;
  if (vfs.isDir(abs)) {
    if (source.includes('=')) return 'cannot give a key name for a directory path';
    return vfs
      .list(abs)
      .filter((e) => !e.dir)
      .map((e) => [e.name, vfs.read(`${abs === '/' ? '' : abs}/${e.name}`) ?? ''] as const);
  }
  const content = vfs.read(abs);
  if (content === undefined) return `error reading ${path}: no such file or directory`;
  return [[key, content]];
}

/** cmdutil.AddFromEnvFile: `KEY=value` lines; blank lines and `#` comments skipped. */
function readEnvFile(k: Kubectl, path: string): Entry[] | string {
  const abs = resolvePath(k, path);
  if (k.ctx.vfs.isDir(abs)) return 'env config file cannot be a directory';
  const text = k.ctx.vfs.read(abs);
  if (text === undefined) return `error reading ${path}: no such file or directory`;
  const entries: Entry[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    entries.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  });
  for (const [key] of entries) {
    const errs = envNameErrors(key);
    if (errs.length) return `${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`;
  }
  return entries;
}

const sortedRecord = (m: Map<string, string>): Record<string, string> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** ConfigMap data: files first, then literals, then env files (create_configmap.go). */
export function configMapData(k: Kubectl, name: string, files: readonly string[], literals: readonly string[], envFiles: readonly string[]): Record<string, string> | string {
  const data = new Map<string, string>();
  const add = (key: string, value: string): string | undefined => {
    const errs = configKeyErrors(key);
    if (errs.length) return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(';')}`;
    if (data.has(key)) return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`;
    data.set(key, value);
    return undefined;
  };
  const sources: (() => Entry[] | string)[] = [...files.map((f) => () => readFileSource(k, f)), ...literals.map((l) => () => literalEntries(l)), ...envFiles.map((f) => () => readEnvFile(k, f))];
  for (const source of sources) {
    const entries = source();
    if (typeof entries === 'string') return entries;
    for (const [key, value] of entries) {
      const e = add(key, value);
      if (e) return e;
    }
  }
  return sortedRecord(data);
}

/** Secret data (base64): literals first, then files, then env files (create_secret.go). */
export function secretData(k: Kubectl, literals: readonly string[], files: readonly string[], envFiles: readonly string[]): Record<string, string> | string {
  const data = new Map<string, string>();
  const add = (key: string, value: string): string | undefined => {
    const errs = configKeyErrors(key);
    if (errs.length) return `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`;
    if (data.has(key)) return `cannot add key ${key}, another key by that name already exists`;
    data.set(key, base64Encode(value));
    return undefined;
  };
  for (const source of [...literals.map((l) => () => literalEntries(l)), ...files.map((f) => () => readFileSource(k, f)), ...envFiles.map((f) => () => readEnvFile(k, f))]) {
    const entries = source();
    if (typeof entries === 'string') return entries;
    for (const [key, value] of entries) {
      const e = add(key, value);
      if (e) return e;
    }
  }
  return sortedRecord(data);
}

/** handleDockerCfgJSONContent: `{"auths":{"<server>":{"username":…,"password":…,"email":…,"auth":…}}}`. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry = { ...(username ? { username } : {}), ...(password ? { password } : {}), ...(email ? { email } : {}), auth: base64Encode(`${username}:${password}`) };
  return JSON.stringify({ auths: { [server]: entry } }).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** The cert and key files of `create secret tls`, checked only for PEM blocks (tls.X509KeyPair). */
export function tlsData(k: Kubectl, certPath: string, keyPath: string): Record<string, string> | string {
  const cert = k.ctx.vfs.read(resolvePath(k, certPath));
  if (cert === undefined) return `open ${certPath}: no such file or directory`;
  const key = k.ctx.vfs.read(resolvePath(k, keyPath));
  if (key === undefined) return `open ${keyPath}: no such file or directory`;
  if (!/-----BEGIN CERTIFICATE-----/.test(cert)) return 'tls: failed to find any PEM data in certificate input';
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return 'tls: failed to find any PEM data in key input';
  return { 'tls.crt': base64Encode(cert), 'tls.key': base64Encode(key) };
}
