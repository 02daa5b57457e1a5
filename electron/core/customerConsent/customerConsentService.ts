import type { UserFacingError } from '../../ipc/errors';
import type { CustomerConsent } from '../../ipc/wizard';
import { noEvents, type EventSink } from '../app/events';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { PARTNER_CENTER_APP_ID, samPermissions } from '../../shared/samPermissions';
import type { CustomerTenantService } from '../tenants/customerTenants';
import type { SecretVault } from '../vault/secretVault';
import { mapWithConcurrency } from './concurrency';
import { adminConsentUrl, checkConsents } from './consentCheck';

const CUSTOMER_CONSENT_CONCURRENCY = 4;

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
    private readonly vault: SecretVault,
    private readonly events: EventSink = noEvents,
  ) {}

  /** Asks the token endpoint in each customer (consentCheck.ts): consented, partly (stale scopes), not, or no access. */
  async list(profileId: string): Promise<CustomerConsent[]> {
    const { customers } = await this.customers.list(profileId, false);
    return checkConsents({ cloud: this.cloud, http: this.http, keeper: this.keeper, vault: this.vault, events: this.events }, profileId, customers);
  }

  /**
   * Grants the SAM app in each customer through Partner Center. "Consented" only when Partner Center
   * created the consent; a consent already there (409) is reported as such, since Partner Center
   * does not say with which permissions. `repair` first deletes the existing consent, then grants
   * the current permissions: the pattern of Microsoft's CPV sample and CIPP's Set-CIPPCPVConsent.
   */
  async grant(profileId: string, customerTenantIds: string[], { repair = false }: { repair?: boolean } = {}): Promise<CustomerConsent[]> {
    const profile = await this.keeper.profile(profileId);
    const { customers } = await this.customers.list(profileId, false);
    const known = new Map(customers.map((customer) => [customer.tenantId, customer]));
    const { accessToken } = await this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter');
    const body = JSON.stringify({ applicationId: profile.clientId, applicationGrants: applicationGrants() });
    const send = (method: 'POST' | 'DELETE', url: string) =>
      this.http.send({
        method,
        url,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? body : undefined,
      });
    const tally = { consented: 0, failed: 0 };
    let lastEmit = 0;
    // At most every 100 ms (and the last one): a grant for 10,000 customers must not flood the window.
    const progress = (done: number) => {
      if (done > 0 && done < customerTenantIds.length && Date.now() - lastEmit < 100) return;
      lastEmit = Date.now();
      this.events.emit('customerConsent.progress', { profileId, phase: 'grant', done, total: customerTenantIds.length, ...tally });
    };
    progress(0);
    return mapWithConcurrency(customerTenantIds, CUSTOMER_CONSENT_CONCURRENCY, async (tenantId): Promise<CustomerConsent> => {
      const customer = known.get(tenantId);
      const base = { tenantId, name: customer?.name ?? tenantId, inPartnerCenter: customer?.inPartnerCenter ?? true };
      // Partner Center consents only for customers it lists; the customer's own admin can (adminConsentUrl).
      if (!base.inPartnerCenter) return { ...base, status: 'not-consented', adminConsentUrl: adminConsentUrl(this.cloud, tenantId, profile.clientId), error: notThroughPartnerCenter };
      const consents = `${this.cloud.partnerCenterApi}/v1/customers/${encodeURIComponent(tenantId)}/applicationconsents`;
      try {
        if (repair) {
          const removed = await send('DELETE', `${consents}/${encodeURIComponent(profile.clientId)}`);
          // 404: nothing to remove, so a plain grant follows.
          if (!isSuccess(removed.status) && removed.status !== 404) return { ...base, status: 'error', error: refusal(removed, 'remove') };
        }
        const created = await send('POST', consents);
        if (isSuccess(created.status)) return { ...base, status: 'consented' };
        if (created.status === 409 && !repair) return { ...base, status: 'exists', error: consentExists };
        return { ...base, status: repair ? 'not-consented' : 'error', error: refusal(created, repair ? 'after-removal' : 'grant') };
      } catch (error) {
        return { ...base, status: 'error', error: toUserFacingError(error) };
      }
    }, (result, done) => {
      tally[result.status === 'consented' ? 'consented' : 'failed']++;
      progress(done);
    });
  }
}

const isSuccess = (status: number) => status >= 200 && status < 300;

const notThroughPartnerCenter: UserFacingError = {
  kind: 'microsoft',
  message: 'Partner Center cannot consent here: it does not list this customer (a GDAP-only customer, without a reseller relationship).',
  action: 'Send the customer’s admin (Global Administrator, Privileged Role Administrator or Cloud Application Administrator) the admin-consent link; once they accept, the SAM app works there.',
  fix: 'none',
};

const consentExists: UserFacingError = {
  kind: 'microsoft',
  message: 'Partner Center already has a consent for the SAM app in this customer, but does not say with which permissions.',
  action: 'If SAM Desk’s permissions changed since that consent was made, choose Repair: SAM Desk removes it and grants it again with the current permissions.',
  fix: 'repair-customer-consent',
};

/** What Partner Center's refusal means for the partner admin, by the step that failed. */
function refusal(response: HttpResponse, step: 'grant' | 'remove' | 'after-removal'): UserFacingError {
  const detail = readJson<{ description?: string }>(response)?.description ?? `HTTP ${response.status}`;
  if (response.status === 404) {
    return {
      kind: 'microsoft',
      message: 'Partner Center does not list this customer (a GDAP-only customer without a reseller relationship).',
      action: 'Ask an admin of the customer tenant to consent to the SAM app, or add a reseller relationship.',
      fix: 'none',
    };
  }
  if (step === 'after-removal') {
    return {
      kind: 'microsoft',
      message: `The old consent was removed, but Partner Center refused the new one: ${detail}`,
      action: 'Grant consent for this customer again.',
      fix: 'grant-customer-consent',
    };
  }
  return {
    kind: 'microsoft',
    message: `Partner Center refused to ${step === 'remove' ? 'remove the old consent' : 'grant the consent'}: ${detail}`,
    action: 'Try again in a moment.',
    fix: 'retry',
  };
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
