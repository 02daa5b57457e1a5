import type { Page } from '@playwright/test';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { DAY_MS } from '../../electron/core/lifetime/lifetime';
import { consentOutsideThePage, idleRefreshToken } from './consentOutside';
import { expect, expectApart, expectHeadingFocused, expectInView, test as base, viewports } from './wizardFixtures';

const test = base.extend<{ partnerAccounts: { northwind: ProfileRecord; fabrikam: ProfileRecord } }>({
  /**
   * One consent made outside the page, plus a partner account last used 95 days ago whose token the
   * simulated cloud also holds 95 days idle (AADSTS700082): one account that needs attention beside a
   * healthy one. (The window opens the most urgent account; a token it could still redeem would be
   * renewed by reading its customers, so the idle one must really be idle.)
   */
  partnerAccounts: async ({ sim, simBrowser, isolated, harness }, use) => {
    const { profile: northwind, refreshToken } = await consentOutsideThePage(sim, simBrowser, isolated, harness);
    const idle = new Date(Date.now() - 95 * DAY_MS).toISOString();
    const fabrikam = { ...northwind, id: 'p-fabrikam', name: 'Fabrikam IT', issuedAt: idle, lastRedeemedAt: idle };
    await harness.services.vault.set(vaultAccounts.refreshToken(fabrikam.id), idleRefreshToken(sim, refreshToken, 95));
    await harness.services.vault.set(vaultAccounts.clientSecret(fabrikam.id), sim.samAppSecret);
    await harness.services.profiles.upsert(fabrikam);
    await use({ northwind, fabrikam });
  },
});

test.use({ simOptions: { customers: 6 } });

const keyButton = (app: Page) => app.getByRole('button', { name: /^Refresh tokens and renewal/ });
const toast = (app: Page, title: string) => app.locator('.fui-Toast').filter({ hasText: title });

test('the red counter beside the key says what it counts; Renew now and Renew all answer with a toast (the new expiry, or Microsoft’s reason in plain words) that has a close button', async ({ app, partnerAccounts, shootSizes, shootView }) => {
  await app.reload();
  await app.getByRole('combobox', { name: 'Profile' }).selectOption({ label: partnerAccounts.northwind.name });

  // The counter counts the other partner accounts that need attention, and says which and why.
  const attention = '1 other partner account needs attention: Fabrikam IT (expired).';
  // Just consented: 90 days, or a minute under them.
  await expect(keyButton(app)).toHaveAccessibleName(/^Refresh tokens and renewal\. Northwind Partner: healthy, (89 d 23 h|90 d) left\. 1 other partner account needs attention: Fabrikam IT \(expired\)\.$/);
  await keyButton(app).hover();
  await expect(app.getByRole('tooltip')).toHaveText(attention);
  await shootSizes(app, 'first-hour-07-header-counter-explained');

  await keyButton(app).click();
  const panel = app.getByRole('dialog', { name: 'Refresh tokens' });
  await panel.getByRole('group', { name: 'Profile Northwind Partner' }).getByRole('button', { name: 'Renew now' }).click();
  const renewed = toast(app, 'Renewed “Northwind Partner”');
  await expect(renewed).toContainText(/Lapses [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M\s\S+ \((89 d 23 h|90 d) left\) unless it is used again\./);
  // Hovered, a toast waits (pauseOnHover): the screenshot and the dismissal do not race its timeout.
  for (const size of viewports) {
    await app.setViewportSize(size);
    await renewed.hover();
    await shootView(app, 'first-hour-07-renewed-toast');
  }
  await renewed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(renewed).toHaveCount(0);

  // A renewal Microsoft refuses says why, in the same place, with the same ✕.
  await panel.getByRole('button', { name: 'Renew all' }).click();
  const partly = toast(app, 'Renewed 1 of 2 profiles');
  await expect(partly).toContainText('Fabrikam IT:');
  await expect(partly).toContainText(/90 days/);
  await expect(partly).not.toContainText(/AADSTS|Trace ID|Correlation ID/);
  await partly.hover();
  await shootView(app, 'first-hour-07-renew-all-partly');
  await partly.getByRole('button', { name: 'Dismiss' }).click();
  await expect(partly).toHaveCount(0);

  // Fabrikam still needs a new sign-in: the counter stays, and still says why.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(keyButton(app)).toHaveAccessibleName(new RegExp(`${attention.replace(/[().]/g, '\\$&')}$`));
});

test('a partner account whose refresh token is gone from the keychain says so in the header: no green countdown beside “No refresh token is stored”', async ({ app, partnerAccounts, harness, shootSizes }) => {
  const { northwind } = partnerAccounts;
  // As on a second `npm run demo`: the profile is listed, its token is not in this keychain.
  await harness.services.vault.delete(vaultAccounts.refreshToken(northwind.id));
  await app.reload();
  await app.getByRole('combobox', { name: 'Profile' }).selectOption({ label: northwind.name });

  const header = app.getByRole('banner');
  await expect(header).toContainText('no refresh token');
  await expect(header).not.toContainText(/\d+ d \d+ h left/);
  await expect(keyButton(app)).toHaveAccessibleName(/Northwind Partner: no refresh token, no refresh token\./);
  await keyButton(app).click();
  const row = app.getByRole('dialog', { name: 'Refresh tokens' }).getByRole('group', { name: 'Profile Northwind Partner' });
  await expect(row).toContainText('No refresh token is stored in the keychain for this profile.');
  await expect(row).not.toContainText(/Lapses|left/);
  await expect(row.getByRole('button', { name: 'Renew now' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Re-consent' })).toBeVisible();
  await shootSizes(app, 'first-hour-07-header-no-refresh-token');
});

test('the accounts view opens on its heading in one <main>; a toast there at 900x600 sits apart from the footer and can be closed', async ({ app, partnerAccounts, shootView }) => {
  await app.reload();
  await app.setViewportSize(viewports[1]);
  await app.getByRole('button', { name: 'Partner accounts' }).click();
  // The accounts view: its heading has focus, and it is the window's one <main>.
  await expectHeadingFocused(app, 'Partner accounts');
  await expect(app.getByRole('main')).toHaveCount(1);
  const fabrikam = app.getByRole('listitem', { name: partnerAccounts.fabrikam.name });
  await fabrikam.getByRole('button', { name: 'Rename' }).click();
  await fabrikam.getByRole('textbox', { name: 'Profile name' }).fill('Fabrikam IT (EU)');
  await fabrikam.getByRole('button', { name: 'Save' }).click();

  const renamed = toast(app, 'Renamed to “Fabrikam IT (EU)”');
  await expect(renamed).toBeVisible();
  await renamed.hover();
  const next = app.getByRole('button', { name: 'Add partner account' });
  const back = app.getByRole('button', { name: 'Back' });
  await expectInView(app, next);
  await expectApart(renamed, next);
  await expectApart(renamed, back);
  await shootView(app, 'first-hour-08-toast-above-wizard-footer');
  await renamed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(renamed).toHaveCount(0);
});
