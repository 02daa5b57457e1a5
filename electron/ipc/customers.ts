/**
 * Customer tenants as the renderer sees them: GDAP relationships as Graph returns them and DAP as
 * Partner Center says it. Part of the IPC contract (docs/ARCHITECTURE.md).
 */
import type { UserFacingError } from './errors';

/**
 * Graph's delegatedAdminRelationshipStatus (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship);
 * 'unknown' stands for a value Graph adds later.
 */
export const gdapStatuses = [
  'activating',
  'active',
  'approvalPending',
  'approved',
  'created',
  'expired',
  'expiring',
  'terminated',
  'terminating',
  'terminationRequested',
  'unknown',
] as const;
export type GdapStatus = (typeof gdapStatuses)[number];

/** One GDAP relationship with a customer, as Graph's delegatedAdminRelationships lists it. */
export interface Relationship {
  id: string;
  /** The partner's name for it, e.g. "GDAP_Contoso_Helpdesk". */
  name: string;
  status: GdapStatus;
  /** Null until the customer has approved it and it is active. */
  endsAt: string | null;
  /** It renews itself by 180 days at its end (autoExtendDuration P180D). */
  autoExtends: boolean;
  /** Entra built-in role definition ids it grants (accessDetails.unifiedRoles). */
  roleIds: string[];
}

/**
 * Legacy DAP: Partner Center's customer list does not say, only GET /v1/customers/{id} does
 * (allowDelegatedAccess), so it is 'unknown' until that customer was checked. A customer Partner
 * Center does not list has no reseller relationship, hence no DAP: 'no'.
 */
export type DapStatus = 'unknown' | 'yes' | 'no';

export interface CustomerTenant {
  tenantId: string;
  name: string;
  domain: string;
  /** Partner Center lists it (a reseller relationship); GDAP-only customers are not listed there. */
  inPartnerCenter: boolean;
  dap: DapStatus;
  /** When Partner Center last said what `dap` says. */
  dapCheckedAt?: string;
  /** Every GDAP relationship with this customer, in any status; the best one (usable, latest end) first. */
  relationships: Relationship[];
}

/** What checking one customer's DAP found (Partner Center, one call per customer). */
export interface DapCheck {
  tenantId: string;
  dap: DapStatus;
  checkedAt?: string;
  error?: UserFacingError;
}

export interface CustomerList {
  customers: CustomerTenant[];
  fetchedAt: string;
  /** True when this is the list saved last time (shown at once; a refresh may follow). */
  fromCache?: boolean;
  /** How many customers the whole list holds, when `customers` is only its first ones (tenants.list with `first`). */
  total?: number;
}
