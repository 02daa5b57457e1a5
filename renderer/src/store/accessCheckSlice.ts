import type { AccessResource } from '../../../electron/ipc/accessCheck';
import type { CustomerTenant } from '../../../electron/ipc/customers';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { CustomerProbe, ProbeReport } from '../../../electron/ipc/readiness';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

/** A customer's access at a glance, for the icon in its list row. */
export type CustomerAccessStatus = 'ok' | 'failed';

export type AccessCheckStatus = 'idle' | 'running' | 'done' | 'error';

export interface AccessCheckProgress {
  checked: number;
  total: number;
  failed: number;
}

/** Every resource "Check access" can probe, in the matrix's order. */
export const ALL_RESOURCES: readonly AccessResource[] = ['azure', 'graph', 'exchange', 'partnercenter'];

/**
 * "Check access" (main's readiness probes: a token and one read-only call per customer and
 * resource): the last run for the dialog's matrix, and every customer's newest results, which the
 * readiness badges, the list's filters and its row icons read.
 */
export interface AccessCheckSlice {
  accessCheckStatus: AccessCheckStatus;
  accessCheckProgress: AccessCheckProgress | null;
  accessCheckError: UserFacingError | null;
  /** The last run, as the dialog shows it. */
  accessReport: ProbeReport | null;
  /** Each customer's newest results, from every run so far. */
  probeResults: Record<string, CustomerProbe>;
  /** Per customer tenant id: any failed resource makes it 'failed'. */
  accessByTenant: Record<string, CustomerAccessStatus>;
  /** The customers the running check covers (the detail pane shows a spinner for its own). */
  accessCheckTenantIds: readonly string[] | null;
  runAccessCheck: (options: { resources: readonly AccessResource[]; customerTenantIds?: string[]; concurrency: number }) => Promise<void>;
  /** Every resource, for one customer (the detail pane's and the snippet cards' "Check access"). */
  checkCustomerAccess: (customerTenantId: string) => Promise<void>;
  cancelAccessCheck: () => Promise<void>;
  loadLastAccessCheck: () => Promise<void>;
  setAccessCheckProgress: (progress: AccessCheckProgress) => void;
  clearAccessCheck: () => void;
}

/** Pure: the row icons' statuses (customers never reached are left out). */
export function accessStatusByTenant(byTenant: Readonly<Record<string, CustomerProbe>>): Record<string, CustomerAccessStatus> {
  const statuses: Record<string, CustomerAccessStatus> = {};
  for (const customer of Object.values(byTenant)) {
    const outcomes = Object.values(customer.results);
    if (outcomes.some((outcome) => outcome?.status === 'failed')) statuses[customer.tenantId] = 'failed';
    else if (outcomes.length > 0 && outcomes.every((outcome) => outcome?.status === 'ok')) statuses[customer.tenantId] = 'ok';
  }
  return statuses;
}

/** What Partner Center said about DAP during a check, shown in the list too (same order: the search keys still line up). */
export function withCheckedDap(customers: CustomerTenant[], byTenant: Readonly<Record<string, CustomerProbe>>): CustomerTenant[] {
  return customers.map((customer) => {
    const probe = byTenant[customer.tenantId];
    return customer.dap === 'unknown' && probe?.dap ? { ...customer, dap: probe.dap, dapCheckedAt: probe.checkedAt } : customer;
  });
}

export const createAccessCheckSlice: SliceCreator<AccessCheckSlice> = (set, get) => {
  const keep = (byTenant: Record<string, CustomerProbe>) =>
    set((state) => ({
      probeResults: byTenant,
      accessByTenant: accessStatusByTenant(byTenant),
      customers: withCheckedDap(state.customers, byTenant),
    }));

  return {
    accessCheckStatus: 'idle',
    accessCheckProgress: null,
    accessCheckError: null,
    accessReport: null,
    probeResults: {},
    accessByTenant: {},
    accessCheckTenantIds: null,

    runAccessCheck: async ({ resources, customerTenantIds, concurrency }) => {
      const profileId = get().activeProfileId;
      if (!profileId || get().accessCheckStatus === 'running') return;
      set({ accessCheckStatus: 'running', accessCheckError: null, accessCheckProgress: null, accessCheckTenantIds: customerTenantIds ?? null });
      try {
        const report = await samdesk().probes.run({ profileId, resources: [...resources], customerTenantIds, concurrency });
        // Main merged this run into every customer's newest results; read them back whole.
        const { byTenant } = await samdesk().probes.results({ profileId });
        if (get().activeProfileId !== profileId) return;
        set({ accessCheckStatus: 'done', accessReport: report, accessCheckTenantIds: null });
        keep(byTenant);
      } catch (reason) {
        if (get().activeProfileId !== profileId) return;
        set({ accessCheckStatus: 'error', accessCheckTenantIds: null, accessCheckError: shownError(reason, 'The access check could not finish.') });
      }
    },

    checkCustomerAccess: (customerTenantId) => get().runAccessCheck({ resources: ALL_RESOURCES, customerTenantIds: [customerTenantId], concurrency: 4 }),

    cancelAccessCheck: async () => {
      await samdesk().probes.cancel();
    },

    loadLastAccessCheck: async () => {
      const profileId = get().activeProfileId;
      if (!profileId) return;
      try {
        const results = await samdesk().probes.results({ profileId });
        if (get().activeProfileId !== profileId || get().accessCheckStatus === 'running') return;
        set({ accessReport: results.lastRun, accessCheckStatus: results.lastRun ? 'done' : 'idle' });
        keep(results.byTenant);
      } catch {
        // Without earlier results the badges say "not checked yet"; nothing else to tell the user.
      }
    },

    setAccessCheckProgress: (accessCheckProgress) => {
      if (get().accessCheckStatus === 'running') set({ accessCheckProgress });
    },

    clearAccessCheck: () =>
      set({ accessCheckStatus: 'idle', accessCheckProgress: null, accessCheckError: null, accessReport: null, probeResults: {}, accessByTenant: {}, accessCheckTenantIds: null }),
  };
};
