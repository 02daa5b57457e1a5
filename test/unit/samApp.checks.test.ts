import { describe, expect, it } from 'vitest';
import { canFix, checkSamApp, consentGaps, fixableChecks, type AdminConsent, type GraphApplication } from '../../electron/shared/samAppChecks';
import { requiredResources, samResources, withSamPermissions } from '../../electron/shared/samPermissions';
import type { SamAppCheck } from '../../electron/ipc/wizard';

const NOW = new Date('2026-11-25T10:00:00Z');
const GRAPH = '00000003-0000-0000-c000-000000000000';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const AZURE = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const SECRET = 'abc8Q~not-a-real-secret';

function app(requiredResourceAccess = withSamPermissions([])): GraphApplication {
  return {
    id: 'object-id',
    appId: 'app-id',
    displayName: 'SAM Desk',
    signInAudience: 'AzureADMultipleOrgs',
    isFallbackPublicClient: true,
    // The one shape (README, "The SAM app SAM Desk creates"): the Web redirect and a secret.
    web: { redirectUris: ['http://localhost'] },
    passwordCredentials: [{ hint: SECRET.slice(0, 3), endDateTime: '2027-11-25T00:00:00Z' }],
    requiredResourceAccess,
  };
}

/** Every required resource granted, except those named. */
function consent(except: string[] = [], readable = true): AdminConsent {
  const granted: Record<string, string[]> = {};
  for (const resource of requiredResources) {
    if (!except.includes(resource.resourceAppId)) granted[resource.resourceAppId] = resource.permissions.map((p) => p.name);
  }
  return { readable, granted };
}

const check = (checks: SamAppCheck[], id: SamAppCheck['id']) => checks.find((c) => c.id === id)!;

describe('the SAM app checklist, per resource', () => {
  it('asks for Partner Center, Graph, Azure Resource Manager, Exchange Online and Key Vault, and Azure AD Graph only as retired', () => {
    expect(requiredResources.map((r) => r.resourceName)).toEqual(['Partner Center', 'Microsoft Graph', 'Azure Resource Manager', 'Exchange Online', 'Azure Key Vault']);
    expect(samResources.filter((r) => r.retired).map((r) => r.resourceName)).toEqual(['Azure AD Graph']);
    expect(withSamPermissions([]).find((entry) => entry.resourceAppId === AZURE)?.resourceAccess).toEqual([{ id: '41094075-9dad-400e-a0bd-54e686782033', type: 'Scope' }]);
  });

  it('names each resource whose permission is missing, even when Graph’s are all there', () => {
    const withoutAzureAndExchange = withSamPermissions([]).filter((entry) => entry.resourceAppId !== AZURE && entry.resourceAppId !== EXCHANGE);
    const permissions = check(checkSamApp(app(withoutAzureAndExchange), consent(), SECRET, NOW), 'permissions');
    expect(permissions).toMatchObject({
      status: 'fail',
      detail: 'Azure Resource Manager is not requested at all; Exchange Online is not requested at all. Snippets for those services fail until the app asks for them.',
    });
    const graphShort = withSamPermissions([]).map((entry) => (entry.resourceAppId === GRAPH ? { ...entry, resourceAccess: entry.resourceAccess.slice(1) } : entry));
    expect(check(checkSamApp(app(graphShort), consent(), SECRET, NOW), 'permissions').detail).toMatch(/^Microsoft Graph lacks Directory\.AccessAsUser\.All\./);
  });

  it('passes without the retired Azure AD Graph, and says so', () => {
    const withoutRetired = withSamPermissions([]).filter((entry) => entry.resourceAppId !== '00000002-0000-0000-c000-000000000000');
    expect(check(checkSamApp(app(withoutRetired), consent(), SECRET, NOW), 'permissions')).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('Azure AD Graph is not (Azure AD Graph was retired in August 2025'),
    });
  });

  it('reports a missing Exchange grant although Graph’s grant is there, and a grant that lacks a permission', () => {
    expect(check(checkSamApp(app(), consent([EXCHANGE]), SECRET, NOW), 'admin-consent')).toMatchObject({
      status: 'fail',
      detail: 'Granted for Partner Center, Microsoft Graph, Azure Resource Manager and Azure Key Vault; not granted for Exchange Online.',
    });
    const narrowGraph: AdminConsent = { readable: true, granted: { ...consent().granted, [GRAPH]: ['User.Read'] } };
    expect(consentGaps(narrowGraph).map((gap) => [gap.resource.resourceName, gap.missing])).toEqual([['Microsoft Graph', ['Directory.AccessAsUser.All', 'DelegatedAdminRelationship.Read.All']]]);
    expect(check(checkSamApp(app(), { readable: true, granted: {} }, SECRET, NOW), 'admin-consent').detail).toBe('Nobody has granted the app’s permissions in your partner tenant yet.');
    expect(check(checkSamApp(app(), consent([], false), SECRET, NOW), 'admin-consent').status).toBe('warn');
  });

  it('has one rule for what “Fix the app” can put right: failures and the public-client warning, not an unconfirmed consent', () => {
    const allGood = checkSamApp(app(), consent(), SECRET, NOW);
    expect(canFix(allGood)).toBe(false);
    const unconfirmed = checkSamApp(app(), consent([], false), SECRET, NOW);
    expect(fixableChecks(unconfirmed)).toEqual([]);
    const noDeviceCode = checkSamApp({ ...app(), isFallbackPublicClient: false }, consent([EXCHANGE]), SECRET, NOW);
    expect(fixableChecks(noDeviceCode).map((c) => c.id)).toEqual(['public-client', 'admin-consent']);
  });
});
