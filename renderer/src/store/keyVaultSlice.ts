import type { UserFacingError } from '../../../electron/ipc/errors';
import type { VaultChoice, VaultNameScheme, VaultPublication } from '../../../electron/ipc/keyVault';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

export type KeyVaultBusy = 'finding' | 'publishing' | 'syncing' | 'unpublishing' | 'joining' | null;

/** Azure Key Vault in the window: where each profile is published, the vault panel, joining from a vault. No secrets. */
export interface KeyVaultSlice {
  /** By profile id. */
  publications: Record<string, VaultPublication>;
  keyVaultPanelOpen: boolean;
  keyVaultBusy: KeyVaultBusy;
  keyVaultError: UserFacingError | null;
  /** Vaults Resource Manager listed for a profile, once asked. */
  vaultChoices: { profileId: string; vaults: VaultChoice[] } | null;
  /** The connect screen shows "join from a vault" instead of the wizard. */
  joinVaultOpen: boolean;
  loadPublications: () => Promise<void>;
  openKeyVaultPanel: () => void;
  closeKeyVaultPanel: () => void;
  dismissKeyVaultError: () => void;
  findVaults: (profileId: string) => Promise<void>;
  publishToVault: (profileId: string, vaultUrl: string, names: VaultNameScheme) => Promise<void>;
  syncVault: (profileId: string, recoverDeleted?: boolean) => Promise<void>;
  unpublishVault: (profileId: string, deleteSecrets: boolean) => Promise<void>;
  openJoinVault: () => void;
  closeJoinVault: () => void;
  /** Calls the API first, inside the click, so the harness's sign-in popup is allowed. */
  joinFromVault: (vaultUrl: string, names?: VaultNameScheme) => Promise<void>;
  cancelJoinVault: () => Promise<void>;
}

export const createKeyVaultSlice: SliceCreator<KeyVaultSlice> = (set, get) => {
  const run = async <T>(busy: KeyVaultBusy, work: () => Promise<T>, fallback: string): Promise<T | undefined> => {
    set({ keyVaultBusy: busy, keyVaultError: null });
    try {
      return await work();
    } catch (reason) {
      set({ keyVaultError: shownError(reason, fallback) });
      return undefined;
    } finally {
      set({ keyVaultBusy: null });
    }
  };
  const keep = (publication: VaultPublication) => set((state) => ({ publications: { ...state.publications, [publication.profileId]: publication } }));
  /** A failed push or publish is recorded on the profile (and retried): its status says it, so the call's error need not too. */
  const showRecordedFailure = async (profileId: string) => {
    await get().loadPublications();
    if (get().publications[profileId]?.error) set({ keyVaultError: null });
  };

  return {
    publications: {},
    keyVaultPanelOpen: false,
    keyVaultBusy: null,
    keyVaultError: null,
    vaultChoices: null,
    joinVaultOpen: false,

    loadPublications: async () => {
      try {
        const list = await samdesk().keyVault.list();
        set({ publications: Object.fromEntries(list.map((publication) => [publication.profileId, publication])) });
      } catch {
        // The statuses on screen stay as they were; the next change event reads them again.
      }
    },
    openKeyVaultPanel: () => {
      set({ keyVaultPanelOpen: true, keyVaultError: null });
      void get().loadPublications();
    },
    closeKeyVaultPanel: () => set({ keyVaultPanelOpen: false, keyVaultError: null }),
    dismissKeyVaultError: () => set({ keyVaultError: null }),

    findVaults: async (profileId) => {
      const vaults = await run('finding', () => samdesk().keyVault.vaults({ profileId }), 'Your key vaults could not be listed.');
      if (vaults) set({ vaultChoices: { profileId, vaults } });
    },

    publishToVault: async (profileId, vaultUrl, names) => {
      const publication = await run('publishing', () => samdesk().keyVault.publish({ profileId, vaultUrl, names }), 'Publishing did not finish.');
      if (publication) keep(publication);
      else await showRecordedFailure(profileId);
    },

    syncVault: async (profileId, recoverDeleted) => {
      const publication = await run('syncing', () => samdesk().keyVault.sync({ profileId, ...(recoverDeleted ? { recoverDeleted } : {}) }), 'The push did not finish.');
      if (publication) keep(publication);
      else await showRecordedFailure(profileId);
    },

    unpublishVault: async (profileId, deleteSecrets) => {
      const done = await run('unpublishing', async () => (await samdesk().keyVault.unpublish({ profileId, deleteSecrets }), true), 'Publishing could not be stopped.');
      if (!done) return;
      set((state) => {
        const { [profileId]: _removed, ...rest } = state.publications;
        return { publications: rest };
      });
    },

    openJoinVault: () => set({ joinVaultOpen: true, keyVaultError: null }),
    closeJoinVault: () => set({ joinVaultOpen: false, keyVaultError: null }),

    joinFromVault: async (vaultUrl, names) => {
      const pending = samdesk().keyVault.join({ vaultUrl, ...(names ? { names } : {}) });
      const joined = await run('joining', () => pending, 'Joining from the vault did not finish.');
      if (!joined) return;
      keep(joined.publication);
      get().addProfile(joined.profile);
      set({ joinVaultOpen: false });
      get().closeWizard();
    },

    cancelJoinVault: async () => {
      await samdesk().keyVault.cancelJoin();
    },
  };
};
