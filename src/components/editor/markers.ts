// Turns kubectl apply's error messages into editor markers on the right line: YAML syntax
// errors carry `yaml: line N`; API errors name a field path (`spec.containers[0].image`,
// `unknown field "…"`, Go's `struct field Container.spec.containers.image`) that we find in
// the manifest with the yaml package's source ranges.

import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';

export interface ErrorMarker {
  /** 1-based */
  readonly line: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message: string;
}

type Segment = string | number;

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image'] */
export function pathSegments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

interface Found {
  readonly depth: number;
  readonly start: number;
  readonly end: number;
}

/** The deepest node along `segs`; a name where a list stands searches the list's items. */
function locate(node: unknown, segs: readonly Segment[], depth: number, here: Found): Found {
  if (depth === segs.length) return here;
  const seg = segs[depth]!;
  if (isMap(node) && typeof seg === 'string') {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
    if (!pair || !isScalar(pair.key) || !pair.key.range) return here;
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1];
    const keyEnd = pair.key.range[1];
    const found = { depth: depth + 1, start: pair.key.range[0], end: isScalar(pair.value) && valueEnd !== undefined ? valueEnd : keyEnd };
    return locate(pair.value, segs, depth + 1, found);
  }
  if (isSeq(node)) {
    if (typeof seg === 'number') {
      const item = node.items[seg] as { range?: [number, number, number] } | undefined;
      if (!item?.range) return here;
      return locate(item, segs, depth + 1, { depth: depth + 1, start: item.range[0], end: item.range[0] });
    }
    let best = here;
    for (const item of node.items) {
      const f = locate(item, segs, depth, here);
      if (f.depth > best.depth) best = f;
      if (f.depth === segs.length) break;
    }
    return best;
  }
  return here;
}

/** The document an API error is about: by kind and name when the message says, else the first. */
function pickDocument(docs: readonly Document.Parsed[], kind: string | undefined, name: string | undefined): Document.Parsed | undefined {
  const objects = docs.filter((d) => isMap(d.contents));
  const score = (d: Document.Parsed): number => {
    const js = d.toJS({ maxAliasCount: 100 }) as { kind?: unknown; metadata?: { name?: unknown } } | null;
    return (kind && js?.kind === kind ? 2 : 0) + (name && js?.metadata?.name === name ? 1 : 0);
  };
  try {
    return [...objects].sort((a, b) => score(b) - score(a))[0];
  } catch {
    return objects[0];
  }
}

/** The field paths an API error names, in order. */
export function fieldPaths(message: string): string[] {
  const paths: string[] = [];
  for (const m of message.matchAll(/unknown field "([^"]+)"/g)) paths.push(m[1]!);
  for (const m of message.matchAll(/Go struct field \w+\.([\w.]+) of type/g)) paths.push(m[1]!);
  const invalid = /is invalid: \[?(.*)$/.exec(message);
  if (invalid) {
    for (const m of invalid[1]!.matchAll(/(?:^|, )([a-zA-Z][\w.[\]/-]*): (?:Required value|Invalid value|Unsupported value|Duplicate value|Forbidden|Too long|Too many|Not found|Internal error)/g)) {
      paths.push(m[1]!);
    }
  }
  return paths;
}

export function kubectlErrorMarkers(stderr: string, content: string): ErrorMarker[] {
  const markers: ErrorMarker[] = [];
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  for (const raw of stderr.split('\n')) {
    const message = raw.trim();
    if (!message) continue;
    const yamlLine = /yaml: line (\d+):/.exec(message);
    if (yamlLine) {
      markers.push({ line: Number(yamlLine[1]), message });
      continue;
    }
    const paths = fieldPaths(message);
    if (!paths.length) continue;
    const kind = /(?:^|: )(\w+) in version "/.exec(message)?.[1] ?? /^The (\w+) "/.exec(message)?.[1];
    const name = /^The \w+ "([^"]+)"/.exec(message)?.[1];
    const doc = pickDocument(list, kind, name);
    if (!doc) continue;
    const docStart = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    for (const path of paths) {
      const found = locate(doc.contents, pathSegments(path), 0, { depth: 0, start: docStart, end: docStart });
      const from = lineCounter.linePos(found.start);
      const to = lineCounter.linePos(found.end);
      markers.push({
        line: from.line,
        column: from.col,
        ...(to.line === from.line && found.end > found.start ? { endColumn: to.col } : {}),
        message: found.depth === pathSegments(path).length ? message : `${message} (${path} is missing here)`,
      });
    }
  }
  return markers;
}
