import type { CustomerConsent } from '../../../ipc/wizard';
import { displayText } from '../../../ipc/displayText';
import { confirmations, requireConfirmation } from '../confirmations';
import type { HandlerGroup } from './types';

/** Partner Center's customer names reach the window made safe, as the customer list's do (handlers/tenants.ts). */
const forDisplay = (rows: CustomerConsent[]): CustomerConsent[] => rows.map((row) => ({ ...row, name: displayText(row.name) }));

export const customerConsentHandlers: HandlerGroup<'customerConsent.list' | 'customerConsent.grant'> = ({ customerConsent, customers }, { confirm }) => ({
  'customerConsent.list': async ({ profileId }) => forDisplay(await customerConsent.list(profileId)),
  'customerConsent.grant': async ({ profileId, customerTenantIds, repair }) => {
    // Named from main's own list: the renderer sends ids, never the words of the question.
    const known = new Map(((await customers.cached(profileId))?.customers ?? []).map((customer) => [customer.tenantId, customer.name]));
    await requireConfirmation(confirm, confirmations.grantCustomerConsent(customerTenantIds.map((id) => known.get(id) ?? id), { repair }));
    return forDisplay(await customerConsent.grant(profileId, customerTenantIds, { repair }));
  },
});
