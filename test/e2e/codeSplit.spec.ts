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

test('the customer list paints without the code of the wizard and the dialogs, each of which loads when first opened', async ({ signedInApp: app }) => {
  await expect(app.getByText('60 customers')).toBeVisible({ timeout: 30_000 });

  const first = await loadedChunks(app);
  expect(first).toContain('index');
  expect(first.filter((chunk) => NOT_ON_THE_FIRST_SCREEN.includes(chunk))).toEqual([]);

  // The settings were read at start (not when their dialog's code arrived): it opens with them.
  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: /Settings/ });
  await expect(settings.getByRole('spinbutton', { name: 'Warn when' })).toHaveValue('14 days');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();
  await app.getByRole('button', { name: 'Check access' }).click();
  const check = app.getByRole('dialog', { name: 'Check access' });
  await expect(check).toBeVisible();
  await check.getByRole('button', { name: 'Close' }).click();
  await expect(check).toBeHidden();
  await app.getByRole('button', { name: 'Partner accounts' }).click();
  await expect(app.getByRole('heading', { name: /partner accounts/i })).toBeVisible();

  const later = await loadedChunks(app);
  expect(later).toEqual(expect.arrayContaining(['SettingsDialog', 'AccessCheckDialog', 'ConnectScreen']));
  expect(later).not.toContain('KeyVaultPanel');
});

test('a clicked expiry notification (main’s profiles.focus) opens the refresh-token panel, whose code was not loaded yet', async ({ appContext, sim, harness }) => {
  const profile = await signedInProfile(sim, harness.services);
  // Main's event stream, as it would carry the click on a notification (retried quickly, so it
  // arrives again once the window listens).
  await appContext.route('**/__samdesk/events', (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: `retry: 200\ndata: ${JSON.stringify({ event: 'profiles.focus', payload: { profileId: profile.id } })}\n\n` }),
  );
  const app = await appContext.newPage();
  await app.goto(harness.url);

  await expect(app.getByRole('dialog', { name: /refresh tokens/i })).toBeVisible({ timeout: 30_000 });
  expect(await loadedChunks(app)).toContain('ProfilesPanel');
});

