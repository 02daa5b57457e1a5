import { describe, expect, it } from 'vitest';
import { exitCodeFor, exitCodes } from '../../electron/cli/context';
import { deadTokenLevel, needsInteractiveSignIn } from '../../electron/core/identity/deadToken';
import { DAY_MS, refreshTokenLifetime } from '../../electron/core/lifetime/lifetime';
import { isDue } from '../../electron/core/renewal/renewalService';

// Texts: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
const thresholds = { warningDays: 14, criticalDays: 3 };
const consentedAt = '2026-01-01T00:00:00.000Z';
const tenDaysLater = new Date(Date.parse(consentedAt) + 10 * DAY_MS);
const failedWith = (code: string) => ({
  issuedAt: consentedAt,
  lastRedeemedAt: consentedAt,
  lastRenewalFailure: { code, at: new Date(Date.parse(consentedAt) + DAY_MS).toISOString(), message: 'refused' },
});
const microsoft = (code: string) => ({ kind: 'microsoft' as const, code, message: 'refused' });

describe('dead refresh tokens: one rule for the countdown, renewal and the command line', () => {
  it('AADSTS70000 (the refresh token is not valid) is dead: the CLI exits 4, the countdown says expired', () => {
    expect(exitCodeFor(microsoft('AADSTS70000'))).toBe(exitCodes.expired);
    expect(refreshTokenLifetime(failedWith('AADSTS70000'), tenDaysLater, thresholds).level).toBe('expired');
  });

  it('inactivity, spa lifetime, sign-in frequency and revocation are dead in the CLI and the app alike', () => {
    for (const code of ['AADSTS700082', 'AADSTS700084', 'AADSTS70043', 'AADSTS50173']) {
      expect(exitCodeFor(microsoft(code)), code).toBe(exitCodes.expired);
      expect(refreshTokenLifetime(failedWith(code), tenDaysLater, thresholds).level, code).toBe(deadTokenLevel(code));
    }
    expect(deadTokenLevel('AADSTS50173')).toBe('revoked');
  });

  it('MFA required (AADSTS50076, 50078, 50079) is not a dead token: the countdown stays, the CLI exits 6, a sign-in is offered', () => {
    for (const code of ['AADSTS50076', 'AADSTS50078', 'AADSTS50079']) {
      expect(refreshTokenLifetime(failedWith(code), tenDaysLater, thresholds).level, code).toBe('healthy');
      expect(exitCodeFor(microsoft(code)), code).toBe(exitCodes.microsoft);
      expect(needsInteractiveSignIn(code), code).toBe(true);
    }
  });

  it('renewal does not retry a token that needs a sign-in, and retries after a network failure', () => {
    const due = new Date(Date.parse(consentedAt) + 30 * DAY_MS);
    expect(isDue(failedWith('AADSTS50076'), due, 7)).toBe(false);
    expect(isDue(failedWith('AADSTS70000'), due, 7)).toBe(false);
    expect(isDue(failedWith('network'), due, 7)).toBe(true);
    expect(needsInteractiveSignIn('network')).toBe(false);
  });
});
