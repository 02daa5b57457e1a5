/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SimulatedCloud } from '../sim/index';
import { useSimWire } from '../support/simWire';

/** Partner Center, Graph and their throttling, as the simulator speaks them. */
let cloud: SimulatedCloud;
const { call, control, tokenPath, deviceCodeTokens, expectAadError } = useSimWire({ customers: 5, autoApprove: true, deviceCodeIntervalSeconds: 1 }, { get: () => cloud, set: (started) => (cloud = started) });

describe('Partner Center', () => {
  it('pages customers with seekOperation=Next and MS-ContinuationToken, from links.next', async () => {
    const tokens = await deviceCodeTokens('https://api.partnercenter.microsoft.com/.default offline_access');
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const first = await call('GET', '/partnercenter/v1/customers?size=2', { headers: auth });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.attributes).toEqual({ objectType: 'Collection' });
    const names: string[] = first.json.items.map((c: any) => c.companyProfile.companyName);
    let next = first.json.links.next;
    while (next) {
      expect(next.uri).toBe('/customers?size=2&seekOperation=Next');
      const page = await call('GET', `/partnercenter/v1${next.uri}`, { headers: { ...auth, [next.headers[0].key]: next.headers[0].value } });
      names.push(...page.json.items.map((c: any) => c.companyProfile.companyName));
      next = page.json.links.next;
    }
    // DAP customers plus GDAP customers with a reseller relationship; index 2 (expired GDAP, no reseller) is absent.
    expect(names).toEqual(['Müller Bäckerei GmbH', 'Société Générale de Café', '株式会社サクラ商事', 'Ελληνική Ναυτιλία']);
  });

  it('rejects a token without the MFA claim', async () => {
    await control('mfa', { required: false });
    const tokens = await deviceCodeTokens('https://api.partnercenter.microsoft.com/.default offline_access');
    expect(decodeJwt(tokens.access_token).amr).toEqual(['pwd']);
    const r = await call('GET', '/partnercenter/v1/customers', { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(r.status).toBe(401);
    expect(r.json.description).toContain('MFA');
  });
});

describe('Graph', () => {
  it('pages delegatedAdminCustomers and relationships with $skiptoken', async () => {
    const tokens = await deviceCodeTokens();
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const ids: string[] = [];
    let url: string | undefined = '/graph/v1.0/tenantRelationships/delegatedAdminCustomers?$top=2';
    while (url) {
      const page = await call('GET', url, { headers: auth });
      expect(page.status).toBe(200);
      ids.push(...page.json.value.map((c: any) => c.tenantId));
      url = page.json['@odata.nextLink'];
      if (url) expect(url).toContain('$skiptoken=');
    }
    // Index 2's only relationship has expired: delegatedAdminCustomers no longer lists it.
    expect(ids).toEqual([1, 3].map((i) => cloud.state.customers[i]!.id));
    const rel = await call('GET', '/graph/v1.0/tenantRelationships/delegatedAdminRelationships', { headers: auth });
    expect(rel.json.value.map((r: any) => r.status)).toEqual(['active', 'expired', 'active']);
  });

  it('finds the SAM app and creates apps and secrets usable for sign-in', async () => {
    const tokens = await deviceCodeTokens();
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const found = await call('GET', `/graph/v1.0/applications?$filter=${encodeURIComponent(`appId eq '${cloud.samAppId}'`)}`, { headers: auth });
    expect(found.json.value[0].displayName).toBe('SAM Desk');
    expect(found.json.value[0].passwordCredentials[0].secretText).toBeNull();
    const created = await call('POST', '/graph/v1.0/applications', { headers: auth, json: { displayName: 'New SAM app', signInAudience: 'AzureADMultipleOrgs', publicClient: { redirectUris: ['http://localhost'] }, isFallbackPublicClient: true } });
    expect(created.status).toBe(201);
    const secret = await call('POST', `/graph/v1.0/applications/${created.json.id}/addPassword`, { headers: auth, json: { passwordCredential: { displayName: 'desk' } } });
    expect(secret.json.secretText).toMatch(/^.{3}8Q~/);
    const code = await call('POST', `/${cloud.partnerTenantId}/oauth2/v2.0/devicecode`, { form: { client_id: created.json.appId, scope: 'https://graph.microsoft.com/.default' } });
    expect(code.status).toBe(200);
    const missing = await call('GET', '/graph/v1.0/applications/00000000-0000-0000-0000-000000000000', { headers: auth });
    expect(missing.status).toBe(404);
    expect(Object.keys(missing.json.error)).toEqual(['code', 'message', 'innerError']);
  });
});

describe('faults and throttling', () => {
  it('returns 429 with Retry-After in each service shape', async () => {
    await control('faults', { path: '/oauth2/v2.0/token', status: 429, retryAfter: 7 });
    const throttled = await call('POST', tokenPath(cloud.partnerTenantId), { form: { grant_type: 'refresh_token' }, headers: { 'client-request-id': '11111111-2222-3333-4444-555555555555' } });
    expect(throttled.headers['retry-after']).toBe('7');
    expectAadError(throttled, 90055, 'temporarily_unavailable', 429);
    expect(throttled.json.correlation_id).toBe('11111111-2222-3333-4444-555555555555');

    await control('faults', { path: '/graph/', status: 429, retryAfter: 3 });
    const graph = await call('GET', '/graph/v1.0/me');
    expect(graph.status).toBe(429);
    expect(graph.headers['retry-after']).toBe('3');
    expect(graph.json.error.code).toBe('TooManyRequests');

    await control('faults', { path: '/partnercenter/', status: 429, retryAfter: 2 });
    const pc = await call('GET', '/partnercenter/v1/customers');
    expect(pc.status).toBe(429);
    expect(pc.json.code).toBe(429);
    // count defaults to 1: the next call is answered normally (here: 401, no token).
    expect((await call('GET', '/partnercenter/v1/customers')).status).toBe(401);
  });

  it('resets connections and counts requests per route', async () => {
    await control('faults', { path: '/discovery/v2.0/keys', reset: true });
    await expect(call('GET', `/${cloud.partnerTenantId}/discovery/v2.0/keys`)).rejects.toThrow();
    expect((await call('GET', `/${cloud.partnerTenantId}/discovery/v2.0/keys`)).status).toBe(200);
    const stats = await call('GET', '/_sim/stats');
    expect(stats.json.routes.keys).toBeGreaterThanOrEqual(2);
  });
});
