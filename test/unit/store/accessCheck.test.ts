import { describe, expect, it, vi } from 'vitest';
import type { CustomerTenant } from '../../../electron/ipc/customers';
import type { CustomerProbe, ProbeReport, ProbeResults } from '../../../electron/ipc/readiness';
import { useSamDeskStore } from '../../../renderer/src/store';
import { ALL_RESOURCES } from '../../../renderer/src/store/accessCheckSlice';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const probe = (tenantId: string, status: 'ok' | 'failed', change: Partial<CustomerProbe> = {}): CustomerProbe => ({
  tenantId,
  checkedAt: '2026-01-01T00:00:00.000Z',
  results:
    status === 'ok'
      ? { graph: { status: 'ok' }, azure: { status: 'ok' } }
      : { graph: { status: 'ok' }, exchange: { status: 'failed', step: 'token', problem: 'no-consent' } as never },
  ...change,
});
const report = (customers: CustomerProbe[]): ProbeReport => ({ profileId: 'a', resources: ['graph'], startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z', cancelled: false, customers });
const customer = (tenantId: string): CustomerTenant => ({ tenantId, name: tenantId, domain: '', inPartnerCenter: true, dap: 'unknown', relationships: [] });

describe('access check slice', () => {
  useFreshStore();

  it('a run sends the resources, customers and concurrency, then keeps the report and each customer\'s newest results read back whole', async () => {
    store().addProfile(profile('a'));
    const byTenant = { t1: probe('t1', 'ok'), t2: probe('t2', 'failed'), t3: probe('t3', 'ok', { results: {} }) };
    const run = vi.fn(() => Promise.resolve(report([byTenant.t1])));
    installSamDesk({ probes: { run, results: () => Promise.resolve<ProbeResults>({ lastRun: null, byTenant }) } });
    await store().runAccessCheck({ resources: ['graph'], customerTenantIds: ['t1'], concurrency: 8 });
    expect(run).toHaveBeenCalledWith({ profileId: 'a', resources: ['graph'], customerTenantIds: ['t1'], concurrency: 8 });
    expect(store()).toMatchObject({ accessCheckStatus: 'done', accessCheckTenantIds: null, probeResults: byTenant });
    expect(store().accessReport?.customers).toHaveLength(1);
    // Any failed resource makes the row 'failed'; a customer with no outcome is left out.
    expect(store().accessByTenant).toEqual({ t1: 'ok', t2: 'failed' });
  });

  it('while running, it covers the customers asked for, takes progress, and refuses a second run', async () => {
    store().addProfile(profile('a'));
    const pending = deferred<ProbeReport>();
    const run = vi.fn(() => pending.promise);
    installSamDesk({ probes: { run, results: () => Promise.resolve({ lastRun: null, byTenant: {} }) } });
    const first = store().checkCustomerAccess('t1');
    expect(store()).toMatchObject({ accessCheckStatus: 'running', accessCheckTenantIds: ['t1'] });
    expect(run).toHaveBeenCalledWith({ profileId: 'a', resources: [...ALL_RESOURCES], customerTenantIds: ['t1'], concurrency: 4 });
    store().setAccessCheckProgress({ checked: 1, total: 4, failed: 0 });
    expect(store().accessCheckProgress).toEqual({ checked: 1, total: 4, failed: 0 });
    await store().runAccessCheck({ resources: ['graph'], concurrency: 1 });
    expect(run).toHaveBeenCalledTimes(1);
    pending.resolve(report([]));
    await first;
    store().setAccessCheckProgress({ checked: 9, total: 9, failed: 0 });
    expect(store().accessCheckProgress).toEqual({ checked: 1, total: 4, failed: 0 });
  });

  it('a refused run is an error with main\'s message; one finishing after a profile switch writes nothing', async () => {
    store().addProfile(profile('b'));
    store().addProfile(profile('a'));
    installSamDesk({ probes: { run: () => Promise.reject(refusal('The token was refused.')) } });
    await store().runAccessCheck({ resources: ['graph'], concurrency: 1 });
    expect(store()).toMatchObject({ accessCheckStatus: 'error', accessCheckError: { message: 'The token was refused.' } });
    store().clearAccessCheck();
    const pending = deferred<ProbeReport>();
    installSamDesk({ probes: { run: () => pending.promise, results: () => Promise.resolve({ lastRun: null, byTenant: { t1: probe('t1', 'ok') } }) } });
    const running = store().runAccessCheck({ resources: ['graph'], concurrency: 1 });
    useSamDeskStore.setState({ activeProfileId: 'b' });
    pending.resolve(report([]));
    await running;
    expect(store().probeResults).toEqual({});
    expect(store().accessReport).toBeNull();
  });

  it('the last saved check is loaded on start; a DAP answer it holds reaches an unknown list row', async () => {
    store().addProfile(profile('a'));
    useSamDeskStore.setState({ customers: [customer('t1')] });
    const byTenant = { t1: probe('t1', 'ok', { dap: 'no' }) };
    installSamDesk({ probes: { results: () => Promise.resolve({ lastRun: report([byTenant.t1]), byTenant }) } });
    await store().loadLastAccessCheck();
    expect(store().accessCheckStatus).toBe('done');
    expect(store().customers[0]).toMatchObject({ dap: 'no', dapCheckedAt: byTenant.t1.checkedAt });
  });

  it('cancel asks main to stop; clearing forgets every result', async () => {
    const cancel = vi.fn(() => Promise.resolve());
    installSamDesk({ probes: { cancel } });
    await store().cancelAccessCheck();
    expect(cancel).toHaveBeenCalledTimes(1);
    useSamDeskStore.setState({ accessByTenant: { t1: 'ok' }, accessCheckStatus: 'done' });
    store().clearAccessCheck();
    expect(store()).toMatchObject({ accessByTenant: {}, probeResults: {}, accessCheckStatus: 'idle' });
  });
});
