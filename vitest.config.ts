import { defineConfig } from 'vitest/config';

// Two kinds of Vitest suites: fast pure-logic unit tests, and integration tests
// that start the simulated cloud's HTTPS servers and use the real OS keychain.
export default defineConfig({
  test: {
    // Bounds the whole run and records what is running (test/support/runners/vitestWatchdog.ts).
    reporters: ['default', './test/support/runners/vitestWatchdog.ts'],
    teardownTimeout: 10_000,
    projects: [
      {
        // Unit tests may import pure renderer helpers (renderer/src/format.ts, *.tsx included);
        // the JSX runtime matches the renderer's tsconfig ("jsx": "react-jsx").
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        resolve: { extensions: ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'] },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A failing test saves what each simulated cloud answered (test-results/sim-logs).
          setupFiles: ['test/support/runners/vitestSetup.ts'],
          // One file at a time: the machine has two cores, and every file starts HTTPS servers
          // and shares the one session keychain.
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
