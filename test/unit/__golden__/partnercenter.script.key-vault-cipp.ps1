# SAM Desk: Partner Center for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# For scheduled runs: no token is in this script. It reads the refresh token from a vault.
$samDeskClientId = '11111111-2222-3333-4444-555555555555'
# The refresh token is in Azure Key Vault contoso-sam, published by SAM Desk, which keeps it in step.
# SAM Desk's Key Vault publishing (Publish to this vault, or samdesk vault publish) wrote RefreshToken and ApplicationSecret there.
# First Connect-AzAccount to the subscription that holds it, as an account (or a runbook managed identity) with the
# Key Vault Secrets Officer role on the vault: this script writes the rotated token back.
$vaultName = 'contoso-sam'
$refreshToken = Get-AzKeyVaultSecret -VaultName $vaultName -Name 'RefreshToken' -AsPlainText
$clientSecret = Get-AzKeyVaultSecret -VaultName $vaultName -Name 'ApplicationSecret' -AsPlainText
$appCredential = [pscredential]::new($samDeskClientId, (ConvertTo-SecureString $clientSecret -AsPlainText -Force))

Connect-PartnerCenter -ApplicationId $samDeskClientId -RefreshToken $refreshToken `
  -Credential $appCredential -TenantId '99999999-8888-7777-6666-555555555555'
$customerTenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
# Partner Center commands name this customer with -CustomerId:
Get-PartnerCustomer -CustomerId $customerTenantId
