# SAM Desk: Exchange Online for every customer (2)
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

# The customer list as SAM Desk had it at 2026-03-01T09:00:00Z.
$customers = @(
  [pscustomobject]@{ TenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'; Domain = 'fabrikam.onmicrosoft.com'; Name = 'Fabrikam Ltd' }
  [pscustomobject]@{ TenantId = 'ffffffff-1111-2222-3333-444444444444'; Domain = 'northwind.onmicrosoft.com'; Name = 'Northwind Traders' }
)

foreach ($customer in $customers) {
  try {
    $exchangeToken = Get-SamDeskAccessToken -TenantId $customer.TenantId -Resource 'https://outlook.office365.com'
    Connect-ExchangeOnline -AccessToken $exchangeToken `
      -DelegatedOrganization $customer.Domain -ShowBanner:$false
    # Your commands for this customer go here.
    Disconnect-ExchangeOnline -Confirm:$false
  } catch {
    Write-Warning ($customer.Name + ': ' + $_.Exception.Message)
  }
}
