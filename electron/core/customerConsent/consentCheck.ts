/**
 * The consent screen's check: for each customer, may the SAM app get tokens there? A Graph token
 * first (AADSTS65001: not consented; 50020: no admin access), then, where Graph works, Exchange
 * Online and Azure Resource Manager: a consent made before SAM Desk asked for them lacks them (a
 * consent with stale scopes, which Repair renews). One refresh-token write per check, not one per
 * redemption (BatchRedeemer).
 */
import type { AccessResource } from '../../ipc/accessCheck';
import type { CustomerTenant } from '../../ipc/customers';
import type { CustomerConsent } from '../../ipc/wizard';
import { BatchRedeemer } from '../accessCheck/batchRedeemer';
import { failsForEveryCustomer } from '../accessCheck/outcomes';
import type { EventSink } from '../app/events';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import { MicrosoftIdentityError } from '../identity/aadsts';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { TokenClient } from '../identity/tokenClient';
import type { SecretVault } from '../vault/secretVault';
import { mapWithConcurrency } from './concurrency';

/** Tokens are cheap to ask for; the token endpoint's limits allow more at once than Partner Center's consents. */
const CONSENT_CHECK_CONCURRENCY = 8;
/** Besides Graph, the customer resources the SAM app's consent must cover for its snippets. */
const ALSO_CHECKED: readonly AccessResource[] = ['exchange', 'azure'];
const PROGRESS_EVERY_MS = 100;

/**
 * The link a customer's admin opens to consent to the SAM app in their own tenant
 * (https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent, "Construct the URL
 * for granting tenant-wide admin consent"): what works where Partner Center cannot consent.
 */
export function adminConsentUrl(cloud: CloudEndpoints, tenantId: string, clientId: string): string {
  return `${cloud.loginHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}

export async function checkConsents(
  collaborators: { cloud: CloudEndpoints; http: HttpClient; keeper: RefreshTokenKeeper; vault: SecretVault; events: EventSink },
  profileId: string,
  customers: readonly CustomerTenant[],
): Promise<CustomerConsent[]> {
  const { cloud, http, keeper, vault, events } = collaborators;
  const profile = await keeper.profile(profileId);
  const redeemer = await BatchRedeemer.open(profileId, { keeper, vault, tokens: new TokenClient(cloud, http) });
  const abort = new AbortController();
  let lastEmit = 0;
  const emit = (checked: number) => {
    if (checked < customers.length && Date.now() - lastEmit < PROGRESS_EVERY_MS) return;
    lastEmit = Date.now();
    events.emit('customerConsent.progress', { profileId, phase: 'check', done: checked, total: customers.length });
  };
  emit(0);
  try {
    return await mapWithConcurrency(
      customers,
      CONSENT_CHECK_CONCURRENCY,
      async (customer): Promise<CustomerConsent> => {
        const base = { tenantId: customer.tenantId, name: customer.name, inPartnerCenter: customer.inPartnerCenter };
        try {
          await redeemer.redeem(customer.tenantId, 'graph', abort.signal);
        } catch (error) {
          if (failsForEveryCustomer(error)) {
            abort.abort();
            throw error;
          }
          const code = error instanceof MicrosoftIdentityError ? error.code : undefined;
          if (code === '65001') {
            return { ...base, status: 'not-consented', error: toUserFacingError(error), ...(customer.inPartnerCenter ? {} : { adminConsentUrl: adminConsentUrl(cloud, customer.tenantId, profile.clientId) }) };
          }
          return { ...base, status: code === '50020' ? 'no-access' : 'error', error: toUserFacingError(error) };
        }
        const missing: AccessResource[] = [];
        for (const resource of ALSO_CHECKED) {
          // Only a missing consent counts here; a tenant without the service (500011) is not a consent problem.
          await redeemer.redeem(customer.tenantId, resource, abort.signal).catch((error: unknown) => {
            if (error instanceof MicrosoftIdentityError && error.code === '65001') missing.push(resource);
          });
        }
        return missing.length > 0 ? { ...base, status: 'partial', missing } : { ...base, status: 'consented' };
      },
      (_, done) => emit(done),
    );
  } finally {
    await redeemer.flush();
  }
}
