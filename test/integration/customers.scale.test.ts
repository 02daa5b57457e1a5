import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/app/services';
import type { EventPayloads } from '../../electron/ipc/contract';
import { createHttpClient } from '../../electron/core/http/httpClient';
import { CustomerTenantService } from '../../electron/core/tenants/customerTenants';
import { countRelationships } from '../../electron/core/tenants/merge';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';
import { signedInProfile } from '../support/signedInProfile';

const CUSTOMERS = 10_000;

describe('the customer list at 10,000 customers', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let services: Services;
  let profileId: string;
  const progress: Array<EventPayloads['tenants.progress']> = [];

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: CUSTOMERS });
    isolated = isolatedEnvironment(sim);
    services = createServices(isolated.environment, {
      opener: { open: () => ({ close: () => undefined }) },
      events: { emit: (event, payload) => event === 'tenants.progress' && progress.push(payload as EventPayloads['tenants.progress']) },
    });
    profileId = (await signedInProfile(sim, services)).id;
  });

  afterAll(async () => {
    await isolated?.cleanUp();
    await sim?.stop();
  });

  it('lists every customer once, merged from Partner Center and both GDAP endpoints', async () => {
    sim.state.stats.clear();
    const { customers, fromCache } = await services.customers.list(profileId, true);

    expect(fromCache).toBeUndefined();
    expect(customers).toHaveLength(CUSTOMERS);
    expect(new Set(customers.map((c) => c.tenantId)).size).toBe(CUSTOMERS);
    const expected = { dap: 0, gdap: 0, both: 0, none: 0 };
    for (const c of sim.state.customers) {
      if (c.relationship === 'DAP' && c.gdap) expected.both++;
      else if (c.relationship === 'DAP') expected.dap++;
      else if (c.gdap) expected.gdap++;
      else expected.none++;
    }
    expect(countRelationships(customers)).toEqual(expected);
    expect(expected.dap).toBeGreaterThan(4000);
    expect(expected.gdap).toBeGreaterThan(4000);

    // Each source is paged to its end: 500 a page for Partner Center, 300 for Graph.
    const listedByPartnerCenter = sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship).length;
    const gdap = sim.state.customers.filter((c) => c.gdap).length;
    expect(sim.state.stats.get('partnercenter customers')).toBe(Math.ceil(listedByPartnerCenter / 500));
    expect(sim.state.stats.get('graph delegatedAdminCustomers')).toBe(Math.ceil(gdap / 300));
    expect(sim.state.stats.get('graph delegatedAdminRelationships')).toBe(Math.ceil(gdap / 300));
  });

  it('names GDAP-only customers (no reseller relationship) from Graph, with their relationship end date', async () => {
    const { customers } = await services.customers.list(profileId, false);
    const gdapOnly = sim.state.customers.filter((c) => c.gdap && !c.resellerRelationship);
    expect(gdapOnly.length).toBeGreaterThan(1000);
    for (const expected of gdapOnly.slice(0, 50)) {
      const listed = customers.find((c) => c.tenantId === expected.id);
      expect(listed).toMatchObject({
        name: expected.displayName,
        domain: '',
        relationships: [
          {
            kind: 'GDAP',
            status: expected.gdap!.endMs > Date.now() ? 'active' : 'expired',
            endsAt: new Date(expected.gdap!.endMs).toISOString(),
          },
        ],
      });
    }
  });

  it('opens with the cached list at once, and reports progress against its size when refreshing', async () => {
    sim.state.stats.clear();
    const cached = await services.customers.list(profileId, false);
    expect(cached.fromCache).toBe(true);
    expect(cached.customers).toHaveLength(CUSTOMERS);
    expect(sim.state.stats.size).toBe(0);

    progress.length = 0;
    await services.customers.list(profileId, true);
    const loaded = progress.map((event) => event.loaded);
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ profileId, loaded: CUSTOMERS, expected: CUSTOMERS });
  });

  it('waits out Partner Center throttling (429 Retry-After) and still lists everyone', async () => {
    const waits: number[] = [];
    // The same service over a client whose waits are recorded (and skipped) instead of slept.
    const http = createHttpClient({
      extraCa: isolated.environment.extraCa,
      sleep: async (ms) => void waits.push(ms),
    });
    const customers = new CustomerTenantService(isolated.environment.cloud, http, services.keeper, isolated.environment.home);
    sim.state.controls.faults.push({ path: '/partnercenter/v1/customers', status: 429, retryAfter: 3, count: 2 });

    const list = await customers.list(profileId, true);

    expect(list.customers).toHaveLength(CUSTOMERS);
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(3000);
  });
});
