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
