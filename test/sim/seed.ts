/** Deterministic seed data: one partner tenant, its admin, the SAM app and N customer tenants. */
import { Prng } from './prng';
import { SPECIAL_CUSTOMERS, generatedName, slugOf } from './names';
import { FIRST_PARTY_APPS, KNOWN_RESOURCES, SimState, sha256, type AppRegistration, type Customer } from './state';

/**
 * The seeded SAM app's delegated permissions, as Graph's requiredResourceAccess names them:
 * Partner Center, Microsoft Graph, Exchange Online, Azure Resource Manager and Azure Key Vault (permission ids are
 * Microsoft's published ones; https://learn.microsoft.com/graph/permissions-reference for Graph).
 */
const SAM_APP_PERMISSIONS = [
  { resourceAppId: 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd', resourceAccess: [{ id: '1cebfa2a-fb4d-419e-b5f9-839b4383e05a', type: 'Scope' }] },
  {
    resourceAppId: '00000003-0000-0000-c000-000000000000',
    resourceAccess: [
      { id: '0e263e50-5827-48a4-b97c-d940288653c7', type: 'Scope' },
      { id: '0c0064ea-477b-4130-82a5-4c2cc4ff68aa', type: 'Scope' },
      { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
      { id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', type: 'Scope' },
    ],
  },
  { resourceAppId: '00000002-0000-0ff1-ce00-000000000000', resourceAccess: [{ id: 'ab4f2b77-0b06-4fc1-a9de-02113fc2ab7c', type: 'Scope' }] },
  { resourceAppId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', resourceAccess: [{ id: '41094075-9dad-400e-a0bd-54e686782033', type: 'Scope' }] },
  // Azure Key Vault user_impersonation, for publishing the refresh token to the partner's vault.
  { resourceAppId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', resourceAccess: [{ id: 'f53da476-18e3-4152-8e01-aec403e6edc0', type: 'Scope' }] },
];

export interface CustomerSeed {
  id: string;
  name: string;
  domain: string;
  relationship: 'DAP' | 'GDAP';
}

export interface SeededSecrets {
  user: string;
  password: string;
  totpSecret: string;
  samAppId: string;
  samAppSecret: string;
}

const DAY_MS = 24 * 3600 * 1000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Each customer's profile follows its position modulo 12, so even a 5-customer sim holds every case:
 * 0 DAP, 1 GDAP, 2 GDAP expired, 3 GDAP without SAM consent, 4 DAP, 5 GDAP, 6 DAP, 7 GDAP (no reseller), …
 * That is ~50% GDAP, ~8% expired GDAP, every 12th customer not consented.
 */
interface Profile {
  relationship: 'DAP' | 'GDAP';
  expired?: boolean;
  noConsent?: boolean;
  noReseller?: boolean;
}

const PROFILES: readonly Profile[] = [
  { relationship: 'DAP' },
  { relationship: 'GDAP' },
  { relationship: 'GDAP', expired: true, noReseller: true },
  { relationship: 'GDAP', noConsent: true },
  { relationship: 'DAP' },
  { relationship: 'GDAP' },
  { relationship: 'DAP' },
  { relationship: 'GDAP', noReseller: true },
  { relationship: 'DAP' },
  { relationship: 'DAP' },
  { relationship: 'GDAP' },
  { relationship: 'DAP' },
];

function profileOf(index: number): Profile {
  return PROFILES[index % PROFILES.length]!;
}

export const GDAP_ROLES = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
];

export function seedCustomers(count: number, prng: Prng): CustomerSeed[] {
  const seeds: CustomerSeed[] = [];
  const usedNames = new Set<string>();
  const usedSlugs = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name: string;
    let slug: string;
    const special = SPECIAL_CUSTOMERS[i];
    if (special) {
      ({ name, slug } = special);
    } else {
      name = generatedName((items) => prng.pick(items));
      slug = slugOf(name);
    }
    let unique = name;
    for (let n = 2; usedNames.has(unique); n++) unique = `${name} ${n}`;
    let uniqueSlug = slug || `tenant${i}`;
    for (let n = 2; usedSlugs.has(uniqueSlug); n++) uniqueSlug = `${slug}${n}`;
    usedNames.add(unique);
    usedSlugs.add(uniqueSlug);
    seeds.push({
      id: prng.guid(),
      name: unique,
      domain: `${uniqueSlug}.onmicrosoft.com`,
      relationship: profileOf(i).relationship,
    });
  }
  return seeds;
}

export function seedState(state: SimState, customers: number | CustomerSeed[], seed: number, nowMs: number): SeededSecrets {
  const prng = new Prng(seed);
  const partnerId = prng.guid();
  const partnerDomain = 'northwindpartner.onmicrosoft.com';
  state.partner = { id: partnerId, domain: partnerDomain, displayName: 'Northwind Partner Services', kind: 'partner' };

  const user = `admin@${partnerDomain}`;
  const password = `Sim-${prng.chars(SECRET_CHARS, 12)}!`;
  const totpSecret = prng.chars(BASE32, 32);
  const oid = prng.guid();
  state.users.set(oid, {
    oid,
    upn: user,
    displayName: 'Avery Lindqvist',
    givenName: 'Avery',
    surname: 'Lindqvist',
    tenantId: partnerId,
    passwordHash: sha256(password),
    totpSecret,
  });

  const samAppId = prng.guid();
  const samAppSecret = `${prng.chars(SECRET_CHARS, 3)}8Q~${prng.chars(SECRET_CHARS + '_.-~', 37)}`;
  const samApp: AppRegistration = {
    id: prng.guid(),
    appId: samAppId,
    displayName: 'SAM Desk',
    ownerTenantId: partnerId,
    signInAudience: 'AzureADMultipleOrgs',
    publicClientRedirectUris: ['http://localhost'],
    spaRedirectUris: [],
    webRedirectUris: [],
    isFallbackPublicClient: true,
    requiredResourceAccess: SAM_APP_PERMISSIONS,
    passwordCredentials: [
      {
        keyId: prng.guid(),
        displayName: 'SAM Desk secret',
        hint: samAppSecret.slice(0, 3),
        secretHash: sha256(samAppSecret),
        startDateTime: new Date(nowMs - 30 * DAY_MS).toISOString(),
        endDateTime: new Date(nowMs + 700 * DAY_MS).toISOString(),
      },
    ],
    createdDateTime: new Date(nowMs - 30 * DAY_MS).toISOString(),
    firstParty: false,
  };
  state.apps.set(samApp.id, samApp);
  state.servicePrincipals.push({ id: prng.guid(), appId: samAppId, displayName: samApp.displayName, tenantId: partnerId });
  state.setConsent(partnerId, samAppId, true);

  for (const fp of FIRST_PARTY_APPS) {
    const id = prng.guid();
    state.apps.set(id, {
      id,
      appId: fp.appId,
      displayName: fp.displayName,
      ownerTenantId: null,
      signInAudience: 'AzureADMultipleOrgs',
      publicClientRedirectUris: ['http://localhost', 'urn:ietf:wg:oauth:2.0:oob', 'https://login.microsoftonline.com/common/oauth2/nativeclient'],
      spaRedirectUris: [],
      webRedirectUris: [],
      isFallbackPublicClient: true,
      requiredResourceAccess: [],
      passwordCredentials: [],
      createdDateTime: new Date(0).toISOString(),
      firstParty: true,
    });
  }

  const seeds = typeof customers === 'number' ? seedCustomers(customers, prng) : customers;
  seeds.forEach((seedRow, i) => {
    const profile = profileOf(i);
    const customer: Customer = {
      id: seedRow.id.toLowerCase(),
      domain: seedRow.domain.toLowerCase(),
      displayName: seedRow.name,
      kind: 'customer',
      relationship: seedRow.relationship,
      resellerRelationship: seedRow.relationship === 'DAP' || !profile.noReseller,
    };
    if (seedRow.relationship === 'GDAP') {
      const durationDays = 730;
      const endMs = profile.expired ? nowMs - (10 + prng.int(200)) * DAY_MS : nowMs + (30 + prng.int(600)) * DAY_MS;
      customer.gdap = {
        id: `${prng.guid()}-${prng.guid()}`,
        displayName: `GDAP_${slugOf(seedRow.name) || 'customer'}_${i}`,
        createdMs: endMs - durationDays * DAY_MS,
        endMs,
        durationDays,
      };
    }
    state.customers.push(customer);
    state.customersById.set(customer.id, customer);
    if (!profile.noConsent) state.setConsent(customer.id, samAppId, true);
  });

  // Every tenant has service principals for Microsoft's own APIs (state.hasServicePrincipal); the partner
  // tenant's are listed by Graph, because admin-consent grants point at them.
  for (const resource of KNOWN_RESOURCES) {
    state.servicePrincipals.push({ id: prng.guid(), appId: resource.appId, displayName: resource.displayName, tenantId: partnerId });
  }

  return { user, password, totpSecret, samAppId, samAppSecret };
}
