import { describe, expect, it } from 'vitest';
import {
  accessTokenLifetime,
  byUrgency,
  DAY_MS,
  learnHardLimits,
  refreshTokenLifetime,
} from '../../electron/core/lifetime/lifetime';

const thresholds = { warningDays: 14, criticalDays: 3 };
const consentedAt = new Date('2026-01-01T00:00:00Z');
const daysAfter = (days: number, from = consentedAt) => new Date(from.getTime() + days * DAY_MS);
const fresh = { issuedAt: consentedAt.toISOString(), lastRedeemedAt: consentedAt.toISOString() };

describe('refresh token lifetime', () => {
  it('lapses 90 days after the last redemption and grades the time left', () => {
    expect(refreshTokenLifetime(fresh, daysAfter(10), thresholds)).toMatchObject({ level: 'healthy', msLeft: 80 * DAY_MS });
    expect(refreshTokenLifetime(fresh, daysAfter(80), thresholds)).toMatchObject({ level: 'warning', msLeft: 10 * DAY_MS });
    expect(refreshTokenLifetime(fresh, daysAfter(88), thresholds).level).toBe('critical');
    expect(refreshTokenLifetime(fresh, daysAfter(91), thresholds).level).toBe('expired');
    expect(refreshTokenLifetime(fresh, daysAfter(1), thresholds).expiresAt.toISOString()).toBe(daysAfter(90).toISOString());
  });

  it('starts the 90 days again from the last redemption, not the consent', () => {
    const renewed = { ...fresh, lastRedeemedAt: daysAfter(7).toISOString() };
    expect(refreshTokenLifetime(renewed, daysAfter(7), thresholds).msLeft).toBe(90 * DAY_MS);
  });

  it('follows the user’s thresholds', () => {
    expect(refreshTokenLifetime(fresh, daysAfter(60), { warningDays: 30, criticalDays: 10 }).level).toBe('warning');
    expect(refreshTokenLifetime(fresh, daysAfter(60), thresholds).level).toBe('healthy');
  });

  it('ends a token issued to an spa redirect 24 hours after issuance (learned from AADSTS700084)', () => {
    const spa = { ...fresh, hardLimits: learnHardLimits(undefined, 'AADSTS700084') };
    const lifetime = refreshTokenLifetime(spa, new Date(consentedAt.getTime() + 3600_000), thresholds);
    expect(lifetime.expiresAt.toISOString()).toBe(daysAfter(1).toISOString());
    expect(lifetime.inactivityExpiresAt.toISOString()).toBe(daysAfter(90).toISOString());
    expect(lifetime.level).toBe('critical');
  });

  it('ends a token at the Conditional Access sign-in frequency learned from AADSTS70043', () => {
    const description =
      'AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2026-01-01T00:00:00.0000000Z and the maximum allowed lifetime for this request is 604800.';
    const limits = learnHardLimits(undefined, 'AADSTS70043', description);
    expect(limits).toEqual({ signInFrequencySeconds: 604800 });
    expect(refreshTokenLifetime({ ...fresh, hardLimits: limits }, daysAfter(1), thresholds).expiresAt.toISOString()).toBe(daysAfter(7).toISOString());
  });

  it('is revoked or expired after Microsoft said so, until a later redemption succeeds', () => {
    const failure = { code: 'AADSTS50173', at: daysAfter(20).toISOString(), message: 'revoked' };
    expect(refreshTokenLifetime({ ...fresh, lastRenewalFailure: failure }, daysAfter(21), thresholds).level).toBe('revoked');
    const inactive = { ...failure, code: 'AADSTS700082' };
    expect(refreshTokenLifetime({ ...fresh, lastRenewalFailure: inactive }, daysAfter(21), thresholds).level).toBe('expired');
    const since = { ...fresh, lastRedeemedAt: daysAfter(22).toISOString(), lastRenewalFailure: failure };
    expect(refreshTokenLifetime(since, daysAfter(23), thresholds)).toMatchObject({ level: 'healthy', failure: undefined });
  });

  it('keeps the time-based level after a failure that says nothing about the token (network)', () => {
    const failure = { code: 'network', at: daysAfter(20).toISOString(), message: 'offline' };
    const lifetime = refreshTokenLifetime({ ...fresh, lastRenewalFailure: failure }, daysAfter(21), thresholds);
    expect(lifetime.level).toBe('healthy');
    expect(lifetime.failure?.code).toBe('network');
  });

  it('sorts the most urgent first: dead tokens, then the least time left', () => {
    const profiles = [
      { name: 'b', level: 'healthy' as const, expiresAt: daysAfter(50).toISOString() },
      { name: 'c', level: 'warning' as const, expiresAt: daysAfter(10).toISOString() },
      { name: 'a', level: 'revoked' as const, expiresAt: daysAfter(70).toISOString() },
    ];
    expect(profiles.sort(byUrgency).map((p) => p.name)).toEqual(['a', 'c', 'b']);
  });
});

describe('access token lifetime', () => {
  it('ends at its exp claim', () => {
    const exp = consentedAt.getTime() / 1000 + 3600;
    expect(accessTokenLifetime(exp, new Date(consentedAt.getTime() + 17 * 60_000))).toMatchObject({ msLeft: 43 * 60_000, expired: false });
    expect(accessTokenLifetime(exp, daysAfter(1)).expired).toBe(true);
  });
});
