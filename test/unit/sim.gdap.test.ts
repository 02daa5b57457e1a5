import { describe, expect, it } from 'vitest';
import { GdapDirectory, type GdapRelationship } from '../sim/gdap';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 11, 1);
const CUSTOMER = '11111111-1111-4111-8111-111111111111';
const EXCHANGE = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

function relationship(overrides: Partial<GdapRelationship>): GdapRelationship {
  return {
    id: `r-${Math.random()}`,
    displayName: 'GDAP_test',
    customerTenantId: CUSTOMER,
    customerDisplayName: 'Test',
    status: 'active',
    durationDays: 730,
    autoExtendDuration: 'PT0S',
    createdMs: NOW - 400 * DAY,
    activatedMs: NOW - 399 * DAY,
    endMs: NOW + 10 * DAY,
    roles: [EXCHANGE, READER],
    ...overrides,
  };
}

describe('the simulated GDAP directory', () => {
  it('reports an active relationship past its end date as expired, and then no longer usable', () => {
    const gdap = new GdapDirectory();
    const r = relationship({});
    gdap.addRelationship(r);
    expect([gdap.statusAt(r, NOW), gdap.hasUsableRelationship(CUSTOMER, NOW)]).toEqual(['active', true]);
    expect([gdap.statusAt(r, NOW + 11 * DAY), gdap.hasUsableRelationship(CUSTOMER, NOW + 11 * DAY)]).toEqual(['expired', false]);
  });

  it('extends a P180D relationship by 180 days when its end is reached, instead of expiring it', () => {
    const gdap = new GdapDirectory();
    const r = relationship({ autoExtendDuration: 'P180D' });
    gdap.addRelationship(r);
    expect(gdap.endAt(r, NOW + 11 * DAY)).toBe(r.endMs! + 180 * DAY);
    expect(gdap.statusAt(r, NOW + 11 * DAY)).toBe('active');
  });

  it('gives no access through relationships that are not active or expiring', () => {
    const gdap = new GdapDirectory();
    for (const status of ['created', 'approvalPending', 'approved', 'activating', 'terminationRequested', 'terminating', 'terminated', 'expired'] as const) {
      gdap.addRelationship(relationship({ status }));
    }
    expect(gdap.hasUsableRelationship(CUSTOMER, NOW)).toBe(false);
    gdap.addRelationship(relationship({ status: 'expiring', endMs: NOW + DAY }));
    expect(gdap.hasUsableRelationship(CUSTOMER, NOW)).toBe(true);
  });

  it('gives a user the roles of active assignments to groups he is in, nested groups included', () => {
    const gdap = new GdapDirectory();
    const r = relationship({});
    gdap.addRelationship(r);
    gdap.addGroup({ id: 'team', displayName: 'Team', members: ['alice'] });
    gdap.addGroup({ id: 'exchange', displayName: 'Exchange admins', members: ['team'] });
    gdap.addGroup({ id: 'readers', displayName: 'Readers', members: ['bob'] });
    gdap.addAssignment({ id: 'a1', relationshipId: r.id, groupId: 'exchange', roles: [EXCHANGE], status: 'active', createdMs: NOW });
    gdap.addAssignment({ id: 'a2', relationshipId: r.id, groupId: 'readers', roles: [READER], status: 'active', createdMs: NOW });
    expect([...gdap.rolesHeld('alice', CUSTOMER, NOW)]).toEqual([EXCHANGE]);
    expect(gdap.groupsOf('alice', false).map((g) => g.id)).toEqual(['team']);
    expect(gdap.groupsOf('alice', true).map((g) => g.id)).toEqual(['team', 'exchange']);
    expect(gdap.holdsRole('bob', CUSTOMER, EXCHANGE, NOW)).toBe(false);
    // A failed assignment, or a relationship that ended, gives nothing.
    gdap.addAssignment({ id: 'a3', relationshipId: r.id, groupId: 'readers', roles: [EXCHANGE], status: 'error', createdMs: NOW });
    expect(gdap.holdsRole('bob', CUSTOMER, EXCHANGE, NOW)).toBe(false);
    expect(gdap.rolesHeld('alice', CUSTOMER, NOW + 11 * DAY).size).toBe(0);
  });
});
