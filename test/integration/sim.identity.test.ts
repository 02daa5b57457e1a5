import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim/index';
import type { AppRegistration } from '../sim/state';
import { simProtocol } from '../support/simProtocol';

const HOUR_S = 3600;
const AZURE_POWERSHELL = '1950a258-227b-4e31-a9cf-717495945953';

let cloud: SimulatedCloud;
let sim: ReturnType<typeof simProtocol>;

/** A copy of the seeded SAM app under a new id, with the platforms and flags a test needs. */
function registerApp(change: Partial<AppRegistration>): AppRegistration {
  const seeded = cloud.state.findApp(cloud.samAppId)!;
  const app: AppRegistration = {
    ...seeded,
    id: randomUUID(),
    appId: randomUUID(),
    displayName: 'Test app',
    passwordCredentials: seeded.passwordCredentials.map((credential) => ({ ...credential })),
    ...change,
  };
  cloud.state.apps.set(app.id, app);
  cloud.state.setConsent(cloud.partnerTenantId, app.appId, true);
  return app;
}

beforeAll(async () => {
  cloud = await startSimulatedCloud({ customers: 3 });
  sim = simProtocol(cloud);
});

afterAll(async () => {
  await cloud?.stop();
});

beforeEach(async () => {
  await sim.control('reset');
});

describe('client types at the token endpoint', () => {
  it('a Web-platform redirect (the seeded SAM app) needs the client secret on the code and on every refresh: AADSTS7000218 without it', async () => {
    expect(cloud.state.findApp(cloud.samAppId)).toMatchObject({ webRedirectUris: ['http://localhost'], publicClientRedirectUris: [], isFallbackPublicClient: true });
    const withoutSecret = await sim.redeemCode(cloud.samAppId, await sim.authorize(cloud.samAppId));
    sim.expectAadError(withoutSecret, 7000218, 'invalid_client');

    const redeemed = await sim.redeemCode(cloud.samAppId, await sim.authorize(cloud.samAppId), { client_secret: cloud.samAppSecret });
    expect(redeemed.status).toBe(200);
    expect(decodeJwt(redeemed.json.access_token).appidacr).toBe('1');
    sim.expectAadError(await sim.refresh(cloud.samAppId, redeemed.json.refresh_token), 7000218, 'invalid_client');
    const rotated = await sim.refresh(cloud.samAppId, redeemed.json.refresh_token, { client_secret: cloud.samAppSecret });
    expect(rotated.status).toBe(200);
    // The rotated token is still a confidential client's.
    sim.expectAadError(await sim.refresh(cloud.samAppId, rotated.json.refresh_token), 7000218, 'invalid_client');
  });

  it('a public "Mobile and desktop" redirect must not be sent a secret: AADSTS700025 on the code and on refresh', async () => {
    const app = registerApp({ publicClientRedirectUris: ['http://localhost'], webRedirectUris: [] });
    const withSecret = await sim.redeemCode(app.appId, await sim.authorize(app.appId), { client_secret: cloud.samAppSecret });
    sim.expectAadError(withSecret, 700025, 'invalid_client');
    expect(withSecret.json.error_description).toContain("Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");

    const redeemed = await sim.redeemCode(app.appId, await sim.authorize(app.appId));
    expect(redeemed.status).toBe(200);
    expect(decodeJwt(redeemed.json.access_token).appidacr).toBe('0');
    sim.expectAadError(await sim.refresh(app.appId, redeemed.json.refresh_token, { client_secret: cloud.samAppSecret }), 700025, 'invalid_client');
    sim.expectAadError(await sim.refresh(app.appId, redeemed.json.refresh_token, { client_assertion: 'eyJ.assertion' }), 700025, 'invalid_client');
    expect((await sim.refresh(app.appId, redeemed.json.refresh_token)).status).toBe(200);
  });

  it('a reused authorization code gets AADSTS54005', async () => {
    const authorized = await sim.authorize(cloud.samAppId);
    expect((await sim.redeemCode(cloud.samAppId, authorized, { client_secret: cloud.samAppSecret })).status).toBe(200);
    const again = await sim.redeemCode(cloud.samAppId, authorized, { client_secret: cloud.samAppSecret });
    sim.expectAadError(again, 54005, 'invalid_grant');
  });

  it('an expired client secret gets AADSTS7000222, a wrong one AADSTS7000215', async () => {
    const app = registerApp({});
    app.passwordCredentials[0]!.endDateTime = new Date(Date.now() - 24 * HOUR_S * 1000).toISOString();
    const expired = await sim.redeemCode(app.appId, await sim.authorize(app.appId), { client_secret: cloud.samAppSecret });
    sim.expectAadError(expired, 7000222, 'invalid_client');
    expect(expired.json.error_description).toContain(`The provided client secret keys for app '${app.appId}' are expired.`);
    const wrong = await sim.redeemCode(cloud.samAppId, await sim.authorize(cloud.samAppId), { client_secret: 'not-the-secret' });
    sim.expectAadError(wrong, 7000215, 'invalid_client');
  });

  it('an spa redirect is redeemed only cross-origin: AADSTS9002327 without an Origin header, on the code and on refresh', async () => {
    const app = registerApp({ spaRedirectUris: ['http://localhost'], webRedirectUris: [], passwordCredentials: [] });
    const origin = { origin: 'http://localhost:51234' };
    const noOrigin = await sim.redeemCode(app.appId, await sim.authorize(app.appId));
    sim.expectAadError(noOrigin, 9002327, 'invalid_request');
    expect(noOrigin.json.error_description).toContain("Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");

    const redeemed = await sim.redeemCode(app.appId, await sim.authorize(app.appId), {}, origin);
    expect(redeemed.status).toBe(200);
    expect(redeemed.json.refresh_token_expires_in).toBe(24 * HOUR_S);
    sim.expectAadError(await sim.refresh(app.appId, redeemed.json.refresh_token), 9002327, 'invalid_request');
    expect((await sim.refresh(app.appId, redeemed.json.refresh_token, {}, origin)).status).toBe(200);
  });

  it('an spa refresh token keeps the first token’s 24 hours through rotation (AADSTS700084 names the first issue)', async () => {
    const app = registerApp({ spaRedirectUris: ['http://localhost'], webRedirectUris: [], passwordCredentials: [] });
    const origin = { origin: 'http://localhost:51234' };
    const first = await sim.redeemCode(app.appId, await sim.authorize(app.appId), {}, origin);
    await sim.control('clock', { advanceSeconds: 20 * HOUR_S });
    const rotated = await sim.refresh(app.appId, first.json.refresh_token, {}, origin);
    expect(rotated.status).toBe(200);
    expect(rotated.json.refresh_token_expires_in).toBeLessThanOrEqual(4 * HOUR_S);

    await sim.control('clock', { advanceSeconds: 5 * HOUR_S });
    const expired = await sim.refresh(app.appId, rotated.json.refresh_token, {}, origin);
    sim.expectAadError(expired, 700084, 'invalid_grant');
    const issuedOn = Date.parse(/The token was issued on (\S+?)\.?( |$)/.exec(expired.json.error_description)![1]!) / 1000;
    expect(Math.abs(issuedOn - (decodeJwt(first.json.access_token).iat as number))).toBeLessThanOrEqual(2);
  });

  it('device code needs "Allow public client flows": with isFallbackPublicClient off the grant is refused with AADSTS7000218', async () => {
    const app = registerApp({ isFallbackPublicClient: false });
    sim.expectAadError(await sim.deviceCode(app.appId), 7000218, 'invalid_client');
  });

  it('a device-code refresh token is a public client’s: refreshed without the secret, refused with one (AADSTS700025; an assumption)', async () => {
    const signedIn = await sim.deviceCode(cloud.samAppId);
    expect(signedIn.status).toBe(200);
    expect(decodeJwt(signedIn.json.access_token).appidacr).toBe('0');
    sim.expectAadError(await sim.refresh(cloud.samAppId, signedIn.json.refresh_token, { client_secret: cloud.samAppSecret }), 700025, 'invalid_client');
    expect((await sim.refresh(cloud.samAppId, signedIn.json.refresh_token)).status).toBe(200);
  });

  it('Microsoft’s first-party PowerShell apps stay public: no secret needed, and one sent is refused with AADSTS700025', async () => {
    const redeemed = await sim.redeemCode(AZURE_POWERSHELL, await sim.authorize(AZURE_POWERSHELL, { scope: 'https://graph.microsoft.com/.default offline_access' }), {
      scope: 'https://graph.microsoft.com/.default offline_access',
    });
    expect(redeemed.status).toBe(200);
    sim.expectAadError(await sim.refresh(AZURE_POWERSHELL, redeemed.json.refresh_token, { client_secret: 'anything' }), 700025, 'invalid_client');
  });
});

describe('device-code errors by their documented names', () => {
  async function pendingCode(): Promise<{ userCode: string; poll: (deviceCode?: string) => ReturnType<typeof sim.token> }> {
    const started = await sim.call('POST', `/${cloud.partnerTenantId}/oauth2/v2.0/devicecode`, {
      form: { client_id: cloud.samAppId, scope: 'https://api.partnercenter.microsoft.com/.default offline_access' },
    });
    const poll = (deviceCode: string = started.json.device_code) =>
      sim.token(cloud.partnerTenantId, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: cloud.samAppId, device_code: deviceCode });
    return { userCode: started.json.user_code, poll };
  }

  it('a decline is authorization_declined, an expiry expired_token (AADSTS70019), a wrong code bad_verification_code (AADSTS70018)', async () => {
    const declined = await pendingCode();
    await sim.control('device/deny', { userCode: declined.userCode });
    sim.expectAadError(await declined.poll(), 65004, 'authorization_declined');

    const expired = await pendingCode();
    await sim.control('clock', { advanceSeconds: 16 * 60 });
    sim.expectAadError(await expired.poll(), 70019, 'expired_token');

    const wrong = await pendingCode();
    sim.expectAadError(await wrong.poll('DAQABIQEAAABnot-a-device-code'), 70018, 'bad_verification_code');
  });
});

describe('token sizes', () => {
  it('refresh tokens are 1,500–2,000 characters and access tokens over 2 KB, as Entra’s are', async () => {
    const redeemed = await sim.redeemCode(cloud.samAppId, await sim.authorize(cloud.samAppId), { client_secret: cloud.samAppSecret });
    const rotated = await sim.refresh(cloud.samAppId, redeemed.json.refresh_token, { client_secret: cloud.samAppSecret });
    for (const reply of [redeemed, rotated]) {
      expect(reply.json.refresh_token).toMatch(/^0\.A[A-Za-z0-9_-]+$/);
      expect(reply.json.refresh_token.length).toBeGreaterThanOrEqual(1_500);
      expect(reply.json.refresh_token.length).toBeLessThanOrEqual(2_000);
      expect(Buffer.byteLength(reply.json.access_token)).toBeGreaterThan(2_048);
    }
  });
});

describe('revocation as Microsoft’s table says', () => {
  /** One confidential-client token (Web redirect + secret) and one public-client token (device code). */
  async function bothClasses() {
    const confidential = (await sim.redeemCode(cloud.samAppId, await sim.authorize(cloud.samAppId), { client_secret: cloud.samAppSecret })).json.refresh_token as string;
    const publicToken = (await sim.deviceCode(cloud.samAppId)).json.refresh_token as string;
    await sim.control('clock', { advanceSeconds: 5 });
    return {
      confidential: () => sim.refresh(cloud.samAppId, confidential, { client_secret: cloud.samAppSecret }),
      public: () => sim.refresh(cloud.samAppId, publicToken),
    };
  }

  it('a user changing their password revokes the public-client token (AADSTS50173) and leaves the confidential-client one alive', async () => {
    const tokens = await bothClasses();
    const revoked = await sim.control('revoke', { user: cloud.user, event: 'user-changed-password' });
    expect(revoked.json.revoked).toEqual(['password-cookie', 'password-token']);
    sim.expectAadError(await tokens.public(), 50173, 'invalid_grant');
    expect((await tokens.confidential()).status).toBe(200);
  });

  it('SSPR and an Azure-portal admin reset spare the confidential token; an Entra-admin-center reset revokes it too', async () => {
    for (const event of ['user-sspr', 'admin-reset-password-azure-portal']) {
      const tokens = await bothClasses();
      await sim.control('revoke', { user: cloud.user, event });
      sim.expectAadError(await tokens.public(), 50173, 'invalid_grant');
      expect((await tokens.confidential()).status).toBe(200);
    }
    const tokens = await bothClasses();
    await sim.control('revoke', { user: cloud.user, event: 'admin-reset-password-entra-admin-center' });
    sim.expectAadError(await tokens.public(), 50173, 'invalid_grant');
    sim.expectAadError(await tokens.confidential(), 50173, 'invalid_grant');
  });

  it('without an event, /_sim/revoke still revokes every refresh token (an admin revoking all of them)', async () => {
    const tokens = await bothClasses();
    const revoked = await sim.control('revoke', { user: cloud.user });
    expect(revoked.json.event).toBe('admin-revoked-refresh-tokens');
    sim.expectAadError(await tokens.public(), 50173, 'invalid_grant');
    sim.expectAadError(await tokens.confidential(), 50173, 'invalid_grant');
  });

  it('a password change also ends the browser’s password-based sign-in cookie; an expired password does not', async () => {
    const { cookie } = await sim.authorize(cloud.samAppId);
    await sim.control('revoke', { user: cloud.user, event: 'password-expired' });
    expect((await sim.authorizeWithCookie(cloud.samAppId, cookie)).status).toBe(302);
    await sim.control('clock', { advanceSeconds: 5 });
    await sim.control('revoke', { user: cloud.user, event: 'user-changed-password' });
    const again = await sim.authorizeWithCookie(cloud.samAppId, cookie);
    expect(again.status).toBe(200);
    expect(again.text).toContain('name="password"');
  });

  it('an expired password revokes nothing, and an unknown event is refused with the list of events', async () => {
    const tokens = await bothClasses();
    expect((await sim.control('revoke', { user: cloud.user, event: 'password-expired' })).json.revoked).toEqual([]);
    expect((await tokens.public()).status).toBe(200);
    const unknown = await sim.control('revoke', { user: cloud.user, event: 'password-forgotten' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toContain('user-changed-password');
  });
});
