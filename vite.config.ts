/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-yaml 5.5 imports a path that monaco-editor 0.56+ no longer exports.
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }],
  },
  worker: { format: 'es' },
  // Pre-bundled up front so the dev server does not reload the page when the editor first
  // loads them (the editor is imported lazily, after the first page load).
  optimizeDeps: { include: ['monaco-yaml', 'monaco-yaml/yaml.worker.js'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bin/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
