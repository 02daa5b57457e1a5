import type { CustomerTenant, UserFacingError } from '../../../electron/ipc/contract';
import { samdesk, toUserFacingError } from '../api';
import { searchKeyOf } from '../format';
import type { SliceCreator } from './types';

export type CustomersStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomersSlice {
  customers: CustomerTenant[];
  /** searchKeys[i] is the folded search text of customers[i]; built once per list. */
  customerSearchKeys: string[];
  customersFetchedAt: string | null;
  customersStatus: CustomersStatus;
  customersError: UserFacingError | null;
  /** How far a refresh has got (from main's 'tenants.progress' events); null when none runs. */
  customersProgress: { loaded: number; expected?: number } | null;
  setCustomersProgress: (progress: { loaded: number; expected?: number } | null) => void;
  loadCustomers: (options?: { refresh?: boolean }) => Promise<void>;
  clearCustomers: () => void;
}

// Only the newest request may write its answer (a slow first load must not overwrite a refresh).
let latestRequest = 0;

export const createCustomersSlice: SliceCreator<CustomersSlice> = (set, get) => ({
  customers: [],
  customerSearchKeys: [],
  customersFetchedAt: null,
  customersStatus: 'idle',
  customersError: null,
  customersProgress: null,

  setCustomersProgress: (customersProgress) => set({ customersProgress }),

  loadCustomers: async ({ refresh = false } = {}) => {
    const profileId = get().activeProfileId;
    if (!profileId) return;
    const request = ++latestRequest;
    set({ customersStatus: 'loading', customersError: null, customersProgress: null });
    try {
      const list = await samdesk().tenants.list({ profileId, refresh });
      if (request !== latestRequest) return;
      set({
        customers: list.customers,
        customerSearchKeys: list.customers.map(searchKeyOf),
        customersFetchedAt: list.fetchedAt,
        customersStatus: 'ready',
        customersProgress: null,
      });
      // The saved list shows at once; the fresh one replaces it when it has arrived.
      if (list.fromCache) void get().loadCustomers({ refresh: true });
    } catch (reason) {
      if (request !== latestRequest) return;
      set({ customersStatus: 'error', customersProgress: null, customersError: toUserFacingError(reason, 'Could not load your customers.') });
    }
  },

  clearCustomers: () => {
    latestRequest++;
    set({
      customers: [],
      customerSearchKeys: [],
      customersFetchedAt: null,
      customersStatus: 'idle',
      customersError: null,
      customersProgress: null,
    });
    get().clearAccessCheck();
  },
});
