import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { simCaller, type SimCaller } from '../support/simHttp';

const AZURE_POWERSHELL = '1950a258-227b-4e31-a9cf-717495945953';
const GRAPH = { uri: 'https://graph.microsoft.com', appId: '00000003-0000-0000-c000-000000000000' };
const EXCHANGE = { uri: 'https://outlook.office365.com', appId: '00000002-0000-0ff1-ce00-000000000000' };
const AZURE = { uri: 'https://management.azure.com', appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013' };
const PARTNER_CENTER = { uri: 'https://api.partnercenter.microsoft.com', appId: 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd' };

/**
 * The token endpoint decides per resource, as Entra does: the resource's service principal must
 * exist in the tenant (500011), the app must list the resource in its requiredResourceAccess
 * (650057), and the app must be consented there for that very resource (65001).
 */
describe('consent and service principals per resource at the token endpoint', () => {
  let sim: SimulatedCloud;
  let api: SimCaller;
  let samRefreshToken: string;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 12, autoApprove: true, deviceCodeIntervalSeconds: 1 });
    api = simCaller(sim);
    const tokens = await api.deviceCodeTokens(sim.samAppId, `${PARTNER_CENTER.uri}/.default offline_access`);
    samRefreshToken = tokens.json.refresh_token;
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const errorCode = (reply: { json: { error_codes?: number[] } }) => reply.json.error_codes?.[0];

  it('refuses Exchange with 65001 where the customer consented only Partner Center and Graph, and still issues Graph', async () => {
    const partial = sim.state.customers[10]!;
    expect(sim.state.consentedResources(partial.id, sim.samAppId).sort()).toEqual([GRAPH.appId, PARTNER_CENTER.appId].sort());
    expect((await api.redeem(sim.samAppId, samRefreshToken, partial.id, GRAPH.uri)).status).toBe(200);
    const exchange = await api.redeem(sim.samAppId, samRefreshToken, partial.id, EXCHANGE.uri);
    expect(exchange.status).toBe(400);
    expect(errorCode(exchange)).toBe(65001);
    expect(exchange.json.error).toBe('invalid_grant');
    expect(errorCode(await api.redeem(sim.samAppId, samRefreshToken, partial.id, AZURE.uri))).toBe(65001);
  });

  it('refuses Exchange with 500011 in a customer tenant without Exchange Online, and still issues Graph', async () => {
    const noExchange = sim.state.customers[5]!;
    expect(noExchange.withoutServices).toEqual([EXCHANGE.appId]);
    const exchange = await api.redeem(sim.samAppId, samRefreshToken, noExchange.id, EXCHANGE.uri);
    expect(exchange.status).toBe(400);
    expect(errorCode(exchange)).toBe(500011);
    expect(exchange.json.error_description).toContain(`The resource principal named ${EXCHANGE.uri} was not found in the tenant named ${noExchange.displayName}.`);
    expect((await api.redeem(sim.samAppId, samRefreshToken, noExchange.id, GRAPH.uri)).status).toBe(200);
  });

  it('refuses with 650057 a resource the app registration does not ask permissions on (Azure AD Graph for the seeded app)', async () => {
    const reply = await api.redeem(sim.samAppId, samRefreshToken, sim.partnerTenantId, 'https://graph.windows.net');
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe(650057);
    expect(reply.json.error).toBe('invalid_client');
    expect(reply.json.error_description).toContain(`Resource app ID: 00000002-0000-0000-c000-000000000000. List of valid resources from app registration: `);
  });

  it('consents per resource through Graph oauth2PermissionGrants, lists the real grants, and refuses a second grant for the same resource', async () => {
    const admin = await api.deviceCodeTokens(AZURE_POWERSHELL, `${GRAPH.uri}/.default`);
    const auth = { authorization: `Bearer ${admin.json.access_token}` };
    const app = await api.call('POST', '/graph/v1.0/applications', {
      headers: auth,
      json: {
        displayName: 'Per-resource consent',
        signInAudience: 'AzureADMultipleOrgs',
        isFallbackPublicClient: true,
        publicClient: { redirectUris: ['http://localhost'] },
        requiredResourceAccess: [GRAPH, EXCHANGE].map((r) => ({ resourceAppId: r.appId, resourceAccess: [{ id: '00000000-0000-0000-0000-000000000001', type: 'Scope' }] })),
      },
    });
    expect(app.status).toBe(201);
    const client = await api.call('PATCH', `/graph/v1.0/servicePrincipals(appId='${app.json.appId}')`, { headers: { ...auth, prefer: 'create-if-missing' }, json: {} });
    expect(client.status).toBe(201);
    const resourceSp = async (appId: string) => (await api.call('GET', `/graph/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}`, { headers: auth })).json.value[0].id as string;

    // Not consented in its own tenant yet: no token for any resource.
    expect(errorCode(await api.deviceCodeTokens(app.json.appId, `${GRAPH.uri}/.default offline_access`))).toBe(65001);

    const grant = { clientId: client.json.id, consentType: 'AllPrincipals', resourceId: await resourceSp(GRAPH.appId), scope: 'User.Read Directory.AccessAsUser.All' };
    expect((await api.call('POST', '/graph/v1.0/oauth2PermissionGrants', { headers: auth, json: grant })).status).toBe(201);
    const tokens = await api.deviceCodeTokens(app.json.appId, `${GRAPH.uri}/.default offline_access`);
    expect(tokens.status).toBe(200);
    // The Graph grant does not cover Exchange; an Exchange grant does.
    expect(errorCode(await api.redeem(app.json.appId, tokens.json.refresh_token, sim.partnerTenantId, EXCHANGE.uri))).toBe(65001);
    const exchangeGrant = { ...grant, resourceId: await resourceSp(EXCHANGE.appId), scope: 'Exchange.Manage' };
    expect((await api.call('POST', '/graph/v1.0/oauth2PermissionGrants', { headers: auth, json: exchangeGrant })).status).toBe(201);
    expect((await api.redeem(app.json.appId, tokens.json.refresh_token, sim.partnerTenantId, EXCHANGE.uri)).status).toBe(200);
    // Consented or not, Azure Resource Manager is not in this app's requiredResourceAccess.
    expect(errorCode(await api.redeem(app.json.appId, tokens.json.refresh_token, sim.partnerTenantId, AZURE.uri))).toBe(650057);

    const listed = await api.call('GET', `/graph/v1.0/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${client.json.id}'`)}`, { headers: auth });
    expect(listed.json.value.map((g: { resourceId: string; scope: string }) => [g.resourceId, g.scope]).sort()).toEqual(
      [
        [grant.resourceId, 'User.Read Directory.AccessAsUser.All'],
        [exchangeGrant.resourceId, 'Exchange.Manage'],
      ].sort(),
    );
    const again = await api.call('POST', '/graph/v1.0/oauth2PermissionGrants', { headers: auth, json: exchangeGrant });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatchObject({ code: 'Request_BadRequest', message: 'Permission entry already exists.' });

    // Deleting the Exchange grant withdraws Exchange only.
    const exchangeId = listed.json.value.find((g: { resourceId: string }) => g.resourceId === exchangeGrant.resourceId).id;
    expect((await api.call('DELETE', `/graph/v1.0/oauth2PermissionGrants/${exchangeId}`, { headers: auth })).status).toBe(204);
    expect(errorCode(await api.redeem(app.json.appId, tokens.json.refresh_token, sim.partnerTenantId, EXCHANGE.uri))).toBe(65001);
    expect((await api.redeem(app.json.appId, tokens.json.refresh_token, sim.partnerTenantId, GRAPH.uri)).status).toBe(200);
  });

  it('changes one resource’s consent through the control, leaving the others', async () => {
    const customer = sim.state.customers[0]!;
    await api.control(`customers/${customer.id}/consent`, { appId: sim.samAppId, consented: false, resources: [EXCHANGE.appId] });
    expect(errorCode(await api.redeem(sim.samAppId, samRefreshToken, customer.id, EXCHANGE.uri))).toBe(65001);
    expect((await api.redeem(sim.samAppId, samRefreshToken, customer.id, AZURE.uri)).status).toBe(200);
    await api.control(`customers/${customer.id}/consent`, { appId: sim.samAppId, consented: true, resources: [EXCHANGE.appId] });
    expect((await api.redeem(sim.samAppId, samRefreshToken, customer.id, EXCHANGE.uri)).status).toBe(200);
  });
});
