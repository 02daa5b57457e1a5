import type { UserFacingError } from '../../../electron/ipc/errors';
import { samdesk, toUserFacingError } from '../api';
import type { SliceCreator } from './types';

export interface LifetimeSlice {
  profilesPanelOpen: boolean;
  /** The profile a notification (or the tray) asked to show. */
  focusedProfileId: string | null;
  renewingProfileIds: string[];
  renewingAll: boolean;
  /** Why the last renewal of a profile failed, when the call itself failed (network, keychain). */
  renewalErrors: Record<string, UserFacingError>;
  openProfilesPanel: (profileId?: string) => void;
  closeProfilesPanel: () => void;
  /** Reads every profile's countdown again (after a background renewal). */
  refreshProfiles: () => Promise<void>;
  renewProfile: (profileId: string) => Promise<void>;
  renewAllProfiles: () => Promise<void>;
  /** Signs in again for this profile's partner tenant and app: the only fix for a dead refresh token. */
  reconsentProfile: (profileId: string) => Promise<void>;
}

export const createLifetimeSlice: SliceCreator<LifetimeSlice> = (set, get) => ({
  profilesPanelOpen: false,
  focusedProfileId: null,
  renewingProfileIds: [],
  renewingAll: false,
  renewalErrors: {},

  openProfilesPanel: (profileId) => set({ profilesPanelOpen: true, focusedProfileId: profileId ?? null }),
  closeProfilesPanel: () => set({ profilesPanelOpen: false, focusedProfileId: null }),

  refreshProfiles: async () => {
    try {
      const profiles = await samdesk().profiles.list();
      set({ profiles });
    } catch {
      // The countdowns on screen stay as they were; the next refresh tries again.
    }
  },

  renewProfile: async (profileId) => {
    set((state) => ({ renewingProfileIds: [...state.renewingProfileIds, profileId], renewalErrors: withoutKey(state.renewalErrors, profileId) }));
    try {
      const result = await samdesk().profiles.renew({ profileId });
      set((state) => ({
        profiles: state.profiles.map((profile) => (profile.id === profileId ? result.profile : profile)),
        renewalErrors: result.error ? { ...state.renewalErrors, [profileId]: toUserFacingError(result.error) } : state.renewalErrors,
      }));
    } catch (reason) {
      set((state) => ({ renewalErrors: { ...state.renewalErrors, [profileId]: toUserFacingError(reason, 'The renewal did not finish.') } }));
    } finally {
      set((state) => ({ renewingProfileIds: state.renewingProfileIds.filter((id) => id !== profileId) }));
    }
  },

  renewAllProfiles: async () => {
    set({ renewingAll: true, renewalErrors: {} });
    try {
      const results = await samdesk().profiles.renewAll();
      const errors = Object.fromEntries(results.filter((r) => r.error).map((r) => [r.profile.id, toUserFacingError(r.error)]));
      const renewed = new Map(results.map((r) => [r.profile.id, r.profile]));
      set((state) => ({ profiles: state.profiles.map((profile) => renewed.get(profile.id) ?? profile), renewalErrors: errors }));
    } catch (reason) {
      const error = toUserFacingError(reason, 'The renewal did not finish.');
      set((state) => ({ renewalErrors: Object.fromEntries(state.profiles.map((profile) => [profile.id, error])) }));
    } finally {
      set({ renewingAll: false });
    }
  },

  reconsentProfile: (profileId) => {
    const profile = get().profiles.find((candidate) => candidate.id === profileId);
    if (!profile) return Promise.resolve();
    // startConsent calls the API first, inside this click, so the harness's sign-in popup is allowed.
    const pending = get().startConsent({ partnerTenant: profile.partnerTenantId, clientId: profile.clientId, profileName: profile.name });
    set((state) => ({ renewalErrors: withoutKey(state.renewalErrors, profileId) }));
    return pending;
  },
});

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}
