import type { CopiedSnippet } from '../../../ipc/app';
import type { HandlerGroup } from './types';

export const snippetHandlers: HandlerGroup<'snippets.copy' | 'snippets.preview'> = (services) => {
  const { snippets } = services;
  return {
    // Main puts the snippet on the clipboard itself: the window gets the preview, never the tokens.
    'snippets.copy': async ({ profileId, customerTenantId, module, mode = 'paste' }): Promise<CopiedSnippet> => {
      const [{ text, ...snippet }, settings] = await Promise.all([
        snippets.render({ profileId, customerTenantId, module, mode }),
        services.settings.get(),
      ]);
      const clear = await services.clipboard.copy(text, { secret: snippet.containsSecret, clearAfterSeconds: settings.clipboardClearSeconds });
      return { ...snippet, ...(clear ? { clear } : {}) };
    },
    // Shown before any copy: placeholders where the tokens go, so nothing is minted for a look.
    'snippets.preview': async ({ profileId, customerTenantId, module, mode = 'paste' }) => ({
      preview: await snippets.preview({ profileId, customerTenantId, module, mode }),
    }),
  };
};
