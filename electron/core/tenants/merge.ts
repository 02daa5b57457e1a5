import type { CustomerTenant, Relationship } from '../../ipc/contract';

/** A GDAP relationship as Graph's delegatedAdminRelationships lists it (one customer may have several). */
export interface GdapRelationship {
  status?: string;
  endDateTime?: string;
  customer?: { tenantId?: string; displayName?: string };
}

/** A customer as Graph's delegatedAdminCustomers lists it: every tenant with a GDAP relationship. */
export interface GdapCustomer {
  tenantId?: string;
  displayName?: string;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * One row per tenant, sorted by name. Partner Center's entry wins for name and domain (it is the
 * company profile); Graph's delegatedAdminCustomers adds GDAP-only tenants; each GDAP relationship
 * is attached to its tenant with its status and end date.
 */
export function mergeCustomers(
  resellerCustomers: readonly CustomerTenant[],
  gdapRelationships: readonly GdapRelationship[],
  gdapCustomers: readonly GdapCustomer[] = [],
): CustomerTenant[] {
  const byTenant = new Map<string, CustomerTenant>();
  const ensure = (tenantId: string, name: string | undefined): CustomerTenant => {
    let customer = byTenant.get(tenantId);
    if (!customer) {
      customer = { tenantId, name: name || tenantId, domain: '', relationships: [] };
      byTenant.set(tenantId, customer);
    }
    return customer;
  };
  for (const customer of resellerCustomers) byTenant.set(customer.tenantId, { ...customer, relationships: [...customer.relationships] });
  for (const gdapCustomer of gdapCustomers) {
    const tenantId = gdapCustomer.tenantId?.toLowerCase();
    if (tenantId) ensure(tenantId, gdapCustomer.displayName);
  }
  for (const relationship of gdapRelationships) {
    const tenantId = relationship.customer?.tenantId?.toLowerCase();
    if (!tenantId) continue;
    const gdap: Relationship = {
      kind: 'GDAP',
      status: relationship.status === 'active' ? 'active' : 'expired',
      endsAt: relationship.endDateTime ?? null,
    };
    ensure(tenantId, relationship.customer?.displayName).relationships.push(gdap);
  }
  return [...byTenant.values()].sort((a, b) => byName.compare(a.name, b.name) || a.tenantId.localeCompare(b.tenantId));
}

/** How many customers have DAP only, GDAP only, or both: what the list's summary and the tests count. */
export function countRelationships(customers: readonly CustomerTenant[]): { dap: number; gdap: number; both: number; none: number } {
  const counts = { dap: 0, gdap: 0, both: 0, none: 0 };
  for (const { relationships } of customers) {
    const dap = relationships.some((relationship) => relationship.kind === 'DAP');
    const gdap = relationships.some((relationship) => relationship.kind === 'GDAP');
    if (dap && gdap) counts.both++;
    else if (dap) counts.dap++;
    else if (gdap) counts.gdap++;
    else counts.none++;
  }
  return counts;
}
