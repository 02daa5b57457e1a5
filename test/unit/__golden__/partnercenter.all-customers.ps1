# SAM Desk: Partner Center for every customer (2)
# For scheduled runs: no token is in this script. It reads the refresh token from a vault.
# One-time setup (Microsoft.PowerShell.SecretManagement): Set-Secret -Name 'SAMDesk-RefreshToken' -Secret (samdesk refresh-token --reveal)
# and the SAM app's client secret: Set-Secret -Name 'SAMDesk-ClientSecret' -Secret (samdesk client-secret --reveal)
$samDeskClientId = '11111111-2222-3333-4444-555555555555'
$refreshToken = Get-Secret -Name 'SAMDesk-RefreshToken' -AsPlainText
# Or publish the profile to Azure Key Vault in SAM Desk (samdesk vault publish): its scripts then read and write it there.
$clientSecret = Get-Secret -Name 'SAMDesk-ClientSecret' -AsPlainText
$appCredential = [pscredential]::new($samDeskClientId, (ConvertTo-SecureString $clientSecret -AsPlainText -Force))

# The customer list as SAM Desk had it at 2026-03-01T09:00:00Z.
$customers = @(
  [pscustomobject]@{ TenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'; Domain = 'fabrikam.onmicrosoft.com'; Name = 'Fabrikam Ltd' }
  [pscustomobject]@{ TenantId = 'ffffffff-1111-2222-3333-444444444444'; Domain = 'northwind.onmicrosoft.com'; Name = 'Northwind Traders' }
)
Connect-PartnerCenter -ApplicationId $samDeskClientId -RefreshToken $refreshToken `
  -Credential $appCredential -TenantId '99999999-8888-7777-6666-555555555555'

foreach ($customer in $customers) {
  try {
    # Your commands for this customer go here, with -CustomerId $customer.TenantId.
  } catch {
    Write-Warning ($customer.Name + ': ' + $_.Exception.Message)
  }
}
