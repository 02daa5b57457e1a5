import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { signedInProfile } from '../support/signedInProfile';

/** The renderer's own scripts the page has loaded so far, by chunk name (the hash cut off). */
const loadedChunks = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(entry.name)?.[1])
      .filter((name): name is string => !!name),
  );

const NOT_ON_THE_FIRST_SCREEN = ['ConnectScreen', 'AccessCheckDialog', 'SettingsDialog', 'ProfilesPanel', 'KeyVaultPanel'];

test('the customer list paints without the code of the wizard and the dialogs, each of which loads when first opened', async ({ appContext, sim, harness }) => {
  await signedInProfile(sim, harness.services);
  const app = await appContext.newPage();
  await app.goto(harness.url);
  await expect(app.getByText('60 customers')).toBeVisible({ timeout: 30_000 });

  const first = await loadedChunks(app);
  expect(first).toContain('index');
  expect(first.filter((chunk) => NOT_ON_THE_FIRST_SCREEN.includes(chunk))).toEqual([]);

  await app.getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('dialog', { name: /Settings/ })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Check access' }).click();
  await expect(app.getByRole('dialog', { name: 'Check access' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Partner accounts' }).click();
  await expect(app.getByRole('heading', { name: /partner accounts/i })).toBeVisible();

  const later = await loadedChunks(app);
  expect(later).toEqual(expect.arrayContaining(['SettingsDialog', 'AccessCheckDialog', 'ConnectScreen']));
  expect(later).not.toContain('KeyVaultPanel');
});
