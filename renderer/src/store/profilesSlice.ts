import type { AppState, StartupNotice } from '../../../electron/ipc/app';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
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
}

export const createProfilesSlice: SliceCreator<ProfilesSlice> = (set, get) => ({
  startupStatus: 'loading',
  startupError: null,
  cloud: null,
  profiles: [],
  suggestions: {},
  activeProfileId: null,
  startupNotices: [],

  dismissStartupNotice: (notice) => set((state) => ({ startupNotices: state.startupNotices.filter((n) => n !== notice) })),

  loadAppState: async () => {
    set({ startupStatus: 'loading', startupError: null });
    try {
      const state = await samdesk().app.state();
      const stillActive = state.profiles.some((profile) => profile.id === get().activeProfileId);
      set({
        startupStatus: 'ready',
        cloud: state.cloud,
        profiles: state.profiles,
        suggestions: state.suggestions,
        startupNotices: state.notices ?? [],
        activeProfileId: stillActive ? get().activeProfileId : (state.profiles[0]?.id ?? null),
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
});
