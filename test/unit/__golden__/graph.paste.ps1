# SAM Desk: Microsoft Graph PowerShell for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
Connect-MgGraph -AccessToken (ConvertTo-SecureString 'eyJ.fake.graph-token' -AsPlainText -Force) -NoWelcome
