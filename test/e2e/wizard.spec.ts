import { test, expect } from './fixtures';
import { checkExistingApp, connectWithSeededApp, openPopup, seedPublicClientApp, signInOnPopup } from './wizardSteps';

test('create-app path: the admin signs in once, SAM Desk creates the app, then consent and verify', async ({ app, appContext, sim, isolated, harness, shoot }) => {
  await expect(app.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
  await expect(app.getByRole('navigation', { name: 'Step 1 of 6' })).toBeVisible();
  await app.getByLabel('Partner tenant (id or domain)').fill('not a tenant');
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByText('Enter a tenant id (a GUID) or a domain')).toBeVisible();
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  await shoot(app, 'wizard-01-partner-tenant');
  await app.getByRole('button', { name: 'Next' }).click();

  await expect(app.getByRole('heading', { name: 'Your Secure Application Model app' })).toBeVisible();
  await app.getByRole('radio', { name: 'Create a new app registration for me' }).check();
  await shoot(app, 'wizard-02-sam-app-create');
  const adminPopup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in to create the app' }).click());
  await signInOnPopup(adminPopup, sim, { consent: false, shoot: (name) => shoot(adminPopup, `wizard-02-admin-${name}`) });
  await expect(app.getByText(`Signed in to Microsoft Graph as ${sim.user}`)).toBeVisible();
  await app.getByLabel('App name').fill('SAM Desk (Northwind)');
  await app.getByRole('button', { name: 'Create the app' }).click();

  const checklist = app.getByRole('list', { name: 'SAM app checklist' });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Redirect http://localhost on the Web platform: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'SAM permissions requested: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Client secret valid for 30 days or more: OK' })).toBeVisible();
  await expect(checklist.getByText('SAM Desk created a new client secret', { exact: false })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Consented in your partner tenant: OK' })).toBeVisible();
  const secret = await app.getByRole('textbox', { name: 'New client secret' }).inputValue();
  const created = [...sim.state.apps.values()].find((candidate) => candidate.displayName === 'SAM Desk (Northwind)')!;
  // The one shape: a confidential Web redirect, a secret, public client flows on for device code.
  expect(created).toMatchObject({ webRedirectUris: ['http://localhost'], publicClientRedirectUris: [], spaRedirectUris: [], isFallbackPublicClient: true });
  expect(created.passwordCredentials).toHaveLength(1);
  expect(sim.state.servicePrincipals.some((sp) => sp.appId === created.appId)).toBe(true);
  expect(await isolated.keychain.get(`sam-app/${created.appId}/client-secret`)).toBe(secret);
  await shoot(app, 'wizard-02-sam-app-created');
  await app.getByRole('button', { name: 'Next' }).click();

  await expect(app.getByRole('heading', { name: 'Sign in and consent' })).toBeVisible();
  await shoot(app, 'wizard-03-sign-in');
  const consentPopup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await expect(app.getByText('A sign-in window has opened', { exact: false })).toBeVisible();
  await shoot(app, 'wizard-03-waiting');
  await signInOnPopup(consentPopup, sim, { consent: true, shoot: (name) => shoot(consentPopup, `wizard-03-${name}`) });

  await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
  await shoot(app, 'wizard-04-exchange');
  await app.getByRole('button', { name: 'Next' }).click();

  await expect(app.getByRole('heading', { name: 'Check that it works' })).toBeVisible();
  const facts = app.getByRole('definition');
  await expect(facts.filter({ hasText: 'Present in the token' })).toBeVisible();
  await expect(facts.filter({ hasText: /^\d+ customers$/ })).toBeVisible();
  await expect(facts.filter({ hasText: sim.user })).toBeVisible();
  await shoot(app, 'wizard-05-verify');
  await app.getByRole('button', { name: 'Next' }).click();

  await expect(app.getByRole('heading', { name: 'You’re connected' })).toBeVisible();
  await shoot(app, 'wizard-06-done');
  const [profile] = await harness.services.profiles.list();
  expect(profile!.clientId).toBe(created.appId);
  expect(await isolated.keychain.get(`${profile!.id}/client-secret`)).toBe(secret);
  await app.getByRole('button', { name: 'Open customer list' }).click();
  await expect(app.getByRole('listbox', { name: 'Customers' }).getByRole('option').first()).toBeVisible();
  expect(await app.content()).not.toContain(secret);
});

test('existing-app path: an spa redirect and a missing Exchange grant fail the checklist and SAM Desk fixes both', async ({ app, appContext, sim, shoot }) => {
  const exchangeOnline = '00000002-0000-0ff1-ce00-000000000000';
  const seeded = sim.state.findApp(sim.samAppId)!;
  seeded.spaRedirectUris = ['http://localhost'];
  seeded.webRedirectUris = [];
  // Granted for Partner Center, Graph and Azure, not for Exchange: the Graph grant must not hide it.
  sim.state.revokeConsent(sim.partnerTenantId, sim.samAppId, exchangeOnline);

  await checkExistingApp(app, appContext, sim, sim.samAppSecret);

  const checklist = app.getByRole('list', { name: 'SAM app checklist' });
  await expect(checklist.getByRole('listitem', { name: 'Redirect http://localhost on the Web platform: Needs fixing' })).toBeVisible();
  await expect(checklist.getByText('registered as a single-page app (spa)', { exact: false })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Consented in your partner tenant: Needs fixing' })).toBeVisible();
  await expect(checklist.getByText('Granted for Partner Center, Microsoft Graph, Azure Resource Manager and Azure Key Vault; not granted for Exchange Online.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Next' })).toBeDisabled();
  await shoot(app, 'wizard-02-existing-app-spa');

  await app.getByRole('button', { name: 'Fix the app' }).click();
  await expect(checklist.getByRole('listitem', { name: 'Redirect http://localhost on the Web platform: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'SAM permissions requested: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Client secret valid for 30 days or more: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Consented in your partner tenant: OK' })).toBeVisible();
  expect(sim.state.isConsented(sim.partnerTenantId, sim.samAppId, exchangeOnline)).toBe(true);
  expect(seeded.spaRedirectUris).toEqual([]);
  expect(seeded.webRedirectUris).toEqual(['http://localhost']);
  // The secret typed in was fine: no new one was minted.
  await expect(app.getByRole('textbox', { name: 'New client secret' })).toHaveCount(0);
  await shoot(app, 'wizard-02-existing-app-fixed');
  await expect(app.getByRole('button', { name: 'Next' })).toBeEnabled();
});

test('existing-app path: an older public-client app without a secret is explained, fixed in one click (the new secret shown once), then consents', async ({ app, appContext, sim, isolated, harness, clipboard, shoot }) => {
  const { seeded, secretsBefore } = seedPublicClientApp(sim);
  await checkExistingApp(app, appContext, sim);

  const checklist = app.getByRole('list', { name: 'SAM app checklist' });
  await expect(checklist.getByRole('listitem', { name: 'Redirect http://localhost on the Web platform: Needs fixing' })).toBeVisible();
  await expect(checklist.getByText('“Mobile and desktop applications” (a public client), so Microsoft refuses the app’s client secret (AADSTS700025)', { exact: false })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Client secret valid for 30 days or more: Needs fixing' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Next' })).toBeDisabled();
  await shoot(app, 'wizard-02-existing-app-public-client');

  await app.getByRole('button', { name: 'Fix the app' }).click();
  await expect(checklist.getByRole('listitem', { name: 'Redirect http://localhost on the Web platform: OK' })).toBeVisible();
  await expect(checklist.getByRole('listitem', { name: 'Client secret valid for 30 days or more: OK' })).toBeVisible();
  await expect(checklist.getByText('SAM Desk created a new client secret', { exact: false })).toBeVisible();
  await expect(app.getByText('New client secret (shown once)')).toBeVisible();
  const secret = await app.getByRole('textbox', { name: 'New client secret' }).inputValue();
  expect(seeded).toMatchObject({ webRedirectUris: ['http://localhost'], publicClientRedirectUris: [], isFallbackPublicClient: true });
  expect(seeded.passwordCredentials).toHaveLength(secretsBefore + 1);
  expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBe(secret);
  // Copy goes through main, which clears the secret again like a snippet's tokens.
  await harness.services.settings.set({ clipboardClearSeconds: 3 });
  await app.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(app.getByText(/^Clipboard clears in [1-3] s$/)).toBeVisible();
  expect(await clipboard.readText()).toBe(secret);
  await shoot(app, 'wizard-02-existing-app-public-client-fixed');
  await expect.poll(() => clipboard.readText(), { timeout: 10_000 }).toBe('');
  await expect(app.getByText('Clipboard cleared.')).toBeVisible();

  await app.getByRole('button', { name: 'Next' }).click();
  const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: true });
  await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
});

test('a second partner account sits beside the first; rename and remove', async ({ app, appContext, sim, isolated, harness, shoot }) => {
  await connectWithSeededApp(app, appContext, sim, 'Northwind production');
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Add another account' }).click();

  // A second SAM app in the same partner tenant (say, a test app), consented there.
  const second = { ...sim.state.findApp(sim.samAppId)!, id: crypto.randomUUID(), appId: crypto.randomUUID(), displayName: 'SAM Desk (test)' };
  sim.state.apps.set(second.id, second);
  sim.state.setConsent(sim.partnerTenantId, second.appId, true);
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  await app.getByLabel('Profile name').fill('Northwind test');
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByLabel('Application (client) ID').fill(second.appId);
  await app.getByLabel('Client secret', { exact: true }).fill(sim.samAppSecret);
  await app.getByRole('button', { name: 'Skip the check' }).click();
  const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: true });
  await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('button', { name: 'Manage accounts' }).click();

  const accounts = app.getByRole('list', { name: 'Partner accounts' });
  await expect(accounts.getByRole('listitem')).toHaveCount(2);
  await shoot(app, 'wizard-accounts');
  const test = accounts.getByRole('listitem', { name: 'Northwind test' });
  await test.getByRole('button', { name: 'Rename' }).click();
  await test.getByLabel('Profile name').fill('Northwind staging');
  await test.getByRole('button', { name: 'Save' }).click();
  await expect(accounts.getByRole('listitem', { name: 'Northwind staging' })).toBeVisible();

  const staging = (await harness.services.profiles.list()).find((profile) => profile.name === 'Northwind staging')!;
  expect(await isolated.keychain.get(`${staging.id}/refresh-token`)).toMatch(/^0\.A/);
  await accounts.getByRole('listitem', { name: 'Northwind staging' }).getByRole('button', { name: 'Remove' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(accounts.getByRole('listitem')).toHaveCount(1);
  expect(await isolated.keychain.get(`${staging.id}/refresh-token`)).toBeNull();
  expect((await harness.services.profiles.list()).map((profile) => profile.name)).toEqual(['Northwind production']);
});
