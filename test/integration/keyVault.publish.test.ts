import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/app/dispatch';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { signedInProfile } from '../support/signedInProfile';
import { RunbookCredential, simSecretClient } from '../support/keyVault';
import { useSimulatedApp } from '../support/simulatedApp';

const DAY_MS = 24 * 3600_000;

/**
 * Publishing a profile to the simulated Key Vault and staying in step, read back with Microsoft's
 * own @azure/keyvault-secrets the way a teammate's runbook or CIPP would.
 */
describe('publishing a refresh token to Azure Key Vault', () => {
  const setup = useSimulatedApp({ cloud: { customers: 3 }, services: () => ({ keyVault: { batchMs: 0 } }) });
  let profile: ProfileRecord;

  /** The team's runbook, which reads the vault with the token it finds there. */
  const vaultAsRunbook = (refreshToken: string, clientSecret?: string) => {
    const credential = new RunbookCredential(setup.sim, refreshToken, clientSecret);
    return { client: simSecretClient(setup.sim, credential), credential };
  };
  const keychainToken = () => setup.services.vault.get(vaultAccounts.refreshToken(profile.id));

  beforeAll(async () => {
    profile = await signedInProfile(setup.sim, setup.services, 'p-kv');
  });

  it('publishes under SAM Desk’s names: the refresh token, app id and tenant id, each with a content type, tags and a 90-day expiry', async () => {
    const publication = await setup.handlers['keyVault.publish']({ profileId: profile.id, vaultUrl: setup.sim.keyVaultUrl, names: 'samdesk' });
    expect(publication).toMatchObject({ state: 'in-sync', vaultName: 'northwind-sam-kv', names: 'samdesk' });
    expect(publication.lastPushedAt).toBeDefined();

    const { client } = vaultAsRunbook((await keychainToken())!);
    const refreshToken = await client.getSecret('SAMDesk-RefreshToken');
    const lastUsed = Date.parse((await setup.services.profiles.get(profile.id))!.lastRedeemedAt);
    expect(refreshToken.value).toBe(await keychainToken());
    expect(refreshToken.properties.version).toBe(publication.currentVersion?.version);
    expect(refreshToken.properties.contentType).toMatch(/^Refresh token/);
    expect(refreshToken.properties.tags).toMatchObject({ profile: profile.name, admin: setup.sim.user, 'rotated-at': new Date(lastUsed).toISOString() });
    expect(refreshToken.properties.tags?.['written-by']).toMatch(/^SAM Desk on /);
    // Key Vault keeps whole seconds; the expiry is the token's lapse, 90 days after its last use.
    expect(Math.abs(refreshToken.properties.expiresOn!.getTime() - (lastUsed + 90 * DAY_MS))).toBeLessThan(1_000);
    expect((await client.getSecret('SAMDesk-ApplicationId')).value).toBe(setup.sim.samAppId);
    expect((await client.getSecret('SAMDesk-TenantId')).value).toBe(setup.sim.partnerTenantId);
    for (const name of ['SAMDesk-ApplicationId', 'SAMDesk-TenantId']) {
      const { properties } = await client.getSecret(name);
      expect(properties.contentType, name).toBeTruthy();
      expect(properties.expiresOn, name).toEqual(refreshToken.properties.expiresOn);
    }
    // A public client has no secret to publish.
    await expect(client.getSecret('SAMDesk-ClientSecret')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a renewal’s rotated token appears in the vault as a new version, without any further step', async () => {
    const { client } = vaultAsRunbook((await keychainToken())!);
    const before = await client.getSecret('SAMDesk-RefreshToken');
    const renewal = await setup.handlers['profiles.renew']({ profileId: profile.id });
    expect(renewal.renewed).toBe(true);
    await setup.services.keyVault.sync.flush();

    const after = await client.getSecret('SAMDesk-RefreshToken');
    expect(after.properties.version).not.toBe(before.properties.version);
    expect(after.value).toBe(await keychainToken());
    const [publication] = await setup.handlers['keyVault.list'](undefined);
    expect(publication).toMatchObject({ state: 'in-sync', currentVersion: { version: after.properties.version, bySamDesk: true } });
  });

  it('a newer version the team’s runbook wrote behind SAM Desk’s back is adopted into the keychain, not overwritten', async () => {
    const runbook = vaultAsRunbook((await keychainToken())!);
    // The runbook reads the token, uses it (its Key Vault token rotated it) and writes the rotated one back, as CIPP does weekly.
    const read = await runbook.client.getSecret('SAMDesk-RefreshToken');
    expect(read.value).toBe(await keychainToken());
    expect(runbook.credential.refreshToken).not.toBe(read.value);
    const written = await runbook.client.setSecret('SAMDesk-RefreshToken', runbook.credential.refreshToken, { tags: { 'written-by': 'Nightly runbook' } });
    const versionsBefore = await countVersions(runbook.client, 'SAMDesk-RefreshToken');

    const publication = await setup.handlers['keyVault.sync']({ profileId: profile.id });

    expect(publication.lastAdoptedAt).toBeDefined();
    expect(publication.currentVersion).toMatchObject({ version: written.properties.version, bySamDesk: false });
    expect(await keychainToken()).toBe(written.value);
    expect(await countVersions(runbook.client, 'SAMDesk-RefreshToken')).toBe(versionsBefore);
    expect((await runbook.client.getSecret('SAMDesk-RefreshToken')).properties.version).toBe(written.properties.version);
    // The adopted token works: the next redemption goes through, and its rotation is pushed again.
    await setup.handlers['profiles.renew']({ profileId: profile.id });
    await setup.services.keyVault.sync.flush();
    expect((await runbook.client.getSecret('SAMDesk-RefreshToken')).value).toBe(await keychainToken());
  });

  it('publishes a confidential app under CIPP’s exact names: ApplicationID, ApplicationSecret, TenantID, RefreshToken', async () => {
    const confidential = await signedInProfile(setup.sim, setup.services, 'p-cipp', { confidential: true });
    await setup.services.profiles.update((all) => all.map((p) => (p.id === confidential.id ? { ...p, name: 'Northwind CIPP' } : p)));

    const result = await dispatch(setup.handlers, 'keyVault.publish', { profileId: confidential.id, vaultUrl: setup.sim.keyVaultUrl, names: 'cipp' });
    expect(result).toMatchObject({ ok: true, value: { state: 'in-sync', secretNames: { refreshToken: 'RefreshToken', applicationId: 'ApplicationID', applicationSecret: 'ApplicationSecret', tenantId: 'TenantID' } } });

    // What CIPP's Get-CIPPAuthentication reads at start, by these names.
    const { client } = vaultAsRunbook((await setup.services.vault.get(vaultAccounts.refreshToken(confidential.id)))!, setup.sim.samAppSecret);
    const values = Object.fromEntries(
      await Promise.all(['ApplicationID', 'ApplicationSecret', 'TenantID', 'RefreshToken'].map(async (name) => [name, (await client.getSecret(name)).value])),
    );
    expect(values).toEqual({
      ApplicationID: setup.sim.samAppId,
      ApplicationSecret: setup.sim.samAppSecret,
      TenantID: setup.sim.partnerTenantId,
      RefreshToken: await setup.services.vault.get(vaultAccounts.refreshToken(confidential.id)),
    });
    expect((await client.getSecret('RefreshToken')).properties.tags).toMatchObject({ profile: 'Northwind CIPP', admin: setup.sim.user });
  });

  it('refuses to write into a vault whose names hold another deployment’s app id, says so, and keeps both tokens', async () => {
    const cippToken = () => setup.services.vault.get(vaultAccounts.refreshToken('p-cipp'));
    const { client } = vaultAsRunbook((await cippToken())!, setup.sim.samAppSecret);
    const before = await client.getSecret('RefreshToken');
    // Someone points these names at another app (a second CIPP deployment, say).
    await client.setSecret('ApplicationID', '00000000-1111-2222-3333-444444444444');

    const result = await dispatch(setup.handlers, 'keyVault.sync', { profileId: 'p-cipp' });

    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('another deployment reads these names') } });
    expect((await client.getSecret('RefreshToken')).properties.version).toBe(before.properties.version);
    const [status] = (await setup.handlers['keyVault.list'](undefined)).filter((p) => p.profileId === 'p-cipp');
    expect(status).toMatchObject({ state: 'failed', error: { summary: 'The vault already holds another app’s secrets under these names' } });
    expect(await cippToken()).toBeTruthy();

    await client.setSecret('ApplicationID', setup.sim.samAppId);
    expect(await setup.handlers['keyVault.sync']({ profileId: 'p-cipp' })).toMatchObject({ state: 'in-sync' });
  });

  it('checks a pasted vault URL against the cloud and says what is wrong with it', async () => {
    const publish = (vaultUrl: string) => dispatch(setup.handlers, 'keyVault.publish', { profileId: profile.id, vaultUrl, names: 'samdesk' });
    expect(await publish('http://127.0.0.1/keyvault/northwind-sam-kv')).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('https://') } });
    expect(await publish('https://contoso-sam.vault.azure.net/')).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('simulated cloud') } });
    expect(await publish('not a url')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    // Nothing changed for the published profile.
    expect((await setup.handlers['keyVault.list'](undefined)).find((p) => p.profileId === profile.id)).toMatchObject({ vaultUrl: setup.sim.keyVaultUrl, state: 'in-sync' });
  });

  it('removing a published profile asks: "leave" keeps the vault’s secrets, "delete" soft-deletes what SAM Desk wrote', async () => {
    const { client } = vaultAsRunbook((await keychainToken())!);
    const leaving = await signedInProfile(setup.sim, setup.services, 'p-leave');
    await setup.handlers['keyVault.publish']({ profileId: leaving.id, vaultUrl: `${setup.sim.url}/keyvault/northwind-sam-kv`, names: 'samdesk' }).catch(() => undefined);
    await setup.handlers['profiles.remove']({ profileId: leaving.id, vaultSecrets: 'leave' });
    expect((await client.getSecret('SAMDesk-RefreshToken')).value).toBeDefined();
    expect((await setup.handlers['keyVault.list'](undefined)).some((p) => p.profileId === leaving.id)).toBe(false);

    await setup.handlers['profiles.remove']({ profileId: profile.id, vaultSecrets: 'delete' });
    await expect(client.getSecret('SAMDesk-RefreshToken')).rejects.toMatchObject({ statusCode: 404 });
    await expect(client.getDeletedSecret('SAMDesk-RefreshToken')).resolves.toMatchObject({ name: 'SAMDesk-RefreshToken' });
    // CIPP's set, published by another profile, is untouched.
    expect((await client.getSecret('RefreshToken')).value).toBeDefined();
  });
});

async function countVersions(client: ReturnType<typeof simSecretClient>, name: string): Promise<number> {
  let count = 0;
  for await (const _version of client.listPropertiesOfSecretVersions(name)) count++;
  return count;
}
