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
});
