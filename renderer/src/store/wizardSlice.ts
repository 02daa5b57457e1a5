import type { UserFacingError } from '../../../electron/ipc/errors';
import type { ConsentVerification, DeviceCodePromptView, SamAppResult } from '../../../electron/ipc/wizard';
import { samdesk, toUserFacingError } from '../api';
import type { SliceCreator } from './types';

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

export interface WizardSlice {
  wizardOpen: boolean;
  wizardView: WizardView;
  wizardStep: WizardStep;
  wizardDraft: WizardDraft;
  wizardBusy: WizardBusy;
  wizardError: UserFacingError | null;
  adminUser: string | null;
  samApp: SamAppResult | null;
  deviceCodePrompt: DeviceCodePromptView | null;
  deviceCodeUser: string | null;
  verification: ConsentVerification | null;
  wizardProfileId: string | null;

  openWizard: (view?: WizardView, profileId?: string) => void;
  closeWizard: () => void;
  goToStep: (step: WizardStep) => void;
  updateDraft: (change: Partial<WizardDraft>) => void;
  dismissWizardError: () => void;
  adminSignIn: () => Promise<void>;
  /** Resolves with the new secret so the step can show it once; it is never kept in the store. */
  createSamApp: (displayName: string) => Promise<SamAppResult['newSecret']>;
  checkSamApp: (clientSecret?: string) => Promise<void>;
  fixSamApp: () => Promise<SamAppResult['newSecret']>;
  /** Calls the API first, synchronously, to stay inside the click that may open a popup. */
  signInAndConsent: (clientSecret?: string) => Promise<void>;
  startExchangeDeviceCode: () => Promise<void>;
  cancelWizardWork: () => Promise<void>;
  verifyConsent: () => Promise<void>;
  renameProfile: (profileId: string, name: string) => Promise<void>;
  /** A published profile's vault secrets stay unless `vaultSecrets` is 'delete'. */
  removeProfile: (profileId: string, vaultSecrets?: 'leave' | 'delete') => Promise<void>;
}

const emptyDraft = (): WizardDraft => ({ partnerTenant: '', appMode: 'existing', clientId: '', profileName: '', browser: 'embedded' });

export const createWizardSlice: SliceCreator<WizardSlice> = (set, get) => {
  /** Runs one wizard call: marks it busy, keeps its plain-language error. */
  const run = async <T>(busy: WizardBusy, work: () => Promise<T>, fallback: string): Promise<T | undefined> => {
    set({ wizardBusy: busy, wizardError: null });
    try {
      return await work();
    } catch (reason) {
      set({ wizardError: toUserFacingError(reason, fallback) });
      return undefined;
    } finally {
      set({ wizardBusy: null });
    }
  };

  return {
    wizardOpen: false,
    wizardView: 'steps',
    wizardStep: 1,
    wizardDraft: emptyDraft(),
    wizardBusy: null,
    wizardError: null,
    adminUser: null,
    samApp: null,
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
        samApp: null,
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
    goToStep: (wizardStep) => set({ wizardStep, wizardError: null }),
    updateDraft: (change) => set((state) => ({ wizardDraft: { ...state.wizardDraft, ...change } })),
    dismissWizardError: () => set({ wizardError: null }),

    adminSignIn: async () => {
      const pending = samdesk().samApp.signIn({ partnerTenant: get().wizardDraft.partnerTenant, browser: get().wizardDraft.browser });
      const result = await run('admin-sign-in', () => pending, 'Signing in did not finish.');
      if (result) set({ adminUser: result.user });
    },

    createSamApp: async (displayName) => {
      const result = await run('creating-app', () => samdesk().samApp.create({ displayName }), 'The app could not be created.');
      if (!result) return undefined;
      const { newSecret, ...rest } = result;
      set((state) => ({ samApp: rest, wizardDraft: { ...state.wizardDraft, clientId: result.app.appId } }));
      return newSecret;
    },

    checkSamApp: async (clientSecret) => {
      const { clientId } = get().wizardDraft;
      const result = await run('checking-app', () => samdesk().samApp.validate({ clientId, ...(clientSecret ? { clientSecret } : {}) }), 'The app could not be checked.');
      if (result) set({ samApp: result });
    },

    fixSamApp: async () => {
      const result = await run('fixing-app', () => samdesk().samApp.fix({ clientId: get().wizardDraft.clientId }), 'The app could not be fixed.');
      if (!result) return undefined;
      const { newSecret, ...rest } = result;
      set({ samApp: rest });
      return newSecret;
    },

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
      set({ wizardProfileId: profile.id, wizardStep: 4, verification: null });
    },

    startExchangeDeviceCode: async () => {
      const profileId = get().wizardProfileId;
      if (!profileId) return;
      set({ deviceCodePrompt: null, deviceCodeUser: null });
      const prompt = await run('device-code', () => samdesk().deviceCode.start({ kind: 'exchange', profileId }), 'No code could be requested.');
      if (!prompt) return;
      set({ deviceCodePrompt: prompt, wizardBusy: 'device-code' });
      const outcome = await run('device-code', () => samdesk().deviceCode.wait(), 'The device-code sign-in did not finish.');
      set({ deviceCodePrompt: null });
      if (outcome) set({ deviceCodeUser: outcome.user });
    },

    cancelWizardWork: async () => {
      set({ wizardBusy: 'cancelling' });
      try {
        // The pending call then rejects with kind 'cancelled', which the step shows.
        await samdesk().consent.cancel();
      } catch (reason) {
        set({ wizardError: toUserFacingError(reason, 'Could not cancel.') });
      }
    },

    verifyConsent: async () => {
      const profileId = get().wizardProfileId;
      if (!profileId) return;
      set({ verification: null });
      const verification = await run('verifying', () => samdesk().consent.verify({ profileId }), 'The check did not finish.');
      if (verification) set({ verification });
    },

    renameProfile: async (profileId, name) => {
      try {
        const profile = await samdesk().profiles.rename({ profileId, name });
        set((state) => ({ profiles: state.profiles.map((existing) => (existing.id === profileId ? profile : existing)) }));
      } catch (reason) {
        set({ wizardError: toUserFacingError(reason, 'The profile could not be renamed.') });
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
      } catch (reason) {
        set({ wizardError: toUserFacingError(reason, 'The profile could not be removed.') });
      }
    },
  };
};
