# SAM Desk: Azure with an Azure AD Graph token for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
# Retired August 2025 — use Azure (Connect-AzAccount). Azure AD Graph no longer works.
Connect-AzAccount -AccessToken 'eyJ.fake.azure-token' `
  -GraphAccessToken 'eyJ.fake.aadgraph-token' `
  -AccountId 'admin@contosopartner.onmicrosoft.com' -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
