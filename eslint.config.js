import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const wallClock = [
  { name: 'Date', message: 'The engine reads time from the simulated clock (clock.ts).' },
  { name: 'setTimeout', message: 'The engine schedules work on its event queue (clock.ts).' },
  { name: 'setInterval', message: 'The engine schedules work on its event queue (clock.ts).' },
  { name: 'requestAnimationFrame', message: 'The UI owns the frame loop, not the engine.' },
  { name: 'performance', message: 'The engine reads time from the simulated clock (clock.ts).' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'bin/kubelab.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/components/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...wallClock],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator (random.ts).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'zustand', 'zustand/*', 'd3*', 'monaco-editor*', '@xterm/*'], message: 'The engine knows nothing of the UI.' },
            { group: ['**/state/**', '**/components/**', '**/viz/**', '**/lessons/**'], message: 'The engine never imports from the layers above it.' },
          ],
        },
      ],
    },
  },
);
