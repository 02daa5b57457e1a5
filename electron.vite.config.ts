import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** The contract's files that hold zod schemas (electron/ipc/, split by concern). */
const CONTRACT_FILES = /\/electron\/ipc\/(schemas|channels|settings|accessCheck|keyVault|wizard|customers|readiness)\.ts$/;

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/samdesk.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      // Sandboxed preloads must be a single CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; a smaller bundle parses and paints sooner.
      minify: true,
      // For `npm run bench -- --profile`: maps beside the bundle (not referenced from it) name the
      // files behind the minified code in the profile's summary.
      sourcemap: process.env.SAMDESK_SOURCEMAPS === '1' ? 'hidden' : false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        treeshake: {
          // The IPC contract's zod schemas are main's (it validates every input); the window uses
          // the contract's types and a few pure helpers. Declared free of side effects, the schemas
          // stay out of the window's first chunk (the wizard's chunk keeps the two it uses).
          moduleSideEffects: (id: string) => !CONTRACT_FILES.test(id.replace(/\\/g, '/')),
        },
      },
    },
  },
});
