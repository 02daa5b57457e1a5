import type { SamDeskApi } from '../../electron/ipc/api';
import type { UserFacingError } from '../../electron/ipc/errors';

/** The preload's API. Read lazily so tests can install a stub before the first call. */
export function samdesk(): SamDeskApi {
  return window.samdesk;
}

const KINDS: ReadonlySet<UserFacingError['kind']> = new Set([
  'invalid-input',
  'microsoft',
  'network',
  'keychain',
  'cancelled',
  'not-found',
  'internal',
]);

function isUserFacingError(value: unknown): value is UserFacingError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<UserFacingError>;
  return typeof candidate.message === 'string' && KINDS.has(candidate.kind as UserFacingError['kind']);
}

/**
 * What the window shows for a rejection (main already made it a UserFacingError): one passes as is,
 * copied field by field so nothing else it carries reaches the screen; anything else becomes a
 * generic message, never a stack trace.
 */
export function shownError(reason: unknown, fallbackMessage = 'Something went wrong.'): UserFacingError {
  if (isUserFacingError(reason)) {
    const { kind, message, action, code, correlationId, fix } = reason;
    return { kind, message, action, code, correlationId, fix };
  }
  return {
    kind: 'internal',
    message: fallbackMessage,
    action: 'Try again. If it keeps happening, restart SAM Desk.',
  };
}
