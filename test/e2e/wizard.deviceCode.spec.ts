import { test, expect } from './fixtures';
import { connectWithSeededApp, simControl } from './wizardSteps';

test.use({ simOptions: { customers: 12, deviceCodeIntervalSeconds: 1 } });

test('Exchange device code: pending then approved, denied (one way to try again), and expired, each said plainly', async ({ app, appContext, sim, isolated, harness, shoot }) => {
  await connectWithSeededApp(app, appContext, sim);
  const code = app.getByRole('status', { name: 'Device code' }).or(app.getByLabel('Device code'));

  // Pending, then approved.
  await app.getByRole('button', { name: 'Get a device code' }).click();
  await expect(code).toHaveText(/^[A-Z0-9]{9}$/);
  await expect(app.getByText('Waiting for you to sign in', { exact: false })).toBeVisible();
  await shoot(app, 'wizard-04-device-code-pending');
  const verification = appContext.waitForEvent('page');
  await app.getByRole('button', { name: 'Open the verification page' }).click();
  expect((await verification).url()).toBe(`${sim.url}/devicelogin`);
  await simControl(sim, '/_sim/device/approve', { userCode: await code.textContent() });
  await expect(app.getByText(`Exchange Online PowerShell is connected for ${sim.user}`)).toBeVisible();
  await shoot(app, 'wizard-04-device-code-approved');
  const [profile] = await harness.services.profiles.list();
  expect(await isolated.keychain.get(`${profile!.id}/exchange-refresh-token`)).toMatch(/^0\.A/);

  // Denied.
  await app.getByRole('button', { name: 'Get another code' }).click();
  await expect(code).toHaveText(/^[A-Z0-9]{9}$/);
  await simControl(sim, '/_sim/device/deny', { userCode: await code.textContent() });
  await expect(app.getByText('The device-code sign-in was declined.')).toBeVisible();
  // One way to try again, not the card's button and the error bar's.
  await expect(app.getByRole('button', { name: /^Get (a new|another|a device) code$/ })).toHaveCount(1);
  await shoot(app, 'wizard-04-device-code-denied');

  // Expired: the simulator's clock moves past the code's 15 minutes.
  await app.getByRole('button', { name: 'Get a new code' }).click();
  await expect(code).toHaveText(/^[A-Z0-9]{9}$/);
  await simControl(sim, '/_sim/clock', { advanceSeconds: 16 * 60 });
  await expect(app.getByText('The device code expired before the sign-in was finished.')).toBeVisible();
  await expect(app.getByText('Get a new code and sign in within 15 minutes.')).toBeVisible();
  await shoot(app, 'wizard-04-device-code-expired');
});
