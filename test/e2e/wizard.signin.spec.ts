import net from 'node:net';
import http from 'node:http';
import { test, expect } from './fixtures';
import { openPopup, signInOnPopup, simControl } from './wizardSteps';

/** Takes loopback ports the way another app would; closed at the end of the test. */
async function occupy(ports: number[]): Promise<() => Promise<void>> {
  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer().once('error', reject);
          server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
        }),
    ),
  );
  return async () => void (await Promise.all(servers.map((server) => new Promise((done) => server.close(done)))));
}

function getLoopback(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

async function toSignInStep(app: import('@playwright/test').Page, sim: { partnerDomain: string; samAppId: string; samAppSecret: string }) {
  await app.getByLabel('Partner tenant (id or domain)').fill(sim.partnerDomain);
  await app.getByRole('button', { name: 'Next' }).click();
  await app.getByLabel('Application (client) ID').fill(sim.samAppId);
  await app.getByLabel('Client secret', { exact: true }).fill(sim.samAppSecret);
  await app.getByRole('button', { name: 'Skip the check' }).click();
  await expect(app.getByRole('heading', { name: 'Sign in and consent' })).toBeVisible();
}

test('embedded sign-in: busy ports are skipped, a wrong state is ignored, cancel returns, then MFA completes it', async ({ app, appContext, sim, shoot }) => {
  const release = await occupy([8400, 8401, 8402]);
  try {
    await toSignInStep(app, sim);
    const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
    await popup.waitForURL(/redirect_uri=/);
    const redirect = new URL(new URL(popup.url()).searchParams.get('redirect_uri')!);
    // The first port free after the held ones (8403, unless something else on the machine has it too).
    expect(Number(redirect.port)).toBeGreaterThanOrEqual(8403);
    expect(Number(redirect.port)).toBeLessThanOrEqual(8999);

    // A response that is not ours (wrong state) is ignored, and the page says so.
    const forged = await getLoopback(`http://127.0.0.1:${redirect.port}/?code=forged&state=not-ours`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('does not belong to the sign-in SAM Desk started');
    await expect(app.getByText('A sign-in window has opened', { exact: false })).toBeVisible();

    await app.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.getByText('Sign-in cancelled')).toBeVisible();
    await shoot(app, 'wizard-03-cancelled');

    // One way to try again: the footer's “Sign in again”.
    const second = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in again', exact: true }).click());
    await signInOnPopup(second, sim, { consent: true });
    await expect(app.getByRole('heading', { name: 'Exchange Online', exact: true })).toBeVisible();
    await app.getByRole('button', { name: 'Next' }).click();
    await expect(app.getByRole('definition').filter({ hasText: 'Present in the token' })).toBeVisible();
  } finally {
    await release();
  }
});

test('a sign-in without MFA is flagged: Partner Center will refuse it', async ({ app, appContext, sim, shoot }) => {
  await simControl(sim, '/_sim/mfa', { required: false });
  await toSignInStep(app, sim);
  const popup = await openPopup(appContext, () => app.getByRole('button', { name: 'Sign in', exact: true }).click());
  await signInOnPopup(popup, sim, { consent: true });
  await app.getByRole('button', { name: 'Next' }).click();
  await expect(app.getByText('No MFA claim in the token')).toBeVisible();
  await expect(app.getByText('Partner Center rejects app+user tokens without MFA', { exact: false })).toBeVisible();
  await shoot(app, 'wizard-05-verify-no-mfa');
  await app.getByRole('button', { name: 'Sign in again' }).first().click();
  await expect(app.getByRole('heading', { name: 'Sign in and consent' })).toBeVisible();
});
