/**
 * Refresh-token revocation as Microsoft's table lays it out
 * (https://learn.microsoft.com/entra/identity-platform/refresh-tokens, "Token revocation"):
 * each event revokes some classes of tokens and sign-in cookies and leaves the others alive.
 * "Refresh tokens fall into two classes: tokens issued to confidential clients (the rightmost
 * column) and tokens issued to public clients (all other columns)."
 */
import type { ClientType, RefreshTokenRecord, RevocationClass, SimUser } from './state';

export const REVOCATION_EVENTS = [
  'password-expired',
  'user-changed-password',
  'user-sspr',
  'admin-reset-password-azure-portal',
  'admin-reset-password-entra-admin-center',
  'user-revoked-refresh-tokens',
  'admin-revoked-refresh-tokens',
  'single-sign-out',
] as const;

export type RevocationEvent = (typeof REVOCATION_EVENTS)[number];

/** What callers of /_sim/revoke meant before events existed: everything. */
export const DEFAULT_REVOCATION_EVENT: RevocationEvent = 'admin-revoked-refresh-tokens';

type Row = Record<RevocationClass, boolean>;
const row = (passwordCookie: boolean, passwordToken: boolean, nonPasswordCookie: boolean, nonPasswordToken: boolean, confidential: boolean): Row => ({
  'password-cookie': passwordCookie,
  'password-token': passwordToken,
  'non-password-cookie': nonPasswordCookie,
  'non-password-token': nonPasswordToken,
  'confidential-token': confidential,
});

/** true = revoked. The rows and columns of the table, in its order (revision of 2025-05-14). */
const TABLE: Record<RevocationEvent, Row> = {
  'password-expired': row(false, false, false, false, false),
  'user-changed-password': row(true, true, false, false, false),
  'user-sspr': row(true, true, false, false, false),
  'admin-reset-password-azure-portal': row(true, true, false, false, false),
  'admin-reset-password-entra-admin-center': row(true, true, false, true, true),
  'user-revoked-refresh-tokens': row(true, true, true, true, true),
  'admin-revoked-refresh-tokens': row(true, true, true, true, true),
  'single-sign-out': row(true, false, true, false, false),
};

export function isRevocationEvent(value: unknown): value is RevocationEvent {
  return typeof value === 'string' && (REVOCATION_EVENTS as readonly string[]).includes(value);
}

/** The classes an event revokes. */
function revokedClasses(event: RevocationEvent): RevocationClass[] {
  return (Object.entries(TABLE[event]) as Array<[RevocationClass, boolean]>).filter(([, revoked]) => revoked).map(([column]) => column);
}

/**
 * The column a refresh token falls in. Every sign-in the simulator offers uses a password (MFA
 * is a second factor, not a passwordless sign-in), so public-client tokens are "password-based".
 */
function revocationClassOf(clientType: ClientType): RevocationClass {
  return clientType === 'confidential' ? 'confidential-token' : 'password-token';
}

/** Marks the user's tokens and cookies of the event's classes, from sign-ins up to `atMs`, as revoked. */
export function revoke(user: SimUser, event: RevocationEvent, atMs: number): RevocationClass[] {
  const classes = revokedClasses(event);
  user.revokedBefore = { ...user.revokedBefore };
  for (const column of classes) user.revokedBefore[column] = atMs;
  return classes;
}

/** The moment before which this refresh token's sign-in counts as revoked, if its class was revoked. */
export function revokedBefore(user: SimUser, record: Pick<RefreshTokenRecord, 'clientType'>): number | undefined {
  return user.revokedBefore?.[revocationClassOf(record.clientType)];
}

/** Whether a browser sign-in cookie from `authMs` still counts (the simulator's sign-ins are password-based). */
export function cookieRevoked(user: SimUser, authMs: number | undefined): boolean {
  const before = user.revokedBefore?.['password-cookie'];
  return before !== undefined && authMs !== undefined && authMs <= before;
}
