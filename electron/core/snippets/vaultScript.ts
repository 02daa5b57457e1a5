import type { ResourceName } from '../../shared/cloud';
import { secretNameSchemes } from '../keyVault/secretNames';
import { keyVaultReadLines, keyVaultWriteBackLines } from './keyVaultScript';
import { quoteLiteral } from './powershell';
import type { SnippetPartner } from './snippets';

/** Names the script modes read from the vault (SAM Desk's Key Vault names); `samdesk refresh-token --reveal` fills the first. */
export const vaultSecretNames = {
  refreshToken: secretNameSchemes.samdesk.refreshToken,
  clientSecret: secretNameSchemes.samdesk.applicationSecret,
} as const;

const tokenVariables: Record<ResourceName, string> = {
  azure: '$azureToken',
  graph: '$graphToken',
  exchange: '$exchangeToken',
  partnercenter: '$partnerCenterToken',
  aadgraph: '$aadGraphToken',
  keyvault: '$keyVaultToken',
};

export function tokenVariable(resource: ResourceName): string {
  return tokenVariables[resource];
}

/**
 * The start of every script-mode snippet: the refresh token from the profile's Azure Key Vault when
 * it is published there, else from a SecretManagement vault, and a function that redeems it on the
 * v2 token endpoint for one tenant and resource — the same request SAM Desk makes
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token)
 * — and saves the rotated token back where it came from.
 */
export function scriptPrelude(partner: SnippetPartner, options: { redeems: boolean }): string[] {
  const refreshName = quoteLiteral(vaultSecretNames.refreshToken);
  const secretName = quoteLiteral(vaultSecretNames.clientSecret);
  // A profile published to Azure Key Vault reads (and writes back) there; otherwise a SecretManagement vault.
  const lines = partner.keyVault
    ? [`$samDeskClientId = ${quoteLiteral(partner.applicationId)}`, ...keyVaultReadLines(partner.keyVault, partner.hasClientSecret)]
    : [
        `# One-time setup (Microsoft.PowerShell.SecretManagement): Set-Secret -Name ${refreshName} -Secret (samdesk refresh-token --reveal)`,
        // The secret SAM Desk created for the app sits in its keychain; this is how it reaches the vault.
        ...(partner.hasClientSecret ? [`# and the SAM app's client secret: Set-Secret -Name ${secretName} -Secret (samdesk client-secret --reveal)`] : []),
        `$samDeskClientId = ${quoteLiteral(partner.applicationId)}`,
        `$refreshToken = Get-Secret -Name ${refreshName} -AsPlainText`,
        '# Or publish the profile to Azure Key Vault in SAM Desk (samdesk vault publish): its scripts then read and write it there.',
        ...(partner.hasClientSecret ? [`$clientSecret = Get-Secret -Name ${secretName} -AsPlainText`] : []),
      ];
  // A confidential SAM app (its one shape) sends its secret with every redemption, as SAM Desk does;
  // a module that redeems by itself (Connect-PartnerCenter) takes it as a credential.
  if (partner.hasClientSecret && !options.redeems) {
    lines.push('$appCredential = [pscredential]::new($samDeskClientId, (ConvertTo-SecureString $clientSecret -AsPlainText -Force))');
  }
  if (!options.redeems) return lines;
  return [
    ...lines,
    '',
    'function Get-SamDeskAccessToken {',
    '  param([string] $TenantId, [string] $Resource)',
    '  $body = @{',
    '    client_id     = $samDeskClientId',
    "    grant_type    = 'refresh_token'",
    '    refresh_token = $script:refreshToken',
    "    scope         = $Resource + '/.default offline_access'",
    '  }',
    ...(partner.hasClientSecret ? ['  $body.client_secret = $clientSecret'] : []),
    `  $uri = ${quoteLiteral(`${partner.loginHost}/`)} + [uri]::EscapeDataString($TenantId) + '/oauth2/v2.0/token'`,
    '  $response = Invoke-RestMethod -Method Post -Uri $uri -Body $body',
    '  # Every redemption returns a new refresh token; saving one per run restarts its 90-day inactivity limit.',
    '  $script:refreshToken = $response.refresh_token',
    '  if (-not $script:refreshTokenSaved) {',
    ...(partner.keyVault ? keyVaultWriteBackLines(partner.keyVault, partner.account, '    ') : [`    Set-Secret -Name ${refreshName} -Secret $response.refresh_token`]),
    '    $script:refreshTokenSaved = $true',
    '  }',
    '  $response.access_token',
    '}',
  ];
}
