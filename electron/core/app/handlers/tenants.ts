import type { CustomerList } from '../../../ipc/contract';
import { displayText } from '../../../ipc/displayText';
import type { HandlerGroup } from './types';

export const tenantHandlers: HandlerGroup<'tenants.list' | 'tenants.checkDap'> = ({ customers }) => ({
  'tenants.list': async ({ profileId, refresh }) => forDisplay(await customers.list(profileId, refresh)),
  'tenants.checkDap': ({ profileId, customerTenantIds }) => customers.checkDap(profileId, customerTenantIds),
});

/** The window shows Partner Center's names made safe; snippets are made in main from the exact ones. */
function forDisplay(list: CustomerList): CustomerList {
  return { ...list, customers: list.customers.map((customer) => ({ ...customer, name: displayText(customer.name), domain: displayText(customer.domain) })) };
}
