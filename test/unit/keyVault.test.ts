import { describe, expect, it } from 'vitest';
import { resolveCloud } from '../../electron/shared/cloud';
import { parseVaultUrl } from '../../electron/core/keyVault/vaultUrl';
import { secretNameSchemes, secretTags, vaultExpiry } from '../../electron/core/keyVault/secretNames';
import { assertKeyVaultScope } from '../../electron/core/keyVault/keeperCredential';
import { retryDelayMs } from '../../electron/core/keyVault/failures';
import { describeVaultStatus } from '../../electron/ipc/vaultStatus';
import { formatAgo } from '../../electron/ipc/timeLeft';
import { checkSamApp } from '../../electron/shared/samAppChecks';
import { grantScopes, requiredResources, samPermissions, withSamPermissions } from '../../electron/shared/samPermissions';
import type { VaultPublication } from '../../electron/ipc/keyVault';

const publicCloud = resolveCloud('public');
const simulated = resolveCloud('https://127.0.0.1:8443');

describe('a pasted vault URL', () => {
  it('is normalized to the Vault URI, and a bare vault name is accepted', () => {
    expect(parseVaultUrl(' https://Contoso-SAM.vault.azure.net ', publicCloud)).toEqual({ url: 'https://contoso-sam.vault.azure.net/', name: 'contoso-sam' });
    expect(parseVaultUrl('contoso-sam', publicCloud).url).toBe('https://contoso-sam.vault.azure.net/');
    expect(parseVaultUrl('https://contoso-sam.vault.usgovcloudapi.net/', resolveCloud('usgov')).name).toBe('contoso-sam');
    expect(parseVaultUrl('https://contoso-sam.vault.azure.cn/', resolveCloud('china')).name).toBe('contoso-sam');
  });

  it.each([
    ['', /Enter the vault’s URL/],
    ['http://contoso-sam.vault.azure.net/', /starts with https:\/\/; SAM Desk never sends a refresh token over http/],
    ['https://contoso-sam.vault.azure.net/secrets/RefreshToken', /without a path/],
    ['https://contoso-sam.vault.azure.net/?api-version=7.4', /more in it than a vault’s address/],
    ['https://contoso-sam.vault.azure.cn/', /another Microsoft cloud \(vault\.azure\.cn\)/],
    ['https://contoso-sam.vault.azure.net.evil.example/', /is not a Key Vault address/],
    ['https://portal.azure.com/#@contoso/resource/vaults/contoso-sam', /link to the Azure portal/],
    ['https://a--b.vault.azure.net/', /is not a vault name/],
    ['https://contoso-sam.vault.azure.net:8443/', /standard https port/],
    ['copy of my vault', /is not a vault URL/],
  ])('“%s” is refused with what is wrong', (input, message) => {
    expect(() => parseVaultUrl(input, publicCloud)).toThrow(message);
  });

  it('the simulated cloud’s path-based vaults only under that cloud, and only there', () => {
    expect(parseVaultUrl('https://127.0.0.1:8443/keyvault/northwind-sam-kv', simulated)).toEqual({ url: 'https://127.0.0.1:8443/keyvault/northwind-sam-kv/', name: 'northwind-sam-kv' });
    expect(() => parseVaultUrl('https://127.0.0.1:8443/keyvault/northwind-sam-kv/', publicCloud)).toThrow(/not a Key Vault address/);
    expect(() => parseVaultUrl('https://contoso-sam.vault.azure.net/', simulated)).toThrow(/simulated cloud/);
    expect(() => parseVaultUrl('https://127.0.0.1:9999/keyvault/northwind-sam-kv/', simulated)).toThrow(/simulated cloud/);
  });
});

describe('the cloud table', () => {
  it('names each cloud’s Key Vault resource and DNS suffix, and Resource Manager', () => {
    expect(publicCloud.resources.keyvault).toBe('https://vault.azure.net');
    expect(resolveCloud('usgov')).toMatchObject({ keyVault: { dnsSuffix: 'vault.usgovcloudapi.net' }, resources: { keyvault: 'https://vault.usgovcloudapi.net' }, resourceManagerApi: 'https://management.usgovcloudapi.net' });
    expect(resolveCloud('china')).toMatchObject({ keyVault: { dnsSuffix: 'vault.azure.cn' }, resources: { keyvault: 'https://vault.azure.cn' } });
    expect(simulated).toMatchObject({ resourceManagerApi: 'https://127.0.0.1:8443/arm', keyVault: { pathBase: 'https://127.0.0.1:8443/keyvault/' } });
  });
});

describe('what SAM Desk writes to a vault', () => {
  it('uses CIPP’s exact secret names for the cipp scheme', () => {
    expect(secretNameSchemes.cipp).toEqual({ refreshToken: 'RefreshToken', applicationId: 'ApplicationID', applicationSecret: 'ApplicationSecret', tenantId: 'TenantID' });
  });

  it('tags each secret with profile, admin, rotated-at and written-by, within Key Vault’s 256-character limit', () => {
    const tags = secretTags({ profileName: 'x'.repeat(300), admin: 'admin@contoso.onmicrosoft.com', rotatedAt: '2026-03-01T09:00:00.000Z', writtenBy: 'SAM Desk on LAPTOP' });
    expect(Object.keys(tags)).toEqual(['profile', 'admin', 'rotated-at', 'written-by']);
    expect(tags.profile).toHaveLength(256);
  });

  it('expires the vault copy 90 days after the token’s last use', () => {
    expect(vaultExpiry('2026-03-01T09:00:00.000Z').toISOString()).toBe('2026-05-30T09:00:00.000Z');
  });
});

describe('the Key Vault token SAM Desk hands the SDK', () => {
  it('is only for the cloud’s Key Vault resource, whatever a vault’s challenge asks for', () => {
    expect(() => assertKeyVaultScope(['https://vault.azure.net/.default'], 'https://vault.azure.net')).not.toThrow();
    expect(() => assertKeyVaultScope(['https://graph.microsoft.com/.default'], 'https://vault.azure.net')).toThrow(/SAM Desk sends only https:\/\/vault\.azure\.net\/\.default/);
    expect(() => assertKeyVaultScope(['https://vault.azure.net/.default', 'openid'], 'https://vault.azure.net')).toThrow();
  });
});

describe('retrying a failed push', () => {
  it('continues Key Vault’s throttling backoff (8, 16 s, then minutes) and waits longer for what a person must fix', () => {
    expect([1, 2, 3, 4, 9].map((attempt) => retryDelayMs('soon', attempt))).toEqual([8_000, 16_000, 60_000, 300_000, 300_000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs('after-fix', attempt))).toEqual([300_000, 900_000, 3_600_000, 3_600_000]);
  });
});

describe('the vault status line', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const base: VaultPublication = {
    profileId: 'p-1',
    vaultUrl: 'https://contoso-sam.vault.azure.net/',
    vaultName: 'contoso-sam',
    names: 'samdesk',
    secretNames: secretNameSchemes.samdesk,
    publishedAt: '2026-02-01T10:00:00Z',
    state: 'in-sync',
  };

  it('reads "in sync, pushed 3 min ago", or says a newer token was taken from the vault', () => {
    expect(describeVaultStatus({ ...base, lastPushedAt: '2026-03-01T09:57:00Z' }, now)).toBe('Vault: in sync, pushed 3 min ago');
    expect(describeVaultStatus({ ...base, lastPushedAt: '2026-03-01T08:00:00Z', lastAdoptedAt: '2026-03-01T09:59:50Z' }, now)).toBe('Vault: in sync, took the newer token from the vault just now');
    expect(formatAgo('2026-02-26T10:00:00Z', now)).toBe('3 d ago');
  });

  it('leads with the failure’s summary: "Vault: 403 — you need the Key Vault Secrets Officer role on this vault"', () => {
    const failed: VaultPublication = {
      ...base,
      state: 'failed',
      error: { summary: '403 — you need the Key Vault Secrets Officer role on this vault', message: '…', code: 'ForbiddenByRbac', at: now.toISOString() },
    };
    expect(describeVaultStatus(failed, now)).toBe('Vault: 403 — you need the Key Vault Secrets Officer role on this vault');
  });
});

describe('the SAM app’s permissions', () => {
  it('include Azure Key Vault’s delegated user_impersonation, which a new or fixed registration gets', () => {
    expect(samPermissions).toContainEqual(expect.objectContaining({ resourceAppId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', permissionId: 'f53da476-18e3-4152-8e01-aec403e6edc0', permission: 'user_impersonation' }));
    expect(withSamPermissions([])).toContainEqual({ resourceAppId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', resourceAccess: [{ id: 'f53da476-18e3-4152-8e01-aec403e6edc0', type: 'Scope' }] });
  });

  it('reports a missing Azure Key Vault permission in the app check', () => {
    const withoutKeyVault = withSamPermissions([]).filter((entry) => entry.resourceAppId !== 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093');
    const app = { id: 'x', appId: 'y', displayName: 'SAM', signInAudience: 'AzureADMultipleOrgs', publicClient: { redirectUris: ['http://localhost'] }, requiredResourceAccess: withoutKeyVault };
    const consent = { readable: true, granted: Object.fromEntries(requiredResources.map((resource) => [resource.resourceAppId, grantScopes(resource)])) };
    const check = checkSamApp(app, consent, undefined, new Date()).find((candidate) => candidate.id === 'permissions');
    expect(check).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^Azure Key Vault is not requested at all\./) });
  });
});
