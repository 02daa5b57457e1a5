# SAM Desk: Exchange remote PowerShell session for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
# Retired October 2023 — use Exchange Online (Connect-ExchangeOnline). Exchange Online remote PowerShell no longer works.
$exchangeCredential = [pscredential]::new('admin@contosopartner.onmicrosoft.com', (ConvertTo-SecureString ('Bearer ' + 'eyJ.fake.exchange-token') -AsPlainText -Force))
$exchangeUri = 'https://outlook.office365.com/powershell-liveid?DelegatedOrg=' + [uri]::EscapeDataString('fabrikam.onmicrosoft.com') + '&BasicAuthToOAuthConversion=true'
$session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri $exchangeUri `
  -Credential $exchangeCredential -Authentication Basic -AllowRedirection
Import-PSSession $session
