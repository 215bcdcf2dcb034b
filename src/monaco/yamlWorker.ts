// The YAML language worker (monaco-yaml's yaml-language-server build), bundled by Vite as
// its own module worker. yamlLanguage.ts starts it and hands it its settings.

import 'monaco-yaml/yaml.worker.js';
