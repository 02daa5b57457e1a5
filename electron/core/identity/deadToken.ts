/**
 * Which of Microsoft's answers to a refresh-token redemption mean the stored token is dead, and
 * which only mean that this sign-in needs the admin at the keyboard. One list for the app's
 * countdowns, renewal and the command line's exit codes.
 * Texts: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */

/** The token itself no longer redeems anywhere: inactivity (700082), spa 24 h (700084), sign-in frequency (70043), rejected grant (70000). */
const expiredCodes = new Set(['AADSTS700082', 'AADSTS700084', 'AADSTS70043', 'AADSTS70000']);
/** Revoked, usually by a password change or reset. */
const revokedCodes = new Set(['AADSTS50173']);
/**
 * The token is alive, but this request needs MFA first (50076 "Retry with a new authorize request
 * for the resource", 50078 MFA expired, 50079 MFA registration): an interactive sign-in fixes it,
 * yet the countdown is still right and the token still works where no such policy applies.
 */
const interactionRequiredCodes = new Set(['AADSTS50076', 'AADSTS50078', 'AADSTS50079']);

/** 'expired' or 'revoked' when the code says the stored refresh token is dead; undefined otherwise. */
export function deadTokenLevel(code: string | undefined): 'expired' | 'revoked' | undefined {
  if (code === undefined) return undefined;
  if (revokedCodes.has(code)) return 'revoked';
  return expiredCodes.has(code) ? 'expired' : undefined;
}

export function isDeadRefreshToken(code: string | undefined): boolean {
  return deadTokenLevel(code) !== undefined;
}

/** Only a new interactive sign-in (consent) gets past this failure; retrying the same token changes nothing. */
export function needsInteractiveSignIn(code: string | undefined): boolean {
  return isDeadRefreshToken(code) || (code !== undefined && interactionRequiredCodes.has(code));
}
