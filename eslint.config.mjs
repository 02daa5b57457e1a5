// Lint enforces the architecture in STYLE.md, not only style:
// - only electron/main/** and electron/preload/** may import 'electron' (STYLE.md §3);
// - raw ipcMain / ipcRenderer appear only in the typed wrappers (STYLE.md §1, §2);
// - the renderer and electron/ipc/** (the contract and other browser-safe rules it shares) reach
//   neither Node nor main-process code;
// - no console.log in app code.
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
  paths: [{ name: 'electron', message: 'Only electron/main/** and electron/preload/** may import electron (STYLE.md §3).' }],
  patterns: [
    {
      group: ['electron/*', '@electron/*'],
      message: 'Only electron/main/** and electron/preload/** may use Electron (STYLE.md §3).',
    },
  ],
};

// Pure core modules the renderer may import, so a rule lives in one place (e.g. which SAM app
// checks "Fix the app" can put right). They are held to the renderer's bans below.
const RENDERER_SHARED_CORE = [
  'electron/core/samApp/samAppChecks',
  'electron/core/samApp/samPermissions',
  // The readiness model and the roles table (badges, list filters, the CLI's matrix), and what they read.
  'electron/core/readiness/readiness',
  'electron/core/readiness/moduleRequirements',
  'electron/core/readiness/entraRoles',
  'electron/core/readiness/listFilters',
  'electron/core/snippets/catalog',
  'electron/core/config/cloud',
];

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
    {
      // Any path into electron/ other than the shared, browser-safe electron/ipc/ and the pure core modules above.
      regex: `(^|/)electron/(?!ipc/|(${RENDERER_SHARED_CORE.map((path) => path.replace('electron/', '')).join('|')})(\\.ts)?$)`,
      message: 'The renderer may import only electron/ipc/** and the pure core modules listed in eslint.config.mjs from electron/ (STYLE.md §1).',
    },
  ],
};

const ipcWrappersOnly = {
  message: 'Use the typed IPC wrappers (electron/main/ipcBinding.ts, electron/preload/index.ts), never raw ipcMain/ipcRenderer (STYLE.md §1-2).',
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
    files: ['renderer/**', 'electron/ipc/**', ...RENDERER_SHARED_CORE.map((path) => `${path}.ts`)],
    rules: { 'no-restricted-imports': ['error', browserImportBan] },
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
