/** Shared steps for the wizard specs: the simulator's controls and clicking through its pages. */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { currentTotp, type SimInfo, type SimulatedCloud } from '../sim';
import { expect } from './fixtures';

/** Calls a /_sim control over HTTPS, trusting exactly the simulator's CA. */
export function simControl(sim: SimInfo, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      `${sim.url}${path}`,
      { method: body === undefined ? 'GET' : 'POST', ca: readFileSync(sim.caFile), headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${path}: ${response.statusCode} ${text}`))));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/**
 * Signs in on the simulator's pages as the partner admin: password and MFA when the page asks
 * (a second sign-in in the same browser reuses the session), then the consent page when expected.
 */
export async function signInOnPopup(popup: Page, sim: SimInfo, options: { consent: boolean; shoot?: (name: string) => Promise<void> }): Promise<void> {
  await popup.waitForLoadState();
  const user = popup.locator('input[name="username"]');
  const accept = popup.getByRole('button', { name: 'Accept' });
  await expect(user.or(accept)).toBeVisible();
  if (await user.isVisible()) {
    await user.fill(sim.user);
    await popup.locator('input[name="password"]').fill(sim.password);
    await options.shoot?.('signin-password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    const otc = popup.locator('input[name="otc"]');
    await expect(otc.or(accept)).toBeVisible();
    if (await otc.isVisible()) {
      await otc.fill(currentTotp(sim.totpSecret));
      await options.shoot?.('signin-mfa');
      await popup.getByRole('button', { name: 'Verify' }).click();
    }
  }
  if (options.consent) {
    await accept.click();
  }
}

/** Clicks the button that opens a sign-in popup and returns the popup. */
export async function openPopup(context: BrowserContext, click: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page');
  await click();
  return opened;
}

/** Steps 1–2 with an existing app registration: the partner tenant, the app id and, when given, its secret. */
export async function chooseExistingApp(app: Page, sim: SimInfo, options: { secret?: string; profileName?: string } = {}): Promise<void> {
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  if (options.profileName) await app.getByLabel('Profile name').fill(options.profileName);
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByRole('radio', { name: 'Use an existing app registration' }).check();
  await app.getByLabel('Application (client) ID').fill(sim.samAppId);
  if (options.secret !== undefined) await app.getByLabel('Client secret', { exact: true }).fill(options.secret);
}

/** Then the admin's sign-in (no consent asked) and "Check the app": the step shows its checklist. */
export async function checkExistingApp(app: Page, context: BrowserContext, sim: SimInfo, secret?: string): Promise<void> {
  await chooseExistingApp(app, sim, { secret });
  const admin = await openPopup(context, () => app.getByRole('button', { name: 'Sign in to check the app' }).click());
  await signInOnPopup(admin, sim, { consent: false });
  await app.getByRole('button', { name: 'Check the app' }).click();
}

/** The seeded SAM app registered the older way, its redirect under "Mobile and desktop applications" (a public client). */
export function seedPublicClientApp(sim: SimulatedCloud) {
  const seeded = sim.state.findApp(sim.samAppId)!;
  seeded.publicClientRedirectUris = ['http://localhost'];
  seeded.webRedirectUris = [];
  return { seeded, secretsBefore: seeded.passwordCredentials.length };
}

/** Steps 1–3 with the seeded SAM app, skipping the app check: lands on step 4. */
export async function connectWithSeededApp(app: Page, context: BrowserContext, sim: SimInfo, profileName?: string): Promise<void> {
  await expect(app.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
  // The seeded app has the SAM app's one shape, a confidential Web app: its secret comes along.
  await chooseExistingApp(app, sim, { secret: sim.samAppSecret, profileName });
  await app.getByRole('button', { name: 'Skip the check' }).click();
  const popup = await openPopup(context, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: true });
  await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
}
