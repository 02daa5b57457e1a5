# SAM Desk: Microsoft Graph PowerShell for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# For scheduled runs: no token is in this script. It reads the refresh token from a vault.
$samDeskClientId = '11111111-2222-3333-4444-555555555555'
# The refresh token is in Azure Key Vault contoso-sam, published by SAM Desk, which keeps it in step.
# SAM Desk's Key Vault publishing (Publish to this vault, or samdesk vault publish) wrote SAMDesk-RefreshToken and SAMDesk-ClientSecret there.
# First Connect-AzAccount to the subscription that holds it, as an account (or a runbook managed identity) with the
# Key Vault Secrets Officer role on the vault: this script writes the rotated token back.
$vaultName = 'contoso-sam'
$refreshToken = Get-AzKeyVaultSecret -VaultName $vaultName -Name 'SAMDesk-RefreshToken' -AsPlainText
$clientSecret = Get-AzKeyVaultSecret -VaultName $vaultName -Name 'SAMDesk-ClientSecret' -AsPlainText

function Get-SamDeskAccessToken {
  param([string] $TenantId, [string] $Resource)
  $body = @{
    client_id     = $samDeskClientId
    grant_type    = 'refresh_token'
    refresh_token = $script:refreshToken
    scope         = $Resource + '/.default offline_access'
  }
  $body.client_secret = $clientSecret
  $uri = 'https://login.microsoftonline.com/' + [uri]::EscapeDataString($TenantId) + '/oauth2/v2.0/token'
  $response = Invoke-RestMethod -Method Post -Uri $uri -Body $body
  # Every redemption returns a new refresh token; saving one per run restarts its 90-day inactivity limit.
  $script:refreshToken = $response.refresh_token
  if (-not $script:refreshTokenSaved) {
    $rotated = ConvertTo-SecureString $response.refresh_token -AsPlainText -Force
    $tags = @{ 'profile' = 'Contoso Partner'; 'admin' = 'admin@contosopartner.onmicrosoft.com'; 'rotated-at' = (Get-Date).ToUniversalTime().ToString('o'); 'written-by' = 'SAM Desk script on ' + [Environment]::MachineName }
    # It lapses 90 days after this use, and so does the vault's copy.
    $expires = (Get-Date).ToUniversalTime().AddDays(90)
    Set-AzKeyVaultSecret -VaultName $vaultName -Name 'SAMDesk-RefreshToken' -SecretValue $rotated -ContentType 'Refresh token (Secure Application Model, rotates on every use)' -Expires $expires -Tag $tags | Out-Null
    $script:refreshTokenSaved = $true
  }
  $response.access_token
}

$graphToken = Get-SamDeskAccessToken -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' -Resource 'https://graph.microsoft.com'
Connect-MgGraph -AccessToken (ConvertTo-SecureString $graphToken -AsPlainText -Force) -NoWelcome
