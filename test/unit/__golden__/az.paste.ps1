# SAM Desk: Azure for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
Connect-AzAccount -AccessToken 'eyJ.fake.azure-token' `
  -MicrosoftGraphAccessToken 'eyJ.fake.graph-token' `
  -AccountId 'admin@contosopartner.onmicrosoft.com' -Tenant 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
