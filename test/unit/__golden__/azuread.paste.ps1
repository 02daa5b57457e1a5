# SAM Desk: Azure AD (AzureAD module) for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
# Retired 2025 — use Microsoft Graph PowerShell (Connect-MgGraph). The AzureAD PowerShell module no longer works.
Connect-AzureAD -AadAccessToken 'eyJ.fake.aadgraph-token' `
  -MsAccessToken 'eyJ.fake.graph-token' `
  -AccountId 'admin@contosopartner.onmicrosoft.com' -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
