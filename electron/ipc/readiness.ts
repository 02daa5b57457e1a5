/**
 * "Will this work for this customer?": what a readiness check ("Check access") found per customer
 * and resource, and the verdict per customer × module. Part of the IPC contract; the verdict
 * itself is computed by electron/shared/readiness.ts, in main, the renderer and the CLI alike.
 */
import { z } from 'zod';
import { accessResourceSchema, type AccessResource } from './accessCheck';
import type { SnippetModule } from './schemas';

/** Why a probe failed, in the categories a partner admin acts on. */
export const probeProblemSchema = z.enum([
  /** AADSTS65001: the SAM app is not consented for this resource in the customer. */
  'not-consented',
  /** AADSTS50020: no DAP and no usable GDAP relationship. */
  'no-access',
  /** The customer's own Conditional Access refused the partner's sign-in there. */
  'customer-policy',
  /** AADSTS500011: the customer has no such service (e.g. no Exchange Online). */
  'no-service',
  /** The token was issued, but the service refused the call for lack of a role (Graph 403, Exchange 401). */
  'role-missing',
  /** Azure Resource Manager lists no subscription the admin holds a role on. */
  'no-subscription',
  /** Partner Center does not list the customer (no reseller relationship). */
  'not-in-partner-center',
  /** The partner's own sign-in failed (expired, revoked): every customer would fail. */
  'sign-in',
  'throttled',
  'network',
  'other',
]);
export type ProbeProblem = z.infer<typeof probeProblemSchema>;

/**
 * One customer × resource of a readiness check: a token, then one cheap read-only call with it.
 * These schemas are the single definition of the data: the types are inferred from them, and the
 * saved results (probeStore.ts) are read with them.
 */
export const probeOutcomeSchema = z.union([
  z.object({
    status: z.literal('ok'),
    /** What the call found, e.g. "2 subscriptions". */
    detail: z.string().optional(),
  }),
  z.object({
    status: z.literal('failed'),
    /** The token was refused, or the call with it. */
    step: z.enum(['token', 'call']),
    problem: probeProblemSchema,
    /** A few words for the matrix cell, e.g. "Not consented". */
    label: z.string(),
    reason: z.string(),
    action: z.string().optional(),
    /** e.g. AADSTS65001, Authorization_RequestDenied */
    code: z.string().optional(),
  }),
  z.object({ status: z.literal('skipped') }),
]);
export type ProbeOutcome = z.infer<typeof probeOutcomeSchema>;

/** The Entra roles the signed-in admin holds in a customer through GDAP, as the partner tenant's Graph says. */
export const gdapRoleAccessSchema = z.object({
  /** Role template ids of active access assignments to the admin's groups, on usable relationships. */
  heldRoleIds: z.array(z.string()),
  /** Roles a usable relationship carries that no group the admin is in was given. */
  notAssignedToYou: z.array(z.string()),
  /** Set when the assignments could not be read; the roles above are then empty. */
  error: z.string().optional(),
});
export type GdapRoleAccess = z.infer<typeof gdapRoleAccessSchema>;

export const customerProbeSchema = z.object({
  tenantId: z.string(),
  /** When this customer was checked. */
  checkedAt: z.string(),
  results: z.partialRecord(accessResourceSchema, probeOutcomeSchema),
  /** Absent for a DAP customer or one without a usable GDAP relationship (nothing to read). */
  gdap: gdapRoleAccessSchema.optional(),
  /** What Partner Center said about DAP during the check (GET /v1/customers/{id}). */
  dap: z.enum(['yes', 'no']).optional(),
});
export type CustomerProbe = z.infer<typeof customerProbeSchema>;

export const probeReportSchema = z.object({
  profileId: z.string(),
  resources: z.array(accessResourceSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The user cancelled: customers not reached are skipped. */
  cancelled: z.boolean(),
  customers: z.array(customerProbeSchema),
});
export type ProbeReport = z.infer<typeof probeReportSchema>;

/** What SAM Desk knows from every check so far: the last run, and each customer's newest results. */
export const probeResultsSchema = z.object({ lastRun: probeReportSchema.nullable(), byTenant: z.record(z.string(), customerProbeSchema) });
export type ProbeResults = z.infer<typeof probeResultsSchema>;

export type Readiness = 'ready' | 'not-ready' | 'unknown';

/** The button that goes with a verdict's fix. */
export type ReadinessAction = 'check-access' | 'grant-consent' | 'repair-consent' | 'none';

/** Whether a module works for a customer, with one reason and one fix, in a partner admin's words. */
export interface ReadinessVerdict {
  module: SnippetModule;
  readiness: Readiness;
  reason: string;
  /** What to do; for a ready verdict only when something is about to change (a relationship ending). */
  fix?: string;
  action: ReadinessAction;
  /** Which rule of the model decided (electron/shared/readiness.ts), for tests and support. */
  rule: ReadinessRule;
}

export type ReadinessRule =
  | 'retired'
  | 'not-in-partner-center'
  | 'no-relationship'
  | 'relationship-ended'
  | 'relationship-pending'
  | 'probe-failed'
  | 'probe-inconclusive'
  | 'not-consented'
  | 'role-not-in-relationship'
  | 'role-not-assigned-to-you'
  | 'role-read-only'
  | 'not-checked'
  | 'checked';

/** How SAM Desk last found a customer's consent (the consent screen's own check), for the verdicts. */
export interface ConsentFinding {
  status: 'consented' | 'partial' | 'not-consented';
  /** partial: the resources a token was refused for (AADSTS65001). */
  missing?: AccessResource[];
  /** When the consent screen found it (a grant after the last check makes that check's "not consented" stale). */
  checkedAt?: string;
}
