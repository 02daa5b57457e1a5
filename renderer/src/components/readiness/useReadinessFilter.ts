import { useCallback, useMemo, useState } from 'react';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import { customerFilters, filtersOf, type CustomerFilter } from '../../../../electron/shared/listFilters';
import { useStoreFields } from '../../store';

/**
 * The list's readiness filter over what the search found. Which filters keep each customer is
 * worked out once per list and check (not per keystroke), and only once a filter is chosen or the
 * menu opened: the list of 10,000 pays nothing for it until then.
 */
export function useReadinessFilter(searched: readonly CustomerTenant[]) {
  const { customers, probeResults: probes, consentFindings: consents, customerFilter: filter, setCustomerFilter: setFilter } = useStoreFields([
    'customers', 'probeResults', 'consentFindings', 'customerFilter', 'setCustomerFilter',
  ]);
  const [countsWanted, setCountsWanted] = useState(false);
  const needed = countsWanted || filter !== 'all';
  const index = useMemo(() => {
    if (!needed) return undefined;
    const nowMs = Date.now();
    return new Map(customers.map((customer) => [customer.tenantId, new Set(filtersOf(customer, { probes, consents }, nowMs))]));
  }, [needed, customers, probes, consents]);
  const shown = useMemo(
    () => (filter === 'all' || !index ? searched : searched.filter((customer) => index.get(customer.tenantId)?.has(filter))),
    [filter, index, searched],
  );
  const counts = useMemo(() => {
    if (!index || !countsWanted) return undefined;
    const counted: Partial<Record<CustomerFilter, number>> = Object.fromEntries(customerFilters.map((entry) => [entry.filter, 0]));
    for (const customer of searched) for (const each of index.get(customer.tenantId) ?? []) counted[each] = (counted[each] ?? 0) + 1;
    counted.all = searched.length;
    return counted;
  }, [index, countsWanted, searched]);
  const wantCounts = useCallback(() => setCountsWanted(true), []);
  return { filter, setFilter, shown, counts, wantCounts };
}
