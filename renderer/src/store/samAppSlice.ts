import type { SamAppResult } from '../../../electron/ipc/wizard';
import { samdesk } from '../api';
import type { SliceCreator } from './types';
import { wizardRunner } from './wizardRun';

/** How the app on the SAM app step came to be shown: SAM Desk made it now, found it again, or checked the id typed. */
export type SamAppOrigin = 'created' | 'found' | 'checked';

/** The SAM app step's part of the wizard. Secrets are never kept here: a new one is handed to the step, once. */
export interface SamAppSlice {
  adminUser: string | null;
  samApp: SamAppResult | null;
  samAppOrigin: SamAppOrigin | null;
  /** An app SAM Desk created under the name asked for (null: none), offered instead of creating another. */
  samAppMatch: { displayName: string; app: SamAppResult | null } | null;
  adminSignIn: () => Promise<void>;
  /** Looks for an app SAM Desk created under this name before, so it is offered rather than made twice. */
  lookForSamApp: (displayName: string) => Promise<void>;
  /** Takes the app found by name as the SAM app: its id, its checklist. */
  adoptFoundSamApp: () => void;
  /** Resolves with the new secret so the step can show it once; it is never kept in the store. */
  createSamApp: (displayName: string) => Promise<SamAppResult['newSecret']>;
  checkSamApp: (clientSecret?: string) => Promise<void>;
  fixSamApp: () => Promise<SamAppResult['newSecret']>;
}

/** The store without the new secret, which only the step that shows it may hold. */
const withoutSecret = ({ newSecret: _shownOnce, ...result }: SamAppResult): SamAppResult => result;

export const createSamAppSlice: SliceCreator<SamAppSlice> = (set, get) => {
  const { run } = wizardRunner(set);
  return {
    adminUser: null,
    samApp: null,
    samAppOrigin: null,
    samAppMatch: null,

    adminSignIn: async () => {
      const pending = samdesk().samApp.signIn({ partnerTenant: get().wizardDraft.partnerTenant, browser: get().wizardDraft.browser });
      const result = await run('admin-sign-in', () => pending, 'Signing in did not finish.');
      if (result) set({ adminUser: result.user });
    },

    // Quietly, without marking the wizard busy: it runs as the name field is left, and must not move the button being clicked.
    lookForSamApp: async (displayName) => {
      const name = displayName.trim();
      if (!name || !get().adminUser || get().samAppMatch?.displayName === name) return;
      try {
        const found = await samdesk().samApp.find({ displayName: name });
        set({ samAppMatch: { displayName: name, app: found } });
      } catch {
        // Not knowing is no harm: "Create" looks again before it creates.
      }
    },

    adoptFoundSamApp: () => {
      const found = get().samAppMatch?.app;
      if (!found) return;
      set((state) => ({ samApp: found, samAppOrigin: 'found', wizardDraft: { ...state.wizardDraft, clientId: found.app.appId } }));
    },

    createSamApp: async (displayName) => {
      const outcome = await run(
        'creating-app',
        async () => {
          // An app this name already made is offered, never made twice (main's create would find it too, but this asks nothing).
          const found = await samdesk().samApp.find({ displayName });
          return found ? { found } : { created: await samdesk().samApp.create({ displayName }) };
        },
        'The app could not be created.',
      );
      if (outcome?.found) set({ samAppMatch: { displayName, app: outcome.found } });
      const result = outcome?.created;
      if (!result) return undefined;
      set((state) => ({
        samApp: withoutSecret(result),
        samAppOrigin: 'created',
        samAppMatch: { displayName, app: withoutSecret(result) },
        wizardDraft: { ...state.wizardDraft, clientId: result.app.appId },
      }));
      return result.newSecret;
    },

    checkSamApp: async (clientSecret) => {
      const { clientId } = get().wizardDraft;
      const result = await run('checking-app', () => samdesk().samApp.validate({ clientId, ...(clientSecret ? { clientSecret } : {}) }), 'The app could not be checked.');
      if (result) set({ samApp: result, samAppOrigin: 'checked' });
    },

    fixSamApp: async () => {
      const result = await run('fixing-app', () => samdesk().samApp.fix({ clientId: get().wizardDraft.clientId }), 'The app could not be fixed.');
      if (!result) return undefined;
      set({ samApp: withoutSecret(result) });
      return result.newSecret;
    },
  };
};
