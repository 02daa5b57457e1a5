import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/app/dispatch';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { signedInProfile } from '../support/signedInProfile';
import { RunbookCredential, simControl, simSecretClient } from '../support/keyVault';
import { useSimulatedApp } from '../support/simulatedApp';


/**
 * Key Vault refusing SAM Desk: 403 without a data-plane role, 409 for a soft-deleted name, 429
 * throttling. Each ends in a sentence that says what to do, the profile shows it, and the
 * refresh token in the keychain is the last good one and still works.
 */
describe('Key Vault errors end in a clear message and lose no token', () => {
  const setup = useSimulatedApp({ cloud: { customers: 2 }, services: () => ({ keyVault: { batchMs: 60_000, sleep: async (ms) => void waits.push(ms) } }) });
  let profile: ProfileRecord;
  const waits: number[] = [];

  const keychainToken = () => setup.services.vault.get(vaultAccounts.refreshToken(profile.id));
  const vaultToken = async () => (await simSecretClient(setup.sim, new RunbookCredential(setup.sim, (await keychainToken())!)).getSecret('SAMDesk-RefreshToken')).value;
  /** The stored token still redeems: nothing was lost or half-written. */
  const stillWorks = async () => expect((await setup.handlers['profiles.renew']({ profileId: profile.id })).renewed).toBe(true);

  beforeAll(async () => {
    // Throttling waits are recorded, not slept: the policy is under test, not the clock.
    profile = await signedInProfile(setup.sim, setup.services, 'p-errors');
    expect(await setup.handlers['keyVault.publish']({ profileId: profile.id, vaultUrl: setup.sim.keyVaultUrl, names: 'samdesk' })).toMatchObject({ state: 'in-sync' });
  });

  beforeEach(async () => {
    waits.length = 0;
    await simControl(setup.sim, '/_sim/keyvault/throttle', { count: 0 });
    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: ['Key Vault Secrets Officer'] });
  });

  it('403 without a data-plane role: "you need the Key Vault Secrets Officer role on this vault", shown on the profile; the token is kept', async () => {
    const before = await keychainToken();
    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: [] });

    const result = await dispatch(setup.handlers, 'keyVault.sync', { profileId: profile.id });

    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'microsoft',
        code: 'ForbiddenByRbac',
        message: expect.stringContaining('403 — you need the Key Vault Secrets Officer role on this vault'),
        action: expect.stringContaining(`give ${setup.sim.user} the Key Vault Secrets Officer role`),
      },
    });
    const [publication] = await setup.handlers['keyVault.list'](undefined);
    expect(publication).toMatchObject({ state: 'failed', error: { summary: '403 — you need the Key Vault Secrets Officer role on this vault' } });
    // The Key Vault access token from the publish was reused, so nothing rotated: the keychain holds the same token.
    expect(await keychainToken()).toBe(before);

    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: ['Key Vault Secrets Officer'] });
    await stillWorks();
    expect(await setup.handlers['keyVault.sync']({ profileId: profile.id })).toMatchObject({ state: 'in-sync' });
    expect(await vaultToken()).toBe(await keychainToken());
  });

  it('409 for a soft-deleted name: says it is deleted but recoverable, then "Recover and push" brings it back up to date', async () => {
    const client = simSecretClient(setup.sim, new RunbookCredential(setup.sim, (await keychainToken())!));
    await client.beginDeleteSecret('SAMDesk-RefreshToken');
    await setup.handlers['profiles.renew']({ profileId: profile.id });

    const result = await dispatch(setup.handlers, 'keyVault.sync', { profileId: profile.id });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ObjectIsDeletedButRecoverable', message: expect.stringContaining('SAMDesk-RefreshToken is deleted but recoverable in this vault'), action: expect.stringContaining('Recover it') },
    });
    expect((await setup.handlers['keyVault.list'](undefined))[0]).toMatchObject({ state: 'failed', error: { summary: '409 — SAMDesk-RefreshToken is deleted but recoverable in this vault' } });
    await stillWorks();

    const recovered = await setup.handlers['keyVault.sync']({ profileId: profile.id, recoverDeleted: true });
    expect(recovered).toMatchObject({ state: 'in-sync' });
    expect(await vaultToken()).toBe(await keychainToken());
  });

  it('429 throttling: waits 1 s and 2 s as Key Vault recommends and gets through', async () => {
    await setup.handlers['profiles.renew']({ profileId: profile.id });
    await simControl(setup.sim, '/_sim/keyvault/throttle', { count: 2 });

    expect(await setup.handlers['keyVault.sync']({ profileId: profile.id })).toMatchObject({ state: 'in-sync' });
    expect(waits).toEqual([1_000, 2_000]);
    expect(await vaultToken()).toBe(await keychainToken());
  });

  it('429 that does not stop: "Key Vault is throttling requests" after 1, 2 and 4 s, the profile says so, and the token is kept', async () => {
    await setup.handlers['profiles.renew']({ profileId: profile.id });
    const renewed = await keychainToken();
    await simControl(setup.sim, '/_sim/keyvault/throttle', { count: -1 });

    const result = await dispatch(setup.handlers, 'keyVault.sync', { profileId: profile.id });

    expect(result).toMatchObject({ ok: false, error: { code: 'Throttled', message: expect.stringContaining('429 — Key Vault is throttling requests'), action: expect.stringContaining('tries again by itself') } });
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect((await setup.handlers['keyVault.list'](undefined))[0]).toMatchObject({ state: 'failed', error: { summary: '429 — Key Vault is throttling requests' } });
    expect(await keychainToken()).toBe(renewed);
    await simControl(setup.sim, '/_sim/keyvault/throttle', { count: 0 });
    await stillWorks();
  });

  it('a failed push never fails the renewal that rotated the token: the keychain is written and the renewal succeeds', async () => {
    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: [] });
    const before = await keychainToken();
    const renewal = await setup.handlers['profiles.renew']({ profileId: profile.id });
    await setup.services.keyVault.sync.flush();
    expect(renewal).toMatchObject({ renewed: true });
    expect(await keychainToken()).not.toBe(before);
    expect((await setup.handlers['keyVault.list'](undefined))[0]).toMatchObject({ state: 'failed', error: { code: 'ForbiddenByRbac' } });
  });
});
