import type { AccessOutcome } from '../../ipc/accessCheck';
import { redactSecrets } from '../app/redact';
import { MicrosoftIdentityError, type FixAction } from '../identity/aadsts';
import { NetworkError } from '../http/httpClient';

/** The few words a matrix cell shows, by what fixes the failure. */
const labels: Partial<Record<FixAction, string>> = {
  'grant-customer-consent': 'Not consented',
  'check-relationship': 'No relationship',
  'check-app': 'App not allowed',
  'check-tenant': 'Tenant not found',
  retry: 'Throttled',
  're-consent': 'Sign in again',
};

/** One failed redemption, as a cell of the access matrix: short label, plain reason, fixing action. */
export function describeFailure(error: unknown): AccessOutcome {
  if (error instanceof MicrosoftIdentityError) {
    const fix = error.explanation?.fix;
    return {
      status: 'failed',
      label: (fix && labels[fix]) || (error.code === '500011' ? 'Service not available' : 'Failed'),
      reason: redactSecrets(error.message),
      action: error.explanation?.action,
      code: error.code ? `AADSTS${error.code}` : error.body.error,
    };
  }
  if (error instanceof NetworkError) {
    return { status: 'failed', label: 'Network error', reason: error.message, action: 'Check the network connection and run the check again.' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'failed', label: 'Failed', reason: redactSecrets(message) };
}

/**
 * A failure of the partner's own refresh token (expired, revoked, sign-in frequency, MFA): it
 * would fail the same way for every customer, so the check stops and says so once. MFA, sign-in
 * frequency and blocks can also be one customer's own Conditional Access (customerPolicy.ts): the
 * access check asks the partner tenant before it decides.
 */
export function failsForEveryCustomer(error: unknown): boolean {
  return error instanceof MicrosoftIdentityError && error.explanation?.fix === 're-consent';
}

/** Whether the partner's refresh token still works in the partner tenant, asked at most once per check. */
export class PartnerTenantProbe {
  private verdict: Promise<{ ok: true } | { ok: false; error: unknown }> | undefined;

  constructor(private readonly redeemInPartnerTenant: () => Promise<unknown>) {}

  check(): Promise<{ ok: true } | { ok: false; error: unknown }> {
    this.verdict ??= this.redeemInPartnerTenant().then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    return this.verdict;
  }
}

/** Microsoft asked SAM Desk to slow down (429, or 503 Service Unavailable), still after the HTTP client's retries. */
export function isThrottling(error: unknown): boolean {
  return error instanceof MicrosoftIdentityError && (error.httpStatus === 429 || error.httpStatus === 503);
}

export function isCancellation(error: unknown): boolean {
  return error instanceof NetworkError && error.cancelled;
}
