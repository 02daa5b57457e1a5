import { decodeJwt } from 'jose';
import { test, expect } from './fixtures';
import { completeSignIn } from '../support/browser';

test('a partner admin connects, finds a customer and copies a Connect-AzAccount snippet', async ({
  app,
  appContext,
  sim,
  isolated,
  harness,
  clipboard,
  shoot,
}) => {
  await expect(app.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
  await expect(app.getByLabel('Partner tenant (id or domain)')).toHaveValue(sim.partnerDomain);
  await shoot(app, 'slice-01-connect');

  // The wizard: the seeded SAM app is prefilled; its Graph check is skipped here (wizard*.spec.ts cover it).
  await app.getByRole('button', { name: 'Next' }).click();
  // A confidential Web app, the SAM app's one shape: its secret is typed in, as an admin would.
  await app.getByLabel('Client secret', { exact: true }).fill(sim.samAppSecret);
  await app.getByRole('button', { name: 'Skip the check' }).click();
  const popupOpened = appContext.waitForEvent('page');
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signIn = await popupOpened;
  await signIn.waitForLoadState();
  await expect(app.getByText('A sign-in window has opened', { exact: false })).toBeVisible();
  await shoot(app, 'slice-02-waiting-for-sign-in');
  await completeSignIn(signIn, sim, { screenshots: (name) => shoot(signIn, `slice-03-${name}`) });
  await app.getByRole('button', { name: 'Next' }).click(); // Exchange Online: the SAM app's own permission suffices
  await app.getByRole('button', { name: 'Next' }).click(); // enabled once the stored token is verified
  await app.getByRole('button', { name: 'Open customer list' }).click();

  const customers = app.getByRole('listbox', { name: 'Customers' });
  await expect(customers.getByRole('option').first()).toBeVisible();
  await shoot(app, 'slice-04-customers');

  const [profile] = await harness.services.profiles.list();
  const storedRefreshToken = await isolated.keychain.get(`${profile!.id}/refresh-token`);
  expect(storedRefreshToken).toMatch(/^0\.A/);

  const customer = sim.state.customers.find((c) => c.relationship === 'DAP' && sim.state.isConsented(c.id, sim.samAppId))!;
  await app.getByRole('searchbox', { name: 'Search customers' }).or(app.getByLabel('Search customers')).first().fill(customer.domain);
  await customers.getByRole('option', { name: customer.displayName }).click();
  await expect(app.getByRole('heading', { name: customer.displayName })).toBeVisible();

  await app.getByRole('button', { name: 'Copy Connect-AzAccount snippet' }).click();
  await expect(app.getByText(/^Snippet copied/).last()).toBeVisible();
  await shoot(app, 'slice-05-snippet-copied');

  const copied = await clipboard.readText();
  expect(copied).toContain(`-Tenant '${customer.id}'`);
  // The copy toast can be closed at once, rather than waited out.
  const toast = app.locator('.fui-Toast').filter({ hasText: /^Snippet copied/ }).last();
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.getByText(/^Snippet copied/)).toHaveCount(0);
  const armToken = /-AccessToken '([^']+)'/.exec(copied)?.[1];
  expect(decodeJwt(armToken!)).toMatchObject({ aud: 'https://management.azure.com', tid: customer.id, upn: sim.user });
  // What the screen shows never holds the token itself.
  await expect(app.getByLabel('Connect-AzAccount snippet preview')).not.toContainText(armToken!.slice(0, 40));
  expect(await app.content()).not.toContain(storedRefreshToken!);
});
