import type { UserFacingError } from '../../../electron/ipc/errors';
import type { Settings } from '../../../electron/ipc/settings';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  /** Null until read from main. */
  settings: Settings | null;
  settingsOpen: boolean;
  settingsError: UserFacingError | null;
  savingSettings: boolean;
  loadSettings: () => Promise<void>;
  openSettings: () => void;
  closeSettings: () => void;
  /** Saves a partial change; returns whether it was stored (an invalid value keeps the dialog open with the reason). */
  saveSettings: (change: Partial<Settings>) => Promise<boolean>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: null,
  settingsOpen: false,
  settingsError: null,
  savingSettings: false,

  loadSettings: async () => {
    try {
      set({ settings: await samdesk().settings.get() });
    } catch (reason) {
      set({ settingsError: shownError(reason, 'Settings could not be read.') });
    }
  },
  openSettings: () => set({ settingsOpen: true, settingsError: null }),
  closeSettings: () => set({ settingsOpen: false, settingsError: null }),

  saveSettings: async (change) => {
    set({ savingSettings: true, settingsError: null });
    try {
      set({ settings: await samdesk().settings.set(change), settingsOpen: false });
      return true;
    } catch (reason) {
      set({ settingsError: shownError(reason, 'Settings could not be saved.') });
      return false;
    } finally {
      set({ savingSettings: false });
    }
  },
});
