import { consentFinding } from '../../../electron/ipc/customerConsentSummary';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { EventPayloads } from '../../../electron/ipc/events';
import type { ConsentFinding } from '../../../electron/ipc/readiness';
import type { CustomerConsent } from '../../../electron/ipc/wizard';
import { samdesk, shownError } from '../api';
import type { SliceCreator } from './types';

export interface ConsentGrantProgress {
  done: number;
  total: number;
  /** What the customers done so far came back as. */
  consented: number;
  failed: number;
  repair: boolean;
  running: boolean;
}

/**
 * The customer-consent screen: each customer's consent as main found it, granting for one, a
 * selection or all with progress, and where the screen was opened from (Back returns there).
 */
export interface CustomerConsentSlice {
  customerConsents: CustomerConsent[] | null;
  /** Per customer tenant id, what the rows tell the readiness badges. */
  consentFindings: Record<string, ConsentFinding>;
  customerConsentChecking: boolean;
  customerConsentCheckProgress: { checked: number; total: number } | null;
  customerConsentGrant: ConsentGrantProgress | null;
  customerConsentError: UserFacingError | null;
  customerConsentReturnTo: 'main' | 'wizard';
  openCustomerConsent: (from: 'main' | 'wizard') => void;
  closeCustomerConsent: () => void;
  loadCustomerConsents: () => Promise<void>;
  /** `repair`: remove each existing consent first, then grant SAM Desk's current permissions. */
  grantCustomerConsent: (customerTenantIds: string[], options?: { repair?: boolean }) => Promise<CustomerConsent[]>;
  /** Main's 'customerConsent.progress' events, for the check and for a grant. */
  setCustomerConsentProgress: (event: Omit<EventPayloads['customerConsent.progress'], 'profileId'>) => void;
  dismissCustomerConsentError: () => void;
}

function findings(rows: readonly CustomerConsent[]): Record<string, ConsentFinding> {
  const found: Record<string, ConsentFinding> = {};
  const now = new Date().toISOString();
  for (const row of rows) {
    const finding = consentFinding(row, now);
    if (finding) found[row.tenantId] = finding;
  }
  return found;
}

export const createCustomerConsentSlice: SliceCreator<CustomerConsentSlice> = (set, get) => {
  const profileId = () => get().wizardProfileId ?? get().activeProfileId;

  return {
    customerConsents: null,
    consentFindings: {},
    customerConsentChecking: false,
    customerConsentCheckProgress: null,
    customerConsentGrant: null,
    customerConsentError: null,
    customerConsentReturnTo: 'main',

    openCustomerConsent: (from) => {
      if (from === 'main') get().openWizard('customer-consent', get().activeProfileId ?? undefined);
      else set({ wizardView: 'customer-consent', wizardError: null });
      set({ customerConsentReturnTo: from, customerConsentError: null, customerConsentGrant: null });
    },

    closeCustomerConsent: () => {
      if (get().customerConsentReturnTo === 'main') get().closeWizard();
      else set({ wizardView: 'steps' });
    },

    loadCustomerConsents: async () => {
      const id = profileId();
      if (!id || get().customerConsentChecking) return;
      set({ customerConsentChecking: true, customerConsentCheckProgress: null, customerConsentError: null, customerConsentGrant: null });
      try {
        const rows = await samdesk().customerConsent.list({ profileId: id });
        set({ customerConsents: rows, consentFindings: findings(rows) });
      } catch (reason) {
        set({ customerConsentError: shownError(reason, 'Customer consents could not be read.') });
      } finally {
        set({ customerConsentChecking: false, customerConsentCheckProgress: null });
      }
    },

    grantCustomerConsent: async (customerTenantIds, { repair = false } = {}) => {
      const id = profileId();
      if (!id || customerTenantIds.length === 0 || get().customerConsentGrant?.running) return [];
      // One call, so main asks for one confirmation; its progress events move the bar.
      set({ customerConsentGrant: { done: 0, total: customerTenantIds.length, consented: 0, failed: 0, repair, running: true }, customerConsentError: null });
      try {
        const results = await samdesk().customerConsent.grant({ profileId: id, customerTenantIds, repair });
        const byId = new Map(results.map((result) => [result.tenantId, result]));
        const consented = results.filter((result) => result.status === 'consented').length;
        set((state) => {
          const rows = (state.customerConsents ?? []).map((row) => byId.get(row.tenantId) ?? row);
          return {
            customerConsents: rows,
            consentFindings: findings(rows),
            customerConsentGrant: { done: results.length, total: results.length, consented, failed: results.length - consented, repair, running: false },
          };
        });
        return results;
      } catch (reason) {
        // Declined in main's confirmation, or main could not go on: nothing is shown as granted.
        set({ customerConsentError: shownError(reason, 'Granting consent stopped.'), customerConsentGrant: null });
        return [];
      }
    },

    setCustomerConsentProgress: (event) => {
      if (event.phase === 'check') {
        if (get().customerConsentChecking) set({ customerConsentCheckProgress: { checked: event.done, total: event.total } });
        return;
      }
      const grant = get().customerConsentGrant;
      if (grant?.running) set({ customerConsentGrant: { ...grant, done: event.done, consented: event.consented ?? 0, failed: event.failed ?? 0 } });
    },

    dismissCustomerConsentError: () => set({ customerConsentError: null }),
  };
};
