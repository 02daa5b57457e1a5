import type { AccessCheckReport, AccessResource, UserFacingError } from '../../../electron/ipc/contract';
import { samdesk, toUserFacingError } from '../api';
import type { SliceCreator } from './types';

/** A customer's access at a glance, for the icon in its list row. */
export type CustomerAccessStatus = 'ok' | 'failed';

export type AccessCheckStatus = 'idle' | 'running' | 'done' | 'error';

export interface AccessCheckProgress {
  checked: number;
  total: number;
  failed: number;
}

export interface AccessCheckSlice {
  accessCheckStatus: AccessCheckStatus;
  accessCheckProgress: AccessCheckProgress | null;
  accessCheckError: UserFacingError | null;
  accessReport: AccessCheckReport | null;
  /** Per customer tenant id, from the last report: any failed resource makes it 'failed'. */
  accessByTenant: Record<string, CustomerAccessStatus>;
  runAccessCheck: (options: { resources: AccessResource[]; customerTenantIds?: string[]; concurrency: number }) => Promise<void>;
  cancelAccessCheck: () => Promise<void>;
  loadLastAccessCheck: () => Promise<void>;
  setAccessCheckProgress: (progress: AccessCheckProgress) => void;
  clearAccessCheck: () => void;
}

/** Pure: the row icons' statuses from a report (customers never reached are left out). */
export function accessStatusByTenant(report: AccessCheckReport | null): Record<string, CustomerAccessStatus> {
  const statuses: Record<string, CustomerAccessStatus> = {};
  for (const customer of report?.customers ?? []) {
    const outcomes = Object.values(customer.results);
    if (outcomes.some((outcome) => outcome?.status === 'failed')) statuses[customer.tenantId] = 'failed';
    else if (outcomes.length > 0 && outcomes.every((outcome) => outcome?.status === 'ok')) statuses[customer.tenantId] = 'ok';
  }
  return statuses;
}

export const createAccessCheckSlice: SliceCreator<AccessCheckSlice> = (set, get) => ({
  accessCheckStatus: 'idle',
  accessCheckProgress: null,
  accessCheckError: null,
  accessReport: null,
  accessByTenant: {},

  runAccessCheck: async ({ resources, customerTenantIds, concurrency }) => {
    const profileId = get().activeProfileId;
    if (!profileId || get().accessCheckStatus === 'running') return;
    set({ accessCheckStatus: 'running', accessCheckError: null, accessCheckProgress: null });
    try {
      const report = await samdesk().accessCheck.run({ profileId, resources, customerTenantIds, concurrency });
      if (get().activeProfileId !== profileId) return;
      set({ accessCheckStatus: 'done', accessReport: report, accessByTenant: accessStatusByTenant(report) });
    } catch (reason) {
      if (get().activeProfileId !== profileId) return;
      set({ accessCheckStatus: 'error', accessCheckError: toUserFacingError(reason, 'The access check could not finish.') });
    }
  },

  cancelAccessCheck: async () => {
    await samdesk().accessCheck.cancel();
  },

  loadLastAccessCheck: async () => {
    const profileId = get().activeProfileId;
    if (!profileId) return;
    try {
      const report = await samdesk().accessCheck.last({ profileId });
      if (get().activeProfileId !== profileId || get().accessCheckStatus === 'running') return;
      set({ accessReport: report, accessByTenant: accessStatusByTenant(report), accessCheckStatus: report ? 'done' : 'idle' });
    } catch {
      // Without the last report the rows just show no access icon; nothing to tell the user.
    }
  },

  setAccessCheckProgress: (accessCheckProgress) => {
    if (get().accessCheckStatus === 'running') set({ accessCheckProgress });
  },

  clearAccessCheck: () =>
    set({ accessCheckStatus: 'idle', accessCheckProgress: null, accessCheckError: null, accessReport: null, accessByTenant: {} }),
});
