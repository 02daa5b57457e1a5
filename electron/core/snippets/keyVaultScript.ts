import { secretContentTypes, tagNames } from '../keyVault/secretNames';
import type { VaultSecretNames } from '../../ipc/keyVault';
import { commentText, quoteLiteral } from './powershell';

/** A published profile: its scripts read the token from this vault and write the rotated one back. */
export interface SnippetKeyVault {
  vaultName: string;
  secretNames: VaultSecretNames;
  profileName: string;
}

/**
 * The script's vault lines with Az.KeyVault (Get-AzKeyVaultSecret -AsPlainText,
 * https://learn.microsoft.com/powershell/module/az.keyvault/get-azkeyvaultsecret), after
 * Connect-AzAccount as someone (or a runbook's managed identity) holding a Key Vault role there.
 */
export function keyVaultReadLines(vault: SnippetKeyVault, hasClientSecret: boolean): string[] {
  const lines = [
    `# The refresh token is in Azure Key Vault ${commentText(vault.vaultName)}, published by SAM Desk, which keeps it in step.`,
    `# SAM Desk's Key Vault publishing (Publish to this vault, or samdesk vault publish) wrote ${[vault.secretNames.refreshToken, ...(hasClientSecret ? [vault.secretNames.applicationSecret] : [])].map(commentText).join(' and ')} there.`,
    '# First Connect-AzAccount to the subscription that holds it, as an account (or a runbook managed identity) with the',
    '# Key Vault Secrets Officer role on the vault: this script writes the rotated token back.',
    `$vaultName = ${quoteLiteral(vault.vaultName)}`,
    `$refreshToken = Get-AzKeyVaultSecret -VaultName $vaultName -Name ${quoteLiteral(vault.secretNames.refreshToken)} -AsPlainText`,
  ];
  if (hasClientSecret) lines.push(`$clientSecret = Get-AzKeyVaultSecret -VaultName $vaultName -Name ${quoteLiteral(vault.secretNames.applicationSecret)} -AsPlainText`);
  return lines;
}

/**
 * Writes the rotated refresh token back as a new version (Set-AzKeyVaultSecret,
 * https://learn.microsoft.com/powershell/module/az.keyvault/set-azkeyvaultsecret) with the same
 * content type, tags and 90-day expiry SAM Desk writes, so SAM Desk adopts it as the newer one.
 */
export function keyVaultWriteBackLines(vault: SnippetKeyVault, account: string, indent: string): string[] {
  const tags = [
    `${quoteLiteral(tagNames.profile)} = ${quoteLiteral(vault.profileName)}`,
    `${quoteLiteral(tagNames.admin)} = ${quoteLiteral(account)}`,
    `${quoteLiteral(tagNames.rotatedAt)} = (Get-Date).ToUniversalTime().ToString('o')`,
    `${quoteLiteral(tagNames.writtenBy)} = 'SAM Desk script on ' + [Environment]::MachineName`,
  ];
  return [
    `${indent}$rotated = ConvertTo-SecureString $response.refresh_token -AsPlainText -Force`,
    `${indent}$tags = @{ ${tags.join('; ')} }`,
    `${indent}# It lapses 90 days after this use, and so does the vault's copy.`,
    `${indent}$expires = (Get-Date).ToUniversalTime().AddDays(90)`,
    `${indent}Set-AzKeyVaultSecret -VaultName $vaultName -Name ${quoteLiteral(vault.secretNames.refreshToken)} -SecretValue $rotated -ContentType ${quoteLiteral(secretContentTypes.refreshToken)} -Expires $expires -Tag $tags | Out-Null`,
  ];
}
