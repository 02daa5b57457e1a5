/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RELATIONSHIP_STATUSES } from '../sim/gdap';
import { ROLE } from '../sim/gdapSeed';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { simClient } from '../support/simClient';

const GRAPH = 'https://graph.microsoft.com';
const DAY_S = 24 * 3600;

let sim: SimulatedCloud;
let client: ReturnType<typeof simClient>;
let tokens: { access_token: string; refresh_token: string };
let auth: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulatedCloud({ customers: 100 });
  client = simClient(sim);
  tokens = await client.tokens(GRAPH);
  auth = { authorization: `Bearer ${tokens.access_token}` };
});

afterEach(async () => {
  await client.call('POST', '/_sim/reset');
});

afterAll(async () => {
  await sim?.stop();
});

async function all(path: string): Promise<any[]> {
  const items: any[] = [];
  for (let url: string | undefined = path; url; ) {
    const page = await client.call('GET', url, { headers: auth });
    expect(page.status).toBe(200);
    items.push(...page.json.value);
    url = page.json['@odata.nextLink'];
  }
  return items;
}

describe('GDAP relationships as Graph returns them', () => {
  it('lists every relationship, several per customer and in every status, with unifiedRoles, endDateTime and autoExtendDuration', async () => {
    const relationships = await all('/graph/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300');
    expect(new Set(relationships.map((r) => r.status))).toEqual(new Set(RELATIONSHIP_STATUSES));
    const perCustomer = new Map<string, number>();
    for (const r of relationships) perCustomer.set(r.customer.tenantId, (perCustomer.get(r.customer.tenantId) ?? 0) + 1);
    expect(Math.max(...perCustomer.values())).toBe(3);
    for (const r of relationships) {
      expect(r.accessDetails.unifiedRoles.length).toBeGreaterThan(0);
      expect(['PT0S', 'P0D', 'P180D']).toContain(r.autoExtendDuration);
      // endDateTime = activatedDateTime + duration; nothing before activation.
      if (['created', 'approvalPending', 'approved', 'activating'].includes(r.status)) expect([r.activatedDateTime, r.endDateTime]).toEqual([null, null]);
      else expect(Date.parse(r.endDateTime) - Date.parse(r.activatedDateTime)).toBeGreaterThanOrEqual(730 * DAY_S * 1000);
    }
    const active = await all(`/graph/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent("status eq 'active'")}`);
    expect(active.length).toBe(relationships.filter((r) => r.status === 'active').length);
  });

  it('lists a customer in delegatedAdminCustomers only while an active or expiring relationship exists', async () => {
    const listed = new Set((await all('/graph/v1.0/tenantRelationships/delegatedAdminCustomers')).map((c) => c.tenantId));
    const onlyExpired = sim.state.customers[2]!;
    expect(sim.state.gdap.ofCustomer(onlyExpired.id).map((r) => r.status)).toEqual(['expired']);
    expect(listed.has(onlyExpired.id)).toBe(false);
    const expiring = sim.state.customers[7]!;
    expect(sim.state.gdap.ofCustomer(expiring.id).map((r) => r.status)).toEqual(['expiring']);
    expect(listed.has(expiring.id)).toBe(true);
    // A DAP customer whose only relationship is still being set up is no GDAP customer yet.
    expect(listed.has(sim.state.customers[6]!.id)).toBe(false);
  });

  it('ends an expiring relationship at its end date: the token endpoint then refuses the customer (50020) and Graph says expired', async () => {
    const expiring = sim.state.customers[7]!;
    expect((await client.redeem(tokens.refresh_token, expiring.id, GRAPH)).status).toBe(200);
    await client.control('clock', { advanceSeconds: 21 * DAY_S });
    const refused = await client.redeem(tokens.refresh_token, expiring.id, GRAPH);
    expect([refused.status, refused.json.error_codes]).toEqual([400, [50020]]);
    const fresh = { authorization: `Bearer ${(await client.tokens(GRAPH)).access_token}` };
    const [relationship] = (await client.call('GET', `/graph/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq '${expiring.id}'`)}`, { headers: fresh })).json.value;
    expect(relationship.status).toBe('expired');
  });

  it('grants a relationship’s roles to partner security groups through access assignments; the admin holds those of groups he is in', async () => {
    const customer = sim.state.customers[1]!;
    const [relationship] = sim.state.gdap.ofCustomer(customer.id);
    const assignments = await all(`/graph/v1.0/tenantRelationships/delegatedAdminRelationships/${relationship!.id}/accessAssignments`);
    expect(assignments.every((a) => a.accessContainer.accessContainerType === 'securityGroup' && a.status === 'active')).toBe(true);
    const granted = assignments.flatMap((a) => a.accessDetails.unifiedRoles.map((r: any) => r.roleDefinitionId));
    expect(granted.sort()).toEqual([...relationship!.roles].sort());

    const direct = (await all('/graph/v1.0/me/memberOf')).map((g) => g.displayName);
    const transitive = (await all('/graph/v1.0/me/transitiveMemberOf/microsoft.graph.group')).map((g) => g.displayName);
    expect(direct).not.toContain('GDAP Helpdesk');
    expect(transitive).toContain('GDAP Helpdesk');
    expect(transitive).not.toContain('GDAP Global Administrators (break glass)');

    const admin = sim.state.findUser(sim.user)!.oid;
    const now = Date.now();
    expect(sim.state.gdap.holdsRole(admin, customer.id, ROLE.exchangeAdministrator, now)).toBe(true);
    expect(sim.state.gdap.holdsRole(admin, customer.id, ROLE.helpdeskAdministrator, now)).toBe(true);
    // A relationship without Exchange Administrator, and one whose only role goes to a group he is not in.
    expect(sim.state.gdap.holdsRole(admin, sim.state.customers[10]!.id, ROLE.exchangeAdministrator, now)).toBe(false);
    expect(sim.state.gdap.holdsRole(admin, sim.state.customers[9]!.id, ROLE.globalAdministrator, now)).toBe(false);
  });
});

describe('a customer tenant’s own Conditional Access', () => {
  const redeemIn = async (tenantId: string) => (await client.redeem(tokens.refresh_token, tenantId, GRAPH)).json;

  it('fails redemptions in that customer only: 50076 (MFA), 53003 (blocked), 70043 (sign-in frequency)', async () => {
    const [blocked, other] = [sim.state.customers[0]!, sim.state.customers[4]!];
    await client.control(`customers/${blocked.id}/conditional-access`, { policy: 'requireMfa' });
    expect(await redeemIn(blocked.id)).toMatchObject({ error: 'invalid_grant', error_codes: [50076] });
    await client.control(`customers/${blocked.id}/conditional-access`, { policy: 'block' });
    expect(await redeemIn(blocked.id)).toMatchObject({ error: 'interaction_required', error_codes: [53003], suberror: 'message_only' });
    await client.control(`customers/${blocked.id}/conditional-access`, { policy: 'signInFrequency', seconds: 3600 });
    expect((await redeemIn(blocked.id)).access_token).toBeDefined();
    await client.control('clock', { advanceSeconds: 2 * 3600 });
    expect(await redeemIn(blocked.id)).toMatchObject({ error: 'invalid_grant', error_codes: [70043] });

    expect((await redeemIn(other.id)).access_token).toBeDefined();
    expect((await redeemIn(sim.partnerTenantId)).access_token).toBeDefined();
    await client.control(`customers/${blocked.id}/conditional-access`, { policy: null });
    expect((await redeemIn(blocked.id)).access_token).toBeDefined();
  });

  it('refuses an unknown policy and an unknown customer', async () => {
    expect((await client.control(`customers/${sim.state.customers[0]!.id}/conditional-access`, { policy: 'sometimes' })).status).toBe(400);
    expect((await client.control('customers/11111111-1111-4111-8111-111111111111/conditional-access', { policy: 'block' })).status).toBe(404);
  });
});
