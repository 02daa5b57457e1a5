import { describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '../../../electron/ipc/channels';
import type { CustomerList, CustomerTenant, DapCheck } from '../../../electron/ipc/customers';
import { createSamDeskStore } from '../../../renderer/src/store';
import { FIRST_SCREEN_CUSTOMERS } from '../../../renderer/src/store/customersSlice';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const customer = (tenantId: string, name = tenantId): CustomerTenant => ({ tenantId, name, domain: `${tenantId}.example`, inPartnerCenter: true, dap: 'unknown', relationships: [] });
const list = (customers: CustomerTenant[], change: Partial<CustomerList> = {}): CustomerList => ({ customers, fetchedAt: '2026-01-01T00:00:00.000Z', ...change });
type ListInput = ChannelInput<'tenants.list'>;

describe('customers slice', () => {
  useFreshStore();

  it('without an active profile the list is not asked for', async () => {
    await store().loadCustomers();
    expect(store().customersStatus).toBe('idle');
  });

  it('asks for the first screen, shows it as loading with the whole total, then asks for the rest and is ready', async () => {
    store().addProfile(profile('a'));
    const calls: ListInput[] = [];
    const rest = deferred<CustomerList>();
    installSamDesk({
      tenants: {
        list: (input) => {
          calls.push(input);
          return input.first ? Promise.resolve(list([customer('t1')], { total: 2 })) : rest.promise;
        },
      },
    });
    const loading = store().loadCustomers();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls).toEqual([
      { profileId: 'a', refresh: false, first: FIRST_SCREEN_CUSTOMERS },
      { profileId: 'a', refresh: false },
    ]);
    expect(store()).toMatchObject({ customersTotal: 2, customersComplete: false, customersStatus: 'loading' });
    expect(store().customers.map((c) => c.tenantId)).toEqual(['t1']);
    rest.resolve(list([customer('t1'), customer('t2', 'Nordwind Bakers')]));
    await loading;
    expect(store()).toMatchObject({ customersTotal: 2, customersComplete: true, customersStatus: 'ready' });
    expect(store().customerSearchKeys).toHaveLength(2);
    expect(store().customerSearchKeys[1]).toContain('nordwind');
  });

  it('a first screen asked for early (at start-up) is the one loadCustomers shows, asked for once; a later load asks again', async () => {
    store().addProfile(profile('a'));
    const calls: ListInput[] = [];
    installSamDesk({
      tenants: {
        list: (input) => {
          calls.push(input);
          return Promise.resolve(list([customer(`t${calls.length}`)]));
        },
      },
    });
    store().prefetchFirstScreen('a');
    expect(calls).toEqual([{ profileId: 'a', refresh: false, first: FIRST_SCREEN_CUSTOMERS }]);
    await store().loadCustomers();
    expect(calls).toHaveLength(1);
    expect(store().customers.map((c) => c.tenantId)).toEqual(['t1']);
    await store().loadCustomers();
    expect(calls).toHaveLength(2);
  });

  it('a first screen asked for early for another profile is not shown for this one', async () => {
    store().addProfile(profile('a'));
    const calls: ListInput[] = [];
    installSamDesk({ tenants: { list: (input) => (calls.push(input), Promise.resolve(list([customer(input.profileId)]))) } });
    store().prefetchFirstScreen('b');
    await store().loadCustomers();
    expect(calls.map((call) => call.profileId)).toEqual(['b', 'a']);
    expect(store().customers.map((c) => c.tenantId)).toEqual(['a']);
  });

  it('a list read from the cache is shown, then refreshed from Microsoft as a whole (no first-screen cut)', async () => {
    store().addProfile(profile('a'));
    const list_ = vi.fn((input: ListInput) => Promise.resolve(input.refresh ? list([customer('fresh')]) : list([customer('saved')], { fromCache: true })));
    installSamDesk({ tenants: { list: list_ } });
    await store().loadCustomers();
    await vi.waitFor(() => expect(store().customers.map((c) => c.tenantId)).toEqual(['fresh']));
    expect(list_).toHaveBeenLastCalledWith({ profileId: 'a', refresh: true, first: undefined });
  });

  it('a slow first load never overwrites the refresh that started after it', async () => {
    store().addProfile(profile('a'));
    const slow = deferred<CustomerList>();
    installSamDesk({ tenants: { list: (input) => (input.refresh ? Promise.resolve(list([customer('new')])) : slow.promise) } });
    const first = store().loadCustomers();
    await store().loadCustomers({ refresh: true });
    slow.resolve(list([customer('old')]));
    await first;
    expect(store().customers.map((c) => c.tenantId)).toEqual(['new']);
  });

  it('two stores each keep their own newest request: a load in one never makes the other drop its answer', async () => {
    const other = createSamDeskStore();
    store().addProfile(profile('a'));
    other.getState().addProfile(profile('a'));
    const slow = deferred<CustomerList>();
    installSamDesk({ tenants: { list: (input) => (input.refresh ? Promise.resolve(list([customer('other')])) : slow.promise) } });
    const first = store().loadCustomers();
    await other.getState().loadCustomers({ refresh: true });
    slow.resolve(list([customer('mine')]));
    await first;
    expect(store().customers.map((c) => c.tenantId)).toEqual(['mine']);
    expect(other.getState().customers.map((c) => c.tenantId)).toEqual(['other']);
  });

  it('a refused load shows main\'s error; clearing the list discards a load still under way', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ tenants: { list: () => Promise.reject(refusal('Partner Center is unavailable.', 'network')) } });
    await store().loadCustomers();
    expect(store()).toMatchObject({ customersStatus: 'error', customersError: { message: 'Partner Center is unavailable.' } });
    const pending = deferred<CustomerList>();
    installSamDesk({ tenants: { list: () => pending.promise } });
    const loading = store().loadCustomers({ refresh: true });
    store().clearCustomers();
    pending.resolve(list([customer('late')]));
    await loading;
    expect(store()).toMatchObject({ customers: [], customersStatus: 'idle', customersError: null });
  });

  it('checking DAP sends that one customer, marks it checking meanwhile, and writes the answer into its row', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ tenants: { list: () => Promise.resolve(list([customer('t1'), customer('t2')])) } });
    await store().loadCustomers({ refresh: true });
    const answer = deferred<DapCheck[]>();
    const checkDap = vi.fn(() => answer.promise);
    installSamDesk({ tenants: { checkDap } });
    const checking = store().checkDap('t2');
    expect(store().dapChecking).toEqual({ t2: true });
    await store().checkDap('t2');
    expect(checkDap).toHaveBeenCalledTimes(1);
    answer.resolve([{ tenantId: 't2', dap: 'yes', checkedAt: '2026-01-02T00:00:00.000Z' }]);
    await checking;
    expect(checkDap).toHaveBeenCalledWith({ profileId: 'a', customerTenantIds: ['t2'] });
    expect(store().customers.map((c) => [c.tenantId, c.dap])).toEqual([
      ['t1', 'unknown'],
      ['t2', 'yes'],
    ]);
    expect(store().dapChecking).toEqual({});
  });

  it('a DAP check Partner Center refused keeps the row as it was and records the reason for that customer', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ tenants: { list: () => Promise.resolve(list([customer('t1')])) } });
    await store().loadCustomers({ refresh: true });
    installSamDesk({ tenants: { checkDap: () => Promise.resolve([{ tenantId: 't1', dap: 'unknown', error: refusal('Forbidden.') }]) } });
    await store().checkDap('t1');
    expect(store().customers[0]?.dap).toBe('unknown');
    expect(store().dapErrors.t1?.message).toBe('Forbidden.');
    installSamDesk({ tenants: { checkDap: () => Promise.reject(new Error('boom')) } });
    await store().checkDap('t1');
    expect(store().dapErrors.t1?.message).toBe('Partner Center could not be asked about DAP.');
  });
});
