import { beforeAll, describe, expect, it } from 'vitest';
import { judgeReadiness } from '../../electron/shared/readiness';
import type { CustomerTenant } from '../../electron/ipc/customers';
import type { EventPayloads } from '../../electron/ipc/events';
import type { ProbeResults } from '../../electron/ipc/readiness';
import type { SnippetModule } from '../../electron/ipc/schemas';
import { parseCustomersFile } from '../sim/customersFile';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

/**
 * One customer per case, by position (the simulator's per-index profile gives index 2 an expired
 * GDAP relationship, index 5 no Exchange Online, index 7 one that ends within 20 days).
 */
const rows = [
  { name: 'Alpine Mail', relationship: 'GDAP', gdapRoles: ['Exchange Administrator', 'Global Reader'], azureSubscriptions: 1 },
  { name: 'Birch Readers', relationship: 'GDAP', gdapRoles: ['Global Reader'] },
  { name: 'Cedar Expired', relationship: 'GDAP' },
  { name: 'Dune Unconsented', relationship: 'GDAP', gdapRoles: ['Exchange Administrator'], consented: false },
  { name: 'Elm Without Azure', relationship: 'DAP', azureSubscriptions: 0 },
  { name: 'Fir Without Exchange', relationship: 'GDAP', gdapRoles: ['Exchange Administrator'] },
  { name: 'Grove Blocked', relationship: 'DAP' },
  { name: 'Hazel Ending', relationship: 'GDAP' },
  { name: 'Ivy Users', relationship: 'GDAP', gdapRoles: ['User Administrator'] },
  { name: 'Juniper Unassigned', relationship: 'GDAP', gdapRoles: ['Exchange Administrator'] },
].map((row, i) => ({ id: `b0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, domain: `${row.name.toLowerCase().replace(/ /g, '')}.onmicrosoft.com`, ...row }));
const id = (name: string) => rows.find((row) => row.name === name)!.id;

describe('readiness per customer and module, checked against the simulated cloud', () => {
  const progress: Array<EventPayloads['probes.progress']> = [];
  const setup = useSimulatedApp({
    cloud: { customers: parseCustomersFile(JSON.stringify(rows)) },
    services: () => ({ events: { emit: (event, payload) => event === 'probes.progress' && progress.push(payload as EventPayloads['probes.progress']) } }),
  });
  let profileId: string;
  let customers: CustomerTenant[];
  let results: ProbeResults;

  const verdict = (name: string, module: SnippetModule) =>
    judgeReadiness({ customer: customers.find((c) => c.tenantId === id(name))!, module, probe: results.byTenant[id(name)], nowMs: Date.now() });

  beforeAll(async () => {
    // Juniper's relationship grants Exchange Administrator, but to a group the admin is not in.
    const [juniper] = setup.sim.state.gdap.ofCustomer(id('Juniper Unassigned'));
    const breakGlass = setup.sim.state.gdap.groups().find((group) => group.members.length === 0)!;
    setup.sim.state.gdap.assignmentsOf(juniper!.id)[0]!.groupId = breakGlass.id;
    setup.sim.state.controls.customerPolicies.set(id('Grove Blocked'), { kind: 'block' });
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
    customers = (await setup.services.customers.list(profileId, true)).customers;
    await setup.services.probes.run({ profileId, resources: ['azure', 'graph', 'exchange', 'partnercenter'], concurrency: 4 });
    results = await setup.services.probes.results(profileId);
  });

  it('finds Exchange, Graph and Azure ready where the roles and a subscription are there', () => {
    for (const module of ['exchange', 'graph', 'az'] as const) expect(verdict('Alpine Mail', module)).toMatchObject({ readiness: 'ready', rule: 'checked' });
    expect(results.byTenant[id('Alpine Mail')]!.gdap).toEqual({ heldRoleIds: ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'], notAssignedToYou: [] });
  });

  it('missing role: Exchange for a customer where only Global Reader is held, naming Exchange Administrator', () => {
    const exchange = verdict('Birch Readers', 'exchange');
    expect(exchange).toMatchObject({ readiness: 'not-ready', rule: 'role-read-only' });
    expect(exchange.reason).toContain('you need Exchange Administrator');
    // The probe itself answered: Global Reader may read the organization's configuration.
    expect(results.byTenant[id('Birch Readers')]!.results.exchange).toMatchObject({ status: 'ok' });
  });

  it('missing role the service itself refuses: Exchange 401 for User Administrator, and the verdict says which role to get', () => {
    const exchange = verdict('Ivy Users', 'exchange');
    expect(exchange).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
    expect(exchange.reason).toMatch(/^Exchange Online refused Get-OrganizationConfig \(“User is not allowed to call Get-OrganizationConfig”\)/);
    expect(exchange.fix).toMatch(/Exchange Administrator/);
    expect(verdict('Ivy Users', 'graph')).toMatchObject({ readiness: 'ready' });
  });

  it('Graph refused with 403 Authorization_RequestDenied for a customer where only Exchange Administrator is held', () => {
    expect(results.byTenant[id('Fir Without Exchange')]!.results.graph).toMatchObject({ status: 'failed', step: 'call', problem: 'role-missing', code: 'Authorization_RequestDenied' });
    const graph = verdict('Fir Without Exchange', 'graph');
    expect(graph).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
    expect(graph.reason).toMatch(/none of your roles there reads the directory/);
    expect(graph.fix).toMatch(/Directory Readers, Global Reader or User Administrator/);
    // Connect-AzAccount takes a Graph token but needs no Graph role: the refused call does not count there.
    expect(verdict('Alpine Mail', 'az').readiness).toBe('ready');
  });

  it('a relationship granted to a group the admin is not in', () => {
    expect(results.byTenant[id('Juniper Unassigned')]!.gdap).toEqual({ heldRoleIds: [], notAssignedToYou: ['29232cdf-9323-42fd-ade2-1d097af3e4de'] });
    expect(verdict('Juniper Unassigned', 'exchange')).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
    // Without the service's refusal, the relationships and groups alone say why.
    const withoutProbe = judgeReadiness({ customer: customers.find((c) => c.tenantId === id('Juniper Unassigned'))!, module: 'exchange', probe: { ...results.byTenant[id('Juniper Unassigned')]!, results: {} }, nowMs: Date.now() });
    expect(withoutProbe).toMatchObject({ rule: 'role-not-assigned-to-you', reason: 'Your GDAP relationship with this customer grants Exchange Administrator, but not to a security group you are in.' });
  });

  it('expired GDAP: not ready for every module, with the end date and a new relationship as the fix', () => {
    for (const module of ['exchange', 'graph', 'az'] as const) {
      const cedar = verdict('Cedar Expired', module);
      expect(cedar).toMatchObject({ readiness: 'not-ready', rule: 'relationship-ended' });
      expect(cedar.fix).toMatch(/Create a new GDAP relationship/);
    }
    expect(results.byTenant[id('Cedar Expired')]!.results.graph).toMatchObject({ problem: 'no-access', code: 'AADSTS50020' });
  });

  it('expiring GDAP: ready, but says when it ends and what to do before then', () => {
    const hazel = verdict('Hazel Ending', 'exchange');
    expect(hazel.readiness).toBe('ready');
    expect(hazel.reason).toMatch(/but your GDAP relationship ends on .+ \(in \d+ days?\)\.$/);
    expect(hazel.reason, 'dates read as the window writes them, not as ISO').not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(hazel.fix).toMatch(/^Before then, create a new GDAP relationship/);
    expect(verdict('Hazel Ending', 'partnercenter')).toMatchObject({ readiness: 'not-ready', rule: 'not-in-partner-center' });
  });

  it('no consent: not ready, with Grant consent as the fix', () => {
    const dune = verdict('Dune Unconsented', 'exchange');
    expect(dune).toMatchObject({ readiness: 'not-ready', rule: 'not-consented', action: 'grant-consent', reason: 'The SAM app is not consented for Exchange Online in this customer (AADSTS65001).' });
  });

  it('no subscription: Azure not ready, Resource Manager’s empty list explained; a tenant without Exchange Online says so', () => {
    const elm = verdict('Elm Without Azure', 'az');
    expect(elm).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed', reason: 'Azure Resource Manager lists no subscription you hold an Azure role on in this customer.' });
    expect(verdict('Elm Without Azure', 'exchange')).toMatchObject({ readiness: 'ready' });
    expect(verdict('Fir Without Exchange', 'exchange')).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
    expect(results.byTenant[id('Fir Without Exchange')]!.results.exchange).toMatchObject({ problem: 'no-service', code: 'AADSTS500011' });
  });

  it('a blocking Conditional Access policy of the customer: not ready there only, with what to ask the customer’s admin', () => {
    const grove = verdict('Grove Blocked', 'exchange');
    expect(grove).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
    expect(grove.reason).toMatch(/^This customer’s Conditional Access blocks sign-ins/);
    expect(grove.fix).toMatch(/exclude service provider users/);
    expect(verdict('Elm Without Azure', 'graph').readiness).toBe('ready');
  });

  it('reports progress to the last task, and keeps each customer’s results with the time of its check', () => {
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ profileId, checked: last.total });
    expect(last.total).toBeGreaterThan(rows.length * 4);
    expect(results.lastRun?.customers).toHaveLength(rows.length);
    for (const row of rows) expect(Date.parse(results.byTenant[row.id]!.checkedAt)).not.toBeNaN();
  });

  it('a later check of one customer keeps the others’ results, and cancel stops a run with the rest skipped', async () => {
    const before = results.byTenant[id('Alpine Mail')];
    await setup.services.probes.run({ profileId, resources: ['exchange'], customerTenantIds: [id('Birch Readers')], concurrency: 1 });
    const after = await setup.services.probes.results(profileId);
    expect(after.byTenant[id('Alpine Mail')]).toEqual(before);
    expect(after.lastRun?.customers.map((c) => c.tenantId)).toEqual([id('Birch Readers')]);
    // Birch's other resources from the first run are still there.
    expect(Object.keys(after.byTenant[id('Birch Readers')]!.results).sort()).toEqual(['azure', 'exchange', 'graph', 'partnercenter']);

    setup.sim.state.controls.latency = [{ ms: 200, path: '/oauth2/v2.0/token' }];
    const running = setup.services.probes.run({ profileId, resources: ['graph'], concurrency: 1 });
    setup.services.probes.cancel();
    const cancelled = await running;
    setup.sim.state.controls.latency = [];
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.customers.some((c) => c.results.graph?.status === 'skipped')).toBe(true);
  });
});
