import type { CustomerConsent } from '../../ipc/contract';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../config/cloud';
import { readJson, type HttpClient } from '../http/httpClient';
import { MicrosoftIdentityError } from '../identity/aadsts';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { PARTNER_CENTER_APP_ID, samPermissions } from '../samApp/samPermissions';
import type { CustomerTenantService } from '../tenants/customerTenants';
import { mapWithConcurrency } from './concurrency';

export const CUSTOMER_CONSENT_CONCURRENCY = 4;

/**
 * Whether the partner's SAM app may act in each customer tenant, and granting it there through
 * Partner Center's application-consents API (the partner's admin rights consent on the
 * customer's behalf; no sign-in in the customer tenant needed).
 */
export class CustomerConsentService {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
    private readonly customers: CustomerTenantService,
  ) {}

  /** Asks the token endpoint for each customer: a token means consented, AADSTS65001 means not. */
  async list(profileId: string): Promise<CustomerConsent[]> {
    const { customers } = await this.customers.list(profileId, false);
    return mapWithConcurrency(customers, CUSTOMER_CONSENT_CONCURRENCY, async (customer) => {
      const base = { tenantId: customer.tenantId, name: customer.name };
      try {
        await this.keeper.redeem(profileId, customer.tenantId, 'graph');
        return { ...base, status: 'consented' as const };
      } catch (error) {
        if (error instanceof MicrosoftIdentityError && error.code === '65001') return { ...base, status: 'not-consented' as const, error: toUserFacingError(error) };
        if (error instanceof MicrosoftIdentityError && error.code === '50020') return { ...base, status: 'no-access' as const, error: toUserFacingError(error) };
        return { ...base, status: 'error' as const, error: toUserFacingError(error) };
      }
    });
  }

  async grant(profileId: string, customerTenantIds: string[]): Promise<CustomerConsent[]> {
    const profile = await this.keeper.profile(profileId);
    const { customers } = await this.customers.list(profileId, false);
    const { accessToken } = await this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter');
    const body = JSON.stringify({ applicationId: profile.clientId, applicationGrants: applicationGrants() });
    return mapWithConcurrency(customerTenantIds, CUSTOMER_CONSENT_CONCURRENCY, async (tenantId) => {
      const name = customers.find((customer) => customer.tenantId === tenantId)?.name ?? tenantId;
      try {
        const response = await this.http.send({
          method: 'POST',
          url: `${this.cloud.partnerCenterApi}/v1/customers/${encodeURIComponent(tenantId)}/applicationconsents`,
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
          body,
        });
        // 409: the consent is already there, which is what the partner wanted.
        if (response.status === 201 || response.status === 200 || response.status === 409) return { tenantId, name, status: 'consented' as const };
        const detail = readJson<{ description?: string }>(response)?.description ?? `HTTP ${response.status}`;
        return {
          tenantId,
          name,
          status: 'error' as const,
          error: {
            kind: 'microsoft' as const,
            message: response.status === 404
              ? 'Partner Center does not list this customer (a GDAP-only customer without a reseller relationship).'
              : `Partner Center refused the consent: ${detail}`,
            action: response.status === 404
              ? 'Ask an admin of the customer tenant to consent to the SAM app, or add a reseller relationship.'
              : 'Try again in a moment.',
            fix: 'retry' as const,
          },
        };
      } catch (error) {
        return { tenantId, name, status: 'error' as const, error: toUserFacingError(error) };
      }
    });
  }
}

/** Partner Center's grant list: per resource app, its delegated scopes, comma-separated. */
export function applicationGrants(): Array<{ enterpriseApplicationId: string; scope: string }> {
  const byResource = new Map<string, string[]>();
  for (const permission of samPermissions) {
    if (permission.resourceAppId === PARTNER_CENTER_APP_ID || permission.permission === 'offline_access') continue;
    byResource.set(permission.resourceAppId, [...(byResource.get(permission.resourceAppId) ?? []), permission.permission]);
  }
  return [...byResource].map(([enterpriseApplicationId, scopes]) => ({ enterpriseApplicationId, scope: scopes.join(',') }));
}
