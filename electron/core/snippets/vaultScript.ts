import type { ResourceName } from '../config/cloud';
import { quoteLiteral } from './powershell';
import type { SnippetPartner } from './snippets';

/** Names the script modes read from the vault; `samdesk refresh-token --reveal` fills the first. */
export const vaultSecretNames = {
  refreshToken: 'SAMDesk-RefreshToken',
  clientSecret: 'SAMDesk-ClientSecret',
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
 * The start of every script-mode snippet: the refresh token from a SecretManagement vault (Azure
 * Key Vault as a commented alternative), and a function that redeems it on the v2 token endpoint
 * for one tenant and resource — the same request SAM Desk makes (DESIGN.md, "Facts").
 */
export function scriptPrelude(partner: SnippetPartner, options: { redeems: boolean }): string[] {
  const refreshName = quoteLiteral(vaultSecretNames.refreshToken);
  const secretName = quoteLiteral(vaultSecretNames.clientSecret);
  const lines = [
    `# One-time setup (Microsoft.PowerShell.SecretManagement): Set-Secret -Name ${refreshName} -Secret (samdesk refresh-token --reveal)`,
    `$samDeskClientId = ${quoteLiteral(partner.applicationId)}`,
    `$refreshToken = Get-Secret -Name ${refreshName} -AsPlainText`,
    '# Or from Azure Key Vault, after Connect-AzAccount to the partner subscription that holds it:',
    `# $refreshToken = Get-AzKeyVaultSecret -VaultName '<your vault>' -Name ${refreshName} -AsPlainText`,
  ];
  if (partner.hasClientSecret) {
    lines.push(
      `$clientSecret = Get-Secret -Name ${secretName} -AsPlainText`,
      '$appCredential = [pscredential]::new($samDeskClientId, (ConvertTo-SecureString $clientSecret -AsPlainText -Force))',
    );
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
    `    Set-Secret -Name ${refreshName} -Secret $response.refresh_token`,
    '    $script:refreshTokenSaved = $true',
    '  }',
    '  $response.access_token',
    '}',
  ];
}
