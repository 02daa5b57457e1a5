import type { UserFacingError } from '../../../electron/ipc/errors';
import type { ConsentVerification, DeviceCodePromptView } from '../../../electron/ipc/wizard';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';
import { wizardRunner } from './wizardRun';

export const WIZARD_STEPS = ['Tenant', 'SAM app', 'Sign in', 'Exchange', 'Verify', 'Done'] as const;
export type WizardStep = 1 | 2 | 3 | 4 | 5 | 6;
export type WizardView = 'steps' | 'accounts' | 'customer-consent';
export type SignInBrowser = 'embedded' | 'system';

/** What is under way, so each screen can show a spinner and a Cancel where it makes sense. */
export type WizardBusy =
  | 'admin-sign-in'
  | 'creating-app'
  | 'checking-app'
  | 'fixing-app'
  | 'signing-in'
  | 'device-code'
  | 'verifying'
  | 'cancelling'
  | null;

/** The wizard's choices: no secret ever (a typed or created secret goes straight to main's keychain). */
export interface WizardDraft {
  partnerTenant: string;
  appMode: 'create' | 'existing';
  clientId: string;
  profileName: string;
  browser: SignInBrowser;
}

/** What takes focus when a step opens: its heading, or the secret field when the secret must be typed again. */
export type WizardFocus = 'heading' | 'client-secret';

export interface WizardSlice {
  wizardOpen: boolean;
  wizardView: WizardView;
  wizardStep: WizardStep;
  wizardDraft: WizardDraft;
  wizardBusy: WizardBusy;
  wizardError: UserFacingError | null;
  wizardFocus: WizardFocus;
  /** The admin went past the optional Exchange device code; the verify step says so. */
  exchangeSkipped: boolean;
  deviceCodePrompt: DeviceCodePromptView | null;
  deviceCodeUser: string | null;
  verification: ConsentVerification | null;
  wizardProfileId: string | null;

  openWizard: (view?: WizardView, profileId?: string) => void;
  closeWizard: () => void;
  goToStep: (step: WizardStep) => void;
  /** Microsoft refused the secret: back to the app step, the existing-app form, focus on the (emptied) secret field. */
  reenterSecret: () => void;
  updateDraft: (change: Partial<WizardDraft>) => void;
  dismissWizardError: () => void;
  /** Calls the API first, synchronously, to stay inside the click that may open a popup. */
  signInAndConsent: (clientSecret?: string) => Promise<void>;
  startExchangeDeviceCode: () => Promise<void>;
  /** Next on the optional Exchange step while a code is pending: the code is cancelled, the wizard goes on. */
  skipExchange: () => void;
  cancelWizardWork: () => Promise<void>;
  verifyConsent: () => Promise<void>;
}

const emptyDraft = (): WizardDraft => ({ partnerTenant: '', appMode: 'existing', clientId: '', profileName: '', browser: 'embedded' });

export const createWizardSlice: SliceCreator<WizardSlice> = (set, get) => {
  const { run, supersede } = wizardRunner(set);

  return {
    wizardOpen: false,
    wizardView: 'steps',
    wizardStep: 1,
    wizardDraft: emptyDraft(),
    wizardBusy: null,
    wizardError: null,
    wizardFocus: 'heading',
    exchangeSkipped: false,
    deviceCodePrompt: null,
    deviceCodeUser: null,
    verification: null,
    wizardProfileId: null,

    openWizard: (view = 'steps', profileId) => {
      const profile = get().profiles.find((candidate) => candidate.id === profileId);
      const suggestions = get().suggestions;
      set({
        wizardOpen: true,
        wizardView: view,
        wizardStep: profile ? 3 : 1,
        wizardDraft: profile
          ? { ...emptyDraft(), partnerTenant: profile.partnerTenantId, clientId: profile.clientId, profileName: profile.name }
          : { ...emptyDraft(), partnerTenant: suggestions.partnerTenant ?? '', clientId: suggestions.clientId ?? '' },
        wizardError: null,
        wizardFocus: 'heading',
        exchangeSkipped: false,
        samApp: null,
        samAppOrigin: null,
        samAppMatch: null,
        adminUser: null,
        deviceCodePrompt: null,
        deviceCodeUser: null,
        verification: null,
        wizardProfileId: profileId ?? null,
        customerConsents: null,
        consentFindings: {},
        customerConsentGrant: null,
      });
    },
    closeWizard: () => set({ wizardOpen: false, wizardView: 'steps', wizardError: null }),
    goToStep: (wizardStep) => set({ wizardStep, wizardError: null, wizardFocus: 'heading' }),
    reenterSecret: () =>
      set((state) => ({ wizardStep: 2, wizardError: null, wizardFocus: 'client-secret', wizardDraft: { ...state.wizardDraft, appMode: 'existing' } })),
    updateDraft: (change) => set((state) => ({ wizardDraft: { ...state.wizardDraft, ...change } })),
    dismissWizardError: () => set({ wizardError: null }),

    signInAndConsent: async (clientSecret) => {
      const { partnerTenant, clientId, profileName, browser } = get().wizardDraft;
      const pending = samdesk().consent.start({
        partnerTenant,
        clientId,
        browser,
        ...(clientSecret ? { clientSecret } : {}),
        ...(profileName.trim() ? { profileName: profileName.trim() } : {}),
      });
      const profile = await run('signing-in', () => pending, 'Signing in did not finish.');
      if (!profile) return;
      get().addProfile(profile);
      set({ wizardProfileId: profile.id, wizardStep: 4, wizardFocus: 'heading', verification: null, exchangeSkipped: false });
    },

    startExchangeDeviceCode: async () => {
      const profileId = get().wizardProfileId;
      if (!profileId) return;
      set({ deviceCodePrompt: null, deviceCodeUser: null });
      const prompt = await run('device-code', () => samdesk().deviceCode.start({ kind: 'exchange', profileId }), 'No code could be requested.');
      if (!prompt) return;
      set({ deviceCodePrompt: prompt, wizardBusy: 'device-code' });
      const outcome = await run('device-code', () => samdesk().deviceCode.wait(), 'The device-code sign-in did not finish.');
      if (get().wizardStep !== 4) return;
      set({ deviceCodePrompt: null });
      if (outcome) set({ deviceCodeUser: outcome.user });
    },

    skipExchange: () => {
      // The pending wait ends as cancelled; it no longer speaks for the wizard, which has moved on.
      supersede();
      set({ deviceCodePrompt: null, wizardBusy: null, wizardError: null, exchangeSkipped: true, wizardStep: 5, wizardFocus: 'heading' });
      void samdesk().deviceCode.cancel().catch(() => undefined);
    },

    cancelWizardWork: async () => {
      set({ wizardBusy: 'cancelling' });
      try {
        // The pending call then rejects with kind 'cancelled', which the step shows.
        await samdesk().consent.cancel();
      } catch (reason) {
        set({ wizardError: shownError(reason, 'Could not cancel.') });
      }
    },

    verifyConsent: async () => {
      const profileId = get().wizardProfileId;
      if (!profileId) return;
      set({ verification: null });
      const verification = await run('verifying', () => samdesk().consent.verify({ profileId }), 'The check did not finish.');
      if (verification) set({ verification });
    },
  };
};
