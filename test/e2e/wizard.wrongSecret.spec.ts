import type { Page } from '@playwright/test';
import { expect, expectHeadingFocused, test } from './wizardFixtures';
import { checkExistingApp, chooseExistingApp, openPopup, signInOnPopup } from './wizardSteps';

test.use({ simOptions: { customers: 6 } });

/** Buttons that would start the sign-in again, wherever they are on the step. */
const retryButtons = (app: Page) => app.getByRole('button', { name: /again|try|retry|^sign in$/i });

test('a wrong secret at sign-in: one plain sentence and one action, “Re-enter the secret”, back to the emptied, focused field; the failed secret is forgotten', async ({
  app,
  appContext,
  sim,
  isolated,
  shootSizes,
}) => {
  // Right first characters (Graph's hint), wrong rest: it passes the app check and fails at Microsoft's token endpoint.
  const wrong = `${sim.samAppSecret.slice(0, -4)}Xq9Z`;
  await checkExistingApp(app, appContext, sim, wrong);
  await expect(app.getByRole('list', { name: 'SAM app checklist' })).toBeVisible();
  expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBe(wrong);
  await app.getByRole('button', { name: 'Next' }).click();

  const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: true });
  const alert = app.getByRole('alert').or(app.locator('[role="group"], .fui-MessageBar').filter({ hasText: "Couldn't sign in" })).first();
  await expect(app.getByText('Microsoft refused the client secret: it is not one of the SAM app’s secrets.')).toBeVisible();
  await expect(app.getByText('Re-enter the secret: copy its Value (not its Secret ID)', { exact: false })).toBeVisible();
  await expect(app.getByText(/^Code: AADSTS7000215 · Correlation id: [0-9a-f-]{36}$/)).toBeVisible();
  const page = await app.content();
  expect(page).not.toMatch(/Error\(s\)|Timestamp:|Trace ID|invalid_client/);
  expect(page).not.toContain(wrong);
  // One next action: the bar's “Re-enter the secret”; no “Try again” and no footer “Sign in” that would send the same secret.
  await expect(retryButtons(app)).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Re-enter the secret' })).toHaveCount(1);
  await expect(alert).toBeVisible();
  await shootSizes(app, 'first-hour-03-wrong-secret');
  // Forgotten in main: the wizard's keychain copy is gone.
  expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBeNull();

  await app.getByRole('button', { name: 'Re-enter the secret' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Your Secure Application Model app' })).toBeVisible();
  const secretField = app.getByLabel('Client secret', { exact: true });
  await expect(secretField).toHaveValue('');
  await expect(secretField).toBeFocused();
  await shootSizes(app, 'first-hour-02-re-enter-secret');

  await secretField.fill(sim.samAppSecret);
  await app.getByRole('button', { name: 'Next' }).click();
  const again = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(again, sim, { consent: true });
  await expectHeadingFocused(app, 'Exchange Online');
});

test('declining the consent shows one way to try again, not three', async ({ app, appContext, sim, shootSizes }) => {
  await chooseExistingApp(app, sim, { secret: sim.samAppSecret });
  await app.getByRole('button', { name: 'Skip the check' }).click();
  const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: false });
  await popup.getByRole('button', { name: 'Cancel' }).click();

  await expect(app.getByText('The sign-in was cancelled when the permissions were declined.')).toBeVisible();
  await expect(app.getByText('Sign in again and accept the permissions.')).toBeVisible();
  await expect(retryButtons(app)).toHaveCount(1);
  await expect(app.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await shootSizes(app, 'first-hour-03-consent-declined');

  const second = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in again' }).click());
  await signInOnPopup(second, sim, { consent: true });
  await expectHeadingFocused(app, 'Exchange Online');
});
