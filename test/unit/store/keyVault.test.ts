import { describe, expect, it, vi } from 'vitest';
import type { VaultPublication } from '../../../electron/ipc/keyVault';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { useSamDeskStore } from '../../../renderer/src/store';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const vaultUrl = 'https://contoso-sam.vault.azure.net';
const publication = (profileId: string, change: Partial<VaultPublication> = {}) => ({ profileId, vaultUrl, vaultName: 'contoso-sam', state: 'in-sync', ...change }) as VaultPublication;
const names = 'cipp' as const;

describe('key vault slice', () => {
  useFreshStore();

  it('publishing is busy while it runs, sends profile, vault and names, and keeps the publication by profile', async () => {
    const answer = deferred<VaultPublication>();
    const publish = vi.fn(() => answer.promise);
    installSamDesk({ keyVault: { publish } });
    const pending = store().publishToVault('a', vaultUrl, names);
    expect(store().keyVaultBusy).toBe('publishing');
    answer.resolve(publication('a'));
    await pending;
    expect(publish).toHaveBeenCalledWith({ profileId: 'a', vaultUrl, names });
    expect(store()).toMatchObject({ keyVaultBusy: null, keyVaultError: null, publications: { a: { state: 'in-sync' } } });
  });

  it('a failed publish that main recorded on the profile shows the recorded status, not a second error', async () => {
    installSamDesk({ keyVault: { publish: () => Promise.reject(refusal('Forbidden by the vault.')), list: () => Promise.resolve([publication('a', { state: 'failed', error: { summary: '403 Forbidden', message: 'Forbidden by the vault.', code: 'Forbidden', at: '2026-01-01T00:00:00.000Z' } })]) } });
    await store().publishToVault('a', vaultUrl, names);
    expect(store().publications.a?.state).toBe('failed');
    expect(store().keyVaultError).toBeNull();
  });

  it('a failed push with nothing recorded keeps the error on screen', async () => {
    installSamDesk({ keyVault: { sync: () => Promise.reject(refusal('Vault unreachable.', 'network')), list: () => Promise.resolve([]) } });
    await store().syncVault('a', true);
    expect(store().keyVaultError?.message).toBe('Vault unreachable.');
  });

  it('a push asks to recover a deleted secret only when told to', async () => {
    const sync = vi.fn(() => Promise.resolve(publication('a')));
    installSamDesk({ keyVault: { sync } });
    await store().syncVault('a');
    await store().syncVault('a', true);
    expect(sync.mock.calls).toEqual([[{ profileId: 'a' }], [{ profileId: 'a', recoverDeleted: true }]]);
  });

  it('stopping publishing removes that profile\'s publication only when main stopped it', async () => {
    useSamDeskStore.setState({ publications: { a: publication('a'), b: publication('b') } });
    installSamDesk({ keyVault: { unpublish: () => Promise.reject(refusal('Locked.')) } });
    await store().unpublishVault('a', true);
    expect(Object.keys(store().publications)).toEqual(['a', 'b']);
    const unpublish = vi.fn(() => Promise.resolve());
    installSamDesk({ keyVault: { unpublish } });
    await store().unpublishVault('a', false);
    expect(unpublish).toHaveBeenCalledWith({ profileId: 'a', deleteSecrets: false });
    expect(Object.keys(store().publications)).toEqual(['b']);
  });

  it('finding vaults keeps them for the profile asked about', async () => {
    installSamDesk({ keyVault: { vaults: () => Promise.resolve([{ name: 'contoso-sam', vaultUrl, subscription: 'sub', resourceGroup: 'rg', location: 'westeurope', rbac: true }]) } });
    await store().findVaults('a');
    expect(store().vaultChoices?.profileId).toBe('a');
    expect(store().vaultChoices?.vaults).toHaveLength(1);
  });

  it('joining calls main inside the click, then adds the joined profile as active and closes the join screen and the wizard', async () => {
    const answer = deferred<{ profile: ProfileSummary; publication: VaultPublication }>();
    const join = vi.fn(() => answer.promise);
    installSamDesk({ keyVault: { join } });
    store().openWizard();
    store().openJoinVault();
    const pending = store().joinFromVault(vaultUrl);
    expect(join).toHaveBeenCalledWith({ vaultUrl });
    answer.resolve({ profile: profile('joined'), publication: publication('joined') });
    await pending;
    expect(store()).toMatchObject({ activeProfileId: 'joined', joinVaultOpen: false, wizardOpen: false, publications: { joined: { profileId: 'joined' } } });
  });

  it('a refused join stays on the join screen with the reason and adds no profile', async () => {
    installSamDesk({ keyVault: { join: () => Promise.reject(refusal('No secret under that name.', 'not-found')) } });
    store().openJoinVault();
    await store().joinFromVault(vaultUrl);
    expect(store()).toMatchObject({ joinVaultOpen: true, profiles: [], keyVaultError: { message: 'No secret under that name.' } });
  });
});
