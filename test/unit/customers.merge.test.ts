import { describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../electron/core/tenants/customerTenants';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';

describe('merging Partner Center customers with GDAP relationships', () => {
  it('joins by tenant id, keeps GDAP-only tenants and sorts by name', () => {
    const merged = mergeCustomers(
      [{ tenantId: a, name: 'Zeta GmbH', domain: 'zeta.onmicrosoft.com', relationships: [{ kind: 'DAP' }] }],
      [
        { status: 'active', endDateTime: '2027-03-01T00:00:00Z', customer: { tenantId: a.toUpperCase(), displayName: 'Zeta' } },
        { status: 'expired', endDateTime: '2025-01-01T00:00:00Z', customer: { tenantId: b, displayName: "O'Brien & Sons" } },
      ],
    );
    expect(merged).toEqual([
      { tenantId: b, name: "O'Brien & Sons", domain: '', relationships: [{ kind: 'GDAP', status: 'expired', endsAt: '2025-01-01T00:00:00Z' }] },
      {
        tenantId: a,
        name: 'Zeta GmbH',
        domain: 'zeta.onmicrosoft.com',
        relationships: [{ kind: 'DAP' }, { kind: 'GDAP', status: 'active', endsAt: '2027-03-01T00:00:00Z' }],
      },
    ]);
  });

  it('adds tenants only Graph delegatedAdminCustomers lists, named from Graph, and keeps Partner Center names', () => {
    const c = '33333333-3333-4333-8333-333333333333';
    const merged = mergeCustomers(
      [{ tenantId: a, name: 'Zeta GmbH', domain: 'zeta.onmicrosoft.com', relationships: [] }],
      [{ status: 'active', endDateTime: '2027-03-01T00:00:00Z', customer: { tenantId: c, displayName: 'Åland Fiske' } }],
      [
        { tenantId: a.toUpperCase(), displayName: 'Zeta (Graph name)' },
        { tenantId: c, displayName: 'Åland Fiske' },
        { tenantId: b, displayName: 'Müller Bäckerei GmbH' },
      ],
    );
    expect(merged.map(({ tenantId, name, relationships }) => ({ tenantId, name, gdap: relationships.length }))).toEqual([
      { tenantId: c, name: 'Åland Fiske', gdap: 1 },
      { tenantId: b, name: 'Müller Bäckerei GmbH', gdap: 0 },
      { tenantId: a, name: 'Zeta GmbH', gdap: 0 },
    ]);
  });
});
