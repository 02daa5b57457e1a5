import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium';

// End-to-end tests. The renderer's production bundle runs in Debian's Chromium (never
// `npx playwright install`); *.electron.spec.ts drive the packaged app and skip, saying so,
// where no Electron binary is installed (README, "System packages").
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  retries: 0, // CI fails on a flaky test rather than hiding it
  timeout: 120_000,
  // Nothing waits forever: the whole run, each action, navigation and expectation is bounded.
  globalTimeout: 25 * 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }], ['./test/support/runners/playwrightWatchdog.ts']],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser-harness', testIgnore: /\.electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /\.electron\.spec\.ts$/ },
  ],
});
