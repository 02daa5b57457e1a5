import type { CustomerTenant } from '../../ipc/customers';
import type { VaultPublication } from '../../ipc/keyVault';
import type { SnippetMode, SnippetModule } from '../../ipc/schemas';
import type { CloudEndpoints, ResourceName } from '../../shared/cloud';
import { MicrosoftIdentityError } from '../identity/aadsts';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import type { ProfileRecord } from '../profiles/profileStore';
import type { CustomerTenantService } from '../tenants/customerTenants';
import { resourceLabels, snippetCatalog } from '../../shared/snippetCatalog';
import {
  renderAllCustomersSnippet,
  renderPasteSnippet,
  renderScriptSnippet,
  type RenderedSnippet,
  type SnippetCustomer,
  type SnippetPartner,
} from './snippets';

/**
 * A retired snippet form needs a token for a service the SAM app does not ask for (AADSTS650057):
 * Azure AD Graph, which SAM Desk no longer requires. Said in words, with the working replacement.
 */
export class RetiredServiceError extends Error {
  constructor(module: SnippetModule, resource: ResourceName) {
    const retired = snippetCatalog[module].retired!;
    const replacement = snippetCatalog[retired.replacement];
    super(
      `Microsoft issues no ${resourceLabels[resource]} token for this SAM app, because the app does not ask for ${resourceLabels[resource]}, and ${retired.what} was retired in ${retired.retiredOn}. Use ${replacement.title} (${replacement.command}) instead.`,
    );
    this.name = 'RetiredServiceError';
  }
}

export interface SnippetRequest {
  profileId: string;
  /** Needed unless mode is all-customers. */
  customerTenantId?: string;
  module: SnippetModule;
  mode: SnippetMode;
}

export interface Snippet extends RenderedSnippet {
  expiresAt?: string;
  containsSecret: boolean;
}

/**
 * Gathers what a snippet needs (profile, customer, and in paste mode freshly minted access tokens)
 * and renders it. Only paste mode redeems the refresh token; the script modes embed nothing secret.
 */
export class SnippetService {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly keeper: RefreshTokenKeeper,
    private readonly customers: CustomerTenantService,
    /** Where a profile is published to Azure Key Vault, if it is. */
    private readonly publications?: { publication(profileId: string): Promise<VaultPublication | undefined> },
  ) {}

  /** What the snippet will look like, placeholders for its tokens; redeems nothing. */
  async preview(request: SnippetRequest): Promise<string> {
    if (request.mode !== 'paste') return (await this.render(request)).preview;
    const profile = await this.keeper.profile(request.profileId);
    const customer = await this.customer(request.profileId, request.customerTenantId);
    return renderPasteSnippet(request.module, this.partner(profile), customer, {}).preview;
  }

  async render({ profileId, customerTenantId, module, mode }: SnippetRequest): Promise<Snippet> {
    const profile = await this.keeper.profile(profileId);
    const published = mode === 'paste' ? undefined : await this.publications?.publication(profileId);
    const partner = {
      ...this.partner(profile),
      ...(published ? { keyVault: { vaultName: published.vaultName, secretNames: published.secretNames, profileName: profile.name } } : {}),
    };
    const { customers, fetchedAt } = await this.customers.list(profileId, false);
    if (mode === 'all-customers') {
      const text = renderAllCustomersSnippet(module, partner, customers.map(toSnippetCustomer), fetchedAt);
      return { text, preview: text, containsSecret: false };
    }
    const customer = await this.customer(profileId, customerTenantId, customers);
    if (mode === 'script') {
      const text = renderScriptSnippet(module, partner, customer);
      return { text, preview: text, containsSecret: false };
    }
    const spec = snippetCatalog[module];
    const minted = await Promise.all(
      spec.resources.map(async ({ resource, tenant }) => ({
        resource,
        token: await this.keeper.redeem(profileId, tenant === 'partner' ? profile.partnerTenantId : customer.tenantId, resource).catch((error: unknown) => {
          if (spec.retired && error instanceof MicrosoftIdentityError && error.code === '650057') throw new RetiredServiceError(module, resource);
          throw error;
        }),
      })),
    );
    const expiresAt = new Date(Math.min(...minted.map(({ token }) => token.expiresAt.getTime())));
    const tokens = Object.fromEntries(minted.map(({ resource, token }) => [resource, token.accessToken]));
    return {
      ...renderPasteSnippet(module, partner, customer, tokens, expiresAt),
      expiresAt: expiresAt.toISOString(),
      containsSecret: true,
    };
  }

  private async customer(profileId: string, customerTenantId: string | undefined, listed?: readonly CustomerTenant[]): Promise<SnippetCustomer> {
    if (!customerTenantId) throw new Error('A customer is needed for this snippet.');
    const customers = listed ?? (await this.customers.list(profileId, false)).customers;
    const known = customers.find((candidate) => candidate.tenantId === customerTenantId);
    return known ? toSnippetCustomer(known) : { tenantId: customerTenantId, name: customerTenantId, domain: '' };
  }

  private partner(profile: ProfileRecord): SnippetPartner {
    return {
      account: profile.user,
      applicationId: profile.clientId,
      partnerTenantId: profile.partnerTenantId,
      hasClientSecret: profile.hasClientSecret,
      loginHost: this.cloud.loginHost,
      resources: this.cloud.resources,
    };
  }
}

function toSnippetCustomer({ tenantId, name, domain }: CustomerTenant): SnippetCustomer {
  return { tenantId, name, domain };
}
