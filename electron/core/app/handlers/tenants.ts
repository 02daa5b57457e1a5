import type { CustomerTenant } from '../../../ipc/customers';
import { displayText } from '../../../ipc/displayText';
import type { HandlerGroup } from './types';

export const tenantHandlers: HandlerGroup<'tenants.list' | 'tenants.checkDap'> = ({ customers }) => ({
  'tenants.list': async ({ profileId, refresh, first }) => {
    // The first screen first (from the saved list's first-screen file while the whole list is not
    // read yet); the window asks for the rest once it has painted.
    const screen = first !== undefined && !refresh ? await customers.firstScreen(profileId, first) : undefined;
    const { total = undefined, ...list } = screen ?? (await customers.list(profileId, refresh));
    const whole = total ?? list.customers.length;
    const shown = customersForWindow(list.customers);
    if (first !== undefined && first < whole) return { ...list, customers: shown.slice(0, first), total: whole };
    return { ...list, customers: shown };
  },
  'tenants.checkDap': ({ profileId, customerTenantIds }) => customers.checkDap(profileId, customerTenantIds),
});

const shownLists = new WeakMap<readonly CustomerTenant[], CustomerTenant[]>();

/**
 * The window shows Partner Center's names made safe; snippets are made in main from the exact ones.
 * Made once per list (the service keeps the same list until it changes), and a customer whose
 * name and domain need nothing is the same object: no second copy of 10,000 customers.
 */
export function customersForWindow(customers: readonly CustomerTenant[]): CustomerTenant[] {
  let shown = shownLists.get(customers);
  if (!shown) {
    shown = customers.map((customer) => {
      const name = displayText(customer.name);
      const domain = displayText(customer.domain);
      return name === customer.name && domain === customer.domain ? customer : { ...customer, name, domain };
    });
    shownLists.set(customers, shown);
  }
  return shown;
}
