import type { UserFacingError } from '../../../electron/ipc/errors';
import type { RenewalResult } from '../../../electron/ipc/profiles';
import { samdesk, shownError } from '../api';
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
  /** When each profile was last renewed from this window, for the row's "Renewed at …". */
  renewedAt: Record<string, string>;
  /** Reads every profile's countdown again (after a background renewal); calls close together become one more read. */
  refreshProfiles: () => Promise<void>;
  /** Resolves with what happened, so the caller can say it (a toast); the rows show it too. */
  renewProfile: (profileId: string) => Promise<RenewalOutcome>;
  renewAllProfiles: () => Promise<RenewalOutcome[]>;
  /** Signs in again for this profile's partner tenant and app: the only fix for a dead refresh token. */
  reconsentProfile: (profileId: string) => Promise<void>;
}

/** A renewal as the window tells it: the profile as it is now, and the error when it did not renew. */
export interface RenewalOutcome {
  profileId: string;
  profile?: RenewalResult['profile'];
  renewed: boolean;
  error?: UserFacingError;
}

export const createLifetimeSlice: SliceCreator<LifetimeSlice> = (set, get) => {
  // One read at a time; calls meanwhile (a burst of rotations) become one more read after it.
  let reading: Promise<void> | undefined;
  let readAgain = false;
  const readProfiles = async (): Promise<void> => {
    do {
      readAgain = false;
      try {
        set({ profiles: await samdesk().profiles.list() });
      } catch {
        // The countdowns on screen stay as they were; the next refresh tries again.
      }
    } while (readAgain);
  };

  const keep = (results: RenewalResult[], at: string) =>
    set((state) => {
      const byId = new Map(results.map((result) => [result.profile.id, result]));
      const renewed = results.filter((result) => result.renewed).map((result) => [result.profile.id, at] as const);
      return {
        profiles: state.profiles.map((profile) => byId.get(profile.id)?.profile ?? profile),
        renewalErrors: {
          ...Object.fromEntries(Object.entries(state.renewalErrors).filter(([id]) => !byId.has(id))),
          ...Object.fromEntries(results.filter((result) => result.error).map((result) => [result.profile.id, shownError(result.error)])),
        },
        renewedAt: { ...Object.fromEntries(Object.entries(state.renewedAt).filter(([id]) => !byId.has(id))), ...Object.fromEntries(renewed) },
      };
    });
  const outcome = (result: RenewalResult): RenewalOutcome => ({
    profileId: result.profile.id,
    profile: result.profile,
    renewed: result.renewed,
    ...(result.error ? { error: shownError(result.error) } : {}),
  });

  return {
    profilesPanelOpen: false,
    focusedProfileId: null,
    renewingProfileIds: [],
    renewingAll: false,
    renewalErrors: {},
    renewedAt: {},

    openProfilesPanel: (profileId) => set({ profilesPanelOpen: true, focusedProfileId: profileId ?? null }),
    closeProfilesPanel: () => set({ profilesPanelOpen: false, focusedProfileId: null }),

    refreshProfiles: () => {
      if (reading) {
        readAgain = true;
        return reading;
      }
      reading = readProfiles().finally(() => (reading = undefined));
      return reading;
    },

    renewProfile: async (profileId) => {
      set((state) => ({ renewingProfileIds: [...state.renewingProfileIds, profileId], renewalErrors: withoutKey(state.renewalErrors, profileId) }));
      try {
        const result = await samdesk().profiles.renew({ profileId });
        keep([result], new Date().toISOString());
        return outcome(result);
      } catch (reason) {
        const error = shownError(reason, 'The renewal did not finish.');
        set((state) => ({ renewalErrors: { ...state.renewalErrors, [profileId]: error } }));
        return { profileId, renewed: false, error };
      } finally {
        set((state) => ({ renewingProfileIds: state.renewingProfileIds.filter((id) => id !== profileId) }));
      }
    },

    renewAllProfiles: async () => {
      set({ renewingAll: true, renewalErrors: {} });
      try {
        const results = await samdesk().profiles.renewAll();
        keep(results, new Date().toISOString());
        return results.map(outcome);
      } catch (reason) {
        const error = shownError(reason, 'The renewal did not finish.');
        set((state) => ({ renewalErrors: Object.fromEntries(state.profiles.map((profile) => [profile.id, error])) }));
        return get().profiles.map((profile) => ({ profileId: profile.id, renewed: false, error }));
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
  };
};

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}
