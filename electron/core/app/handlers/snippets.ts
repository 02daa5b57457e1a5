import type { CopiedSnippet } from '../../../ipc/contract';
import { SnippetService } from '../../snippets/snippetService';
import type { HandlerGroup } from './types';

export const snippetHandlers: HandlerGroup<'snippets.copy'> = (services) => {
  const snippets = new SnippetService(services.environment.cloud, services.keeper, services.customers, services.keyVault.sync);
  return {
    'snippets.copy': async ({ profileId, customerTenantId, module, mode = 'paste' }): Promise<CopiedSnippet> => {
      const [snippet, settings] = await Promise.all([
        snippets.render({ profileId, customerTenantId, module, mode }),
        services.settings.get(),
      ]);
      return { ...snippet, clearClipboardAfterSeconds: settings.clipboardClearSeconds };
    },
  };
};
