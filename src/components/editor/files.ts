// The editor's file rules: names a learner may give a manifest, the next suggested name, the
// starter pod from the seed notes, and YAML ⇄ JSON conversion (what the seed did with
// `yq eval -j`; a multi-document YAML becomes a kubectl-style `kind: List`).

import { parseAllDocuments, stringify } from 'yaml';
import { HOME } from '../../state/labStore.ts';

/**
 * The seed notes' first manifest, so Apply works straight away. The notes misspell the image
 * (`nigelpulton/…`), which the simulated registry answers with ImagePullBackOff as Docker Hub
 * would; the starter uses the real name so the first Apply ends Running.
 */
export const STARTER_POD = `apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: web
spec:
  containers:
    - name: web-ctr
      image: nigelpoulton/getting-started-k8s:1.0
      ports:
        - containerPort: 8080
`;

const SUGGESTED = ['pod.yml', 'svc.yml', 'deploy.yml', 'rs.yml', 'configmap.yml', 'secret.yml', 'ns.yml', 'hpa.yml'];

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const homePath = (name: string): string => `${HOME}/${name}`;

/** The first suggested name not taken yet. */
export function nextFileName(existing: readonly string[]): string {
  const taken = new Set(existing.map(baseName));
  const free = SUGGESTED.find((n) => !taken.has(n));
  if (free) return free;
  for (let i = 2; ; i++) if (!taken.has(`manifest-${i}.yml`)) return `manifest-${i}.yml`;
}

/** Why `name` cannot be used, or null when it can. */
export function fileNameProblem(name: string, existing: readonly string[], renaming?: string): string | null {
  if (!name) return 'Give the file a name, e.g. pod.yml.';
  if (name.includes('/')) return 'Use a plain file name without "/": files live in your home directory.';
  if (name.startsWith('.')) return 'Hidden files (starting with ".") are not shown in the editor.';
  if (!/^[\w.-]+$/.test(name)) return 'Use letters, digits, ".", "-" and "_" only.';
  if (!/\.(ya?ml|json)$/i.test(name)) return 'End the name with .yml, .yaml or .json so kubectl knows how to read it.';
  if (name !== renaming && existing.some((p) => baseName(p) === name)) return `${name} already exists.`;
  return null;
}

export const isJsonName = (path: string): boolean => /\.json$/i.test(path);

/** `pod.yml` → `pod.json`, `pod.json` → `pod.yml` */
export function convertedName(path: string): string {
  return isJsonName(path) ? path.replace(/\.json$/i, '.yml') : path.replace(/\.ya?ml$/i, '') + '.json';
}

export type Conversion = { readonly ok: true; readonly content: string } | { readonly ok: false; readonly error: string };

export function convertManifest(path: string, text: string): Conversion {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const problem = list.flatMap((d) => d.errors)[0];
  if (problem) return { ok: false, error: `Cannot convert ${baseName(path)}: ${problem.message.split('\n')[0]}` };
  let values: unknown[];
  try {
    values = list.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  } catch (e) {
    return { ok: false, error: `Cannot convert ${baseName(path)}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isJsonName(path)) {
    const value = values.length === 1 ? values[0] : { apiVersion: 'v1', kind: 'List', items: values };
    return { ok: true, content: `${JSON.stringify(value, null, 2)}\n` };
  }
  const value = values[0] as { kind?: unknown; items?: unknown } | undefined;
  const items = values.length === 1 && value?.kind === 'List' && Array.isArray(value.items) ? (value.items as unknown[]) : values;
  return { ok: true, content: items.map((v) => stringify(v)).join('---\n') };
}
