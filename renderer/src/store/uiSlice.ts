import type { SliceCreator } from './types';

export interface UiSlice {
  customerQuery: string;
  selectedCustomerTenantId: string | null;
  setCustomerQuery: (query: string) => void;
  selectCustomer: (customerTenantId: string | null) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  customerQuery: '',
  selectedCustomerTenantId: null,
  setCustomerQuery: (customerQuery) => set({ customerQuery }),
  selectCustomer: (selectedCustomerTenantId) => set({ selectedCustomerTenantId }),
});
