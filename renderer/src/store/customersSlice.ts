import type { CustomerList, CustomerTenant } from '../../../electron/ipc/customers';
import type { UserFacingError } from '../../../electron/ipc/errors';
import { samdesk, shownError } from '../api';
import { searchKeyOf } from '../format';
import { withCheckedDap } from './accessCheckSlice';
import type { SliceCreator } from './types';

export type CustomersStatus = 'idle' | 'loading' | 'ready' | 'error';

/** After the next frame is painted, or 100 ms at most (a hidden window paints no frames). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const limit = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(limit);
        resolve();
      }, 0),
    );
  });
}

/**
 * The window first asks for this many customers (more than a screen holds), paints them, then
 * asks for the rest: a 10,000-customer list shows as fast as an empty one.
 */
export const FIRST_SCREEN_CUSTOMERS = 60;

export interface CustomersSlice {
  /** The list, or while `customersComplete` is false only its first screen. */
  customers: CustomerTenant[];
  /** searchKeys[i] is the folded search text of customers[i]; built once per list. */
  customerSearchKeys: string[];
  /** How many customers the whole list holds (more than `customers` while the rest is on its way). */
  customersTotal: number;
  customersComplete: boolean;
  customersFetchedAt: string | null;
  customersStatus: CustomersStatus;
  customersError: UserFacingError | null;
  /** How far a refresh has got (from main's 'tenants.progress' events); null when none runs. */
  customersProgress: { loaded: number; expected?: number } | null;
  setCustomersProgress: (progress: { loaded: number; expected?: number } | null) => void;
  loadCustomers: (options?: { refresh?: boolean }) => Promise<void>;
  /**
   * Asks main for a profile's first screen now, before the screen that shows it has rendered; that
   * screen's loadCustomers() takes this answer instead of asking again (once).
   */
  prefetchFirstScreen: (profileId: string) => void;
  clearCustomers: () => void;
  /** Customers whose DAP Partner Center is being asked about right now. */
  dapChecking: Record<string, true>;
  /** Why asking Partner Center about a customer's DAP failed. */
  dapErrors: Record<string, UserFacingError>;
  /** Asks Partner Center whether this customer allows DAP (the list does not say). */
  checkDap: (customerTenantId: string) => Promise<void>;
}

type CustomersData = Omit<CustomersSlice, 'setCustomersProgress' | 'loadCustomers' | 'prefetchFirstScreen' | 'clearCustomers' | 'checkDap'>;

/** No list: at start-up, and after the profile changes. */
const noCustomers = (): CustomersData => ({
  customers: [],
  customerSearchKeys: [],
  customersTotal: 0,
  customersComplete: false,
  customersFetchedAt: null,
  customersStatus: 'idle',
  customersError: null,
  customersProgress: null,
  dapChecking: {},
  dapErrors: {},
});

export const createCustomersSlice: SliceCreator<CustomersSlice> = (set, get) => {
  // Only the newest request may write its answer (a slow first load must not overwrite a refresh).
  // Each store counts its own.
  let latestRequest = 0;
  let prefetched: { profileId: string; answer: Promise<CustomerList> } | undefined;
  const firstScreen = (profileId: string) => samdesk().tenants.list({ profileId, refresh: false, first: FIRST_SCREEN_CUSTOMERS });
  return {
    ...noCustomers(),

    setCustomersProgress: (customersProgress) => set({ customersProgress }),

    loadCustomers: async ({ refresh = false } = {}) => {
      const profileId = get().activeProfileId;
      if (!profileId) return;
      const request = ++latestRequest;
      set({ customersStatus: 'loading', customersError: null, customersProgress: null });
      const show = (list: CustomerList) => {
        const complete = list.total === undefined;
        set({
          customers: withCheckedDap(list.customers, get().probeResults),
          customerSearchKeys: list.customers.map(searchKeyOf),
          customersTotal: list.total ?? list.customers.length,
          customersComplete: complete,
          customersFetchedAt: list.fetchedAt,
          customersStatus: complete ? 'ready' : 'loading',
          customersProgress: null,
        });
      };
      try {
        // A refresh replaces the list whole; otherwise the saved list's first screen comes first.
        const early = !refresh && prefetched?.profileId === profileId ? prefetched.answer : undefined;
        prefetched = undefined;
        const list = await (refresh ? samdesk().tenants.list({ profileId, refresh }) : (early ?? firstScreen(profileId)));
        if (request !== latestRequest) return;
        show(list);
        if (list.total !== undefined) {
          // The rest (megabytes of JSON to parse) is asked for once the first screen is painted,
          // so parsing it cannot hold that paint back.
          await afterNextPaint();
          if (request !== latestRequest) return;
          const whole = await samdesk().tenants.list({ profileId, refresh: false });
          if (request !== latestRequest) return;
          show(whole);
        }
        // The saved list shows at once; the fresh one replaces it when it has arrived.
        if (list.fromCache) void get().loadCustomers({ refresh: true });
      } catch (reason) {
        if (request !== latestRequest) return;
        set({ customersStatus: 'error', customersProgress: null, customersError: shownError(reason, 'Could not load your customers.') });
      }
    },

    prefetchFirstScreen: (profileId) => {
      const answer = firstScreen(profileId);
      // Its failure is loadCustomers' to show, when it takes the answer.
      answer.catch(() => undefined);
      prefetched = { profileId, answer };
    },

    clearCustomers: () => {
      latestRequest++;
      prefetched = undefined;
      set(noCustomers());
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
        set((state) => ({ dapErrors: { ...state.dapErrors, [customerTenantId]: shownError(reason, 'Partner Center could not be asked about DAP.') } }));
      } finally {
        set((state) => ({ dapChecking: without(state.dapChecking) }));
      }
    },
  };
};
