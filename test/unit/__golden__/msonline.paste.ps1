# SAM Desk: MSOnline for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
# Retired 2025 — use Microsoft Graph PowerShell (Connect-MgGraph). The MSOnline PowerShell module no longer works.
Connect-MsolService -AdGraphAccessToken 'eyJ.fake.aadgraph-token' `
  -MsGraphAccessToken 'eyJ.fake.graph-token'
