import type { AppState, StartupNotice } from '../../../electron/ipc/app';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { ProfileSummary, RenewalResult } from '../../../electron/ipc/profiles';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

export type StartupStatus = 'loading' | 'ready' | 'error';

export interface ProfilesSlice {
  startupStatus: StartupStatus;
  startupError: UserFacingError | null;
  cloud: AppState['cloud'] | null;
  profiles: ProfileSummary[];
  suggestions: AppState['suggestions'];
  activeProfileId: string | null;
  /** Problems main found at start (a damaged file set aside), shown until dismissed. */
  startupNotices: StartupNotice[];
  dismissStartupNotice: (notice: StartupNotice) => void;
  loadAppState: () => Promise<void>;
  /** A profile that consent just created (or renewed) becomes the active one. */
  addProfile: (profile: ProfileSummary) => void;
  selectProfile: (profileId: string) => void;
  renewingProfileIds: string[];
  renewingAll: boolean;
  /** Why the last renewal of a profile failed, when the call itself failed (network, keychain). */
  renewalErrors: Record<string, UserFacingError>;
  /** When each profile was last renewed from this window, for the row's "Renewed at …". */
  renewedAt: Record<string, string>;
  /** Reads every profile's countdown again (after a background renewal); calls close together become one more read. */
  refreshProfiles: () => Promise<void>;
  /** Resolves with what happened, so the caller can say it (a toast); the rows show it too. */
  renewProfile: (profileId: string) => Promise<RenewalOutcome>;
  renewAllProfiles: () => Promise<RenewalOutcome[]>;
  /** Resolves true when renamed (false: the error is on screen). */
  renameProfile: (profileId: string, name: string) => Promise<boolean>;
  /** A published profile's vault secrets stay unless `vaultSecrets` is 'delete'; resolves true when removed. */
  removeProfile: (profileId: string, vaultSecrets?: 'leave' | 'delete') => Promise<boolean>;
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

export const createProfilesSlice: SliceCreator<ProfilesSlice> = (set, get) => {
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
    startupStatus: 'loading',
    startupError: null,
    cloud: null,
    profiles: [],
    suggestions: {},
    activeProfileId: null,
    startupNotices: [],
    renewingProfileIds: [],
    renewingAll: false,
    renewalErrors: {},
    renewedAt: {},

    dismissStartupNotice: (notice) => set((state) => ({ startupNotices: state.startupNotices.filter((n) => n !== notice) })),

    loadAppState: async () => {
      set({ startupStatus: 'loading', startupError: null });
      try {
        const state = await samdesk().app.state();
        const stillActive = state.profiles.some((profile) => profile.id === get().activeProfileId);
        const activeProfileId = stillActive ? get().activeProfileId : (state.profiles[0]?.id ?? null);
        // The customer list's first screen is on its way while the main screen renders.
        if (activeProfileId && !get().wizardOpen) get().prefetchFirstScreen(activeProfileId);
        set({
          startupStatus: 'ready',
          cloud: state.cloud,
          profiles: state.profiles,
          suggestions: state.suggestions,
          startupNotices: state.notices ?? [],
          activeProfileId,
        });
      } catch (reason) {
        set({ startupStatus: 'error', startupError: shownError(reason, 'SAM Desk could not start.') });
      }
    },

    addProfile: (profile) =>
      set((state) => ({
        profiles: [...state.profiles.filter((existing) => existing.id !== profile.id), profile],
        activeProfileId: profile.id,
      })),

    selectProfile: (profileId) => {
      if (profileId === get().activeProfileId) return;
      get().clearCustomers();
      set({ activeProfileId: profileId, selectedCustomerTenantId: null, customerQuery: '', snippets: {} });
    },

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

    renameProfile: async (profileId, name) => {
      try {
        const profile = await samdesk().profiles.rename({ profileId, name });
        set((state) => ({ profiles: state.profiles.map((existing) => (existing.id === profileId ? profile : existing)) }));
        return true;
      } catch (reason) {
        set({ wizardError: shownError(reason, 'The profile could not be renamed.') });
        return false;
      }
    },

    removeProfile: async (profileId, vaultSecrets) => {
      try {
        await samdesk().profiles.remove({ profileId, ...(vaultSecrets ? { vaultSecrets } : {}) });
        set((state) => {
          const profiles = state.profiles.filter((existing) => existing.id !== profileId);
          const { [profileId]: _unpublished, ...publications } = state.publications;
          return {
            profiles,
            publications,
            activeProfileId: state.activeProfileId === profileId ? (profiles[0]?.id ?? null) : state.activeProfileId,
          };
        });
        return true;
      } catch (reason) {
        set({ wizardError: shownError(reason, 'The profile could not be removed.') });
        return false;
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
