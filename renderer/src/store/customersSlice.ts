import type { CustomerTenant, UserFacingError } from '../../../electron/ipc/contract';
import { samdesk, toUserFacingError } from '../api';
import { searchKeyOf } from '../format';
import { withCheckedDap } from './accessCheckSlice';
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
  /** Customers whose DAP Partner Center is being asked about right now. */
  dapChecking: Record<string, true>;
  /** Why asking Partner Center about a customer's DAP failed. */
  dapErrors: Record<string, UserFacingError>;
  /** Asks Partner Center whether this customer allows DAP (the list does not say). */
  checkDap: (customerTenantId: string) => Promise<void>;
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
  dapChecking: {},
  dapErrors: {},

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
        customers: withCheckedDap(list.customers, get().probeResults),
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
      dapChecking: {},
      dapErrors: {},
    });
    get().clearAccessCheck();
  },

  checkDap: async (customerTenantId) => {
    const profileId = get().activeProfileId;
    if (!profileId || get().dapChecking[customerTenantId]) return;
    const without = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => id !== customerTenantId));
    set((state) => ({ dapChecking: { ...state.dapChecking, [customerTenantId]: true }, dapErrors: without(state.dapErrors) }));
    try {
      const [check] = await samdesk().tenants.checkDap({ profileId, customerTenantIds: [customerTenantId] });
      if (get().activeProfileId !== profileId || !check) return;
      set((state) => ({
        // Same order, so the search keys still line up.
        customers: state.customers.map((customer) =>
          customer.tenantId === customerTenantId && !check.error ? { ...customer, dap: check.dap, dapCheckedAt: check.checkedAt } : customer,
        ),
        dapErrors: check.error ? { ...state.dapErrors, [customerTenantId]: check.error } : state.dapErrors,
      }));
    } catch (reason) {
      set((state) => ({ dapErrors: { ...state.dapErrors, [customerTenantId]: toUserFacingError(reason, 'Partner Center could not be asked about DAP.') } }));
    } finally {
      set((state) => ({ dapChecking: without(state.dapChecking) }));
    }
  },
});
