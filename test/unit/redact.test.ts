import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../electron/core/app/redact';

const jwt = ['eyJhbGciOiJSUzI1NiJ9', 'eyJhdWQiOiJodHRwczovL2dyYXBoIn0', 'c2lnbmF0dXJlc2lnbmF0dXJl'].join('.');
const refreshToken = `0.A${'x7Yq_-'.repeat(20)}`;

describe('redactSecrets', () => {
  it('removes JWTs, refresh tokens and secrets from text bound for logs and errors', () => {
    const text = `failed with ${jwt} and ${refreshToken} for client_secret=abc123&code=xyz`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(jwt);
    expect(redacted).not.toContain(refreshToken);
    expect(redacted).toContain('client_secret=[redacted]');
    expect(redacted).toContain('code=[redacted]');
    expect(redacted).toMatch(/^failed with \[redacted\] and \[redacted\]/);
  });

  it('leaves ordinary sentences and tenant ids alone', () => {
    const text = 'No admin access to 6c1a5e0b-3f7e-4a59-9a53-1b4a2c9d8e7f (AADSTS50020).';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets on the shapes tokens travel in', () => {
  const secret = 'mq58Q~Zx3vT7yPq1Lw2Ue9Rk5Hs8Nd4Jc6Bf0Ga.-~';

  it.each([
    ['a token endpoint JSON body', `{"token_type":"Bearer","refresh_token":"${refreshToken}","access_token":"${jwt}"}`],
    ['a form body', `grant_type=refresh_token&refresh_token=${refreshToken}&client_secret=${secret}`],
    ['an Authorization header', `Authorization: Bearer ${jwt}`],
    ['a client secret on its own', `secret was ${secret} oops`],
    ['a JSON client secret', `{"clientSecret":"short-but-named"}`],
    ['a JWT without a signature part', jwt.split('.').slice(0, 2).join('.')],
  ])('removes the secret from %s', (_shape, text) => {
    const redacted = redactSecrets(text);
    for (const value of [refreshToken, jwt, secret, 'short-but-named', jwt.split('.').slice(0, 2).join('.')]) {
      expect(redacted).not.toContain(value);
    }
    expect(redacted).toContain('[redacted]');
  });

  it('keeps the field names and error codes a support engineer needs', () => {
    expect(redactSecrets('{"error":"invalid_grant","error_codes":[700082],"refresh_token":"x"}')).toBe(
      '{"error":"invalid_grant","error_codes":[700082],"refresh_token":"[redacted]"}',
    );
    expect(redactSecrets('error_code=700082 status=400')).toBe('error_code=700082 status=400');
  });
});
