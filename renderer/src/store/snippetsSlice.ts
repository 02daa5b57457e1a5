import type { ClipboardCopy } from '../../../electron/ipc/app';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { SnippetMode, SnippetModule } from '../../../electron/ipc/schemas';
import { samdesk, toUserFacingError } from '../api';
import type { SliceCreator } from './types';

/**
 * What the UI remembers about one copied snippet. There is no `text`: main puts the live snippet
 * (with its access token) on the clipboard itself, and the window only ever sees the preview.
 */
export interface SnippetState {
  status: 'idle' | 'copying' | 'copied' | 'error';
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
  /** Which kind of snippet the copy buttons produce. */
  snippetMode: SnippetMode;
  setSnippetMode: (mode: SnippetMode) => void;
  /** Puts the snippet on the clipboard (paste mode mints tokens first); null on failure. */
  copySnippet: (customerTenantId: string, module: SnippetModule, mode?: SnippetMode) => Promise<CopyOutcome | null>;
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
    snippetMode: 'paste',
    setSnippetMode: (snippetMode) => set({ snippetMode }),

    copySnippet: async (customerTenantId, module, mode = get().snippetMode) => {
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
        update(key, { status: 'error', error: toUserFacingError(reason, 'Could not create the snippet.') });
        return null;
      }
      update(key, { status: 'copied', preview: copied.preview, expiresAt: copied.expiresAt });
      return { expiresAt: copied.expiresAt, clear: copied.clear };
    },
  };
};
