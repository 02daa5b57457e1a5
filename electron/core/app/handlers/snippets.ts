import type { CopiedSnippet } from '../../../ipc/contract';
import { renderSnippet, snippetModules } from '../../snippets/snippets';
import type { HandlerGroup } from './types';

export const snippetHandlers: HandlerGroup<'snippets.copy'> = ({ keeper, customers }) => ({
  'snippets.copy': async ({ profileId, customerTenantId, module }): Promise<CopiedSnippet> => {
    const profile = await keeper.profile(profileId);
    const { customers: known } = await customers.list(profileId, false);
    const customer = known.find((candidate) => candidate.tenantId === customerTenantId) ?? {
      tenantId: customerTenantId,
      name: customerTenantId,
      domain: '',
    };
    const minted = await Promise.all(
      snippetModules[module].resources.map(async (resource) => ({
        resource,
        token: await keeper.redeem(profileId, customerTenantId, resource),
      })),
    );
    const expiresAt = new Date(Math.min(...minted.map(({ token }) => token.expiresAt.getTime())));
    const tokens = Object.fromEntries(minted.map(({ resource, token }) => [resource, token.accessToken]));
    return { ...renderSnippet(module, customer, profile.user, tokens, expiresAt), expiresAt: expiresAt.toISOString() };
  },
});
