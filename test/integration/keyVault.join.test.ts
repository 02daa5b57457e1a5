import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { createServices, type Services } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import type { Handlers } from '../../electron/core/app/handlers/types';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import type { VaultPublication } from '../../electron/ipc/keyVault';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';
import { signedInProfile } from '../support/signedInProfile';
import { RunbookCredential, simSecretClient } from '../support/keyVault';
import { runCli } from '../support/cli';
import { readClaims } from '../../electron/core/identity/jwt';

const unused = { open: () => ({ close: () => undefined }) };

/**
 * Two SAM Desk homes on one vault: the admin publishes from the app (picking the vault that
 * Resource Manager lists); a teammate joins with `samdesk vault pull` in another home with its own
 * keychain; each one's rotations reach the other through the vault.
 */
describe('a team on one Key Vault: publish, join from the vault, stay in step', () => {
  let sim: SimulatedCloud;
  let home: IsolatedEnvironment;
  let teammate: IsolatedEnvironment;
  let services: Services;
  let handlers: Handlers;
  let profile: ProfileRecord;

  const vaultValue = async () => {
    const client = simSecretClient(sim, new RunbookCredential(sim, (await services.vault.get(vaultAccounts.refreshToken(profile.id)))!));
    return (await client.getSecret('SAMDesk-RefreshToken')).value;
  };
  const teammateCli = (...args: string[]) => runCli(args, teammate.variables);
  const teammateToken = async () => (await teammate.keychain.entries()).find((entry) => entry.account.endsWith('/refresh-token'))?.password;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 2, autoApprove: true, deviceCodeIntervalSeconds: 1 });
    home = isolatedEnvironment(sim);
    teammate = isolatedEnvironment(sim);
    services = createServices(home.environment, { opener: unused, keyVault: { batchMs: 0 } });
    handlers = createHandlers(services);
    profile = await signedInProfile(sim, services, 'p-admin');
    await services.profiles.update((all) => all.map((p) => (p.id === profile.id ? { ...p, name: 'Northwind Partner' } : p)));
  });

  afterAll(async () => {
    await teammate?.cleanUp();
    await home?.cleanUp();
    await sim?.stop();
  });

  it('finds the partner’s vaults through Azure Resource Manager, and publishes to the one picked', async () => {
    const vaults = await handlers['keyVault.vaults']({ profileId: profile.id });
    expect(vaults).toEqual([
      { name: 'northwind-sam-kv', vaultUrl: sim.keyVaultUrl, subscription: 'Northwind Partner – Azure plan', resourceGroup: 'rg-sam-automation', location: 'westeurope', rbac: true },
    ]);
    expect(await handlers['keyVault.publish']({ profileId: profile.id, vaultUrl: vaults[0]!.vaultUrl, names: 'samdesk' })).toMatchObject({ state: 'in-sync' });
  });

  it('samdesk vault pull joins from the vault in a second home: sign-in by device code, a copy in its own keychain, in step', async () => {
    const pull = await teammateCli('vault', 'pull', '--vault', sim.keyVaultUrl, '--json');
    expect(pull.stderr).toContain('enter the code');
    expect(pull.status).toBe(0);
    const joined = JSON.parse(pull.stdout) as { profile: { name: string; user: string; partnerTenantId: string; clientId: string }; publication: VaultPublication };
    expect(joined.profile).toMatchObject({ name: 'Northwind Partner', user: sim.user, partnerTenantId: sim.partnerTenantId, clientId: sim.samAppId });
    expect(joined.publication).toMatchObject({ state: 'in-sync', vaultUrl: sim.keyVaultUrl, names: 'samdesk' });
    // The join redeemed the vault's token once and pushed the rotated one back: both hold the same one now.
    expect(await teammateToken()).toBe(await vaultValue());
    expect(await teammateToken()).not.toBe(await services.vault.get(vaultAccounts.refreshToken(profile.id)));

    const status = await teammateCli('vault', 'status', '--json');
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual([expect.objectContaining({ state: 'in-sync', vaultName: 'northwind-sam-kv' })]);
  });

  it('the teammate’s samdesk renew writes a new version, and the admin’s app adopts it instead of overwriting it', async () => {
    const before = await vaultValue();
    const renew = await teammateCli('renew');
    expect(renew.status).toBe(0);
    const pushed = await vaultValue();
    expect(pushed).not.toBe(before);
    expect(pushed).toBe(await teammateToken());

    const publication = await handlers['keyVault.sync']({ profileId: profile.id });
    expect(publication.lastAdoptedAt).toBeDefined();
    expect(await services.vault.get(vaultAccounts.refreshToken(profile.id))).toBe(pushed);
    expect(await vaultValue()).toBe(pushed);
  });

  it('the admin’s renewal reaches the teammate: samdesk vault pull on a joined home adopts the newer version without a sign-in', async () => {
    await handlers['profiles.renew']({ profileId: profile.id });
    await services.keyVault.sync.flush();
    const adminToken = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    expect(await vaultValue()).toBe(adminToken);

    const pull = await teammateCli('vault', 'pull', '--vault', sim.keyVaultUrl);
    expect(pull.status).toBe(0);
    expect(pull.stderr).not.toContain('enter the code');
    expect(pull.stdout).toContain('took the newer token from the vault');
    expect(await teammateToken()).toBe(adminToken);
  });

  it('a new sign-in (samdesk consent) of a published profile puts its new refresh token in the vault', async () => {
    const before = await teammateToken();
    const consent = await teammateCli('consent', '--device-code', '--profile', 'Northwind Partner');
    expect(consent.status).toBe(0);
    const signedIn = await teammateToken();
    expect(signedIn).not.toBe(before);
    expect(await vaultValue()).toBe(signedIn);
  });

  it('samdesk token --resource keyvault mints a Key Vault token like the other resources', async () => {
    const run = await teammateCli('token', '--tenant', sim.partnerTenantId, '--resource', 'keyvault', '--json');
    expect(run.status).toBe(0);
    const { accessToken, resource } = JSON.parse(run.stdout) as { accessToken: string; resource: string };
    expect(resource).toBe('keyvault');
    expect(readClaims(accessToken)).toMatchObject({ aud: 'https://vault.azure.net', tid: sim.partnerTenantId });
  });

  it('samdesk vault publish and vault status from the command line, and plain words for bad input', async () => {
    const publish = await runCli(['vault', 'publish', '--vault', sim.keyVaultUrl, '--names', 'cipp'], home.variables);
    expect(publish.status).toBe(0);
    expect(publish.stdout).toContain('Published “Northwind Partner”');
    expect(publish.stdout).toContain('RefreshToken');
    const status = await runCli(['vault', 'status'], home.variables);
    expect(status.stdout).toMatch(/Northwind Partner\t.*northwind-sam-kv.*\tcipp names\tVault: in sync, pushed just now/);

    const badNames = await runCli(['vault', 'publish', '--vault', sim.keyVaultUrl, '--names', 'azure'], home.variables);
    expect(badNames).toMatchObject({ status: 2 });
    expect(badNames.stderr).toContain('--names is samdesk');
    const badUrl = await runCli(['vault', 'publish', '--vault', 'http://example.com/'], home.variables);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('A vault URL starts with https://');
    expect((await runCli(['vault'], home.variables)).stderr).toContain('samdesk vault publish --vault URL');
  });
});
