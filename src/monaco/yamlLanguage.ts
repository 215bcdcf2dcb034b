// YAML validation, completion and hover for Monaco through monaco-yaml, with the Kubernetes
// schema. monaco-yaml 5.5 still calls monaco's pre-0.53 `createWebWorker({moduleId,
// createData})` (monaco-yaml #272), so we start its worker ourselves and pass the new form.

import * as monaco from 'monaco-editor/editor/editor.api';
import { configureMonacoYaml } from 'monaco-yaml';
import type { MonacoYaml } from 'monaco-yaml';
import YamlWorker from './yamlWorker.ts?worker';
import type { JsonSchema } from './kubernetesSchema.ts';

export const SCHEMA_URI = 'https://kubelab.local/schemas/kubernetes-manifest.json';

/**
 * monaco-worker-manager's worker side takes two messages before the editor protocol starts:
 * the first installs its handler, the second carries the settings (`createData`).
 */
function createYamlWebWorker(opts: { createData?: unknown }): monaco.editor.MonacoWebWorker<object> {
  const worker = new YamlWorker({ name: 'yaml' });
  worker.postMessage('start');
  worker.postMessage(opts.createData ?? {});
  return monaco.editor.createWebWorker({ worker, keepIdleModels: true });
}

export function configureYaml(schema: JsonSchema): MonacoYaml {
  const patched = {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: createYamlWebWorker },
  };
  return configureMonacoYaml(patched as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: true },
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yml', '**/*.yaml'], schema: schema as never }],
  });
}
