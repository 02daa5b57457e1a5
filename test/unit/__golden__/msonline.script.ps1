# SAM Desk: MSOnline for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# For scheduled runs: no token is in this script. It reads the refresh token from a vault.
# Retired 2025 — use Microsoft Graph PowerShell (Connect-MgGraph). The MSOnline PowerShell module no longer works.
# One-time setup (Microsoft.PowerShell.SecretManagement): Set-Secret -Name 'SAMDesk-RefreshToken' -Secret (samdesk refresh-token --reveal)
# and the SAM app's client secret: Set-Secret -Name 'SAMDesk-ClientSecret' -Secret (samdesk client-secret --reveal)
$samDeskClientId = '11111111-2222-3333-4444-555555555555'
$refreshToken = Get-Secret -Name 'SAMDesk-RefreshToken' -AsPlainText
# Or publish the profile to Azure Key Vault in SAM Desk (samdesk vault publish): its scripts then read and write it there.
$clientSecret = Get-Secret -Name 'SAMDesk-ClientSecret' -AsPlainText

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
    Set-Secret -Name 'SAMDesk-RefreshToken' -Secret $response.refresh_token
    $script:refreshTokenSaved = $true
  }
  $response.access_token
}

$aadGraphToken = Get-SamDeskAccessToken -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' -Resource 'https://graph.windows.net'
$graphToken = Get-SamDeskAccessToken -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' -Resource 'https://graph.microsoft.com'
Connect-MsolService -AdGraphAccessToken $aadGraphToken `
  -MsGraphAccessToken $graphToken
