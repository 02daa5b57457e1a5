import { describe, expect, it } from 'vitest';
import { checkSamApp, fixedRegistration, samAppShape, type AdminConsent, type GraphApplication } from '../../electron/shared/samAppChecks';
import { grantScopes, requiredResources } from '../../electron/shared/samPermissions';

/** Admin consent for every resource the SAM app needs. */
const fullyGranted: AdminConsent = { readable: true, granted: Object.fromEntries(requiredResources.map((resource) => [resource.resourceAppId, grantScopes(resource)])) };

const now = new Date('2026-06-01T00:00:00Z');
const secret = 'abc8Q~not-a-real-secret';
const app = (change: Partial<GraphApplication>): GraphApplication => ({
  id: 'object-id',
  appId: '11111111-2222-3333-4444-555555555555',
  displayName: 'SAM Desk',
  signInAudience: 'AzureADMultipleOrgs',
  isFallbackPublicClient: true,
  web: { redirectUris: ['http://localhost'] },
  passwordCredentials: [{ hint: 'abc', endDateTime: '2027-06-01T00:00:00Z' }],
  ...change,
});
/** `typed`: the secret the admin entered, null for none. */
const check = (registration: GraphApplication, id: string, typed: string | null = secret) =>
  checkSamApp(registration, fullyGranted, typed ?? undefined, now).find((candidate) => candidate.id === id)!;

describe('the SAM app’s one shape in the checklist', () => {
  it('passes http://localhost under Web with a known secret', () => {
    expect(check(app({}), 'redirect')).toMatchObject({ status: 'pass', label: 'Redirect http://localhost on the Web platform' });
    expect(check(app({}), 'secret').status).toBe('pass');
  });

  it('fails a "Mobile and desktop" redirect, naming AADSTS700025', () => {
    const result = check(app({ web: { redirectUris: [] }, publicClient: { redirectUris: ['http://localhost'] } }), 'redirect');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('AADSTS700025');
  });

  it('fails an spa redirect, naming AADSTS9002327 and the 24 hours', () => {
    const result = check(app({ web: { redirectUris: [] }, spa: { redirectUris: ['http://localhost'] } }), 'redirect');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/AADSTS9002327.*24 hours/);
  });

  it('fails http://localhost under two platforms, since Entra picks one at random', () => {
    const result = check(app({ publicClient: { redirectUris: ['http://localhost'] } }), 'redirect');
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('more than one platform');
  });

  it('fails when SAM Desk knows no secret, and says a fix creates one shown once', () => {
    expect(check(app({ passwordCredentials: [] }), 'secret', null)).toMatchObject({ status: 'fail', detail: expect.stringContaining('shows it to you once') });
    expect(check(app({}), 'secret', null).status).toBe('fail');
  });

  it('says so when the secret was just created', () => {
    const result = checkSamApp(app({}), fullyGranted, secret, now, { secretCreated: true }).find((candidate) => candidate.id === 'secret')!;
    expect(result).toMatchObject({ status: 'pass', detail: expect.stringContaining('SAM Desk created a new client secret') });
  });

  it('warns when public client flows are off, naming device code and AADSTS7000218', () => {
    expect(check(app({ isFallbackPublicClient: false }), 'public-client')).toMatchObject({ status: 'warn', detail: expect.stringContaining('AADSTS7000218') });
  });
});

describe('fixing the registration’s shape', () => {
  const keepPermissions = (existing: NonNullable<GraphApplication['requiredResourceAccess']>) => existing;

  it('moves a loopback redirect from "Mobile and desktop" and spa to Web, keeping every other redirect and Web setting', () => {
    const patch = fixedRegistration(
      app({
        isFallbackPublicClient: false,
        web: { redirectUris: ['https://portal.example.com/auth'], homePageUrl: 'https://portal.example.com' },
        publicClient: { redirectUris: ['http://localhost', 'msal11111111-2222-3333-4444-555555555555://auth'] },
        spa: { redirectUris: ['http://127.0.0.1', 'https://spa.example.com'] },
      }),
      keepPermissions,
    );
    expect(patch.web).toEqual({ redirectUris: ['https://portal.example.com/auth', 'http://localhost'], homePageUrl: 'https://portal.example.com' });
    expect(patch.publicClient).toEqual({ redirectUris: ['msal11111111-2222-3333-4444-555555555555://auth'] });
    expect(patch.spa).toEqual({ redirectUris: ['https://spa.example.com'] });
    expect(patch.isFallbackPublicClient).toBe(true);
  });

  it('leaves a Web loopback as it is and what it fixes passes the checklist', () => {
    const fixed = fixedRegistration(app({ publicClient: { redirectUris: ['http://localhost'] } }), keepPermissions);
    expect(fixed.web.redirectUris).toEqual(['http://localhost']);
    expect(check(app(fixed as Partial<GraphApplication>), 'redirect').status).toBe('pass');
  });

  it('creates new apps in the same shape', () => {
    expect(samAppShape).toEqual({ signInAudience: 'AzureADMultipleOrgs', isFallbackPublicClient: true, web: { redirectUris: ['http://localhost'] } });
    expect(check(app({ ...samAppShape, web: { ...samAppShape.web } }), 'redirect').status).toBe('pass');
  });
});
