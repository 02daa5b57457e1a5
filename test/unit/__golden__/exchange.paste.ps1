# SAM Desk: Exchange Online for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
Connect-ExchangeOnline -AccessToken 'eyJ.fake.exchange-token' `
  -DelegatedOrganization 'fabrikam.onmicrosoft.com' -ShowBanner:$false
