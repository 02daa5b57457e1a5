/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { simClient } from '../support/simClient';

const PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';
const GRAPH_APP = '00000003-0000-0000-c000-000000000000';
const EXCHANGE_APP = '00000002-0000-0ff1-ce00-000000000000';

let sim: SimulatedCloud;
let client: ReturnType<typeof simClient>;
let auth: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulatedCloud({ customers: 30 });
  client = simClient(sim);
  auth = { authorization: `Bearer ${(await client.tokens(PARTNER_CENTER)).access_token}` };
});

afterEach(async () => {
  await client.call('POST', '/_sim/reset');
});

afterAll(async () => {
  await sim?.stop();
});

const listed = () => sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship);

describe('Partner Center customers', () => {
  it('lists customers without allowDelegatedAccess; only GET /v1/customers/{id} says whether DAP is allowed', async () => {
    const page = await client.call('GET', '/partnercenter/v1/customers?size=500', { headers: auth });
    expect(page.status).toBe(200);
    for (const item of page.json.items) {
      expect(Object.keys(item).sort()).toEqual(['attributes', 'companyProfile', 'id', 'links', 'relationshipToPartner']);
    }
    const dap = listed().find((c) => c.relationship === 'DAP')!;
    const gdapReseller = listed().find((c) => c.relationship === 'GDAP')!;
    expect((await client.call('GET', `/partnercenter/v1/customers/${dap.id}`, { headers: auth })).json).toMatchObject({ id: dap.id, allowDelegatedAccess: true });
    expect((await client.call('GET', `/partnercenter/v1/customers/${gdapReseller.id}`, { headers: auth })).json).toMatchObject({ allowDelegatedAccess: false });
  });

  it('gives the next page for seekOperation=Next plus the MS-ContinuationToken header, both from links.next', async () => {
    const names: string[] = [];
    let page = await client.call('GET', '/partnercenter/v1/customers?size=7', { headers: auth });
    names.push(...page.json.items.map((c: any) => c.companyProfile.companyName));
    while (page.json.links.next) {
      const next = page.json.links.next;
      expect(next.uri).toBe('/customers?size=7&seekOperation=Next');
      expect(next.headers.map((h: any) => h.key)).toEqual(['MS-ContinuationToken']);
      const headers = Object.fromEntries(next.headers.map((h: any) => [h.key, h.value]));
      page = await client.call('GET', `/partnercenter/v1${next.uri}`, { headers: { ...auth, ...headers } });
      names.push(...page.json.items.map((c: any) => c.companyProfile.companyName));
    }
    expect(names).toEqual(listed().map((c) => c.displayName));
  });

  it('answers the continuation header without seekOperation with the first page again, so a client that forgets it loops', async () => {
    const first = await client.call('GET', '/partnercenter/v1/customers?size=7', { headers: auth });
    const token = first.json.links.next.headers[0].value;
    const again = await client.call('GET', '/partnercenter/v1/customers?size=7', { headers: { ...auth, 'MS-ContinuationToken': token } });
    expect(again.json.items.map((c: any) => c.id)).toEqual(first.json.items.map((c: any) => c.id));
  });

  it('refuses seekOperation=Next without a continuation token (400)', async () => {
    const reply = await client.call('GET', '/partnercenter/v1/customers?size=7&seekOperation=Next', { headers: auth });
    expect(reply.status).toBe(400);
    expect(reply.json.description).toContain('MS-ContinuationToken');
  });

  it('refuses an app+user token without the MFA claim with HTTP 401 and code 900421, from 2026-04-01 on', async () => {
    await client.control('mfa', { required: false });
    const noMfa = { authorization: `Bearer ${(await client.tokens(PARTNER_CENTER)).access_token}` };
    const refused = await client.call('GET', '/partnercenter/v1/customers', { headers: noMfa });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 900421, errorName: 'Unauthorized' });

    // Before the enforcement date, the same kind of token is still answered.
    await client.control('clock', { advanceSeconds: (Date.UTC(2026, 2, 31) - Date.now()) / 1000 });
    await client.control('mfa', { required: false });
    const early = { authorization: `Bearer ${(await client.tokens(PARTNER_CENTER)).access_token}` };
    expect((await client.call('GET', '/partnercenter/v1/customers', { headers: early })).status).toBe(200);
  });
});

describe('Partner Center application consents', () => {
  const notConsented = () => listed().find((c) => !sim.state.isConsented(c.id, sim.samAppId))!;
  const consent = (tenantId: string, grants: Array<{ enterpriseApplicationId: string; scope: string }>) =>
    client.call('POST', `/partnercenter/v1/customers/${tenantId}/applicationconsents`, { headers: auth, json: { applicationId: sim.samAppId, applicationGrants: grants } });

  it('records each grant per resource with its comma-separated scopes, and refuses a second consent with 409 whatever its scopes', async () => {
    const customer = notConsented();
    const created = await consent(customer.id, [{ enterpriseApplicationId: GRAPH_APP, scope: 'Directory.Read.All, User.Read' }]);
    expect(created.status).toBe(201);
    expect(sim.state.consentedResources(customer.id, sim.samAppId)).toEqual([GRAPH_APP]);
    expect(sim.state.applicationConsents.grantsOf(customer.id, sim.samAppId)).toEqual([{ enterpriseApplicationId: GRAPH_APP, scopes: ['Directory.Read.All', 'User.Read'] }]);

    const again = await consent(customer.id, [
      { enterpriseApplicationId: GRAPH_APP, scope: 'Directory.Read.All,User.Read' },
      { enterpriseApplicationId: EXCHANGE_APP, scope: 'Exchange.Manage' },
    ]);
    expect(again.status).toBe(409);
    expect(again.json.description).toBe('Permission entry already exists.');
    expect(sim.state.consentedResources(customer.id, sim.samAppId)).toEqual([GRAPH_APP]);
  });

  it('removes a consent with DELETE …/applicationconsents/{appId}, after which a POST grants the new scopes (repair)', async () => {
    const customer = listed().find((c) => sim.state.isConsented(c.id, sim.samAppId))!;
    const removed = await client.call('DELETE', `/partnercenter/v1/customers/${customer.id}/applicationconsents/${sim.samAppId}`, { headers: auth });
    expect(removed.status).toBe(200);
    expect(sim.state.isConsented(customer.id, sim.samAppId)).toBe(false);
    expect((await client.call('DELETE', `/partnercenter/v1/customers/${customer.id}/applicationconsents/${sim.samAppId}`, { headers: auth })).status).toBe(404);

    const granted = await consent(customer.id, [
      { enterpriseApplicationId: GRAPH_APP, scope: 'Directory.AccessAsUser.All' },
      { enterpriseApplicationId: EXCHANGE_APP, scope: 'Exchange.Manage' },
    ]);
    expect(granted.status).toBe(201);
    expect(sim.state.consentedResources(customer.id, sim.samAppId).sort()).toEqual([EXCHANGE_APP, GRAPH_APP].sort());
  });

  it('refuses a grant that names no Microsoft API or no scope (400)', async () => {
    const reply = await consent(notConsented().id, [{ enterpriseApplicationId: '11111111-1111-4111-8111-111111111111', scope: 'x' }]);
    expect(reply.status).toBe(400);
    expect((await consent(notConsented().id, [{ enterpriseApplicationId: GRAPH_APP, scope: ' , ' }])).status).toBe(400);
  });
});
