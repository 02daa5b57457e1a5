import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { simCaller, type SimCaller } from '../support/simHttp';

const AZURE_POWERSHELL = '1950a258-227b-4e31-a9cf-717495945953';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** How the simulated Graph fails the way Graph does: replication delay, faults after the write, gateway pages, empty 401s. */
describe('Graph failures in the simulator', () => {
  let sim: SimulatedCloud;
  let api: SimCaller;
  let auth: Record<string, string>;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 1, autoApprove: true, deviceCodeIntervalSeconds: 1 });
    api = simCaller(sim);
    const admin = await api.deviceCodeTokens(AZURE_POWERSHELL, 'https://graph.microsoft.com/.default');
    auth = { authorization: `Bearer ${admin.json.access_token}` };
  });
  afterEach(async () => {
    await api.call('DELETE', '/_sim/faults');
    await api.control('replication', { delayMs: 0 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const appsNamed = (name: string) => [...sim.state.apps.values()].filter((app) => app.displayName === name);
  const newApp = (displayName: string) => api.call('POST', '/graph/v1.0/applications', { headers: auth, json: { displayName, signInAudience: 'AzureADMultipleOrgs' } });

  it('hides a new app, service principal, secret and grant from reads until the replication delay has passed, and refuses writes that depend on them', async () => {
    await api.control('replication', { delayMs: 5_000 });
    const app = await newApp('Replicating app');
    expect(app.status).toBe(201);
    const byId = await api.call('GET', `/graph/v1.0/applications/${app.json.id}`, { headers: auth });
    expect(byId.status).toBe(404);
    expect(byId.json.error.code).toBe('Request_ResourceNotFound');
    const filtered = await api.call('GET', `/graph/v1.0/applications?$filter=${encodeURIComponent(`appId eq '${app.json.appId}'`)}`, { headers: auth });
    expect(filtered.json.value).toEqual([]);
    expect((await api.call('POST', `/graph/v1.0/applications/${app.json.id}/addPassword`, { headers: auth, json: {} })).status).toBe(404);
    const early = await api.call('POST', '/graph/v1.0/servicePrincipals', { headers: auth, json: { appId: app.json.appId } });
    expect(early.status).toBe(400);
    expect(early.json.error.details).toEqual([expect.objectContaining({ code: 'NoBackingApplicationObject' })]);

    await api.control('clock', { advanceSeconds: 6 });
    expect((await api.call('GET', `/graph/v1.0/applications/${app.json.id}`, { headers: auth })).status).toBe(200);
    const secret = await api.call('POST', `/graph/v1.0/applications/${app.json.id}/addPassword`, { headers: auth, json: { passwordCredential: { displayName: 'SAM Desk' } } });
    expect((await api.call('GET', `/graph/v1.0/applications/${app.json.id}`, { headers: auth })).json.passwordCredentials).toEqual([]);
    const sp = await api.call('POST', '/graph/v1.0/servicePrincipals', { headers: auth, json: { appId: app.json.appId } });
    expect(sp.status).toBe(201);
    expect((await api.call('GET', `/graph/v1.0/servicePrincipals(appId='${app.json.appId}')`, { headers: auth })).status).toBe(404);
    const graphSp = (await api.call('GET', `/graph/v1.0/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${GRAPH_APP_ID}'`)}`, { headers: auth })).json.value[0].id;
    const grant = { clientId: sp.json.id, consentType: 'AllPrincipals', resourceId: graphSp, scope: 'User.Read' };
    const earlyGrant = await api.call('POST', '/graph/v1.0/oauth2PermissionGrants', { headers: auth, json: grant });
    expect(earlyGrant.status).toBe(404);
    expect(earlyGrant.json.error.code).toBe('Directory_ObjectNotFound');

    await api.control('clock', { advanceSeconds: 6 });
    const listed = await api.call('GET', `/graph/v1.0/applications/${app.json.id}`, { headers: auth });
    expect(listed.json.passwordCredentials.map((c: { keyId: string }) => c.keyId)).toEqual([secret.json.keyId]);
    expect((await api.call('POST', '/graph/v1.0/oauth2PermissionGrants', { headers: auth, json: grant })).status).toBe(201);
    const grants = () => api.call('GET', `/graph/v1.0/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${sp.json.id}'`)}`, { headers: auth });
    expect((await grants()).json.value).toEqual([]);
    await api.control('clock', { advanceSeconds: 6 });
    expect((await grants()).json.value).toHaveLength(1);
  });

  it('an upsert by uniqueName sent twice before the first replicated makes one app (201, then 204)', async () => {
    await api.control('replication', { delayMs: 5_000 });
    const upsert = () =>
      api.call('PATCH', `/graph/v1.0/applications(uniqueName='samdesk-twice')`, { headers: { ...auth, prefer: 'create-if-missing' }, json: { displayName: 'Upserted twice' } });
    expect((await upsert()).status).toBe(201);
    expect((await upsert()).status).toBe(204);
    expect(appsNamed('Upserted twice')).toHaveLength(1);
    expect((await api.call('GET', `/graph/v1.0/applications(uniqueName='samdesk-twice')`, { headers: auth })).status).toBe(404);
    const withoutPrefer = await api.call('PATCH', `/graph/v1.0/applications(uniqueName='samdesk-never')`, { headers: auth, json: { displayName: 'Never' } });
    expect(withoutPrefer.status).toBe(404);
    expect(appsNamed('Never')).toHaveLength(0);
  });

  it('an after-commit fault lets the write happen, then answers 500 or drops the connection', async () => {
    await api.control('faults', { path: '/graph/v1.0/applications', method: 'POST', status: 500, afterCommit: true });
    const lost = await newApp('Committed then 500');
    expect(lost.status).toBe(500);
    expect(lost.json.error.code).toBe('InternalServerError');
    expect(appsNamed('Committed then 500')).toHaveLength(1);

    const app = appsNamed('Committed then 500')[0]!;
    await api.control('faults', { path: '/addPassword', reset: true, afterCommit: true });
    await expect(api.call('POST', `/graph/v1.0/applications/${app.id}/addPassword`, { headers: auth, json: {} })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(app.passwordCredentials).toHaveLength(1);
  });

  it('answers 502 and 504 with a gateway’s HTML page, and 401 with an empty body and WWW-Authenticate', async () => {
    await api.control('faults', { path: '/graph/v1.0/organization', status: 502 });
    const gateway = await api.call('GET', '/graph/v1.0/organization', { headers: auth });
    expect(gateway.status).toBe(502);
    expect(gateway.headers['content-type']).toMatch(/^text\/html/);
    expect(gateway.text).toMatch(/^<!DOCTYPE html>.*<title>502 Bad Gateway<\/title>/);

    await api.control('faults', { path: '/graph/v1.0/me', status: 401 });
    const unauthorized = await api.call('GET', '/graph/v1.0/me', { headers: auth });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.text).toBe('');
    expect(unauthorized.headers['www-authenticate']).toMatch(/^Bearer /);
  });
});
