import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { AppRegistration } from '../sim/state';
import { signedInProfile } from '../support/signedInProfile';
import { simProtocol } from '../support/simProtocol';
import { cloudBinding } from '../../electron/shared/cloud';
import { useSimulatedApp } from '../support/simulatedApp';

/** Renewal, the access check and the snippets redeem as the profile's client type: the secret for the SAM app's Web shape. */
describe('redeeming as the SAM app’s client type', () => {
  const setup = useSimulatedApp({ cloud: { customers: 6 } });
  let wire: ReturnType<typeof simProtocol>;
  const tokenRequests = () => setup.sim.state.stats.get('token v2') ?? 0;

  /**
   * A profile as the consent wizard leaves it for the SAM app's one shape: authorization code to
   * the Web redirect, redeemed with the client secret, both kept in the keychain.
   */
  async function confidentialProfile(id: string, clientId = setup.sim.samAppId): Promise<ProfileRecord> {
    const redeemed = await wire.redeemCode(clientId, await wire.authorize(clientId), { client_secret: setup.sim.samAppSecret });
    expect(redeemed.status).toBe(200);
    const now = new Date().toISOString();
    const profile: ProfileRecord = {
      id,
      name: id,
      cloud: 'custom',
      boundTo: cloudBinding(setup.services.environment.cloud),
      partnerTenantId: setup.sim.partnerTenantId,
      clientId,
      hasClientSecret: true,
      user: setup.sim.user,
      mfa: true,
      issuedAt: now,
      lastRedeemedAt: now,
    };
    await setup.services.vault.set(vaultAccounts.refreshToken(id), redeemed.json.refresh_token);
    await setup.services.vault.set(vaultAccounts.clientSecret(id), setup.sim.samAppSecret);
    await setup.services.profiles.upsert(profile);
    return profile;
  }

  /** An older registration: http://localhost under "Mobile and desktop" (a public client), with a secret. */
  function publicShapedApp(): AppRegistration {
    const seeded = setup.sim.state.findApp(setup.sim.samAppId)!;
    const app: AppRegistration = { ...seeded, id: randomUUID(), appId: randomUUID(), publicClientRedirectUris: ['http://localhost'], webRedirectUris: [] };
    setup.sim.state.apps.set(app.id, app);
    setup.sim.state.setConsent(setup.sim.partnerTenantId, app.appId, true);
    return app;
  }

  beforeAll(async () => {
    wire = simProtocol(setup.sim);
  });

  beforeEach(async () => {
    await wire.control('reset');
  });

  it('renewal presents the secret of a confidential profile, and its token survives the admin changing their password', async () => {
    const profile = await confidentialProfile('p-web');
    await wire.control('clock', { advanceSeconds: 5 });
    await wire.control('revoke', { user: setup.sim.user, event: 'user-changed-password' });

    const renewal = await setup.services.renewal.renew(profile.id);

    expect(renewal).toMatchObject({ renewed: true });
    expect((await setup.services.profiles.get(profile.id))?.hasClientSecret).toBe(true);
  });

  it('a device-code profile (a public client’s token) is revoked by the same password change and says so', async () => {
    const profile = await signedInProfile(setup.sim, setup.services, 'p-device');
    await wire.control('clock', { advanceSeconds: 5 });
    await wire.control('revoke', { user: setup.sim.user, event: 'user-changed-password' });

    const renewal = await setup.services.renewal.renew(profile.id);

    expect(renewal).toMatchObject({ renewed: false, error: { code: 'AADSTS50173' }, profile: { level: 'revoked' } });
  });

  it('a stored profile whose app is a public client gets AADSTS700025 for its secret: retried once without it, then remembered as public', async () => {
    const app = publicShapedApp();
    const signedIn = await wire.redeemCode(app.appId, await wire.authorize(app.appId));
    const profile: ProfileRecord = { ...(await confidentialProfile('p-public-old')), clientId: app.appId };
    await setup.services.profiles.upsert(profile);
    await setup.services.vault.set(vaultAccounts.refreshToken(profile.id), signedIn.json.refresh_token);
    const before = tokenRequests();

    const first = await setup.services.renewal.renew(profile.id);

    expect(first).toMatchObject({ renewed: true });
    expect(tokenRequests() - before).toBe(2);
    expect((await setup.services.profiles.get(profile.id))?.hasClientSecret).toBe(false);
    // The secret stays in the keychain; nothing is lost.
    expect(await setup.services.vault.get(vaultAccounts.clientSecret(profile.id))).toBe(setup.sim.samAppSecret);
    await setup.services.renewal.renew(profile.id);
    expect(tokenRequests() - before).toBe(3);
  });

  it('the access check learns the same once for the whole batch, and every customer still answers', async () => {
    const app = publicShapedApp();
    for (const customer of setup.sim.state.customers) setup.sim.state.setConsent(customer.id, app.appId, true);
    const signedIn = await wire.redeemCode(app.appId, await wire.authorize(app.appId));
    const profile: ProfileRecord = { ...(await confidentialProfile('p-public-batch')), clientId: app.appId };
    await setup.services.profiles.upsert(profile);
    await setup.services.vault.set(vaultAccounts.refreshToken(profile.id), signedIn.json.refresh_token);

    const report = await setup.services.accessCheck.run({ profileId: profile.id, resources: ['graph'], concurrency: 1 });

    expect(report.customers.filter((customer) => customer.results.graph?.status === 'ok').length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain('700025');
    expect((await setup.services.profiles.get(profile.id))?.hasClientSecret).toBe(false);
  });

  it('a stored profile without the secret of a Web-shaped app gets AADSTS7000218, said plainly, and keeps its token', async () => {
    const profile = await confidentialProfile('p-no-secret');
    await setup.services.profiles.upsert({ ...profile, hasClientSecret: false });
    const token = await setup.services.vault.get(vaultAccounts.refreshToken(profile.id));

    const renewal = await setup.services.renewal.renew(profile.id);

    expect(renewal.error).toMatchObject({
      code: 'AADSTS7000218',
      message: 'The SAM app is a confidential (Web) app, so Microsoft needs its client secret, and SAM Desk has none for it.',
      fix: 'check-app',
    });
    expect(await setup.services.vault.get(vaultAccounts.refreshToken(profile.id))).toBe(token);
  });
});
