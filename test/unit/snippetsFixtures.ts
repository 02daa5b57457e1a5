import { namedClouds } from '../../electron/shared/cloud';
import type { SnippetCustomer, SnippetPartner } from '../../electron/core/snippets/snippets';

/** Made-up partner, customers and tokens for the snippet tests; the tokens are not JWTs. */
export const partner: SnippetPartner = {
  account: 'admin@contosopartner.onmicrosoft.com',
  applicationId: '11111111-2222-3333-4444-555555555555',
  partnerTenantId: '99999999-8888-7777-6666-555555555555',
  // The SAM app's one shape: confidential, so script modes redeem with its secret as the app does.
  hasClientSecret: true,
  loginHost: namedClouds.public!.loginHost,
  resources: namedClouds.public!.resources,
};

export const customer: SnippetCustomer = {
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  name: 'Fabrikam Ltd',
  domain: 'fabrikam.onmicrosoft.com',
};

export const otherCustomer: SnippetCustomer = {
  tenantId: 'ffffffff-1111-2222-3333-444444444444',
  name: 'Northwind Traders',
  domain: 'northwind.onmicrosoft.com',
};

export const fakeTokens = {
  azure: 'eyJ.fake.azure-token',
  graph: 'eyJ.fake.graph-token',
  exchange: 'eyJ.fake.exchange-token',
  partnercenter: 'eyJ.fake.partnercenter-token',
  aadgraph: 'eyJ.fake.aadgraph-token',
  keyvault: 'eyJ.fake.keyvault-token',
};

export const expiresAt = new Date('2026-03-01T10:15:00Z');
