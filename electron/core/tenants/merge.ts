import { gdapStatuses, type CustomerTenant, type GdapStatus, type Relationship } from '../../ipc/customers';
import { compareRelationships } from '../../ipc/relationships';

/** A GDAP relationship as Graph's delegatedAdminRelationships lists it (one customer may have several). */
export interface GraphRelationship {
  id?: string;
  displayName?: string;
  status?: string;
  endDateTime?: string | null;
  autoExtendDuration?: string;
  customer?: { tenantId?: string; displayName?: string };
  accessDetails?: { unifiedRoles?: Array<{ roleDefinitionId?: string }> };
}

/** A customer as Graph's delegatedAdminCustomers lists it: a tenant with an active (or expiring) relationship. */
export interface GraphCustomer {
  tenantId?: string;
  displayName?: string;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const knownStatuses: ReadonlySet<string> = new Set(gdapStatuses);

function toRelationship(relationship: GraphRelationship): Relationship {
  const status = relationship.status && knownStatuses.has(relationship.status) ? (relationship.status as GdapStatus) : 'unknown';
  return {
    id: relationship.id ?? '',
    name: relationship.displayName ?? '',
    status,
    endsAt: relationship.endDateTime ?? null,
    // PT0S (the default) and P0D: it ends at endDateTime.
    autoExtends: !!relationship.autoExtendDuration && !['PT0S', 'P0D'].includes(relationship.autoExtendDuration),
    roleIds: (relationship.accessDetails?.unifiedRoles ?? []).flatMap((role) => (role.roleDefinitionId ? [role.roleDefinitionId.toLowerCase()] : [])),
  };
}

/**
 * Builds the customer list page by page as the three sources arrive, so that all that is left
 * when the last page comes is the sort: one row per tenant, each source's page joined in one pass
 * (a Map by tenant id, never a search through the rows). Partner Center's entry wins for name and
 * domain (it is the company profile), whichever source came first; Graph's delegatedAdminCustomers
 * and relationships add GDAP-only tenants; every relationship is kept with its tenant.
 */
export class CustomerMerger {
  private readonly byTenant = new Map<string, CustomerTenant>();

  addResellerCustomers(customers: readonly CustomerTenant[]): void {
    for (const customer of customers) {
      const known = this.byTenant.get(customer.tenantId);
      // Graph named it first: Partner Center's profile replaces the name; the relationships stay.
      this.byTenant.set(customer.tenantId, { ...customer, relationships: known ? [...customer.relationships, ...known.relationships] : [...customer.relationships] });
    }
  }

  addGdapCustomers(gdapCustomers: readonly GraphCustomer[]): void {
    for (const gdapCustomer of gdapCustomers) {
      const tenantId = gdapCustomer.tenantId?.toLowerCase();
      if (tenantId) this.ensure(tenantId, gdapCustomer.displayName);
    }
  }

  addRelationships(relationships: readonly GraphRelationship[]): void {
    for (const relationship of relationships) {
      const tenantId = relationship.customer?.tenantId?.toLowerCase();
      if (tenantId) this.ensure(tenantId, relationship.customer?.displayName).relationships.push(toRelationship(relationship));
    }
  }

  /** Tenants seen so far. */
  get size(): number {
    return this.byTenant.size;
  }

  /** The rows sorted by name, each customer's relationships the best first (compareRelationships at `nowMs`). */
  result(nowMs: number): CustomerTenant[] {
    const compare = compareRelationships(nowMs);
    for (const customer of this.byTenant.values()) if (customer.relationships.length > 1) customer.relationships.sort(compare);
    return [...this.byTenant.values()].sort((a, b) => byName.compare(a.name, b.name) || a.tenantId.localeCompare(b.tenantId));
  }

  private ensure(tenantId: string, name: string | undefined): CustomerTenant {
    let customer = this.byTenant.get(tenantId);
    if (!customer) {
      // Not in Partner Center's list (so far): no reseller relationship, so no DAP either.
      customer = { tenantId, name: name || tenantId, domain: '', inPartnerCenter: false, dap: 'no', relationships: [] };
      this.byTenant.set(tenantId, customer);
    }
    return customer;
  }
}

/** The three sources at once (tests, and anything holding whole lists). */
export function mergeCustomers(
  resellerCustomers: readonly CustomerTenant[],
  gdapRelationships: readonly GraphRelationship[],
  gdapCustomers: readonly GraphCustomer[],
  nowMs: number,
): CustomerTenant[] {
  const merger = new CustomerMerger();
  merger.addResellerCustomers(resellerCustomers);
  merger.addGdapCustomers(gdapCustomers);
  merger.addRelationships(gdapRelationships);
  return merger.result(nowMs);
}

/** Keeps what Partner Center said about DAP last time (checks are one call per customer, made when needed). */
export function carryDapAnswers(customers: CustomerTenant[], previous: readonly CustomerTenant[] | undefined): CustomerTenant[] {
  if (!previous) return customers;
  const known = new Map(previous.filter((c) => c.inPartnerCenter && c.dap !== 'unknown').map((c) => [c.tenantId, c]));
  return customers.map((customer) => {
    const before = customer.inPartnerCenter && customer.dap === 'unknown' ? known.get(customer.tenantId) : undefined;
    return before ? { ...customer, dap: before.dap, dapCheckedAt: before.dapCheckedAt } : customer;
  });
}
