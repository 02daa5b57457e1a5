import { describe, expect, it } from 'vitest';
import { snippetModeSchema, snippetModuleSchema } from '../../electron/ipc/schemas';
import { renderAllCustomersSnippet, renderPasteSnippet, renderScriptSnippet } from '../../electron/core/snippets/snippets';
import { snippetCatalog } from '../../electron/shared/snippetCatalog';
import { namedClouds } from '../../electron/shared/cloud';
import type { HttpClient } from '../../electron/core/http/httpClient';
import { TokenClient } from '../../electron/core/identity/tokenClient';
import { loadPowerShellGrammar, parsePowerShell, syntaxProblems } from './powershellSyntax';
import { customer, expiresAt, fakeTokens, otherCustomer, partner } from './snippetsFixtures';
import { secretNameSchemes } from '../../electron/core/keyVault/secretNames';

await loadPowerShellGrammar();

const modules = snippetModuleSchema.options;

function render(module: (typeof modules)[number], mode: (typeof snippetModeSchema.options)[number]): string {
  if (mode === 'paste') return renderPasteSnippet(module, partner, customer, fakeTokens, expiresAt).text;
  if (mode === 'script') return renderScriptSnippet(module, partner, customer);
  return renderAllCustomersSnippet(module, partner, [customer, otherCustomer], '2026-03-01T09:00:00Z');
}

describe.each(modules)('the %s snippet', (module) => {
  it.each(snippetModeSchema.options)('in %s mode matches its golden file and parses as PowerShell', async (mode) => {
    const text = render(module, mode);
    await expect(text).toMatchFileSnapshot(`__golden__/${module}.${mode}.ps1`);
    expect(syntaxProblems(parsePowerShell(text))).toEqual([]);
  });
});

describe('script mode redeems the way the app does', () => {
  it.each(modules)('%s, for the confidential SAM app, sends the vaulted client secret with every redemption', (module) => {
    const text = render(module, 'script');
    expect(text).toContain("$clientSecret = Get-Secret -Name 'SAMDesk-ClientSecret' -AsPlainText");
    if (!snippetCatalog[module].connectWithRefreshToken) expect(text).toContain('  $body.client_secret = $clientSecret');
  });

  it.each([true, false])('the script’s token request carries exactly the fields SAM Desk’s own redemption sends (client secret: %s)', async (hasClientSecret) => {
    const sent: string[] = [];
    const http: HttpClient = {
      async send(request) {
        sent.push(...new URLSearchParams(request.body).keys());
        return { status: 200, headers: {}, body: JSON.stringify({ access_token: 'eyJ.a', refresh_token: '0.A', expires_in: 3600 }) };
      },
    };
    await new TokenClient(namedClouds.public!, http).redeem({
      clientId: partner.applicationId,
      clientSecret: hasClientSecret ? 'secret' : undefined,
      refreshToken: '0.A',
      tenantId: customer.tenantId,
      resource: 'graph',
    });
    const script = renderScriptSnippet('graph', { ...partner, hasClientSecret }, customer);
    const body = /\$body = @\{\n([\s\S]*?)\n {2}\}/.exec(script)![1]!;
    const scriptFields = [...body.matchAll(/^\s+(\w+)\s+=/gm), ...script.matchAll(/\$body\.(\w+) =/g)].map((match) => match[1]);
    expect(scriptFields.sort()).toEqual(sent.sort());
  });

  it.each(['graph', 'partnercenter'] as const)('%s, for a profile that redeems as a public client (device code, older app), sends no secret', async (module) => {
    const text = renderScriptSnippet(module, { ...partner, hasClientSecret: false }, customer);
    await expect(text).toMatchFileSnapshot(`__golden__/${module}.script.public-client.ps1`);
    expect(syntaxProblems(parsePowerShell(text))).toEqual([]);
    expect(text).not.toContain('SAMDesk-ClientSecret');
    expect(text).not.toContain('client_secret');
  });
});

describe('script mode for a profile published to Azure Key Vault', () => {
  const published = { ...partner, keyVault: { vaultName: 'contoso-sam', secretNames: secretNameSchemes.samdesk, profileName: 'Contoso Partner' } };
  const cipp = { ...partner, hasClientSecret: true, keyVault: { vaultName: 'contoso-sam', secretNames: secretNameSchemes.cipp, profileName: 'Contoso Partner' } };

  it.each([
    ['graph', 'script', published, 'graph.script.key-vault.ps1'],
    ['exchange', 'all-customers', published, 'exchange.all-customers.key-vault.ps1'],
    ['az', 'script', cipp, 'az.script.key-vault-cipp.ps1'],
    ['partnercenter', 'script', cipp, 'partnercenter.script.key-vault-cipp.ps1'],
  ] as const)('%s in %s mode reads the token from the vault and writes the rotated one back (%s)', async (module, mode, who, golden) => {
    const text = mode === 'script' ? renderScriptSnippet(module, who, customer) : renderAllCustomersSnippet(module, who, [customer, otherCustomer], '2026-03-01T09:00:00Z');
    await expect(text).toMatchFileSnapshot(`__golden__/${golden}`);
    expect(syntaxProblems(parsePowerShell(text))).toEqual([]);
    expect(text).toContain(`$refreshToken = Get-AzKeyVaultSecret -VaultName $vaultName -Name '${who.keyVault.secretNames.refreshToken}' -AsPlainText`);
    expect(text).not.toContain('Get-Secret -Name');
  });

  it('the write-back is a new version with SAM Desk’s content type, tags and a 90-day expiry', () => {
    const text = renderScriptSnippet('graph', published, customer);
    expect(text).toContain("Set-AzKeyVaultSecret -VaultName $vaultName -Name 'SAMDesk-RefreshToken' -SecretValue $rotated");
    expect(text).toContain('$expires = (Get-Date).ToUniversalTime().AddDays(90)');
    expect(text).toContain('-Expires $expires -Tag $tags');
    expect(text).toMatch(/\$tags = @\{ 'profile' = 'Contoso Partner'; 'admin' = 'admin@contosopartner\.onmicrosoft\.com'; 'rotated-at' = .*; 'written-by' = 'SAM Desk script on ' \+ \[Environment\]::MachineName \}/);
  });

  it('a confidential app’s script reads CIPP’s ApplicationSecret from the vault', () => {
    expect(renderScriptSnippet('az', cipp, customer)).toContain("$clientSecret = Get-AzKeyVaultSecret -VaultName $vaultName -Name 'ApplicationSecret' -AsPlainText");
  });
});

describe('what each mode embeds', () => {
  it('paste mode holds the tokens; its preview shows placeholders in the same places', () => {
    const { text, preview } = renderPasteSnippet('az', partner, customer, fakeTokens, expiresAt);
    expect(text).toContain(`-AccessToken '${fakeTokens.azure}'`);
    expect(preview).not.toContain('eyJ.fake');
    expect(preview.replace(/'<[^>]+ access token>'/g, 'T')).toBe(text.replace(/'eyJ\.fake\.[a-z-]+'/g, 'T'));
  });

  it.each(modules)('script and all-customers modes of %s hold no token and redeem the vaulted refresh token', (module) => {
    for (const text of [render(module, 'script'), render(module, 'all-customers')]) {
      expect(text).not.toContain('eyJ');
      expect(text).toContain("$refreshToken = Get-Secret -Name 'SAMDesk-RefreshToken' -AsPlainText");
      // Not published: the way to Key Vault is publishing, not a copy that drifts.
      expect(text).toContain('samdesk vault publish');
    }
  });

  it('script mode posts to the v2 token endpoint of the customer tenant with the resource scope', () => {
    const text = render('graph', 'script');
    expect(text).toContain("$uri = 'https://login.microsoftonline.com/' + [uri]::EscapeDataString($TenantId) + '/oauth2/v2.0/token'");
    expect(text).toContain(`$graphToken = Get-SamDeskAccessToken -TenantId '${customer.tenantId}' -Resource 'https://graph.microsoft.com'`);
    expect(text).toContain("scope         = $Resource + '/.default offline_access'");
  });

  it('all-customers mode lists every customer once and connects inside the loop', () => {
    const text = render('exchange', 'all-customers');
    expect(text).toContain(`TenantId = '${customer.tenantId}'; Domain = '${customer.domain}'; Name = 'Fabrikam Ltd'`);
    expect(text).toContain(`TenantId = '${otherCustomer.tenantId}'`);
    expect(text).toMatch(/foreach \(\$customer in \$customers\) \{[\s\S]*Connect-ExchangeOnline[\s\S]*-DelegatedOrganization \$customer\.Domain/);
  });

  it('a Partner Center loop connects once, in the partner tenant, before the loop', () => {
    const text = render('partnercenter', 'all-customers');
    expect(text.indexOf('Connect-PartnerCenter')).toBeLessThan(text.indexOf('foreach'));
    expect(text).toContain(`-RefreshToken $refreshToken`);
    expect(text).toContain(`-TenantId '${partner.partnerTenantId}'`);
  });
});

describe('retired modules', () => {
  it.each([
    ['azuread', 'Retired 2025', 'Connect-MgGraph'],
    ['msonline', 'Retired 2025', 'Connect-MgGraph'],
    ['az-aadgraph', 'Retired August 2025', 'Connect-AzAccount'],
    ['exchange-legacy', 'Retired October 2023', 'Connect-ExchangeOnline'],
  ] as const)('%s says when it was retired and what to use instead, in a comment', (module, retired, replacement) => {
    const text = render(module, 'paste');
    const notice = text.split('\n').find((line) => line.includes(retired));
    expect(notice).toMatch(/^# /);
    expect(notice).toContain(replacement);
  });

  it('the modern modules carry no retirement line', () => {
    for (const module of ['az', 'graph', 'exchange', 'partnercenter'] as const) expect(render(module, 'paste')).not.toContain('Retired');
  });
});
