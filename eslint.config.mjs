// Lint enforces the architecture (docs/ARCHITECTURE.md), not only style:
// - only electron/main/** and electron/preload/** may import 'electron';
// - raw ipcMain / ipcRenderer appear only in the typed wrappers;
// - the renderer, electron/ipc/** (the contract) and electron/shared/** (pure rules main, the CLI and
//   the window share) reach neither Node nor main-process code; electron/ipc/** imports nothing
//   outside itself, electron/shared/** nothing but itself and electron/ipc/**;
// - inside electron/core, only the composition root (app/services.ts, app/handlers*) imports it;
// - no console.log in app code.
// Runtime import cycles are found by scripts/import-cycles.mjs (npm run lint, and a unit test).
// Type-unaware rules only, so it stays fast.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// test/support/electron is the tests' stand-in for Electron itself: it implements Electron's types.
const ELECTRON_ALLOWED = ['electron/main/**', 'electron/preload/**', 'test/support/electron/**'];
const IPC_WRAPPERS = ['electron/main/ipcBinding.ts', 'electron/preload/index.ts', 'test/support/electron/**'];

const electronImportBan = {
  paths: [{ name: 'electron', message: 'Only electron/main/** and electron/preload/** may import electron ' }],
  patterns: [
    {
      group: ['electron/*', '@electron/*'],
      message: 'Only electron/main/** and electron/preload/** may use Electron ',
    },
  ],
};

// Browser-side code: the renderer, and the contract it shares with main.
const browserImportBan = {
  paths: [
    ...electronImportBan.paths,
    ...builtinModules
      .filter((name) => !name.startsWith('_') && !name.includes('/'))
      .map((name) => ({ name, message: 'The renderer runs in a sandbox without Node; ask main through the preload API.' })),
  ],
  patterns: [
    ...electronImportBan.patterns,
    { group: ['node:*'], message: 'The renderer runs in a sandbox without Node; ask main through the preload API.' },
    { group: ['**/test/*', '**/bench/*', '**/scripts/*'], message: 'App code never imports tests, benchmarks or scripts.' },
    {
      // Any path into electron/ other than the browser-safe electron/ipc/ and electron/shared/.
      regex: '(^|/)electron/(?!ipc/|shared/)',
      message: 'The renderer may import only electron/ipc/** and electron/shared/** from electron/',
    },
  ],
};

// The composition root builds every service (services.ts) and maps channels onto them (handlers*).
// Domain code receives its collaborators through its constructor instead; types may be shared.
const compositionRootBan = {
  patterns: [
    {
      group: ['**/app/services', '**/app/handlers', '**/app/handlers/*', './services', './handlers', './handlers/*'],
      allowTypeImports: true,
      message: 'Only the composition root (electron/core/app/services.ts, handlers*), electron/main and electron/cli build or reach all services; take what you need through the constructor.',
    },
  ],
};

// electron/ipc/** is shared with the renderer: it stands on its own.
const ipcSelfContained = {
  patterns: [
    {
      group: ['../*', '!../ipc', '!../ipc/*'],
      message: 'electron/ipc/** imports only electron/ipc/** (and packages the browser has, like zod): the renderer imports it too.',
    },
  ],
};

// electron/shared/** holds the pure rules main, the CLI and the renderer share: beside itself, only the contract.
const sharedSelfContained = {
  patterns: [
    {
      group: ['../*', '!../ipc', '!../ipc/*', '!../shared', '!../shared/*'],
      message: 'electron/shared/** imports only electron/shared/** and electron/ipc/**: the renderer imports it too.',
    },
  ],
};

const ipcWrappersOnly = {
  message: 'Use the typed IPC wrappers (electron/main/ipcBinding.ts, electron/preload/index.ts), never raw ipcMain/ipcRenderer',
};

export default defineConfig(
  {
    ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.samdesk-dev/', 'coverage/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      'no-restricted-imports': ['error', electronImportBan],
      'no-restricted-syntax': [
        'error',
        {
          // One report per use: skip the local half of `import { ipcMain }` and of `{ ipcMain } =`.
          selector:
            'Identifier[name=/^ipc(Main|Renderer)$/]:not(ImportSpecifier > Identifier.local):not(Property[shorthand=true] > Identifier.value)',
          ...ipcWrappersOnly,
        },
        { selector: 'MemberExpression[computed=true] > Literal[value=/^ipc(Main|Renderer)$/]', ...ipcWrappersOnly },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs,ts,mts,cts,tsx}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS entry points (bin/*.js; the package has no "type": "module").
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ELECTRON_ALLOWED,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**', 'electron/ipc/**', 'electron/shared/**'],
    rules: { 'no-restricted-imports': ['error', browserImportBan] },
  },
  {
    files: ['electron/core/**'],
    ignores: ['electron/core/app/services.ts', 'electron/core/app/handlers.ts', 'electron/core/app/handlers/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', compositionRootBan] },
  },
  {
    files: ['electron/ipc/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', ipcSelfContained] },
  },
  {
    files: ['electron/shared/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', sharedSelfContained] },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use none of it.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // App code logs through its own logger; console.error/warn stay for real failures (and the CLI).
    files: ['electron/**', 'renderer/**'],
    rules: { 'no-console': ['error', { allow: ['error', 'warn'] }] },
  },
);
