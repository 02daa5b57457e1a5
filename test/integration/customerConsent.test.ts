import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core/app/services';
import { applicationGrants } from '../../electron/core/customerConsent/customerConsentService';
import { countConsents } from '../../electron/ipc/customerConsentSummary';
import type { EventPayloads } from '../../electron/ipc/events';
import { signedInProfile } from '../support/signedInProfile';
import { simClient } from '../support/simClient';
import { useSimulatedApp } from '../support/simulatedApp';

const GRAPH_APP = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP = '00000002-0000-0ff1-ce00-000000000000';

describe('customer consent through Partner Center', () => {
  const setup = useSimulatedApp({ cloud: { customers: 60 } });
  let profileId: string;
  /** Customers Partner Center lists where the SAM app is not consented (every 12th, from index 3). */
  let unconsented: string[];

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
    await setup.services.customers.list(profileId, true);
    unconsented = setup.sim.state.customers.filter((c) => c.resellerRelationship && !setup.sim.state.isConsented(c.id, setup.sim.samAppId)).map((c) => c.id);
    expect(unconsented.length).toBeGreaterThanOrEqual(4);
  });

  it('says "consented" when Partner Center created the consent, and the token endpoint then issues tokens there', async () => {
    const [customer] = unconsented;
    const [result] = await setup.services.customerConsent.grant(profileId, [customer!]);
    expect(result).toMatchObject({ tenantId: customer, status: 'consented' });
    expect(result!.error).toBeUndefined();
    await expect(setup.services.keeper.redeem(profileId, customer!, 'graph')).resolves.toHaveProperty('accessToken');
  });

  it('reports a consent Partner Center already has (409) as existing, with repair as the fix, not as granted', async () => {
    const consented = setup.sim.state.customers.find((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;
    const [result] = await setup.services.customerConsent.grant(profileId, [consented.id]);
    expect(result).toMatchObject({
      status: 'exists',
      error: { message: expect.stringContaining('already has a consent'), fix: 'repair-customer-consent' },
    });
  });

  it('repairs a consent made with stale scopes: deletes it, then grants SAM Desk’s current permissions', async () => {
    const customer = unconsented[1]!;
    // A consent made earlier, when the SAM app asked for less (Graph User.Read only).
    const client = simClient(setup.sim);
    const partnerCenter = `Bearer ${(await client.tokens('https://api.partnercenter.microsoft.com')).access_token}`;
    const stale = await client.call('POST', `/partnercenter/v1/customers/${customer}/applicationconsents`, {
      headers: { authorization: partnerCenter },
      json: { applicationId: setup.sim.samAppId, applicationGrants: [{ enterpriseApplicationId: GRAPH_APP, scope: 'User.Read' }] },
    });
    expect(stale.status).toBe(201);
    expect(setup.sim.state.consentedResources(customer, setup.sim.samAppId)).toEqual([GRAPH_APP]);
    expect((await setup.services.customerConsent.grant(profileId, [customer]))[0]!.status).toBe('exists');

    const [repaired] = await setup.services.customerConsent.grant(profileId, [customer], { repair: true });

    expect(repaired).toMatchObject({ tenantId: customer, status: 'consented' });
    const recorded = setup.sim.state.applicationConsents.grantsOf(customer, setup.sim.samAppId)!;
    expect(recorded.map((grant) => ({ enterpriseApplicationId: grant.enterpriseApplicationId, scope: grant.scopes.join(',') }))).toEqual(applicationGrants());
    expect(setup.sim.state.consentedResources(customer, setup.sim.samAppId)).toEqual(expect.arrayContaining([GRAPH_APP, EXCHANGE_APP]));
  });

  it('repairs a customer with no consent yet by simply granting it (nothing to delete)', async () => {
    const customer = unconsented[2]!;
    const [repaired] = await setup.services.customerConsent.grant(profileId, [customer], { repair: true });
    expect(repaired?.status).toBe('consented');
    expect(setup.sim.state.isConsented(customer, setup.sim.samAppId)).toBe(true);
  });

  it('lists a consent made for Partner Center and Graph only as partial, naming Exchange and Azure, so Repair is offered', async () => {
    // Index 10 of the per-index profile: the customer's admin consented Partner Center and Graph only.
    const stale = setup.sim.state.customers[10]!;
    const rows = await setup.services.customerConsent.list(profileId);
    expect(rows.find((row) => row.tenantId === stale.id)).toMatchObject({ status: 'partial', missing: ['exchange', 'azure'], inPartnerCenter: true });
  });

  it('a GDAP-only customer without consent is “not through Partner Center”, with the admin-consent link, and granting it does not ask Partner Center', async () => {
    const gdapOnly = setup.sim.state.customers[7]!;
    expect(gdapOnly.resellerRelationship).toBe(false);
    setup.sim.state.setConsent(gdapOnly.id, setup.sim.samAppId, false);
    const rows = await setup.services.customerConsent.list(profileId);
    const row = rows.find((candidate) => candidate.tenantId === gdapOnly.id)!;
    expect(row).toMatchObject({ status: 'not-consented', inPartnerCenter: false, adminConsentUrl: `${setup.sim.url}/${gdapOnly.id}/adminconsent?client_id=${setup.sim.samAppId}` });
    setup.sim.state.stats.clear();
    const [granted] = await setup.services.customerConsent.grant(profileId, [gdapOnly.id]);
    expect(granted).toMatchObject({ status: 'not-consented', inPartnerCenter: false, error: { message: expect.stringContaining('Partner Center cannot consent here') } });
    expect(setup.sim.state.stats.get('partnercenter applicationconsents')).toBeUndefined();
  });

  it('counts every customer in exactly one category, so the counts add up to the total', async () => {
    const rows = await setup.services.customerConsent.list(profileId);
    const counts = countConsents(rows);
    const { total, ...categories } = counts;
    expect(total).toBe(60);
    expect(Object.values(categories).reduce((sum, n) => sum + n, 0)).toBe(60);
    expect(counts['no-access']).toBeGreaterThan(0);
    expect(counts['needs-repair']).toBeGreaterThan(0);
  });

  it('tells the window how far the check and a grant got (customerConsent.progress), ending at the total', async () => {
    const events: Array<EventPayloads['customerConsent.progress']> = [];
    const watched = createServices(setup.isolated.environment, {
      opener: { open: () => ({ close: () => undefined }) },
      events: { emit: (event, payload) => event === 'customerConsent.progress' && events.push(payload as EventPayloads['customerConsent.progress']) },
    });
    await watched.customerConsent.list(profileId);
    expect(events.filter((event) => event.phase === 'check').at(-1)).toMatchObject({ profileId, done: 60, total: 60 });
    await watched.customerConsent.grant(profileId, [unconsented[3]!]);
    expect(events.filter((event) => event.phase === 'grant').at(-1)).toEqual({ profileId, phase: 'grant', done: 1, total: 1, consented: 1, failed: 0 });
  });
});
