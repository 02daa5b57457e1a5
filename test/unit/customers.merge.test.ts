import { describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../electron/core/tenants/merge';
import { carryDapAnswers } from '../../electron/core/tenants/merge';
import type { CustomerTenant, Relationship } from '../../electron/ipc/customers';
import { bestRelationship, givesAccess } from '../../electron/ipc/relationships';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const c = '33333333-3333-4333-8333-333333333333';
const NOW = Date.parse('2026-12-01T00:00:00Z');
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';

const listed = (tenantId: string, name: string): CustomerTenant => ({ tenantId, name, domain: `${name.toLowerCase().replace(/\W/g, '')}.onmicrosoft.com`, inPartnerCenter: true, dap: 'unknown', relationships: [] });
const graph = (tenantId: string, status: string, endDateTime: string | null, id = `${status}-${tenantId}`) => ({
  id,
  displayName: `GDAP_${id}`,
  status,
  endDateTime,
  autoExtendDuration: 'PT0S',
  customer: { tenantId, displayName: 'Graph name' },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: EXCHANGE_ADMIN.toUpperCase() }] },
});

describe('merging Partner Center customers with GDAP relationships', () => {
  it('joins by tenant id, keeps GDAP-only tenants (no DAP: Partner Center does not list them) and sorts by name', () => {
    const merged = mergeCustomers(
      [listed(a, 'Zeta GmbH')],
      [graph(a.toUpperCase(), 'active', '2027-03-01T00:00:00Z'), { ...graph(b, 'expired', '2025-01-01T00:00:00Z'), customer: { tenantId: b, displayName: "O'Brien & Sons" } }],
      [],
      NOW,
    );
    expect(merged.map(({ tenantId, name, inPartnerCenter, dap, relationships }) => ({ tenantId, name, inPartnerCenter, dap, statuses: relationships.map((r) => r.status) }))).toEqual([
      { tenantId: b, name: "O'Brien & Sons", inPartnerCenter: false, dap: 'no', statuses: ['expired'] },
      { tenantId: a, name: 'Zeta GmbH', inPartnerCenter: true, dap: 'unknown', statuses: ['active'] },
    ]);
    expect(merged[1]!.relationships[0]).toEqual({
      id: `active-${a.toUpperCase()}`,
      name: `GDAP_active-${a.toUpperCase()}`,
      status: 'active',
      endsAt: '2027-03-01T00:00:00Z',
      autoExtends: false,
      roleIds: [EXCHANGE_ADMIN],
    });
  });

  it('keeps every relationship of a customer, the usable one that lasts longest first, then pending, then ended ones', () => {
    const [customer] = mergeCustomers(
      [listed(a, 'Zeta GmbH')],
      [
        graph(a, 'terminated', '2026-06-01T00:00:00Z'),
        graph(a, 'approvalPending', null),
        graph(a, 'expiring', '2026-12-10T00:00:00Z'),
        graph(a, 'active', '2027-05-01T00:00:00Z'),
        graph(a, 'expired', '2026-09-01T00:00:00Z'),
        graph(a, 'unknownFutureValue', null),
      ],
      [],
      NOW,
    );
    expect(customer!.relationships.map((r) => r.status)).toEqual(['active', 'expiring', 'approvalPending', 'expired', 'terminated', 'unknown']);
  });

  it('adds tenants only Graph delegatedAdminCustomers lists, named from Graph, and keeps Partner Center names', () => {
    const merged = mergeCustomers([listed(a, 'Zeta GmbH')], [{ ...graph(c, 'active', '2027-03-01T00:00:00Z'), customer: { tenantId: c, displayName: 'Åland Fiske' } }], [
      { tenantId: a.toUpperCase(), displayName: 'Zeta (Graph name)' },
      { tenantId: c, displayName: 'Åland Fiske' },
      { tenantId: b, displayName: 'Müller Bäckerei GmbH' },
    ], NOW);
    expect(merged.map(({ tenantId, name, relationships }) => ({ tenantId, name, gdap: relationships.length }))).toEqual([
      { tenantId: c, name: 'Åland Fiske', gdap: 1 },
      { tenantId: b, name: 'Müller Bäckerei GmbH', gdap: 0 },
      { tenantId: a, name: 'Zeta GmbH', gdap: 0 },
    ]);
  });

  it('keeps what Partner Center said about DAP last time, for customers it still lists', () => {
    const fresh = [listed(a, 'Zeta GmbH'), listed(b, 'Beta AB')];
    const previous = [{ ...listed(a, 'Zeta GmbH'), dap: 'yes' as const, dapCheckedAt: '2026-11-30T10:00:00Z' }];
    expect(carryDapAnswers(fresh, previous).map(({ dap, dapCheckedAt }) => ({ dap, dapCheckedAt }))).toEqual([
      { dap: 'yes', dapCheckedAt: '2026-11-30T10:00:00Z' },
      { dap: 'unknown', dapCheckedAt: undefined },
    ]);
  });
});

describe('which GDAP relationship gives access', () => {
  const relationship = (status: Relationship['status'], endsAt: string | null): Relationship => ({ id: status, name: status, status, endsAt, autoExtends: false, roleIds: [] });

  it('counts active and expiring relationships until their end date, and nothing else', () => {
    expect(givesAccess(relationship('active', '2027-01-01T00:00:00Z'), NOW)).toBe(true);
    expect(givesAccess(relationship('expiring', '2026-12-02T00:00:00Z'), NOW)).toBe(true);
    expect(givesAccess(relationship('expiring', '2026-11-30T00:00:00Z'), NOW)).toBe(false);
    for (const status of ['created', 'approvalPending', 'approved', 'activating', 'expired', 'terminationRequested', 'terminating', 'terminated', 'unknown'] as const) {
      expect(givesAccess(relationship(status, '2027-01-01T00:00:00Z'), NOW)).toBe(false);
    }
  });

  it('shows the usable relationship with the latest end date first', () => {
    const best = bestRelationship([relationship('expired', '2026-11-01T00:00:00Z'), relationship('expiring', '2026-12-05T00:00:00Z'), { ...relationship('active', '2027-06-01T00:00:00Z'), id: 'long' }, relationship('active', '2027-01-01T00:00:00Z')], NOW);
    expect(best?.id).toBe('long');
  });
});
