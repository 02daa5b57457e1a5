import { describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../electron/ipc/app';
import { installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

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
});
