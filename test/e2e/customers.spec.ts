import { test, expect } from './fixtures';

test.use({ simOptions: { customers: 10_000 } });

test('10,000 customers: search, open with the keyboard, check access for a search, see the matrix', async ({ signedInApp: app, sim, shoot }) => {
  // The consent itself is slice.spec.ts's subject; here the partner admin has already consented.

  const list = app.getByRole('listbox', { name: 'Customers' });
  await expect(app.getByText('10,000 customers')).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole('option').first()).toBeVisible();

  // Ctrl+K, an accent-free query, arrow down, Enter: the customer opens.
  await app.keyboard.press('Control+K');
  await expect(app.getByLabel('Search customers')).toBeFocused();
  await app.keyboard.type('muller backerei');
  await expect(list.getByRole('option', { name: 'Müller Bäckerei GmbH' })).toBeVisible();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Müller Bäckerei GmbH' })).toBeFocused();
  // The list does not say whether DAP is allowed; opening the customer asks Partner Center.
  const details = app.getByRole('main', { name: 'Customer details' });
  await expect(details.getByText(/^allowed \(Partner Center, /)).toBeVisible();
  await shoot(app, 'customers-01-search-open');

  // A customer with three GDAP relationships: every one is shown, the one that gives access first.
  const obrien = sim.state.customers[5]!;
  expect(sim.state.gdap.ofCustomer(obrien.id)).toHaveLength(3);
  await app.getByLabel('Search customers').fill("o'brien");
  const row = list.getByRole('option', { name: obrien.displayName });
  await expect(row.getByText(/^GDAP until [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeVisible();
  await expect(row.getByText('+2')).toBeVisible();
  await row.dblclick();
  const relationships = details.getByRole('list', { name: 'GDAP relationships' }).getByRole('listitem');
  await expect(relationships).toHaveCount(3);
  await expect(relationships.first().getByText('Active', { exact: true })).toBeVisible();
  await expect(relationships.first()).toContainText('Exchange Administrator');
  await expect(relationships.nth(2).getByText('Expired', { exact: true })).toBeVisible();
  await expect(details.getByText(/^not allowed \(Partner Center, /)).toBeVisible();
  await shoot(app, 'customers-01b-relationships');

  // A search that finds a few dozen customers, and access checked for just those.
  const { query: word, matching } = pickSearch(sim.state.customers);
  await app.getByLabel('Search customers').fill(word);
  await expect(app.getByText(`${matching.length} of 10,000`)).toBeVisible();
  // Slow enough token answers that the progress can be seen.
  sim.state.controls.latency = [{ ms: 250, path: '/oauth2/v2.0/token' }];
  // One customer's own Conditional Access blocks the partner there; the others are still checked.
  const blocked = matching.find((c) => sim.state.isConsented(c.id, sim.samAppId) && sim.state.hasDelegatedAccess(c, Date.now()))!;
  sim.state.controls.customerPolicies.set(blocked.id, { kind: 'block' });

  // The list's Check access (the open customer's details have their own, for that customer).
  await app.getByRole('region', { name: 'Customers' }).getByRole('button', { name: 'Check access' }).click();
  const dialog = app.getByRole('dialog', { name: 'Check access' });
  await dialog.getByRole('checkbox', { name: 'Exchange' }).check();
  await dialog.getByRole('radio', { name: `The ${matching.length} customers matching “${word}”` }).check();
  const parallel = dialog.getByRole('spinbutton', { name: 'Parallel requests' });
  await parallel.fill('2');
  await parallel.press('Tab');
  await shoot(app, 'customers-02-check-access-setup');
  await dialog.getByRole('button', { name: 'Start check' }).click();
  await expect(dialog.getByLabel('Access check progress')).toBeVisible();
  await expect(dialog.getByText(/^Checked \d+ of \d+ · \d+ failed$/)).toBeVisible();
  await shoot(app, 'customers-03-access-check-running');
  await expect(dialog.getByText(/worked · .* failed/)).toBeVisible({ timeout: 60_000 });

  const notConsented = matching.find((c) => !sim.state.isConsented(c.id, sim.samAppId));
  const results = dialog.getByRole('table', { name: 'Access check results' });
  await expect(results.getByRole('row')).not.toHaveCount(0);
  if (notConsented) {
    await expect(dialog.getByText(/Not consented \(\d+ customers?\): The SAM app has not been consented in this tenant\./)).toBeVisible();
  }
  await expect(dialog.getByText(/^Blocked by customer \(1 customer\): This customer’s Conditional Access blocks sign-ins from your partner account/)).toBeVisible();
  await shoot(app, 'customers-04-access-matrix');

  await dialog.getByRole('switch', { name: 'Only failures' }).check();
  await expect(results.getByRole('cell', { name: /Not consented|No relationship/ }).first()).toBeVisible();
  // A customer fails when a resource checked (Azure, Graph, Exchange, Partner Center) fails there: no relationship,
  // its own Conditional Access, the service missing from the tenant (500011), the SAM app not consented for it
  // (65001), no Azure subscription to list, or Partner Center not listing it (GDAP only).
  const checked = ['797f4846-ba00-4fd7-ba43-dac1f8f63013', '00000003-0000-0000-c000-000000000000', '00000002-0000-0ff1-ce00-000000000000'];
  const fails = (c: (typeof matching)[number]) =>
    c === blocked ||
    !sim.state.hasDelegatedAccess(c, Date.now()) ||
    checked.some((resource) => !sim.state.hasServicePrincipal(c.id, resource) || !sim.state.isConsented(c.id, sim.samAppId, resource)) ||
    (c.azureSubscriptions ?? 0) === 0 ||
    !(c.relationship === 'DAP' || c.resellerRelationship);
  await expect(results.getByRole('row')).toHaveCount(1 + matching.filter(fails).length);
  await shoot(app, 'customers-05-access-matrix-failures');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Each checked customer now carries its access mark in the list.
  await expect(list.getByRole('img', { name: /Last access check/ }).first()).toBeVisible();
  await shoot(app, 'customers-06-list-with-access');

  // Reopened: the saved list shows at once while a refresh runs in the background.
  // Slow Partner Center pages keep the refresh (and its progress bar) on screen for a while.
  sim.state.controls.latency = [{ ms: 1000, path: '/partnercenter/v1/customers' }];
  await app.reload();
  await expect(app.getByText('10,000 customers')).toBeVisible({ timeout: 20_000 });
  await expect(app.getByText(/^Refreshing: .* of about 10,000$/)).toBeVisible();
  await expect(app.getByRole('progressbar', { name: 'Loading customers' })).toBeVisible();
  await shoot(app, 'customers-07-refreshing-from-cache');
  await expect(app.getByText(/^Refreshing: /)).toBeHidden({ timeout: 60_000 });
});

/** "schafer <trade>": accent-free, and found in about ten of the generated names (deterministic per seed). */
function pickSearch<C extends { displayName: string }>(customers: C[]): { query: string; matching: C[] } {
  const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const candidates = ['solar', 'marine', 'optics', 'freight', 'legal', 'media', 'travel', 'realty'].map((trade) => ({
    query: `schafer ${trade}`,
    matching: customers.filter((c) => fold(c.displayName).includes('schafer') && fold(c.displayName).includes(trade)),
  }));
  const fit = candidates.find((candidate) => candidate.matching.length >= 5 && candidate.matching.length <= 40);
  if (!fit) throw new Error('No "schafer <trade>" search finds 5–40 customers; the simulator\'s names changed.');
  return fit;
}
