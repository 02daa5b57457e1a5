import type { ChannelInput } from '../../../electron/ipc/channels';
import type { UserFacingError } from '../../../electron/ipc/errors';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

export type ConsentInput = ChannelInput<'consent.start'>;
export type ConsentStatus = 'idle' | 'signing-in' | 'cancelling';

export interface ConsentSlice {
  consentStatus: ConsentStatus;
  consentError: UserFacingError | null;
  /**
   * Starts the sign-in. Calls the API before anything else, synchronously, so the call stays
   * inside the click's user gesture (the browser harness opens its sign-in popup there).
   */
  startConsent: (input: ConsentInput) => Promise<void>;
  cancelConsent: () => Promise<void>;
  dismissConsentError: () => void;
}

export const createConsentSlice: SliceCreator<ConsentSlice> = (set, get) => ({
  consentStatus: 'idle',
  consentError: null,

  startConsent: (input) => {
    const pending = samdesk().consent.start(input);
    set({ consentStatus: 'signing-in', consentError: null });
    return pending.then(
      (profile) => {
        get().addProfile(profile);
        set({ consentStatus: 'idle' });
      },
      (reason: unknown) => {
        set({ consentStatus: 'idle', consentError: shownError(reason, 'Signing in did not finish.') });
      },
    );
  },

  cancelConsent: async () => {
    if (get().consentStatus !== 'signing-in') return;
    set({ consentStatus: 'cancelling' });
    try {
      // The pending start() then rejects with kind 'cancelled' and returns the form.
      await samdesk().consent.cancel();
    } catch (reason) {
      set({ consentStatus: 'signing-in', consentError: shownError(reason, 'Could not cancel the sign-in.') });
    }
  },

  dismissConsentError: () => set({ consentError: null }),
});
