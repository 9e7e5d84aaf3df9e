// One lint configuration for the whole monorepo (ESLint flat config + typescript-eslint).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// date-fns's index pulls its 1,400 modules; Node 22.19+ and 24 read its 200 KB package.json for each of
// them, which took the relay 16 s and 500 MB to start (docs/decisions/0021-node-24-runtime.md).
const onlyDateFnsSubpaths = {
  name: 'date-fns',
  message: 'Import each function from its own subpath (date-fns/getISOWeek): the index costs seconds on Node 24.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-web/**', '**/test-results/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [onlyDateFnsSubpaths] }],
    },
  },
  {
    // The shared package is pure: no Node, DOM, Electron or network modules, ever.
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [onlyDateFnsSubpaths],
          patterns: [
            { group: ['node:*'], message: 'packages/shared must not use Node APIs.' },
            { group: ['electron', 'electron/*'], message: 'packages/shared must not use Electron.' },
            { group: ['socket.io*', 'better-sqlite3', 'dexie', 'react', 'pino'], message: 'packages/shared does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Benchmarks report on the terminal; tests print diagnostics when they fail.
    files: ['**/bench/**/*.ts', 'tests/**/*.ts', '**/test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '**/bin/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    rules: { 'no-console': 'off' },
  },
  {
    // The sync package runs wherever the app does (Electron's renderer, a browser, Node in the tests):
    // no React, Electron or Node modules, and none of the page's globals.
    files: ['packages/sync/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [onlyDateFnsSubpaths],
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'child_process', 'worker_threads'],
              message: 'packages/sync must not use Node APIs.',
            },
            { group: ['electron', 'electron/*'], message: 'packages/sync must not use Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'packages/sync has no UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'navigator'],
    },
  },
);
