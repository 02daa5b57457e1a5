import type { ClipboardCopy } from '../../../electron/ipc/app';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { SnippetMode, SnippetModule } from '../../../electron/ipc/schemas';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

/**
 * What the UI remembers about one copied snippet. There is no `text`: main puts the live snippet
 * (with its access token) on the clipboard itself, and the window only ever sees the preview.
 */
export interface SnippetState {
  status: 'idle' | 'copying' | 'copied' | 'error';
  /** Before a copy, placeholders where the tokens will go; after one, the copied snippet with its tokens hidden. */
  preview?: string;
  expiresAt?: string;
  error?: UserFacingError;
}

export interface CopyOutcome {
  /** When the embedded tokens lapse; absent for the script modes (nothing embedded). */
  expiresAt?: string;
  /** The scheduled clipboard clear, for snippets holding a token (unless the setting is 0). */
  clear?: ClipboardCopy;
}

export interface SnippetsSlice {
  /** Keyed by snippetKey(customerTenantId, module, mode). */
  snippets: Record<string, SnippetState>;
  /** Which kind of snippet each module's copy button produces (paste unless the admin chose otherwise). */
  snippetModes: Partial<Record<SnippetModule, SnippetMode>>;
  setSnippetMode: (module: SnippetModule, mode: SnippetMode) => void;
  /** Puts the snippet on the clipboard (paste mode mints tokens first); null on failure. */
  copySnippet: (customerTenantId: string, module: SnippetModule, mode?: SnippetMode) => Promise<CopyOutcome | null>;
  /** Fetches what the snippet will look like, tokens as placeholders, unless a preview is already there. */
  loadSnippetPreview: (customerTenantId: string, module: SnippetModule, mode: SnippetMode) => Promise<void>;
}

export function snippetModeOf(modes: Partial<Record<SnippetModule, SnippetMode>>, module: SnippetModule): SnippetMode {
  return modes[module] ?? 'paste';
}

/** An all-customers snippet is the same whichever customer is open. */
export function snippetKey(customerTenantId: string, module: SnippetModule, mode: SnippetMode = 'paste'): string {
  return mode === 'all-customers' ? `all:${module}` : `${customerTenantId}:${module}:${mode}`;
}

export const createSnippetsSlice: SliceCreator<SnippetsSlice> = (set, get) => {
  const update = (key: string, next: SnippetState) =>
    set((state) => ({ snippets: { ...state.snippets, [key]: next } }));

  return {
    snippets: {},
    snippetModes: {},
    setSnippetMode: (module, mode) => set((state) => ({ snippetModes: { ...state.snippetModes, [module]: mode } })),

    loadSnippetPreview: async (customerTenantId, module, mode) => {
      const profileId = get().activeProfileId;
      const key = snippetKey(customerTenantId, module, mode);
      if (!profileId || get().snippets[key]?.preview) return;
      try {
        const { preview } = await samdesk().snippets.preview({ profileId, module, mode, customerTenantId: mode === 'all-customers' ? undefined : customerTenantId });
        // A copy that finished meanwhile brought its own preview: keep that one.
        const now = get().snippets[key];
        if (!now?.preview) update(key, { status: 'idle', ...now, preview });
      } catch (reason) {
        update(key, { status: 'error', error: shownError(reason, 'Could not show the snippet.') });
      }
    },

    copySnippet: async (customerTenantId, module, mode = snippetModeOf(get().snippetModes, module)) => {
      const profileId = get().activeProfileId;
      if (!profileId) return null;
      const key = snippetKey(customerTenantId, module, mode);
      const previous = get().snippets[key];
      update(key, { ...previous, status: 'copying', error: undefined });

      let copied;
      try {
        copied = await samdesk().snippets.copy({
          profileId,
          module,
          mode,
          customerTenantId: mode === 'all-customers' ? undefined : customerTenantId,
        });
      } catch (reason) {
        update(key, { ...previous, status: 'error', error: shownError(reason, 'Could not create the snippet.') });
        return null;
      }
      update(key, { status: 'copied', preview: copied.preview, expiresAt: copied.expiresAt });
      return { expiresAt: copied.expiresAt, clear: copied.clear };
    },
  };
};
