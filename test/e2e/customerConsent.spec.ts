import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { openPopup, signInOnPopup } from './wizardSteps';

/** The consent screen's counts, by category, read off its buttons ("Consented 12"). */
async function counts(group: Locator): Promise<Record<string, number>> {
  const read: Record<string, number> = {};
  for (const text of await group.getByRole('button').allInnerTexts()) {
    const match = /^(.*\S)\s+([\d,]+)$/s.exec(text.trim());
    if (match) read[match[1]!] = Number(match[2]!.replace(/,/g, ''));
  }
  return read;
}

test('a new app → Done → “Consent your customers” → grant all: every customer is counted once and the counts add up to the total', async ({ app, appContext, sim, shoot }) => {
  // The wizard's create-app path (wizard.spec.ts checks each step; here it is the way in).
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('radio', { name: 'Create a new app registration for me' }).check();
  const adminPopup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in to create the app' }).click());
  await signInOnPopup(adminPopup, sim, { consent: false });
  await app.getByLabel('App name').fill('SAM Desk (consent test)');
  await app.getByRole('button', { name: 'Create the app' }).click();
  await expect(app.getByRole('list', { name: 'SAM app checklist' })).toBeVisible();
  await app.getByRole('button', { name: 'Next' }).click();
  const consentPopup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(consentPopup, sim, { consent: true });
  await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByRole('heading', { name: 'Check that it works' })).toBeVisible();
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByRole('heading', { name: 'You’re connected' })).toBeVisible();

  // The Done page's call to action.
  await app.getByRole('button', { name: 'Consent your customers' }).click();
  await expect(app.getByRole('heading', { name: 'Customer consent' })).toBeVisible();
  const group = app.getByRole('group', { name: 'Consent counts' });
  const grantAll = app.getByRole('button', { name: /^Grant consent to all \d+ not consented$/ });
  await expect(grantAll).toBeEnabled({ timeout: 30_000 });
  const total = sim.state.customers.length;
  const before = await counts(group);
  expect(before.All).toBe(total);
  const { All: _all, ...beforeCategories } = before;
  expect(Object.values(beforeCategories).reduce((sum, n) => sum + n, 0)).toBe(total);
  // A new app is consented nowhere yet: not one customer may be counted as consented.
  expect(before.Consented).toBe(0);
  expect(before['Not consented']).toBeGreaterThan(0);
  // GDAP-only customers are named as such, with their admin's consent link instead of a grant.
  expect(before['Not through Partner Center']).toBeGreaterThan(0);
  await group.getByRole('button', { name: /^Not through Partner Center/ }).click();
  const gdapOnly = app.getByRole('list', { name: 'Customer consents' }).getByRole('listitem').first();
  await expect(gdapOnly.getByRole('button', { name: 'Copy consent link' })).toBeVisible();
  await expect(gdapOnly).toContainText('Partner Center does not list this customer (GDAP only)');
  await group.getByRole('button', { name: /^All/ }).click();
  await shoot(app, 'consent-01-new-app');

  await grantAll.click();
  await expect(app.getByText(new RegExp(`^Granted for ${before['Not consented']} customers: ${before['Not consented']} consented\\.$`))).toBeVisible({ timeout: 60_000 });
  const after = await counts(group);
  const { All: allAfter, ...afterCategories } = after;
  expect(allAfter).toBe(total);
  expect(Object.values(afterCategories).reduce((sum, n) => sum + n, 0)).toBe(total);
  expect(after.Consented).toBe(before['Not consented']);
  expect(after['Not consented'] ?? 0).toBe(0);
  await expect(app.getByText(`${after.Consented} of ${total} customers consented`, { exact: false })).toBeVisible();
  await shoot(app, 'consent-02-granted');

  // Back returns to the Done page, where it was opened from.
  await app.getByRole('button', { name: 'Back' }).click();
  await expect(app.getByRole('heading', { name: 'You’re connected' })).toBeVisible();
});
