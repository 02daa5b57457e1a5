/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCustomersFile } from '../sim/customersFile';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { simClient } from '../support/simClient';

const GRAPH = 'https://graph.microsoft.com';
const EXCHANGE = 'https://outlook.office365.com';
const ARM = 'https://management.azure.com';

/** A customers file as a partner would write one: roles by display name, consent and subscriptions per customer. */
const FILE = JSON.stringify([
  { id: 'a0000000-0000-4000-8000-000000000001', name: 'Contoso Mail', domain: 'contosomail.onmicrosoft.com', relationship: 'GDAP', gdapRoles: ['Exchange Administrator'], azureSubscriptions: 2 },
  { id: 'a0000000-0000-4000-8000-000000000002', name: 'Fabrikam Readers', domain: 'fabrikamreaders.onmicrosoft.com', relationship: 'GDAP', gdapRoles: ['global reader'], azureSubscriptions: 0 },
  { id: 'a0000000-0000-4000-8000-000000000003', name: 'Tailspin Users', domain: 'tailspinusers.onmicrosoft.com', relationship: 'GDAP', gdapRoles: ['User Administrator'] },
  { id: 'a0000000-0000-4000-8000-000000000004', name: 'Litware DAP', domain: 'litwaredap.onmicrosoft.com', relationship: 'DAP', consented: true },
  { id: 'a0000000-0000-4000-8000-000000000005', name: 'Adatum Unconsented', domain: 'adatumunconsented.onmicrosoft.com', relationship: 'DAP', consented: false },
  { id: 'a0000000-0000-4000-8000-000000000006', name: 'Woodgrove Nothing', domain: 'woodgrovenothing.onmicrosoft.com', relationship: 'GDAP', gdapRoles: [] },
]);
const [mail, readers, users, dap, unconsented, nothing] = JSON.parse(FILE).map((row: { id: string }) => row.id) as string[];

let sim: SimulatedCloud;
let client: ReturnType<typeof simClient>;
let refreshToken: string;

/** An access token for `resource` in `tenant`, redeemed from the admin's refresh token (which rotates). */
async function tokenFor(tenant: string, resource: string): Promise<any> {
  const reply = await client.redeem(refreshToken, tenant, resource);
  if (reply.json.refresh_token) refreshToken = reply.json.refresh_token;
  return reply;
}

async function bearer(tenant: string, resource: string): Promise<Record<string, string>> {
  const reply = await tokenFor(tenant, resource);
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return { authorization: `Bearer ${reply.json.access_token}` };
}

const getOrganizationConfig = { CmdletInput: { CmdletName: 'Get-OrganizationConfig', Parameters: {} } };
const invoke = async (tenant: string, headers: Record<string, string>) =>
  client.call('POST', `/exchange/adminapi/beta/${tenant}/InvokeCommand`, {
    headers: { ...headers, 'x-anchormailbox': `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenant}` },
    json: getOrganizationConfig,
  });

beforeAll(async () => {
  sim = await startSimulatedCloud({ customers: parseCustomersFile(FILE) });
  client = simClient(sim);
  refreshToken = (await client.tokens(GRAPH)).refresh_token;
});

afterAll(async () => {
  await sim?.stop();
});

describe('a customers file with gdapRoles, consented and azureSubscriptions', () => {
  it('gives a gdapRoles customer exactly one active relationship with those roles, held by the admin; [] gives none', () => {
    const [relationship, ...others] = sim.state.gdap.ofCustomer(mail!);
    expect(others).toEqual([]);
    expect(relationship).toMatchObject({ status: 'active', roles: ['29232cdf-9323-42fd-ade2-1d097af3e4de'] });
    const admin = sim.state.findUser(sim.user)!;
    expect([...sim.state.gdap.rolesHeld(admin.oid, mail!, Date.now())]).toEqual(['29232cdf-9323-42fd-ade2-1d097af3e4de']);
    expect(sim.state.gdap.ofCustomer(nothing!)).toEqual([]);
  });

  it('consents (or not) as the file says, overriding the per-index profile (index 3 is otherwise unconsented)', async () => {
    expect((await tokenFor(dap!, GRAPH)).status).toBe(200);
    const refused = await tokenFor(unconsented!, GRAPH);
    expect(refused.json.error_codes).toEqual([65001]);
  });

  it('refuses a file naming a role Entra does not have, or a wrong type, with the row named', () => {
    expect(() => parseCustomersFile(JSON.stringify([{ ...JSON.parse(FILE)[0], gdapRoles: ['Exchange Wizard'] }]))).toThrow(/customers\[0\]\.gdapRoles: "Exchange Wizard" is not an Entra built-in role/);
    expect(() => parseCustomersFile(JSON.stringify([{ ...JSON.parse(FILE)[0], consented: 'yes' }]))).toThrow(/customers\[0\]\.consented must be true or false/);
    expect(() => parseCustomersFile(JSON.stringify([{ ...JSON.parse(FILE)[0], azureSubscriptions: -1 }]))).toThrow(/azureSubscriptions must be a whole number/);
  });
});

describe('Graph answers by the roles the partner holds in the customer', () => {
  it('answers GET /users with 403 Authorization_RequestDenied where the roles held (Exchange Administrator only) do not read users', async () => {
    const reply = await client.call('GET', '/graph/v1.0/users?$top=1&$select=id', { headers: await bearer(mail!, GRAPH) });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  });

  it('lists users for Global Reader through GDAP and for DAP (the Admin Agents are Global Administrators)', async () => {
    for (const tenant of [readers!, dap!]) {
      const reply = await client.call('GET', '/graph/v1.0/users?$top=1&$select=id', { headers: await bearer(tenant, GRAPH) });
      expect(reply.status).toBe(200);
      expect(reply.json.value).toHaveLength(1);
    }
  });
});

describe('Exchange Online’s admin endpoint (InvokeCommand)', () => {
  it('runs Get-OrganizationConfig for Exchange Administrator and Global Reader', async () => {
    for (const tenant of [mail!, readers!]) {
      const reply = await invoke(tenant, await bearer(tenant, EXCHANGE));
      expect(reply.status).toBe(200);
      expect(reply.json.value[0]).toMatchObject({ Guid: tenant });
    }
  });

  it('answers 401 Unauthorized “User is not allowed to call Get-OrganizationConfig” without an Exchange role (User Administrator only)', async () => {
    const reply = await invoke(users!, await bearer(users!, EXCHANGE));
    expect(reply.status).toBe(401);
    expect(reply.json.error).toMatchObject({ code: 'Unauthorized', message: 'User is not allowed to call Get-OrganizationConfig' });
  });

  it('refuses a token issued in another tenant, or for another resource', async () => {
    expect((await invoke(readers!, await bearer(mail!, EXCHANGE))).status).toBe(401);
    expect((await invoke(mail!, await bearer(mail!, GRAPH))).status).toBe(401);
  });
});

describe('Azure Resource Manager per customer', () => {
  it('lists the customer’s subscriptions for a token from that customer, and 200 with an empty list where there are none', async () => {
    const two = await client.call('GET', '/arm/subscriptions?api-version=2022-12-01', { headers: await bearer(mail!, ARM) });
    expect(two.status).toBe(200);
    expect(two.json.value).toHaveLength(2);
    expect(two.json.value.every((subscription: any) => subscription.tenantId === mail)).toBe(true);
    const none = await client.call('GET', '/arm/subscriptions?api-version=2022-12-01', { headers: await bearer(readers!, ARM) });
    expect(none.status).toBe(200);
    expect(none.json.value).toEqual([]);
  });
});
