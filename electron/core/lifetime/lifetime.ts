/**
 * How long a stored refresh token has left, and how worried the partner admin should be.
 * Pure: every function takes the time and the thresholds it needs.
 *
 * A refresh token lapses 90 days after its last redemption (AADSTS700082). Some end sooner, and
 * SAM Desk only learns that from Microsoft's answer: a token issued to an `spa` redirect lives 24 h
 * from issuance (AADSTS700084); a Conditional Access sign-in frequency ends it a fixed time after
 * the interactive sign-in (AADSTS70043).
 */
import type { LifetimeLevel } from '../../ipc/profiles';
import { levelForTimeLeft, type LevelThresholds } from '../../ipc/timeLeft';
import { deadTokenLevel } from '../identity/deadToken';

export const DAY_MS = 24 * 3600_000;
/** A refresh token lapses 90 days after its last use (AADSTS700082): https://learn.microsoft.com/entra/identity-platform/refresh-tokens */
export const REFRESH_TOKEN_INACTIVITY_MS = 90 * DAY_MS;
const SPA_REFRESH_TOKEN_LIFETIME_MS = DAY_MS;

/** Limits Microsoft told us about through a failed redemption; they hold until the next consent. */
export interface HardLimits {
  /** Learned from AADSTS700084: the token was issued to an `spa` redirect. */
  spaRedirect?: boolean;
  /** Learned from AADSTS70043: the Conditional Access sign-in frequency, in seconds. */
  signInFrequencySeconds?: number;
}

/** The last renewal that failed; older than the last redemption means it no longer applies. */
export interface RenewalFailure {
  /** "AADSTS700082", or the error kind ("network", "keychain") when Microsoft did not answer. */
  code: string;
  at: string;
  message: string;
  action?: string;
}

export interface RefreshTokenTimes {
  issuedAt: string;
  lastRedeemedAt: string;
  hardLimits?: HardLimits;
  lastRenewalFailure?: RenewalFailure;
}

export interface RefreshTokenLifetime {
  inactivityExpiresAt: Date;
  /** The earliest of the inactivity expiry and every known hard limit. */
  expiresAt: Date;
  msLeft: number;
  level: LifetimeLevel;
  /** The renewal failure that still applies (newer than the last successful redemption). */
  failure?: RenewalFailure;
}

export function refreshTokenLifetime(token: RefreshTokenTimes, now: Date, thresholds: LevelThresholds): RefreshTokenLifetime {
  const issuedMs = Date.parse(token.issuedAt);
  const inactivityExpiresMs = Date.parse(token.lastRedeemedAt) + REFRESH_TOKEN_INACTIVITY_MS;
  const limits = [inactivityExpiresMs];
  if (token.hardLimits?.spaRedirect) limits.push(issuedMs + SPA_REFRESH_TOKEN_LIFETIME_MS);
  if (token.hardLimits?.signInFrequencySeconds !== undefined) limits.push(issuedMs + token.hardLimits.signInFrequencySeconds * 1000);
  const expiresMs = Math.min(...limits);
  const msLeft = expiresMs - now.getTime();
  const failure =
    token.lastRenewalFailure && Date.parse(token.lastRenewalFailure.at) >= Date.parse(token.lastRedeemedAt)
      ? token.lastRenewalFailure
      : undefined;
  const level: LifetimeLevel = deadTokenLevel(failure?.code) ?? levelForTimeLeft(msLeft, thresholds);
  return { inactivityExpiresAt: new Date(inactivityExpiresMs), expiresAt: new Date(expiresMs), msLeft, level, failure };
}

/** What a failed redemption teaches about the token's hard limits (see the module comment). */
export function learnHardLimits(previous: HardLimits | undefined, code: string, description = ''): HardLimits | undefined {
  if (code === 'AADSTS700084') return { ...previous, spaRedirect: true };
  if (code === 'AADSTS70043') {
    const seconds = /maximum allowed lifetime for this request is (\d+)/i.exec(description)?.[1];
    return seconds ? { ...previous, signInFrequencySeconds: Number(seconds) } : previous;
  }
  return previous;
}

/** Most urgent first: revoked and expired, then least time left. */
export function byUrgency<T extends { level: LifetimeLevel; expiresAt: string }>(a: T, b: T): number {
  const rank = (level: LifetimeLevel) => (level === 'revoked' || level === 'expired' ? 0 : 1);
  return rank(a.level) - rank(b.level) || Date.parse(a.expiresAt) - Date.parse(b.expiresAt);
}

export interface AccessTokenLifetime {
  expiresAt: Date;
  msLeft: number;
  expired: boolean;
}

/** An access token simply ends at its `exp`; nothing renews it except minting a new one. */
export function accessTokenLifetime(exp: number | Date, now: Date): AccessTokenLifetime {
  const expiresAt = typeof exp === 'number' ? new Date(exp * 1000) : exp;
  const msLeft = expiresAt.getTime() - now.getTime();
  return { expiresAt, msLeft, expired: msLeft <= 0 };
}
