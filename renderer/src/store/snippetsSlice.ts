import type { SnippetModule, UserFacingError } from '../../../electron/ipc/contract';
import { samdesk, toUserFacingError } from '../api';
import type { SliceCreator } from './types';

/**
 * What the UI remembers about one copied snippet. Deliberately no `text`: the live snippet
 * (with its access token) goes straight to the clipboard and is never kept (STYLE.md rule 5).
 */
export interface SnippetState {
  status: 'idle' | 'copying' | 'copied' | 'error';
  preview?: string;
  expiresAt?: string;
  error?: UserFacingError;
}

export interface SnippetsSlice {
  /** Keyed by snippetKey(customerTenantId, module). */
  snippets: Record<string, SnippetState>;
  /** Mints a token, puts the snippet on the clipboard; resolves with the expiry, or null on failure. */
  copySnippet: (customerTenantId: string, module: SnippetModule) => Promise<{ expiresAt: string } | null>;
}

export function snippetKey(customerTenantId: string, module: SnippetModule): string {
  return `${customerTenantId}:${module}`;
}

export const createSnippetsSlice: SliceCreator<SnippetsSlice> = (set, get) => {
  const update = (key: string, next: SnippetState) =>
    set((state) => ({ snippets: { ...state.snippets, [key]: next } }));

  return {
    snippets: {},

    copySnippet: async (customerTenantId, module) => {
      const profileId = get().activeProfileId;
      if (!profileId) return null;
      const key = snippetKey(customerTenantId, module);
      const previous = get().snippets[key];
      update(key, { ...previous, status: 'copying', error: undefined });

      let copied;
      try {
        copied = await samdesk().snippets.copy({ profileId, customerTenantId, module });
      } catch (reason) {
        update(key, { status: 'error', error: toUserFacingError(reason, 'Could not create the snippet.') });
        return null;
      }
      try {
        await navigator.clipboard.writeText(copied.text);
      } catch {
        update(key, {
          status: 'error',
          error: {
            kind: 'internal',
            message: 'The snippet was created but could not be put on the clipboard.',
            action: 'Click into the SAM Desk window and try again.',
          },
        });
        return null;
      }
      update(key, { status: 'copied', preview: copied.preview, expiresAt: copied.expiresAt });
      return { expiresAt: copied.expiresAt };
    },
  };
};
