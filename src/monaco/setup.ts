// The lazily loaded Monaco editor for the lab's manifests: the editor core with its standard
// features, YAML (monaco-yaml) and JSON with the Kubernetes schema, workers through
// Vite `?worker`. Loaded only by a dynamic import from the manifest editor.

import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import rawDefinitions from '../engine/api/schema/definitions.json' with { type: 'json' };
import { buildKubernetesSchema } from './kubernetesSchema.ts';
import type { JsonSchema } from './kubernetesSchema.ts';
import { SCHEMA_URI, configureYaml } from './yamlLanguage.ts';
import { createEditorHandle } from './editorHandle.ts';

export type { EditorHandle, EditorOptions, LineMarker } from './editorHandle.ts';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker({ name: 'json' }) : new EditorWorker({ name: label })),
};

const schema = buildKubernetesSchema(rawDefinitions as unknown as { definitions: Record<string, JsonSchema> });
configureYaml(schema);
jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.json'], schema }],
});

export const mountEditor = createEditorHandle;
