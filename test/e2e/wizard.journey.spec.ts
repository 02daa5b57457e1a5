import { expect, expectHeadingFocused, expectInView, expectOneLine, test, viewports } from './wizardFixtures';
import { openPopup, signInOnPopup } from './wizardSteps';

test.use({ simOptions: { customers: 12, deviceCodeIntervalSeconds: 1 } });

for (const size of viewports) {
  test(`the whole wizard at ${size.name}: focus on each step's heading, Next always in view, a UPN understood, the demo's prefilled SAM app passing its check, the optional Exchange code skipped, a finished screen without Back`, async ({
    app,
    appContext,
    sim,
    shootView,
  }) => {
    await app.setViewportSize(size);
    const next = app.getByRole('button', { name: 'Next', exact: true });

    // Step 1. The cloud is a line saying how to change it, not a dropdown that cannot switch.
    await expectHeadingFocused(app, 'Connect your partner account');
    await expect(app.getByRole('main')).toHaveCount(1);
    await expect(app.getByRole('combobox')).toHaveCount(0);
    await expect(app.getByRole('group', { name: 'Cloud' })).toContainText('start it again with SAMDESK_CLOUD');
    const tenant = app.getByLabel('Partner tenant (id or domain)');
    await tenant.fill(`  ${sim.user.toUpperCase()}  `);
    await expect(app.getByText(`SAM Desk will use ${sim.partnerDomain}, the domain of ${sim.user.toUpperCase()}.`)).toBeVisible();
    await shootView(app, 'first-hour-01-tenant-upn');
    await tenant.fill('müller-bäckerei.de');
    await expect(app.getByText('SAM Desk will use xn--mller-bckerei-hfb76a.de, the form of müller-bäckerei.de that Microsoft’s sign-in takes.')).toBeVisible();
    await shootView(app, 'first-hour-01-tenant-idn');
    await tenant.fill(sim.user);
    await expectInView(app, next);
    await next.click();

    // Step 2: the app the demo seeds and prefills (scripts/demo.ts passes the same suggestion), checked with the
    // secret its banner prints, passes every check.
    await expectHeadingFocused(app, 'Your Secure Application Model app');
    await app.getByRole('radio', { name: 'Use an existing app registration' }).check();
    await expect(app.getByLabel('Application (client) ID')).toHaveValue(sim.samAppId);
    await app.getByLabel('Client secret', { exact: true }).fill(sim.samAppSecret);
    const admin = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in to check the app' }).click());
    await signInOnPopup(admin, sim, { consent: false });
    await app.getByRole('button', { name: 'Check the app' }).click();
    const checklist = app.getByRole('list', { name: 'SAM app checklist' });
    await expect(checklist.getByRole('listitem')).toHaveCount(6);
    await expect(checklist.getByRole('listitem').filter({ hasNotText: 'OK' })).toHaveCount(0);
    await expectInView(app, next);
    await shootView(app, 'first-hour-02-sam-app-checked');
    await next.click();

    // Step 3, against the domain the UPN named.
    await expectHeadingFocused(app, 'Sign in and consent');
    await expect(app.getByText(`Sign in to ${sim.partnerDomain} with your partner admin account`)).toBeVisible();
    await shootView(app, 'first-hour-03-sign-in');
    const consent = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
    await signInOnPopup(consent, sim, { consent: true });

    // Step 4: optional. Next stays enabled while a code waits, and says it cancels the code.
    await expectHeadingFocused(app, 'Exchange Online');
    await app.getByRole('button', { name: 'Get a device code' }).click();
    await expect(app.getByLabel('Device code')).toBeVisible();
    await expect(next).toBeEnabled();
    await expect(app.getByText('This step is optional: Next cancels the pending code.', { exact: false })).toBeVisible();
    await expectInView(app, next);
    await shootView(app, 'first-hour-04-exchange-code-pending');
    await next.click();

    // Step 5: the skip is said, and nothing of the cancelled code lingers as an error.
    await expectHeadingFocused(app, 'Check that it works');
    await expect(app.getByText('You skipped the optional Exchange device code; the code was cancelled.', { exact: false })).toBeVisible();
    await expect(app.getByRole('definition').filter({ hasText: 'Present in the token' })).toBeVisible();
    await expect(app.getByText('Device-code sign-in cancelled')).toHaveCount(0);
    await expectInView(app, next);
    await shootView(app, 'first-hour-05-verify');
    await next.click();

    // Step 6: finished, so no Back; every button on one line.
    await expectHeadingFocused(app, 'You’re connected');
    await expect(app.getByRole('button', { name: 'Back' })).toHaveCount(0);
    const tops = new Set<number>();
    for (const name of ['Manage accounts', 'Add another account', 'Open customer list']) {
      const button = app.getByRole('button', { name });
      await expectInView(app, button);
      await expectOneLine(button);
      tops.add(Math.round((await button.boundingBox())!.y));
    }
    // One row of one-line buttons.
    expect(tops.size).toBe(1);
    await shootView(app, 'first-hour-06-done');
  });
}
