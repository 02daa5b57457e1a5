import { describe, expect, it } from 'vitest';
import { explain, MicrosoftIdentityError } from '../../electron/core/identity/aadsts';

const codes = [
  '700082', '50173', '70043', '50076', '50078', '65001', '650051', '700007', '700084', '50020', '90002', '900971', '7000215', '50126',
  // the consent wizard's flows: device code, Conditional Access, app set-up, Partner Center's MFA rule
  '70019', '70018', '50079', '53003', '530003', '50158', '7000218', '50194', '90055', '900421',
  // the SAM app's client type at the token endpoint
  '700025', '7000222', '9002327', '54005',
];

describe('AADSTS explanations', () => {
  it.each(codes)('AADSTS%s has a plain summary and an action', (code) => {
    const explanation = explain(code);
    expect(explanation?.summary).toMatch(/\.$/);
    expect(explanation?.action.length).toBeGreaterThan(10);
  });

  it.each(codes)('AADSTS%s names the button that fixes it', (code) => {
    expect(explain(code)?.fix).toMatch(/^(re-consent|renew|grant-customer-consent|check-app|check-tenant|check-relationship|system-browser|retry|re-enter-secret|none)$/);
  });

  it('sends Conditional Access device-compliance failures to the system browser', () => {
    expect(explain('530003')?.fix).toBe('system-browser');
    expect(explain('65001')?.fix).toBe('grant-customer-consent');
  });

  it('reads the code from error_codes and keeps the correlation id', () => {
    const error = new MicrosoftIdentityError({
      error: 'invalid_grant',
      error_description:
        'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-01-01T00:00:00Z and was inactive for 90.00:00:00. Trace ID: t Correlation ID: c Timestamp: 2026-04-01 00:00:00Z',
      error_codes: [700082],
      correlation_id: 'c0rre1at10n',
    });
    expect(error.code).toBe('700082');
    expect(error.message).toBe('The refresh token expired after 90 days without use.');
    expect(error.explanation?.fix).toBe('re-consent');
    expect(error.correlationId).toBe('c0rre1at10n');
    expect(error.description).toMatch(/^AADSTS700082: The refresh token has expired due to inactivity\./);
    expect(error.description).not.toContain('Trace ID');
  });

  it.each([
    ['authorization_declined', 65004, 'The device-code sign-in was declined.'],
    ['expired_token', 70019, 'The device code expired before the sign-in was finished.'],
    ['bad_verification_code', 70018, 'Microsoft did not recognise the device code.'],
  ])('a device-code %s is said in plain words by its documented name, whatever its number', (name, code, words) => {
    const error = new MicrosoftIdentityError({ error: name, error_description: `AADSTS${code}: …`, error_codes: [code] }, 400, 'device-code');
    expect(error.message).toBe(words);
    expect(error.explanation?.fix).toBe('retry');
    expect(new MicrosoftIdentityError({ error: name }).message).toBe(words);
  });

  it('AADSTS7000218 means “public client flows are off” in a device-code sign-in and “needs its client secret” elsewhere', () => {
    const body = { error: 'invalid_client', error_description: 'AADSTS7000218: …', error_codes: [7000218] };
    expect(new MicrosoftIdentityError(body, 401, 'device-code').message).toMatch(/Allow public client flows/);
    expect(new MicrosoftIdentityError(body, 401).message).toMatch(/needs its client secret/);
  });

  it('falls back to the description for codes it does not know', () => {
    const error = new MicrosoftIdentityError({ error: 'invalid_request', error_description: 'AADSTS123456: Something new.', error_codes: [123456] });
    expect(error.code).toBe('123456');
    expect(error.message).toBe('AADSTS123456: Something new.');
  });
});

describe('the client secret refused', () => {
  it.each(['7000215', '7000222'])('AADSTS%s sends the admin back to re-enter the secret (one next action)', (code) => {
    expect(explain(code)).toMatchObject({ fix: 're-enter-secret', action: expect.stringMatching(/^Re-enter/) });
  });

  it('an authorization-code decline (access_denied) asks for a new sign-in, not a device code', () => {
    expect(explain('access_denied')).toMatchObject({ fix: 're-consent', action: expect.not.stringContaining('code') });
  });
});
