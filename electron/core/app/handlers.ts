import type { Channel, ChannelParsedInput, ChannelResult, CopiedSnippet } from '../../ipc/contract';
import { summarize } from '../profiles/profileStore';
import { renderSnippet, snippetModules } from '../snippets/snippets';
import type { Services } from './services';

export type Handlers = { [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelResult<C>> };

export interface HandlerOptions {
  /** Values to pre-fill the connect form with; never secrets. */
  suggestions?: { partnerTenant?: string; clientId?: string };
}

/** What each IPC channel does, in terms of the domain services. Transport-agnostic. */
export function createHandlers(services: Services, options: HandlerOptions = {}): Handlers {
  const { environment, profiles, consent, customers, keeper } = services;
  return {
    'app.state': async () => ({
      cloud: { name: environment.cloud.displayName, loginHost: environment.cloud.loginHost },
      profiles: (await profiles.list()).map(summarize),
      suggestions: options.suggestions ?? {},
    }),
    'consent.start': async (request) => summarize(await consent.start(request)),
    'consent.cancel': async () => consent.cancel(),
    'tenants.list': ({ profileId, refresh }) => customers.list(profileId, refresh),
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
  };
}
