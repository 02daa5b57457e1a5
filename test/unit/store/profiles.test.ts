import { describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../electron/ipc/app';
import type { VaultPublication } from '../../../electron/ipc/keyVault';
import type { ProfileSummary, RenewalResult } from '../../../electron/ipc/profiles';
import { useSamDeskStore } from '../../../renderer/src/store';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const appState = (change: Partial<AppState> = {}): AppState => ({
  cloud: { name: 'Global', loginHost: 'login.microsoftonline.com' },
  profiles: [profile('a'), profile('b')],
  suggestions: { partnerTenant: 'partner.example' },
  ...change,
});

describe('profiles slice', () => {
  useFreshStore();

  it('start-up: becomes ready with the profiles, their notices, and the first profile active', async () => {
    const notice = { title: 'Damaged file set aside', message: 'profiles.json could not be read.' };
    installSamDesk({ app: { state: () => Promise.resolve(appState({ notices: [notice] })) } });
    await store().loadAppState();
    expect(store().startupStatus).toBe('ready');
    expect(store().profiles.map((p) => p.id)).toEqual(['a', 'b']);
    expect(store().activeProfileId).toBe('a');
    expect(store().startupNotices).toEqual([notice]);
  });

  it('reloading the app state keeps the active profile when it still exists, and falls back to the first when it was removed', async () => {
    installSamDesk({ app: { state: () => Promise.resolve(appState()) } });
    await store().loadAppState();
    store().selectProfile('b');
    await store().loadAppState();
    expect(store().activeProfileId).toBe('b');
    installSamDesk({ app: { state: () => Promise.resolve(appState({ profiles: [profile('a')] })) } });
    await store().loadAppState();
    expect(store().activeProfileId).toBe('a');
  });

  it('a refused start-up leaves an error state with main\'s plain-language message, no profile active', async () => {
    installSamDesk({ app: { state: () => Promise.reject(refusal('The keychain is locked.', 'keychain')) } });
    await store().loadAppState();
    expect(store().startupStatus).toBe('error');
    expect(store().startupError).toMatchObject({ kind: 'keychain', message: 'The keychain is locked.' });
    expect(store().activeProfileId).toBeNull();
  });

  it('a profile consent returns replaces the one with the same id (no duplicate) and becomes active', () => {
    store().addProfile(profile('a'));
    store().addProfile(profile('b'));
    store().addProfile(profile('a', { name: 'Renewed' }));
    expect(store().profiles.map((p) => [p.id, p.name])).toEqual([
      ['b', 'Profile b'],
      ['a', 'Renewed'],
    ]);
    expect(store().activeProfileId).toBe('a');
  });

  it('switching profile forgets the other profile\'s customers, selection, search and snippets; selecting the active one keeps them', () => {
    store().addProfile(profile('b'));
    store().addProfile(profile('a'));
    store().setCustomerQuery('contoso');
    store().selectCustomer('tenant-1');
    store().selectProfile('a');
    expect(store().customerQuery).toBe('contoso');
    store().selectProfile('b');
    expect(store()).toMatchObject({ activeProfileId: 'b', customerQuery: '', selectedCustomerTenantId: null, snippets: {}, customers: [], customersStatus: 'idle' });
  });

  it('dismissing a start-up notice removes that notice only', async () => {
    const first = { title: 'One', message: 'first' };
    const second = { title: 'Two', message: 'second' };
    const state = vi.fn(() => Promise.resolve(appState({ notices: [first, second] })));
    installSamDesk({ app: { state } });
    await store().loadAppState();
    store().dismissStartupNotice(store().startupNotices[0]!);
    expect(store().startupNotices).toEqual([second]);
  });

  it('renaming replaces the profile with main\'s answer; a refused rename keeps the old name and says why', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ profiles: { rename: () => Promise.resolve(profile('a', { name: 'New name' })) } });
    expect(await store().renameProfile('a', 'New name')).toBe(true);
    expect(store().profiles[0]?.name).toBe('New name');
    installSamDesk({ profiles: { rename: () => Promise.reject(refusal('That name is taken.', 'invalid-input')) } });
    expect(await store().renameProfile('a', 'Taken')).toBe(false);
    expect(store().profiles[0]?.name).toBe('New name');
    expect(store().wizardError?.message).toBe('That name is taken.');
  });

  it('removing the active profile drops it and its publication and activates the next; a refused removal keeps everything', async () => {
    store().addProfile(profile('b'));
    store().addProfile(profile('a'));
    useSamDeskStore.setState({ publications: { a: { profileId: 'a' } as VaultPublication } });
    installSamDesk({ profiles: { remove: () => Promise.reject(refusal('Keychain locked.', 'keychain')) } });
    expect(await store().removeProfile('a')).toBe(false);
    expect(store().profiles).toHaveLength(2);
    const remove = vi.fn(() => Promise.resolve());
    installSamDesk({ profiles: { remove } });
    expect(await store().removeProfile('a', 'delete')).toBe(true);
    expect(remove).toHaveBeenCalledWith({ profileId: 'a', vaultSecrets: 'delete' });
    expect(store()).toMatchObject({ activeProfileId: 'b', publications: {} });
    expect(store().profiles.map((p) => p.id)).toEqual(['b']);
  });

  it('a renewal marks the profile renewing, then replaces it with main\'s answer and records when it renewed', async () => {
    store().addProfile(profile('a'));
    const answer = deferred<RenewalResult>();
    const renew = vi.fn(() => answer.promise);
    installSamDesk({ profiles: { renew } });
    const pending = store().renewProfile('a');
    expect(store().renewingProfileIds).toEqual(['a']);
    answer.resolve({ profile: profile('a', { lastRedeemedAt: '2026-02-01T00:00:00.000Z' }), renewed: true });
    expect(await pending).toMatchObject({ profileId: 'a', renewed: true });
    expect(renew).toHaveBeenCalledWith({ profileId: 'a' });
    expect(store().renewingProfileIds).toEqual([]);
    expect(store().profiles[0]?.lastRedeemedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(store().renewedAt.a).toBeDefined();
  });

  it('a renewal Microsoft refused keeps the updated profile, its error, and no "renewed at"', async () => {
    store().addProfile(profile('a'));
    const error = refusal('AADSTS700082: the refresh token has expired.');
    installSamDesk({ profiles: { renew: () => Promise.resolve({ profile: profile('a', { level: 'expired' }), renewed: false, error }) } });
    expect(await store().renewProfile('a')).toMatchObject({ renewed: false, error: { message: error.message } });
    expect(store().profiles[0]?.level).toBe('expired');
    expect(store().renewalErrors.a?.message).toBe(error.message);
    expect(store().renewedAt.a).toBeUndefined();
  });

  it('a renewal call that failed (network) says so for that profile, leaves the profile as it was', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ profiles: { renew: () => Promise.reject(new Error('socket hang up')) } });
    expect(await store().renewProfile('a')).toMatchObject({ renewed: false, error: { message: 'The renewal did not finish.' } });
    expect(store().profiles).toEqual([profile('a')]);
  });

  it('renew all: every profile gets its own outcome; a failed call gives every profile the error', async () => {
    store().addProfile(profile('a'));
    store().addProfile(profile('b'));
    installSamDesk({ profiles: { renewAll: () => Promise.resolve([{ profile: profile('a'), renewed: true }, { profile: profile('b'), renewed: false, error: refusal('Refused.') }]) } });
    const outcomes = await store().renewAllProfiles();
    expect(outcomes.map((o) => [o.profileId, o.renewed])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(Object.keys(store().renewalErrors)).toEqual(['b']);
    installSamDesk({ profiles: { renewAll: () => Promise.reject(refusal('Offline.', 'network')) } });
    expect((await store().renewAllProfiles()).every((o) => !o.renewed)).toBe(true);
    expect(Object.keys(store().renewalErrors).sort()).toEqual(['a', 'b']);
    expect(store().renewingAll).toBe(false);
  });

  it('reading the countdowns again: calls while one read runs become exactly one more read', async () => {
    const reads: Array<ReturnType<typeof deferred<ProfileSummary[]>>> = [];
    installSamDesk({ profiles: { list: () => { const read = deferred<ProfileSummary[]>(); reads.push(read); return read.promise; } } });
    const first = store().refreshProfiles();
    void store().refreshProfiles();
    void store().refreshProfiles();
    reads[0]!.resolve([profile('a')]);
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    reads[1]!.resolve([profile('a'), profile('b')]);
    await first;
    expect(reads).toHaveLength(2);
    expect(store().profiles.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('re-consent signs in again for that profile\'s partner tenant, app and name, and clears its renewal error', async () => {
    const start = vi.fn(() => Promise.resolve(profile('a')));
    installSamDesk({ consent: { start } });
    store().addProfile(profile('a', { name: 'Contoso CSP' }));
    useSamDeskStore.setState({ renewalErrors: { a: refusal('dead') } });
    await store().reconsentProfile('a');
    expect(start).toHaveBeenCalledWith({ partnerTenant: profile('a').partnerTenantId, clientId: profile('a').clientId, profileName: 'Contoso CSP' });
    expect(store().renewalErrors).toEqual({});
    await store().reconsentProfile('unknown');
    expect(start).toHaveBeenCalledTimes(1);
  });
});
