import { test, expect } from './fixtures';

test('a customer lacking Exchange Administrator shows Exchange Online as not ready, naming the role, before anything is copied; the list filters by it', async ({ signedInApp: app, sim, shoot }) => {
  // Index 10: an active GDAP relationship with Global Reader and Helpdesk Administrator only.
  const limited = sim.state.customers[10]!;
  await app.getByLabel('Search customers').fill(limited.domain);
  await app.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: limited.displayName }).dblclick();
  const details = app.getByRole('main', { name: 'Customer details' });
  await expect(details.getByRole('heading', { name: limited.displayName })).toBeVisible();

  const exchange = details.getByRole('listitem', { name: 'Exchange Online', exact: true });
  const readiness = exchange.getByRole('group', { name: 'Readiness' });
  await expect(readiness.getByText('Not ready', { exact: true })).toBeVisible();
  await expect(readiness).toContainText('you need Exchange Administrator');
  await expect(readiness).toContainText('Here you hold Global Reader');
  // Copy is still there, but no longer the primary action; nothing was copied or minted for Exchange.
  await expect(exchange.getByRole('button', { name: 'Copy Connect-ExchangeOnline snippet' })).toBeVisible();
  await expect(exchange.getByRole('button', { name: 'Copy Connect-ExchangeOnline snippet' })).toHaveAttribute('data-appearance', 'secondary');
  await expect(exchange.getByLabel('Connect-ExchangeOnline snippet preview')).toHaveCount(0);
  await expect(details.getByRole('list', { name: 'Readiness by module' }).getByRole('listitem', { name: 'Exchange Online: not ready' })).toBeVisible();
  await shoot(app, 'readiness-01-badges-before-check', exchange);

  // Check access for this customer: the probes confirm it, and the ready modules say when.
  await details.getByRole('region', { name: 'Will it work here?' }).getByRole('button', { name: 'Check access' }).click();
  await expect(details.getByText(/^Last checked [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M\.$/)).toBeVisible({ timeout: 30_000 });
  const graph = details.getByRole('listitem', { name: 'Microsoft Graph PowerShell', exact: true });
  await expect(graph.getByRole('group', { name: 'Readiness' }).getByText('Ready', { exact: true })).toBeVisible();
  await expect(graph.getByRole('button', { name: 'Copy Connect-MgGraph snippet' })).toHaveAttribute('data-appearance', 'primary');
  await expect(readiness.getByText('Not ready', { exact: true })).toBeVisible();
  await shoot(app, 'readiness-02-badges-checked', details.getByRole('region', { name: 'Will it work here?' }));

  // Every customer checked, then the list narrowed to those where Exchange Online will not work.
  await app.getByLabel('Search customers').fill('');
  await app.getByRole('region', { name: 'Customers' }).getByRole('button', { name: 'Check access' }).click();
  const dialog = app.getByRole('dialog', { name: 'Check access' });
  // It opens on the last run (this customer's); a new run for everyone starts from the setup.
  await expect(dialog.getByText(/worked · .* failed/)).toBeVisible();
  await dialog.getByRole('button', { name: /^Check again/ }).click();
  await dialog.getByRole('button', { name: 'Start check' }).click();
  await expect(dialog.getByText(/worked · .* failed/)).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: /^Grant consent to these \d+$/ })).toBeVisible();
  await shoot(app, 'readiness-03-check-access-results');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('combobox', { name: 'Show' }).click();
  await app.getByRole('option', { name: /^Exchange Online not ready \(\d+\)$/ }).click();
  const list = app.getByRole('listbox', { name: 'Customers' });
  await expect(list.getByRole('option', { name: limited.displayName })).toBeVisible();
  // A DAP customer consented for everything is not in it.
  const ready = sim.state.customers[0]!;
  await app.getByLabel('Search customers').fill(ready.domain);
  await expect(app.getByText(`No customer matching “${ready.domain}” is in “Exchange Online not ready”.`)).toBeVisible();
  await app.getByLabel('Search customers').fill('');
  await shoot(app, 'readiness-04-filtered-list');
});
