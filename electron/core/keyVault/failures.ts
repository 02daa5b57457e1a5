import { toUserFacingError } from '../app/userFacingError';
import { KeyVaultError, type RetryHint } from './keyVaultErrors';

export interface DescribedFailure {
  summary: string;
  message: string;
  action?: string;
  code: string;
  retry: RetryHint;
}

/** What a failed push shows on the profile: Key Vault's own refusals, or why no Key Vault token could be had. */
export function describeFailure(error: unknown): DescribedFailure {
  if (error instanceof KeyVaultError) {
    return { summary: error.summary, message: error.message, action: error.action, code: error.code, retry: error.retry };
  }
  const facing = toUserFacingError(error);
  const code = facing.code ?? facing.kind;
  return {
    summary: facing.kind === 'microsoft' ? `${code} — no Key Vault token from Microsoft` : facing.kind === 'network' ? 'Microsoft’s sign-in service cannot be reached' : 'The vault copy could not be updated',
    message: facing.message,
    action: facing.action,
    code,
    retry: facing.kind === 'network' ? 'soon' : 'after-fix',
  };
}

/**
 * How long before the background tries again. Throttling and outages: Key Vault's backoff (1, 2, 4
 * s were waited inline; then 8, 16 s, a minute, five). Refusals a person must fix: 5, 15, 60 minutes.
 */
export function retryDelayMs(retry: RetryHint, attempts: number): number {
  const steps = retry === 'soon' ? [8, 16, 60, 300] : [300, 900, 3600];
  return steps[Math.min(Math.max(attempts, 1) - 1, steps.length - 1)]! * 1000;
}
