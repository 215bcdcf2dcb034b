// Reading manifests as kubectl does for `-f`: a file, a directory of .yaml/.yml/.json files,
// or `-` for stdin; multi-document YAML and JSON; `kind: List`. Parse errors say where
// (line and column), in kubectl's words, and never throw.

import { LineCounter, parseAllDocuments } from 'yaml';
import type { Manifest } from '../../api/objects.ts';
import { isRecord } from '../../api/objects.ts';
import type { VirtualFS } from '../vfs.ts';

export interface ManifestDoc {
  readonly manifest: Manifest;
  /** the source name as kubectl prints it in errors (`pod.yml`, `STDIN`) */
  readonly source: string;
  /** 1-based line of the document's first line in the source */
  readonly line: number;
}

export interface ManifestError {
  readonly message: string;
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
}

export type ReadResult = { ok: true; docs: ManifestDoc[] } | { ok: false; error: ManifestError };

/** Parses one YAML or JSON text into its documents (objects only; empty documents skipped). */
export function parseManifests(text: string, source: string): ReadResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ManifestDoc[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      const msg = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, error: { message: `error converting YAML to JSON: yaml: line ${pos.line}: ${lowerFirst(msg)}`, source, line: pos.line, column: pos.col } };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const line = doc.range ? lineCounter.linePos(doc.range[0]).line : 1;
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { message: `error converting YAML to JSON: yaml: ${why.includes('alias') || why.includes('Excessive') ? 'document contains excessive aliasing' : why}`, source, line, column: 1 } };
    }
    if (value === null || value === undefined) continue;
    const line = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]).line : 1;
    if (!isRecord(value)) {
      return { ok: false, error: { message: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`, source, line, column: 1 } };
    }
    if (value['kind'] === 'List' && Array.isArray(value['items'])) {
      for (const item of value['items']) if (isRecord(item)) out.push({ manifest: item, source, line });
      continue;
    }
    out.push({ manifest: value, source, line });
  }
  return { ok: true, docs: out };
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Reads every `-f` argument in order; stops at the first unreadable one. */
export function readManifestSources(files: readonly string[], stdin: string, vfs: VirtualFS, cwd: string, recursive = false): ReadResult {
  const docs: ManifestDoc[] = [];
  for (const f of files) {
    if (f === '-') {
      const r = parseManifests(stdin, 'STDIN');
      if (!r.ok) return r;
      docs.push(...r.docs);
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      return { ok: false, error: { message: `unable to read URL "${f}", server reported 404 Not Found, status code=404`, source: f } };
    }
    const path = vfs.normalize(f.replace(/^~(?=\/|$)/, '/home/learner'), cwd);
    const paths = vfs.isDir(path) ? filesIn(vfs, path, recursive) : [path];
    if (!vfs.isDir(path) && !vfs.isFile(path)) return { ok: false, error: { message: `the path "${f}" does not exist`, source: f } };
    for (const p of paths) {
      const r = parseManifests(vfs.read(p) ?? '', p === path ? f : p.slice(p.lastIndexOf('/') + 1));
      if (!r.ok) return r;
      docs.push(...r.docs);
    }
  }
  return { ok: true, docs };
}

function filesIn(vfs: VirtualFS, dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const e of vfs.list(dir)) {
    const p = `${dir === '/' ? '' : dir}/${e.name}`;
    if (e.dir) {
      if (recursive) out.push(...filesIn(vfs, p, true));
    } else if (/\.(ya?ml|json)$/.test(e.name)) out.push(p);
  }
  return out;
}
