import { describe, expect, it, vi } from 'vitest';
import type { ProfileSummary, RenewalResult } from '../../../electron/ipc/profiles';
import { useSamDeskStore } from '../../../renderer/src/store';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

describe('lifetime slice', () => {
  useFreshStore();

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

  it('the profiles panel opens on the profile a notification asked for, and forgets it on close', () => {
    store().openProfilesPanel('a');
    expect(store()).toMatchObject({ profilesPanelOpen: true, focusedProfileId: 'a' });
    store().closeProfilesPanel();
    expect(store()).toMatchObject({ profilesPanelOpen: false, focusedProfileId: null });
  });
});
