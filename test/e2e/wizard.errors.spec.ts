import { test, expect } from './fixtures';
import { connectWithSeededApp, simControl } from './wizardSteps';

test.use({ simOptions: { customers: 12 } });

test('AADSTS65001 in a customer shows in plain words with a grant button that fixes it', async ({ app, appContext, sim, shoot }) => {
  await connectWithSeededApp(app, appContext, sim);
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Customer consent…' }).click();

  await expect(app.getByRole('heading', { name: 'Customer consent' })).toBeVisible();
  const notConsented = sim.state.customers.find((customer) => !sim.state.isConsented(customer.id, sim.samAppId))!;
  const row = app.getByRole('list', { name: 'Customer consents' }).getByRole('listitem', { name: notConsented.displayName });
  await expect(row.getByText('Not consented')).toBeVisible();
  await expect(row.getByText('The SAM app has not been consented in this tenant. (AADSTS65001)')).toBeVisible();
  await shoot(app, 'wizard-customer-consent');

  await row.getByRole('button', { name: 'Grant' }).click();
  await expect(row.getByText('Consented', { exact: true })).toBeVisible();
  expect(sim.state.isConsented(notConsented.id, sim.samAppId)).toBe(true);
  await expect(app.getByText('Granted for 1 customer: 1 consented.')).toBeVisible();
});

test('AADSTS700082 (refresh token unused for 90 days) shows in plain words with a sign-in-again button', async ({ app, appContext, sim, shoot }) => {
  await connectWithSeededApp(app, appContext, sim);
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByRole('definition').filter({ hasText: 'Present in the token' })).toBeVisible();

  await simControl(sim, '/_sim/clock', { advanceSeconds: 91 * 24 * 3600 });
  await app.getByRole('button', { name: 'Check again' }).click();
  await expect(app.getByText('The refresh token expired after 90 days without use.')).toBeVisible();
  await expect(app.getByText('Code: AADSTS700082', { exact: false })).toBeVisible();
  await shoot(app, 'wizard-05-verify-700082');
  expect(await app.content()).not.toMatch(/at \w+ \(|Error: /);

  await app.getByRole('button', { name: 'Sign in again' }).click();
  await expect(app.getByRole('heading', { name: 'Sign in and consent' })).toBeVisible();
});
