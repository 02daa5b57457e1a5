/** The access check: a token per customer and resource, and the matrix it fills. */
import { z } from 'zod';

/** The resources an access check mints a token for, per customer. */
export const accessResourceSchema = z.enum(['azure', 'graph', 'exchange', 'partnercenter']);
export type AccessResource = z.infer<typeof accessResourceSchema>;

/**
 * One cell of the access matrix: a customer × a resource. The schemas here are the single
 * definition of the data: the types are inferred from them, and the saved report is read with them.
 */
export const accessOutcomeSchema = z.union([
  z.object({ status: z.literal('ok') }),
  z.object({
    status: z.literal('failed'),
    /** A few words for the matrix cell, e.g. "Not consented". */
    label: z.string(),
    /** What happened, in a sentence (from the AADSTS explanations). */
    reason: z.string(),
    action: z.string().optional(),
    /** e.g. AADSTS65001 */
    code: z.string().optional(),
  }),
  z.object({ status: z.literal('skipped') }),
]);
export type AccessOutcome = z.infer<typeof accessOutcomeSchema>;

export const customerAccessSchema = z.object({
  tenantId: z.string(),
  results: z.partialRecord(accessResourceSchema, accessOutcomeSchema),
});
export type CustomerAccess = z.infer<typeof customerAccessSchema>;

export const accessCheckReportSchema = z.object({
  profileId: z.string(),
  resources: z.array(accessResourceSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The user cancelled: customers not reached are marked skipped. */
  cancelled: z.boolean(),
  customers: z.array(customerAccessSchema),
});
export type AccessCheckReport = z.infer<typeof accessCheckReportSchema>;
