/**
 * Conditional Access failures that a customer's own policy causes in its tenant only. Entra lets a
 * customer target "Service provider users, for example a Cloud Solution Provider (CSP)"
 * (https://learn.microsoft.com/entra/external-id/authentication-conditional-access), so the same
 * codes that mean "sign in again" in the partner tenant mean "this customer's policy" there.
 */
import type { AccessOutcome } from '../../ipc/accessCheck';
import { MicrosoftIdentityError } from '../identity/aadsts';

interface CustomerPolicyExplanation {
  label: string;
  reason: string;
  action: string;
}

const explanations: Record<string, CustomerPolicyExplanation> = {
  '50076': {
    label: 'Customer requires MFA',
    reason: 'This customer’s Conditional Access requires multi-factor authentication that your stored sign-in cannot provide there.',
    action: 'Ask the customer’s admin to trust MFA from your partner tenant (cross-tenant access settings) or to exclude service provider users from the policy.',
  },
  '53003': {
    label: 'Blocked by customer',
    reason: 'This customer’s Conditional Access blocks sign-ins from your partner account to its tenant.',
    action: 'Ask the customer’s admin which policy applies, and to exclude service provider users (your partner tenant) from it.',
  },
  '70043': {
    label: 'Customer sign-in limit',
    reason: 'This customer’s Conditional Access sign-in frequency ended your session for its tenant only.',
    action: 'Ask the customer’s admin to exclude service provider users from the sign-in frequency policy; signing in again helps only until the limit passes again.',
  },
};

/** A failure that may come from the customer's own Conditional Access (or from the partner's: check the partner tenant). */
export function mayBeCustomerPolicy(error: unknown): error is MicrosoftIdentityError {
  return error instanceof MicrosoftIdentityError && error.code !== undefined && error.code in explanations;
}

/** The matrix cell for a customer whose own policy refused the token, in plain words. */
export function describeCustomerPolicy(error: MicrosoftIdentityError): AccessOutcome {
  const explanation = explanations[error.code!]!;
  return { status: 'failed', ...explanation, code: `AADSTS${error.code}` };
}
