import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/app/services';
import { silentLogger } from '../../electron/core/app/logger';
import { WINDOWS_CREDENTIAL_BLOB_BYTES } from '../../electron/core/vault/chunkedEntries';
import { KeychainVault, vaultAccounts } from '../../electron/core/vault/secretVault';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Windows' per-credential limit, applied to the real Secret Service: the code path Windows takes, run here. */
describe('secrets larger than one keychain entry, in the real Secret Service', () => {
  const setup = useSimulatedApp({ cloud: { customers: 3 } });

  it('stores a 6 KB value in entries of at most 2,560 bytes, reads it back whole, and replaces and deletes every piece', async () => {
    const vault = new KeychainVault(setup.isolated.variables.SAMDESK_KEYCHAIN_SERVICE, undefined, undefined, WINDOWS_CREDENTIAL_BLOB_BYTES);
    const large = `0.A${'Ab3-_'.repeat(1200)}é🔐`;

    await vault.set('p-win/refresh-token', large);
    const stored = await setup.isolated.keychain.entries();
    expect(stored.length).toBeGreaterThan(2);
    expect(stored.every((entry) => bytes(entry.password) <= WINDOWS_CREDENTIAL_BLOB_BYTES)).toBe(true);
    expect(await vault.get('p-win/refresh-token')).toBe(large);

    const larger = `0.A${'Zy9_-'.repeat(1800)}`;
    await vault.set('p-win/refresh-token', larger);
    expect(await vault.get('p-win/refresh-token')).toBe(larger);
    expect((await setup.isolated.keychain.entries()).length).toBe(1 + Math.ceil(bytes(larger) / WINDOWS_CREDENTIAL_BLOB_BYTES));

    expect(await vault.delete('p-win/refresh-token')).toBe(true);
    expect(await setup.isolated.keychain.entries()).toEqual([]);
    expect(await vault.get('p-win/refresh-token')).toBeNull();
  });

  it('the app keeps and rotates refresh tokens through the same pieces when one entry holds less than a token', async () => {
    // 1,024 bytes: below the simulator's 1,500–2,000-character refresh tokens, so every rotation is split.
    const services: Services = createServices(setup.isolated.environment, {
      opener: { open: () => ({ close() {} }) },
      logger: silentLogger,
      vault: new KeychainVault(setup.isolated.variables.SAMDESK_KEYCHAIN_SERVICE, undefined, undefined, 1_024),
    });
    const profile = await signedInProfile(setup.sim, services, 'p-pieces');
    const consented = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    expect(consented).toMatch(/^0\.A/);

    const renewal = await services.renewal.renew(profile.id);

    expect(renewal.renewed).toBe(true);
    const rotated = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    expect(rotated).toMatch(/^0\.A/);
    expect(rotated).not.toBe(consented);
    const raw = await setup.isolated.keychain.entries();
    expect(raw.every((entry) => bytes(entry.password) <= 1_024)).toBe(true);
    expect(raw.filter((entry) => entry.account.startsWith(`${vaultAccounts.refreshToken(profile.id)}#`))).toHaveLength(2);
  });
});
