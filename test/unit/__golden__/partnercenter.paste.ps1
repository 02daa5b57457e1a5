# SAM Desk: Partner Center for Fabrikam Ltd (fabrikam.onmicrosoft.com, tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)
# Access tokens valid until 2026-03-01T10:15:00Z.
Connect-PartnerCenter -AccessToken 'eyJ.fake.partnercenter-token' `
  -ApplicationId '11111111-2222-3333-4444-555555555555' -TenantId '99999999-8888-7777-6666-555555555555'
$customerTenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
# Partner Center commands name this customer with -CustomerId:
Get-PartnerCustomer -CustomerId $customerTenantId
