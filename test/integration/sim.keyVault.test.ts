/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { createHttpClient, readJson, type HttpClient } from '../../electron/core/http/httpClient';
import { RunbookCredential, simControl, simSecretClient } from '../support/keyVault';
import { signedInProfile } from '../support/signedInProfile';
import { simCa } from '../support/environment';

/**
 * The simulated Key Vault data plane and Resource Manager listing, against Microsoft's documented
 * behaviour (test/sim/README.md, "Azure Key Vault and Azure Resource Manager"): raw HTTPS where the
 * wire shape is the subject, Microsoft's SDK where its use is.
 */
describe('the simulated Azure Key Vault and Resource Manager', () => {
  let sim: SimulatedCloud;
  let http: HttpClient;
  let refreshToken: string;
  const secrets = new Map<string, string>();

  const vault = (path: string) => `${sim.keyVaultUrl.replace(/\/$/, '')}${path}`;
  const accessToken = async (resource: string) => {
    const response = await http.send({
      method: 'POST',
      url: `${sim.url}/${sim.partnerTenantId}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: sim.samAppId, grant_type: 'refresh_token', refresh_token: refreshToken, scope: `${resource}/.default offline_access` }).toString(),
    });
    const body = readJson<{ access_token: string; refresh_token: string }>(response)!;
    refreshToken = body.refresh_token;
    return body.access_token;
  };
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, body?: unknown) => {
    const response = await http.send({
      method,
      url,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: readJson<Record<string, any>>(response) };
  };

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 2 });
    // No retries: the answers themselves are under test.
    http = createHttpClient({ extraCa: simCa(sim), retry: { attempts: 1 } });
    await signedInProfile(sim, { vault: { get: async (a: string) => secrets.get(a) ?? null, set: async (a: string, v: string) => void secrets.set(a, v), delete: async () => true }, profiles: { upsert: async () => [] } } as never, 'p-sim');
    refreshToken = secrets.get('p-sim/refresh-token')!;
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('announces the seeded vault as keyVaultUrl in its start-up information', async () => {
    expect(sim.keyVaultUrl).toBe(`${sim.url}/keyvault/northwind-sam-kv/`);
    expect(await simControl(sim, '/_sim/info')).toMatchObject({ keyVaultUrl: sim.keyVaultUrl });
  });

  it('answers a request without a token with 401 and the challenge naming the vault’s tenant and Key Vault', async () => {
    const response = await call('GET', vault('/secrets?api-version=7.4'));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(`Bearer authorization="https://login.windows.net/${sim.partnerTenantId}", resource="https://vault.azure.net"`);
    expect(response.body).toEqual({ error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } });
  });

  it('refuses a token for another resource with 401 and the same challenge, and a request without api-version with 400', async () => {
    const graph = await accessToken('https://graph.microsoft.com');
    const wrongAudience = await call('GET', vault('/secrets?api-version=7.4'), graph);
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.headers['www-authenticate']).toContain('resource="https://vault.azure.net"');
    const token = await accessToken('https://vault.azure.net');
    expect((await call('GET', vault('/secrets'), token)).body).toMatchObject({ error: { code: 'BadParameter' } });
  });

  it('sets versions and returns SecretBundles whose ids name the vault’s own host, with attributes and tags', async () => {
    const client = simSecretClient(sim, new RunbookCredential(sim, refreshToken));
    const one = await client.setSecret('probe', 'one', { contentType: 'text/plain', tags: { team: 'ops' }, expiresOn: new Date(1_900_000_000_000) });
    const two = await client.setSecret('probe', 'two');
    const token = await accessToken('https://vault.azure.net');
    const latest = await call('GET', vault('/secrets/probe/?api-version=7.4'), token);
    expect(latest.body).toMatchObject({ value: 'two', id: two.properties.id, attributes: { enabled: true, recoveryLevel: 'Recoverable+Purgeable' } });
    expect(latest.body!.id).toMatch(/^https:\/\/northwind-sam-kv\.vault\.azure\.net\/secrets\/probe\/[0-9a-f]{32}$/);
    expect(typeof latest.body!.attributes.created).toBe('number');
    const first = await call('GET', vault(`/secrets/probe/${one.properties.version}?api-version=7.4`), token);
    expect(first.body).toMatchObject({ value: 'one', contentType: 'text/plain', tags: { team: 'ops' }, attributes: { exp: 1_900_000_000 } });
    // Limits of "About Azure Key Vault secrets": 25 KB values, 15 tags, names of letters, digits and dashes.
    await expect(client.setSecret('probe', 'x'.repeat(25 * 1024 + 1))).rejects.toMatchObject({ statusCode: 400, code: 'BadParameter' });
    await expect(client.setSecret('probe', 'x', { tags: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v'])) })).rejects.toMatchObject({ statusCode: 400 });
    await expect(client.setSecret('probe_under', 'x')).rejects.toMatchObject({ statusCode: 400 });
  });

  it('lists secrets and versions 25 at most per page, with an absolute nextLink the SDK follows', async () => {
    const client = simSecretClient(sim, new RunbookCredential(sim, refreshToken));
    for (let i = 0; i < 27; i++) await client.setSecret(`page-${i}`, `value ${i}`);
    const page = await call('GET', vault('/secrets?api-version=7.4'), await accessToken('https://vault.azure.net'));
    expect(page.body!.value).toHaveLength(25);
    expect(page.body!.nextLink).toMatch(new RegExp(`^${sim.url}/keyvault/northwind-sam-kv/secrets\\?.*skiptoken`));
    expect(page.body!.value[0]).not.toHaveProperty('value');
    const names: string[] = [];
    for await (const properties of client.listPropertiesOfSecrets()) names.push(properties.name);
    expect(names.filter((name) => name.startsWith('page-'))).toHaveLength(27);
  });

  it('answers a user without a data-plane role with 403 ForbiddenByRbac, and a Secrets User may read but not write', async () => {
    const client = simSecretClient(sim, new RunbookCredential(sim, refreshToken));
    await client.setSecret('rbac', 'before');
    await simControl(sim, '/_sim/keyvault/roles', { roles: [] });
    const denied = await call('GET', vault('/secrets/rbac?api-version=7.4'), await accessToken('https://vault.azure.net'));
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'Forbidden', innererror: { code: 'ForbiddenByRbac' } } });
    expect(denied.body!.error.message).toContain("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'");

    await simControl(sim, '/_sim/keyvault/roles', { roles: ['Key Vault Secrets User'] });
    const reader = simSecretClient(sim, new RunbookCredential(sim, refreshToken));
    expect((await reader.getSecret('rbac')).value).toBe('before');
    await expect(reader.setSecret('rbac', 'after')).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    await simControl(sim, '/_sim/keyvault/roles', { roles: ['Key Vault Secrets Officer'] });
  });

  it('keeps a deleted secret recoverable: setting its name is 409 ObjectIsDeletedButRecoverable until it is recovered or purged', async () => {
    const credential = new RunbookCredential(sim, refreshToken);
    const client = simSecretClient(sim, credential);
    await client.setSecret('deleted', 'kept');
    await client.beginDeleteSecret('deleted');
    const conflict = await client.setSecret('deleted', 'new').catch((error: unknown) => error as { statusCode: number; code: string; message: string });
    expect(conflict).toMatchObject({ statusCode: 409, code: 'Conflict', message: 'Secret deleted is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.' });
    await (await client.beginRecoverDeletedSecret('deleted', { intervalInMs: 50 })).pollUntilDone();
    expect((await client.getSecret('deleted')).value).toBe('kept');
    await client.beginDeleteSecret('deleted');
    await client.purgeDeletedSecret('deleted');
    await expect(client.setSecret('deleted', 'fresh')).resolves.toMatchObject({ value: 'fresh' });
    refreshToken = credential.refreshToken;
  });

  it('throttles with 429 Throttled and no Retry-After unless one is asked for', async () => {
    const token = await accessToken('https://vault.azure.net');
    await simControl(sim, '/_sim/keyvault/throttle', { count: 1 });
    const throttled = await call('GET', vault('/secrets?api-version=7.4'), token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBeUndefined();
    expect(throttled.body).toMatchObject({ error: { code: 'Throttled', message: expect.stringContaining('VaultRequestTypeLimitReached') } });
    expect((await call('GET', vault('/secrets?api-version=7.4'), token)).status).toBe(200);
    await simControl(sim, '/_sim/keyvault/throttle', { count: 1, retryAfter: 3 });
    expect((await call('GET', vault('/secrets?api-version=7.4'), token)).headers['retry-after']).toBe('3');
  });

  it('lists the partner’s subscription and, in it, the vault with its vaultUri (trailing slash) through Resource Manager', async () => {
    const token = await accessToken('https://management.azure.com');
    const subscriptions = await call('GET', `${sim.url}/arm/subscriptions?api-version=2022-12-01`, token);
    expect(subscriptions.body!.value).toEqual([expect.objectContaining({ tenantId: sim.partnerTenantId, state: 'Enabled', displayName: 'Northwind Partner – Azure plan' })]);
    const { subscriptionId } = subscriptions.body!.value[0];
    const vaults = await call('GET', `${sim.url}/arm/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`, token);
    expect(vaults.body!.value).toEqual([
      expect.objectContaining({ name: 'northwind-sam-kv', type: 'Microsoft.KeyVault/vaults', properties: expect.objectContaining({ vaultUri: sim.keyVaultUrl, enableRbacAuthorization: true }) }),
    ]);
    expect((await call('GET', `${sim.url}/arm/subscriptions?api-version=2022-12-01`)).status).toBe(401);
    expect((await call('GET', `${sim.url}/arm/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`, await accessToken('https://vault.azure.net'))).status).toBe(401);
  });
});
