import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { completeSignIn } from '../support/browser';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { DAY_MS } from '../../electron/core/lifetime/lifetime';
import { consentOutsideThePage, idleRefreshToken } from './consentOutside';

async function signIn(app: Page, trigger: () => Promise<void>, sim: Parameters<typeof completeSignIn>[1]) {
  const popupOpened = app.context().waitForEvent('page');
  await trigger();
  const popup = await popupOpened;
  await popup.waitForLoadState();
  await completeSignIn(popup, sim);
}

test('every profile shows a live countdown by level, renews, explains a revocation and re-consents; settings refused with the reason, or saved and said so', async ({
  app,
  sim,
  simBrowser,
  isolated,
  harness,
  shoot,
}) => {
  // The first consent is made outside the page (the connect wizard has its own spec), into the same data folder and keychain.
  const { profile: consented, refreshToken } = await consentOutsideThePage(sim, simBrowser, isolated, harness);

  // Four more consents of different ages (same admin and app; each with its own keychain entry).
  const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
  const aged = (id: string, name: string, days: number, extra: Partial<ProfileRecord> = {}): ProfileRecord => ({
    ...consented,
    id,
    name,
    issuedAt: ago(days),
    lastRedeemedAt: ago(days),
    ...extra,
  });
  const seeded = [
    aged('p-woodgrove', 'Woodgrove Support', 2),
    aged('p-contoso', 'Contoso Managed Services', 80),
    aged('p-fabrikam', 'Fabrikam IT', 88.4),
    aged('p-tailspin', 'Tailspin Cloud', 95, {
      lastRenewalFailure: {
        code: 'AADSTS700082',
        at: ago(1),
        message: 'The refresh token expired after 90 days without use.',
        action: 'Sign in again (re-consent) to get a new refresh token. Renewal keeps this from happening.',
      },
    }),
  ];
  // Tailspin's token really is 95 days idle in the simulated cloud too: the window (which opens the most
  // urgent profile and reads its customers) gets Microsoft's AADSTS700082 for it, not a fresh rotation.
  const idleToken = idleRefreshToken(sim, refreshToken, 95);
  for (const profile of seeded) {
    await harness.services.vault.set(vaultAccounts.refreshToken(profile.id), profile.id === 'p-tailspin' ? idleToken : refreshToken);
    // Each consent of the confidential SAM app keeps the app's secret beside its refresh token.
    await harness.services.vault.set(vaultAccounts.clientSecret(profile.id), sim.samAppSecret);
    await harness.services.profiles.upsert(profile);
  }
  await app.reload();

  await app.getByRole('button', { name: 'Refresh tokens and renewal' }).click();
  const panel = app.getByRole('dialog', { name: 'Refresh tokens' });
  await expect(panel).toBeVisible();
  const rows = panel.getByRole('group', { name: /^Profile / });
  // Most urgent first; each row names its level and time left.
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toHaveAccessibleName('Profile Tailspin Cloud');
  await expect(rows.nth(0)).toContainText('Expired');
  await expect(rows.nth(0)).toContainText('The refresh token expired after 90 days without use.');
  await expect(rows.nth(0).getByRole('button', { name: 'Re-consent' })).toBeVisible();
  await expect(rows.nth(1)).toHaveAccessibleName('Profile Fabrikam IT');
  await expect(rows.nth(1)).toContainText(/Expires very soon.*1 d 1[34] h left/);
  await expect(rows.nth(2)).toHaveAccessibleName('Profile Contoso Managed Services');
  await expect(rows.nth(2)).toContainText(/Expires soon.*(9 d 23 h|10 d) left/);
  await expect(rows.nth(3)).toContainText(/Healthy.*87 d/);
  await expect(rows.nth(4)).toContainText(/Healthy.*89 d 23 h left/);
  await expect(rows.nth(2).getByText(/left$/)).toHaveAttribute('title', /^Lapses [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M\s\S+ unless/);
  await shoot(app, 'lifetime-01-countdowns-by-level');

  // Renewing the warning one redeems its token: the 90 days start again.
  await rows.nth(2).getByRole('button', { name: 'Renew now' }).click();
  const contoso = panel.getByRole('group', { name: 'Profile Contoso Managed Services' });
  await expect(contoso).toContainText(/Healthy.*89 d 23 h left/);

  // The admin's password is reset: renewal fails with Microsoft's reason in plain words, and re-consent is offered.
  await harness.services.http.send({
    method: 'POST',
    url: `${sim.url}/_sim/revoke`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: sim.user }),
  });
  const northwind = panel.getByRole('group', { name: `Profile ${consented.name}` });
  await northwind.getByRole('button', { name: 'Renew now' }).click();
  await expect(northwind).toContainText('Revoked');
  await expect(northwind).toContainText('Renewal failed (AADSTS50173)');
  await expect(northwind).toContainText('password was changed or reset');
  // Dead tokens sort first, ahead of every countdown still running.
  await expect(rows.nth(1)).toHaveAccessibleName(`Profile ${consented.name}`);
  await shoot(app, 'lifetime-02-revoked-offers-reconsent');

  await signIn(app, () => northwind.getByRole('button', { name: 'Re-consent' }).click(), sim);
  await expect(northwind).toContainText(/Healthy.*89 d 23 h left/);
  await expect(northwind).not.toContainText('Renewal failed');

  // Settings: an invalid combination is refused with the reason, and nothing changes.
  await panel.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('spinbutton', { name: 'Critical when' }).fill('20');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toContainText('must start closer to expiry than “warning” (14 days)');
  await shoot(app, 'lifetime-03-settings-refused');
  expect(await harness.services.settings.get()).toMatchObject({ warningDays: 14, criticalDays: 3 });

  // A valid one is saved, and a toast says so (the dialog closing alone says nothing).
  await settings.getByRole('spinbutton', { name: 'Critical when' }).fill('5');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  await expect(app.locator('.fui-Toast').filter({ hasText: 'Settings saved' })).toContainText('Warning 14 days and critical 5 days before a refresh token lapses');
  expect(await harness.services.settings.get()).toMatchObject({ warningDays: 14, criticalDays: 5 });
});
