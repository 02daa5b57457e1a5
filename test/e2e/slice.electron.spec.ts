import { _electron as electron } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/launch';
import { startSimulatedCloud } from '../sim';
import { isolatedEnvironment } from '../support/environment';
import { completeSignIn } from '../support/browser';
import { test, expect } from '@playwright/test';

const binary = electronBinary();

test('the packaged app runs the slice: connect, sign in, customers, copy a snippet', async () => {
  test.skip(
    !binary,
    'Electron binary not downloaded (Electron fetches it from GitHub on first use: `npx install-electron`; GitHub is unreachable here); the browser-harness project ran the same slice against the real main-process code.',
  );
  const sim = await startSimulatedCloud({ customers: 20 });
  const isolated = isolatedEnvironment(sim);
  const app = await electron.launch({
    executablePath: binary,
    args: ['.', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'samdesk-electron-'))}`],
    env: { ...process.env, ...isolated.variables },
  });
  try {
    const window = await app.firstWindow();
    await window.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
    await window.getByLabel('Application (client) ID').fill(sim.samAppId);
    await window.getByLabel('Client secret', { exact: true }).fill(sim.samAppSecret);
    const signInWindow = app.waitForEvent('window');
    await window.getByRole('button', { name: 'Sign in' }).click();
    await completeSignIn(await signInWindow, sim);
    const customers = window.getByRole('listbox', { name: 'Customers' });
    await expect(customers.getByRole('option').first()).toBeVisible();
    await customers.getByRole('option').first().click();
    await window.getByRole('button', { name: 'Copy Connect-AzAccount snippet' }).click();
    await expect(window.getByText(/^Snippet copied/).last()).toBeVisible();
    const clipboard = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(clipboard).toContain('Connect-AzAccount -AccessToken');
  } finally {
    await app.close();
    await isolated.cleanUp();
    await sim.stop();
  }
});
