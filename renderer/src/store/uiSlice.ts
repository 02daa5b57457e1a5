import type { CustomerFilter } from '../../../electron/shared/listFilters';
import type { SliceCreator } from './types';

export interface UiSlice {
  customerQuery: string;
  selectedCustomerTenantId: string | null;
  /** The list's readiness filter ("Exchange Online not ready", …); 'all' by default. */
  customerFilter: CustomerFilter;
  setCustomerQuery: (query: string) => void;
  selectCustomer: (customerTenantId: string | null) => void;
  setCustomerFilter: (filter: CustomerFilter) => void;
  profilesPanelOpen: boolean;
  /** The profile a notification (or the tray) asked to show. */
  focusedProfileId: string | null;
  openProfilesPanel: (profileId?: string) => void;
  closeProfilesPanel: () => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  customerQuery: '',
  selectedCustomerTenantId: null,
  customerFilter: 'all',
  setCustomerQuery: (customerQuery) => set({ customerQuery }),
  selectCustomer: (selectedCustomerTenantId) => set({ selectedCustomerTenantId }),
  setCustomerFilter: (customerFilter) => set({ customerFilter }),
  profilesPanelOpen: false,
  focusedProfileId: null,
  openProfilesPanel: (profileId) => set({ profilesPanelOpen: true, focusedProfileId: profileId ?? null }),
  closeProfilesPanel: () => set({ profilesPanelOpen: false, focusedProfileId: null }),
});
