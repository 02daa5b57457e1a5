import { describe, expect, it } from 'vitest';
import { resetStore } from '../../../renderer/src/store';
import { store, useFreshStore } from './fakeSamDesk';

describe('ui slice', () => {
  useFreshStore();

  it('keeps the search, the selected customer and the readiness filter the admin chose', () => {
    store().setCustomerQuery('nord');
    store().selectCustomer('tenant-1');
    store().setCustomerFilter('exchange-not-ready');
    expect(store()).toMatchObject({ customerQuery: 'nord', selectedCustomerTenantId: 'tenant-1', customerFilter: 'exchange-not-ready' });
    store().selectCustomer(null);
    expect(store().selectedCustomerTenantId).toBeNull();
  });

  it('resetStore puts the search, selection and filter back to their start-up values', () => {
    store().setCustomerQuery('nord');
    store().setCustomerFilter('exchange-not-ready');
    resetStore();
    expect(store()).toMatchObject({ customerQuery: '', selectedCustomerTenantId: null, customerFilter: 'all' });
  });

  it('the profiles panel opens on the profile a notification asked for, and forgets it on close', () => {
    store().openProfilesPanel('a');
    expect(store()).toMatchObject({ profilesPanelOpen: true, focusedProfileId: 'a' });
    store().closeProfilesPanel();
    expect(store()).toMatchObject({ profilesPanelOpen: false, focusedProfileId: null });
  });
});
