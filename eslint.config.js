// One lint configuration for the whole monorepo (ESLint flat config + typescript-eslint).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// date-fns's index pulls its 1,400 modules; Node 22.19+ and 24 read its 200 KB package.json for each of
// them, which took the relay 16 s and 500 MB to start (docs/decisions/0021-node-24-runtime.md).
const onlyDateFnsSubpaths = {
  name: 'date-fns',
  message: 'Import each function from its own subpath (date-fns/getISOWeek): the index costs seconds on Node 24.',
};

// Process fences (docs/decisions/0026-process-fences-and-typed-lint.md): each names the modules a part
// of the code may not import, as `no-restricted-imports` paths (exact names) and patterns.
const fence = {
  node: (who) => ({
    paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: `${who} must not use Node APIs.` })),
    patterns: [{ group: ['node:*'], message: `${who} must not use Node APIs.` }],
  }),
  electron: (who) => ({ patterns: [{ group: ['electron', 'electron/*'], message: `${who} must not use Electron.` }] }),
  react: (who) => ({
    patterns: [
      { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-i18next', '@tanstack/react-*'], message: `${who} has no React.` },
    ],
  }),
  dexie: (who) => ({ patterns: [{ group: ['dexie', 'dexie/*'], message: `${who} has no browser database (Dexie).` }] }),
  // Relative imports that climb into another process's directory of apps/desktop/src.
  process: (who, ...processes) => ({
    patterns: [
      {
        regex: `^(\\.\\./)+(${processes.join('|')})(/|$)`,
        message: `${who} must not import the code of another process (${processes.join(', ')}); share through src/ipc.`,
      },
    ],
  }),
};

/** The `no-restricted-imports` rule of an area: the date-fns rule every area keeps, plus its fences. */
function restrictedImports(...fences) {
  return [
    'error',
    {
      paths: [onlyDateFnsSubpaths, ...fences.flatMap((rule) => rule.paths ?? [])],
      patterns: fences.flatMap((rule) => rule.patterns ?? []),
    },
  ];
}

const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB'];
const nodeGlobals = ['process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global'];

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
      'no-restricted-imports': restrictedImports(),
    },
  },
  {
    // Promises typed by the compiler: none left floating, none handed where nothing waits for it, no
    // `await` on what is not one (docs/decisions/0026-process-fences-and-typed-lint.md says why only these).
    files: ['**/*.{ts,tsx,mts,cts}'],
    ignores: ['**/*.d.mts'],
    languageOptions: {
      parserOptions: {
        // Each file is typed by the tsconfig.json of its package; the vitest configs outside any `include` by a default project.
        projectService: { allowDefaultProject: ['packages/*/vitest.config.ts', 'apps/relay/vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The repository's scripts have no tsconfig.json of their own: tests/tsconfig.json types them.
    files: ['scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tests/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The shared package is pure: no Node, DOM, Electron or network modules, ever.
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        fence.node('packages/shared'),
        fence.electron('packages/shared'),
        fence.react('packages/shared'),
        {
          patterns: [{ group: ['socket.io*', 'better-sqlite3', 'dexie', 'pino'], message: 'packages/shared does no I/O.' }],
        },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'fetch'],
    },
  },
  {
    // Electron's main process: Node and Electron, never React nor the code of the page or the preload.
    files: ['apps/desktop/src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        fence.react('The main process'),
        fence.dexie('The main process'),
        fence.process('The main process', 'renderer', 'preload'),
      ),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    // The preload only bridges: contextBridge and ipcRenderer over the src/ipc contract.
    files: ['apps/desktop/src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        fence.node('The preload'),
        fence.react('The preload'),
        fence.dexie('The preload'),
        fence.process('The preload', 'renderer', 'main'),
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer'],
              message: 'The preload uses only contextBridge and ipcRenderer.',
            },
          ],
        },
      ),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    // The page (also the web client): DOM and React; the native side only through `window.contactDesk`.
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictedImports(
        fence.node('The page'),
        fence.electron('The page (use the typed window.contactDesk API)'),
        fence.process('The page', 'main', 'preload'),
      ),
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    // The IPC contract and the enrollment exchange are shared by main, preload and page: pure code.
    files: ['apps/desktop/src/ipc/**/*.ts', 'apps/desktop/src/enrollment/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        fence.node('The IPC contract'),
        fence.electron('The IPC contract'),
        fence.react('The IPC contract'),
        fence.dexie('The IPC contract'),
        fence.process('The IPC contract', 'main', 'preload', 'renderer'),
      ),
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals],
    },
  },
  {
    // Exports run in the page, in a worker and in the relay: no Electron, React or Dexie.
    files: ['packages/exports/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        fence.electron('packages/exports'),
        fence.react('packages/exports'),
        fence.dexie('packages/exports'),
      ),
    },
  },
  {
    // The relay is a Node server: no page, no Electron, no browser database.
    files: ['apps/relay/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(fence.electron('The relay'), fence.react('The relay'), fence.dexie('The relay')),
      'no-restricted-globals': ['error', ...domGlobals],
    },
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
      'no-restricted-imports': restrictedImports(
        fence.node('packages/sync'),
        fence.electron('packages/sync'),
        fence.react('packages/sync'),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', ...nodeGlobals],
    },
  },
);
