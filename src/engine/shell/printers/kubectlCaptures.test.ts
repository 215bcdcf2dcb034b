// Replays `kubectl get` commands captured from the real kubectl 1.32 (testdata/kubectl-*.json,
// served cluster.json by a stand-in API server) through this package and compares stdout byte
// for byte. A small `get` emulation picks the objects the way the API server would list them.

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/objects.ts';
import { typeForName, resourceTypes, type ResourceType } from '../../api/resources.ts';
import { millisFromIso } from '../../clock.ts';
import { tableFor } from './columns.ts';
import { customColumnsTable } from './customColumns.ts';
import { formatObjects, listOf, nameOf } from './formats.ts';
import { executeJsonPath } from './jsonpath.ts';
import { compareStrings, joinTableGroups } from './table.ts';
import cluster from './testdata/cluster.json';
import customColumnCaptures from './testdata/kubectl-custom-columns.json';
import formatCaptures from './testdata/kubectl-formats.json';
import jsonpathCaptures from './testdata/kubectl-jsonpath.json';
import tableCaptures from './testdata/kubectl-tables.json';

const objects = cluster as unknown as KubeObject[];
const now = millisFromIso('2026-01-03T12:00:00Z')!;

/** The `all` category in kubectl's order (discovery order of the kinds that carry it). */
const ALL = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** Splits a command line as a POSIX shell would (quotes only; enough for the captures). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

interface GetCommand {
  types: ResourceType[];
  name?: string;
  output: string;
  allNamespaces: boolean;
  namespace: string;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns?: string[];
}

function parseGet(command: string): GetCommand {
  const words = shellWords(command).slice(2);
  const positional: string[] = [];
  const cmd: GetCommand = { types: [], output: '', allNamespaces: false, namespace: 'default', showLabels: false, noHeaders: false };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-o') cmd.output = words[++i]!;
    else if (w === '-A') cmd.allNamespaces = true;
    else if (w === '-n') cmd.namespace = words[++i]!;
    else if (w === '--show-labels') cmd.showLabels = true;
    else if (w === '--no-headers') cmd.noHeaders = true;
    else if (w === '-L') cmd.labelColumns = words[++i]!.split(',');
    else positional.push(w);
  }
  const names = positional[0]!.split(',').flatMap((r) => (r === 'all' ? ALL : [r]));
  cmd.types = names.map((n) => typeForName(n) ?? resourceTypes.find((t) => t.resource === n)!);
  if (positional[1]) cmd.name = positional[1];
  return cmd;
}

const key = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function list(cmd: GetCommand, type: ResourceType): KubeObject[] {
  return objects
    .filter((o) => o.kind === type.kind)
    .filter((o) => !type.namespaced || cmd.allNamespaces || o.metadata.namespace === cmd.namespace)
    .filter((o) => cmd.name === undefined || o.metadata.name === cmd.name)
    .sort((a, b) => compareStrings(key(a), key(b)));
}

interface Output {
  stdout: string;
  stderr: string;
}

const out = (stdout: string, stderr = ''): Output => ({ stdout, stderr });

function run(command: string): Output {
  const cmd = parseGet(command);
  const groups = cmd.types.map((type) => ({ type, items: list(cmd, type) }));
  const single = cmd.name !== undefined && groups.length === 1;
  const items = groups.flatMap((g) => g.items);
  if (cmd.output === 'name') return out(groups.flatMap((g) => g.items.map((o) => `${nameOf(g.type, o)}\n`)).join(''));
  if (cmd.output.startsWith('jsonpath=')) {
    const result = executeJsonPath(cmd.output.slice('jsonpath='.length), single ? items[0] : listOf(items));
    return result.ok ? out(result.output) : out('', `error: ${result.error}`);
  }
  if (cmd.output.startsWith('custom-columns=')) {
    const result = customColumnsTable(cmd.output.slice('custom-columns='.length), items, cmd.noHeaders);
    return out(result.output, result.error === undefined ? '' : `error: ${result.error}\n`);
  }
  if (cmd.output === 'yaml' || cmd.output === 'json') return out(formatObjects(cmd.output, groups[0]!.type, items, single));
  const tables = groups.map((g) =>
    tableFor(g.type, g.items, {
      wide: cmd.output === 'wide',
      showLabels: cmd.showLabels,
      allNamespaces: cmd.allNamespaces,
      noHeaders: cmd.noHeaders,
      now,
      withKindPrefix: groups.length > 1,
      ...(cmd.labelColumns ? { labelColumns: cmd.labelColumns } : {}),
    }),
  );
  const stdout = joinTableGroups(tables, cmd.noHeaders);
  if (stdout !== '') return out(stdout);
  // get.go: the message names the namespace only when every kind asked for is namespaced.
  const namespaced = !cmd.allNamespaces && cmd.types.every((t) => t.namespaced);
  return out('', namespaced ? `No resources found in ${cmd.namespace} namespace.\n` : 'No resources found\n');
}

interface Capture {
  command: string;
  stdout: string;
  stderr: string;
}

/** `{..x}` walks maps in Go's random order: only the multiset of results is stable. */
const unordered = (c: Capture): boolean => c.command.includes('{..');

const cases = (captures: Capture[]): (readonly [string, Capture])[] => captures.map((c) => [c.command, c] as const);

describe('kubectl get tables, as kubectl lays out the server table', () => {
  it.each(cases(tableCaptures.captures))('%s', (_, c) => {
    expect(run(c.command)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe('kubectl get -o yaml|json|name', () => {
  it.each(cases(formatCaptures.captures))('%s', (_, c) => {
    expect(run(c.command)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe('kubectl get -o jsonpath', () => {
  it.each(cases(jsonpathCaptures.captures))('%s', (_, c) => {
    const got = run(c.command);
    if (unordered(c)) expect(got.stdout.split(' ').sort()).toEqual(c.stdout.split(' ').sort());
    else expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe('kubectl get -o custom-columns', () => {
  it.each(cases(customColumnCaptures.captures))('%s', (_, c) => {
    expect(run(c.command)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});
