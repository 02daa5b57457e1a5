import { test, expect } from './fixtures';
import { signedInProfile } from '../support/signedInProfile';

/**
 * The screens no other spec photographs, each seen at 1280×800 and 900×600 and scanned by axe there
 * (the shoot fixture fails on any serious or critical violation SAM Desk owns, and on the landmark rules).
 */
test('every screen the other specs do not show passes the axe scan at both window sizes', async ({ app, sim, harness, shoot }) => {
  await signedInProfile(sim, harness.services, 'p-e2e-screens');
  await app.reload();
  await expect(app.getByText('60 customers')).toBeVisible({ timeout: 30_000 });

  // The main screen before a customer is chosen.
  await expect(app.getByRole('main', { name: 'Customer details' })).toContainText('Select a customer');
  await shoot(app, 'screens-01-main-no-customer');

  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: /Settings/ });
  await expect(settings.getByRole('spinbutton', { name: 'Warn when' })).toBeVisible();
  await shoot(app, 'screens-02-settings');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();

  await app.getByRole('button', { name: 'Refresh tokens and renewal' }).click();
  const tokens = app.getByRole('dialog', { name: /refresh tokens/i });
  await expect(tokens).toBeVisible();
  await shoot(app, 'screens-03-refresh-tokens');
  await app.keyboard.press('Escape');
  await expect(tokens).toBeHidden();

  await app.getByRole('button', { name: 'Key Vault' }).click();
  const vault = app.getByRole('dialog', { name: /Key Vault/ });
  await expect(vault).toBeVisible();
  await shoot(app, 'screens-04-key-vault-unpublished');
  await app.keyboard.press('Escape');
  await expect(vault).toBeHidden();

  // A customer, with the all-customers script previewed and a retired module's refusal in words.
  const customer = sim.state.customers.find((c) => c.relationship === 'DAP' && sim.state.isConsented(c.id, sim.samAppId))!;
  await app.getByLabel('Search customers').fill(customer.domain);
  await app.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: customer.displayName }).click();
  await expect(app.getByRole('heading', { name: customer.displayName })).toBeVisible();
  const exchange = app.getByRole('listitem', { name: 'Exchange Online', exact: true });
  await exchange.getByRole('radio', { name: 'All customers' }).check();
  await exchange.getByRole('button', { name: 'Preview Connect-ExchangeOnline snippet' }).click();
  await expect(exchange.getByRole('region', { name: 'Connect-ExchangeOnline snippet preview' })).toContainText(/# … \d+ more lines when copied[\s\S]*foreach \(\$customer in \$customers\)/);
  await expect(exchange.getByRole('button', { name: 'Copy Connect-ExchangeOnline script for all customers' })).toBeVisible();
  await shoot(app, 'screens-05-all-customers-preview', exchange);

  const azureAd = app.getByRole('listitem', { name: 'Azure AD (AzureAD module)' });
  await azureAd.getByRole('button', { name: 'Copy Connect-AzureAD snippet' }).click();
  await expect(azureAd.getByRole('group', { name: "Couldn't copy the snippet" })).toContainText('Microsoft issues no Azure AD Graph token');
  await shoot(app, 'screens-06-retired-module-refused', azureAd);
});
