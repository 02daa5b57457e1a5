import { confirmations, requireConfirmation } from '../confirmations';
import type { HandlerGroup } from './types';

export const customerConsentHandlers: HandlerGroup<'customerConsent.list' | 'customerConsent.grant'> = ({ customerConsent, customers }, { confirm }) => ({
  'customerConsent.list': ({ profileId }) => customerConsent.list(profileId),
  'customerConsent.grant': async ({ profileId, customerTenantIds, repair }) => {
    // Named from main's own list: the renderer sends ids, never the words of the question.
    const known = new Map(((await customers.cached(profileId))?.customers ?? []).map((customer) => [customer.tenantId, customer.name]));
    await requireConfirmation(confirm, confirmations.grantCustomerConsent(customerTenantIds.map((id) => known.get(id) ?? id), { repair }));
    return customerConsent.grant(profileId, customerTenantIds, { repair });
  },
});
