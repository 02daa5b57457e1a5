import { beforeAll, describe, expect, it } from 'vitest';
import { gdapStatuses } from '../../electron/ipc/customers';
import type { EventPayloads } from '../../electron/ipc/events';
import { givesAccess } from '../../electron/ipc/relationships';
import { createHttpClient } from '../../electron/core/http/httpClient';
import { CustomerTenantService } from '../../electron/core/tenants/customerTenants';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

const CUSTOMERS = 10_000;

describe('the customer list at 10,000 customers', () => {
  const progress: Array<EventPayloads['tenants.progress']> = [];
  const setup = useSimulatedApp({
    cloud: { customers: CUSTOMERS },
    services: () => ({ events: { emit: (event, payload) => event === 'tenants.progress' && progress.push(payload as EventPayloads['tenants.progress']) } }),
  });
  let profileId: string;

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
  });

  it('lists every customer once, merged from Partner Center (seekOperation=Next paging) and both GDAP endpoints, with all their relationships', async () => {
    setup.sim.state.stats.clear();
    const { customers, fromCache } = await setup.services.customers.list(profileId, true);

    expect(fromCache).toBeUndefined();
    expect(customers).toHaveLength(CUSTOMERS);
    expect(new Set(customers.map((c) => c.tenantId)).size).toBe(CUSTOMERS);
    // Every relationship of every customer, in every status Graph knows.
    const byId = new Map(customers.map((c) => [c.tenantId, c]));
    for (const expected of setup.sim.state.customers) {
      expect(byId.get(expected.id)!.relationships.map((r) => r.id).sort()).toEqual(setup.sim.state.gdap.ofCustomer(expected.id).map((r) => r.id).sort());
    }
    const statuses = new Set(customers.flatMap((c) => c.relationships.map((r) => r.status)));
    expect(statuses).toEqual(new Set(gdapStatuses.filter((status) => status !== 'unknown')));
    expect(customers.filter((c) => c.relationships.length >= 3).length).toBeGreaterThan(700);
    // The best relationship first: one that gives access, where there is one.
    const now = Date.now();
    for (const c of customers) {
      if (c.relationships.some((r) => givesAccess(r, now))) expect(givesAccess(c.relationships[0]!, now)).toBe(true);
    }
    // The list does not claim DAP: Partner Center's list does not say.
    expect(customers.filter((c) => c.inPartnerCenter).every((c) => c.dap === 'unknown')).toBe(true);

    // Each source is paged to its end, each page once: 500 a page for Partner Center, 300 for Graph.
    const listedByPartnerCenter = setup.sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship).length;
    const withUsableGdap = setup.sim.state.customers.filter((c) => setup.sim.state.gdap.hasUsableRelationship(c.id, now)).length;
    expect(customers.filter((c) => c.inPartnerCenter)).toHaveLength(listedByPartnerCenter);
    expect(setup.sim.state.stats.get('partnercenter customers')).toBe(Math.ceil(listedByPartnerCenter / 500));
    expect(setup.sim.state.stats.get('graph delegatedAdminCustomers')).toBe(Math.ceil(withUsableGdap / 300));
    expect(setup.sim.state.stats.get('graph delegatedAdminRelationships')).toBe(Math.ceil(setup.sim.state.gdap.all().length / 300));
  });

  it('names GDAP-only customers (no reseller relationship, so no DAP) from Graph, with their relationships’ end dates', async () => {
    const { customers } = await setup.services.customers.list(profileId, false);
    const gdapOnly = setup.sim.state.customers.filter((c) => c.relationship === 'GDAP' && !c.resellerRelationship && setup.sim.state.gdap.ofCustomer(c.id).length > 0);
    expect(gdapOnly.length).toBeGreaterThan(1000);
    for (const expected of gdapOnly.slice(0, 50)) {
      const listed = customers.find((c) => c.tenantId === expected.id);
      const [relationship] = setup.sim.state.gdap.ofCustomer(expected.id);
      expect(listed).toMatchObject({
        name: expected.displayName,
        domain: '',
        inPartnerCenter: false,
        dap: 'no',
        relationships: [{ id: relationship!.id, status: setup.sim.state.gdap.statusAt(relationship!, Date.now()), endsAt: new Date(relationship!.endMs!).toISOString() }],
      });
    }
  });

  it('opens with the cached list at once, and reports progress against its size when refreshing', async () => {
    setup.sim.state.stats.clear();
    const cached = await setup.services.customers.list(profileId, false);
    expect(cached.fromCache).toBe(true);
    expect(cached.customers).toHaveLength(CUSTOMERS);
    expect(setup.sim.state.stats.size).toBe(0);

    progress.length = 0;
    await setup.services.customers.list(profileId, true);
    const loaded = progress.map((event) => event.loaded);
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ profileId, loaded: CUSTOMERS, expected: CUSTOMERS });
  });

  it('waits out Partner Center throttling (429 Retry-After) and still lists everyone', async () => {
    const waits: number[] = [];
    // The same service over a client whose waits are recorded (and skipped) instead of slept.
    const http = createHttpClient({
      extraCa: setup.isolated.environment.extraCa,
      sleep: async (ms) => void waits.push(ms),
    });
    const customers = new CustomerTenantService(setup.isolated.environment.cloud, http, setup.services.keeper, setup.isolated.environment.home);
    setup.sim.state.controls.faults.push({ path: '/partnercenter/v1/customers', status: 429, retryAfter: 3, count: 2 });

    const list = await customers.list(profileId, true);

    expect(list.customers).toHaveLength(CUSTOMERS);
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(3000);
  });
});
