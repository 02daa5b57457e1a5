/**
 * A customer tenant's own Conditional Access against the partner's users: Entra lets a customer
 * target "Service provider users, for example a Cloud Solution Provider (CSP)"
 * (https://learn.microsoft.com/entra/external-id/authentication-conditional-access). It is judged
 * by the tenant a token is for, so it fails redemptions in that one customer only.
 */
import { aadIso } from './clock';
import { AadError, aad } from './errors';
import type { SimContext } from './http';
import type { Tenant } from './state';

export type CustomerPolicy =
  /** MFA the stored sign-in cannot satisfy there (the customer does not trust the partner's MFA claim). */
  | { kind: 'requireMfa' }
  | { kind: 'block' }
  | { kind: 'signInFrequency'; seconds: number };

/**
 * Codes and texts from https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 * `error` values as seen on refresh-token redemption (CyberDrain/CIPP#405 for 50076; MSOLSpray#5 for
 * 53003 with suberror message_only): observed, not documented.
 */
const mfaRequired = () =>
  new AadError(50076, 'invalid_grant', 'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.');
const blocked = () =>
  new AadError(53003, 'interaction_required', 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', 400, 'message_only');

/** Throws the customer's Conditional Access failure for a token the partner's user asks for in `tenant`. */
export function checkCustomerPolicy(sim: SimContext, tenant: Tenant, authMs: number): void {
  const policy = sim.state.controls.customerPolicies.get(tenant.id);
  if (!policy) return;
  if (policy.kind === 'requireMfa') throw mfaRequired();
  if (policy.kind === 'block') throw blocked();
  if (sim.clock.nowMs() - authMs > policy.seconds * 1000) throw aad.signInFrequency(aadIso(authMs), policy.seconds);
}
