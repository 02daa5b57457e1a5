import { expect, test } from './wizardFixtures';
import { checkExistingApp, openPopup, seedPublicClientApp, signInOnPopup } from './wizardSteps';
import type { Page, BrowserContext } from '@playwright/test';
import type { SimulatedCloud } from '../sim';

test.use({ simOptions: { customers: 6 } });

async function toCreateStep(app: Page, appContext: BrowserContext, sim: SimulatedCloud) {
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('radio', { name: 'Create a new app registration for me' }).check();
  const admin = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in to create the app' }).click());
  await signInOnPopup(admin, sim, { consent: false });
  await expect(app.getByText(`Signed in to Microsoft Graph as ${sim.user}`)).toBeVisible();
}

test('a double click on “Create the app” creates exactly one app registration and one secret; the app is shown as created and a second run offers it instead of creating another', async ({
  app,
  appContext,
  sim,
  confirmations,
  shootSizes,
}) => {
  const named = () => [...sim.state.apps.values()].filter((candidate) => candidate.displayName === 'SAM Desk (Northwind)');
  await toCreateStep(app, appContext, sim);
  await app.getByLabel('App name').fill('SAM Desk (Northwind)');
  await app.getByRole('button', { name: 'Create the app' }).dblclick();

  await expect(app.getByRole('list', { name: 'SAM app checklist' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Created' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Create the app' })).toHaveCount(0);
  expect(named()).toHaveLength(1);
  expect(named()[0]!.passwordCredentials).toHaveLength(1);
  expect(confirmations.asked.map((asked) => asked.title)).toEqual(['Create the SAM app']);
  await shootSizes(app, 'first-hour-02-app-created');

  // Back and forth keeps it created.
  await app.getByRole('button', { name: 'Back' }).click();
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByRole('button', { name: 'Created' })).toBeDisabled();

  // A second run of the wizard (SAM Desk started again, the sign-in session gone): the app is found by its name and offered.
  await appContext.clearCookies({ name: 'simSession' });
  await app.reload();
  await toCreateStep(app, appContext, sim);
  await app.getByLabel('App name').fill('SAM Desk (Northwind)');
  await app.getByRole('button', { name: 'Create the app' }).click();
  await expect(app.getByText('SAM Desk created “SAM Desk (Northwind)” before')).toBeVisible();
  await shootSizes(app, 'first-hour-02-app-found-again');
  await app.getByRole('button', { name: 'Use this app' }).click();
  await expect(app.getByRole('button', { name: 'Using this app' })).toBeDisabled();
  await expect(app.getByRole('list', { name: 'SAM app checklist' }).getByRole('listitem').filter({ hasNotText: 'OK' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Next' })).toBeEnabled();
  expect(named()).toHaveLength(1);
  expect(named()[0]!.passwordCredentials).toHaveLength(1);
  expect(confirmations.asked).toHaveLength(1);
});

test('“Fix the app” says it will create a secret and asks main first; declined, nothing is minted', async ({ app, appContext, sim, isolated, confirmations, shootSizes }) => {
  const { seeded, secretsBefore } = seedPublicClientApp(sim);
  await checkExistingApp(app, appContext, sim);
  const fix = app.getByRole('button', { name: 'Fix the app and create a secret' });
  await expect(fix).toBeVisible();
  await expect(app.getByText('Fixing adds a new client secret to the app (its other secrets stay). SAM Desk asks you first', { exact: false })).toBeVisible();

  confirmations.answer = false;
  await fix.click();
  await expect(app.getByText('Nothing was changed: “Fix and create a secret” was not confirmed.')).toBeVisible();
  expect(confirmations.asked).toHaveLength(1);
  expect(confirmations.asked[0]!.message).toBe(`Change the app registration ${sim.samAppId} and create a new client secret for it?`);
  expect(confirmations.asked[0]!.detail).toContain(`keychain (service “${isolated.environment.keychainService}”)`);
  expect(seeded.passwordCredentials).toHaveLength(secretsBefore);
  expect(seeded.publicClientRedirectUris).toEqual(['http://localhost']);
  await shootSizes(app, 'first-hour-02-fix-declined');

  confirmations.answer = true;
  await fix.click();
  await expect(app.getByText('New client secret (shown once)')).toBeVisible();
  expect(seeded.passwordCredentials).toHaveLength(secretsBefore + 1);
  expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBe(await app.getByRole('textbox', { name: 'New client secret' }).inputValue());
});
