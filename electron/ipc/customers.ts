/**
 * Customer tenants as the renderer sees them: GDAP relationships as Graph returns them and DAP as
 * Partner Center says it. Part of the IPC contract (docs/ARCHITECTURE.md).
 */
import { z } from 'zod';
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
export const relationshipSchema = z.object({
  id: z.string(),
  /** The partner's name for it, e.g. "GDAP_Contoso_Helpdesk". */
  name: z.string(),
  status: z.enum(gdapStatuses),
  /** Null until the customer has approved it and it is active. */
  endsAt: z.string().nullable(),
  /** It renews itself by 180 days at its end (autoExtendDuration P180D). */
  autoExtends: z.boolean(),
  /** Entra built-in role definition ids it grants (accessDetails.unifiedRoles). */
  roleIds: z.array(z.string()),
});
export type Relationship = z.infer<typeof relationshipSchema>;

/**
 * Legacy DAP: Partner Center's customer list does not say, only GET /v1/customers/{id} does
 * (allowDelegatedAccess), so it is 'unknown' until that customer was checked. A customer Partner
 * Center does not list has no reseller relationship, hence no DAP: 'no'.
 */
export const dapStatusSchema = z.enum(['unknown', 'yes', 'no']);
export type DapStatus = z.infer<typeof dapStatusSchema>;

/** A customer tenant: the single definition, also read back from the saved list (customerCache.ts). */
export const customerTenantSchema = z.object({
  tenantId: z.string(),
  name: z.string(),
  domain: z.string(),
  /** Partner Center lists it (a reseller relationship); GDAP-only customers are not listed there. */
  inPartnerCenter: z.boolean(),
  dap: dapStatusSchema,
  /** When Partner Center last said what `dap` says. */
  dapCheckedAt: z.string().optional(),
  /** Every GDAP relationship with this customer, in any status; the best one (usable, latest end) first. */
  relationships: z.array(relationshipSchema),
});
export type CustomerTenant = z.infer<typeof customerTenantSchema>;

/** The customer list as it is saved on disk. */
export const savedCustomerListSchema = z.object({
  customers: z.array(customerTenantSchema),
  fetchedAt: z.string(),
});

/** What checking one customer's DAP found (Partner Center, one call per customer). */
export interface DapCheck {
  tenantId: string;
  dap: DapStatus;
  checkedAt?: string;
  error?: UserFacingError;
}

export type CustomerList = z.infer<typeof savedCustomerListSchema> & {
  /** True when this is the list saved last time (shown at once; a refresh may follow). */
  fromCache?: boolean;
  /** How many customers the whole list holds, when `customers` is only its first ones (tenants.list with `first`). */
  total?: number;
};
