/** The access check: a token per customer and resource, and the matrix it fills. */
import { z } from 'zod';

/** The resources an access check mints a token for, per customer. */
export const accessResourceSchema = z.enum(['azure', 'graph', 'exchange', 'partnercenter']);
export type AccessResource = z.infer<typeof accessResourceSchema>;

/** One cell of the access matrix: a customer × a resource. */
export type AccessOutcome =
  | { status: 'ok' }
  | {
      status: 'failed';
      /** A few words for the matrix cell, e.g. "Not consented". */
      label: string;
      /** What happened, in a sentence (from the AADSTS explanations). */
      reason: string;
      action?: string;
      /** e.g. AADSTS65001 */
      code?: string;
    }
  | { status: 'skipped' };

export interface CustomerAccess {
  tenantId: string;
  results: Partial<Record<AccessResource, AccessOutcome>>;
}

export interface AccessCheckReport {
  profileId: string;
  resources: AccessResource[];
  startedAt: string;
  finishedAt: string;
  /** The user cancelled: customers not reached are marked skipped. */
  cancelled: boolean;
  customers: CustomerAccess[];
}
