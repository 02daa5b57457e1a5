/** Deterministic seed data: one partner tenant, its admin, the SAM app and N customer tenants. */
import { Prng } from './prng';
import { seedExplicitRoleGroup, seedPartnerGroups, seedRelationships } from './gdapSeed';
import { SPECIAL_CUSTOMERS, generatedName, slugOf } from './names';
import { FIRST_PARTY_APPS, KNOWN_RESOURCES, SimState, sha256, type AppRegistration, type Customer } from './state';

/**
 * The seeded SAM app's delegated permissions, as Graph's requiredResourceAccess names them:
 * Partner Center, Microsoft Graph, Exchange Online, Azure Resource Manager and Azure Key Vault (permission ids are
 * Microsoft's published ones; https://learn.microsoft.com/graph/permissions-reference for Graph).
 */
const SAM_APP_PERMISSIONS = [
  delegated('fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd', '1cebfa2a-fb4d-419e-b5f9-839b4383e05a'),
  // Microsoft Graph: Directory.AccessAsUser.All, DelegatedAdminRelationship.Read.All, User.Read, offline_access.
  delegated('00000003-0000-0000-c000-000000000000', '0e263e50-5827-48a4-b97c-d940288653c7', '0c0064ea-477b-4130-82a5-4c2cc4ff68aa', 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', '7427e0e9-2fba-42fe-b0c0-848c9e6a8182'),
  delegated('00000002-0000-0ff1-ce00-000000000000', 'ab4f2b77-0b06-4fc1-a9de-02113fc2ab7c'),
  delegated('797f4846-ba00-4fd7-ba43-dac1f8f63013', '41094075-9dad-400e-a0bd-54e686782033'),
  // Azure Key Vault user_impersonation, for publishing the refresh token to the partner's vault.
  delegated('cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'f53da476-18e3-4152-8e01-aec403e6edc0'),
];

/** One requiredResourceAccess entry: delegated permissions (scopes) on one resource app. */
function delegated(resourceAppId: string, ...scopeIds: string[]) {
  return { resourceAppId, resourceAccess: scopeIds.map((id) => ({ id, type: 'Scope' })) };
}

export interface CustomerSeed {
  id: string;
  name: string;
  domain: string;
  relationship: 'DAP' | 'GDAP';
  /**
   * Entra role template ids (a customers file names them by display name): one active GDAP
   * relationship with exactly these roles, given to a group the admin is in; [] for none.
   * Overrides the per-index GDAP relationships.
   */
  gdapRoles?: string[];
  /** The SAM app consented for every resource it asks for (true) or none (false); overrides the per-index consent. */
  consented?: boolean;
  /** Azure subscriptions in the tenant the partner's admin can see; overrides the per-index count. */
  azureSubscriptions?: number;
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

const EXCHANGE_ONLINE = '00000002-0000-0ff1-ce00-000000000000';
const PARTNER_CENTER = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';
const MICROSOFT_GRAPH = '00000003-0000-0000-c000-000000000000';

/**
 * Each customer's profile follows its position modulo 12, so a 5-customer sim holds the relationship
 * cases and a 12-customer sim every case: 0 DAP, 1 GDAP, 2 GDAP expired, 3 GDAP without SAM consent,
 * 4 DAP, 5 GDAP without Exchange Online, 6 DAP, 7 GDAP (no reseller), … 10 GDAP consented for
 * Partner Center and Graph only. That is ~50% GDAP, ~8% expired GDAP, every 12th customer not consented.
 * Which GDAP relationships each one has (several, in every status) is gdapSeed.ts's table.
 */
interface Profile {
  relationship: 'DAP' | 'GDAP';
  noConsent?: boolean;
  noReseller?: boolean;
  /** Consented for these resources only (an admin who granted part of the app's permissions). */
  consentedOnly?: string[];
  /** Resource app ids whose service principal the tenant lacks (a tenant without that service). */
  withoutServices?: string[];
  /** Azure subscriptions (CSP, so the partner's Admin Agents hold Owner there); none when absent. */
  azureSubscriptions?: number;
}

const PROFILES: readonly Profile[] = [
  { relationship: 'DAP', azureSubscriptions: 1 },
  { relationship: 'GDAP', azureSubscriptions: 1 },
  { relationship: 'GDAP', noReseller: true },
  { relationship: 'GDAP', noConsent: true },
  { relationship: 'DAP', azureSubscriptions: 2 },
  { relationship: 'GDAP', withoutServices: [EXCHANGE_ONLINE] },
  { relationship: 'DAP' },
  { relationship: 'GDAP', noReseller: true },
  { relationship: 'DAP', azureSubscriptions: 1 },
  { relationship: 'DAP' },
  { relationship: 'GDAP', consentedOnly: [PARTNER_CENTER, MICROSOFT_GRAPH] },
  { relationship: 'DAP' },
];

function profileOf(index: number): Profile {
  return PROFILES[index % PROFILES.length]!;
}

function seedCustomers(count: number, prng: Prng): CustomerSeed[] {
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
    // The shape SAM Desk creates (README, "The SAM app SAM Desk creates"): a confidential Web
    // redirect http://localhost, a secret, and public client flows on for device code.
    publicClientRedirectUris: [],
    spaRedirectUris: [],
    webRedirectUris: ['http://localhost'],
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
  const groups = seedPartnerGroups(state.gdap, prng, oid);
  if (seeds.some((seedRow) => seedRow.gdapRoles)) groups.explicit = seedExplicitRoleGroup(state.gdap, new Prng(seed * 104_729 + 3), oid);
  seeds.forEach((seedRow, i) => {
    const profile = profileOf(i);
    const customer: Customer = {
      id: seedRow.id.toLowerCase(),
      domain: seedRow.domain.toLowerCase(),
      displayName: seedRow.name,
      kind: 'customer',
      relationship: seedRow.relationship,
      resellerRelationship: seedRow.relationship === 'DAP' || !profile.noReseller,
      ...(profile.withoutServices ? { withoutServices: [...profile.withoutServices] } : {}),
      azureSubscriptions: seedRow.azureSubscriptions ?? profile.azureSubscriptions ?? 0,
    };
    seedRelationships(state.gdap, groups, customer, i, prng, nowMs, seedRow.gdapRoles);
    state.customers.push(customer);
    state.customersById.set(customer.id, customer);
    if (seedRow.consented !== undefined) state.setConsent(customer.id, samAppId, seedRow.consented);
    else if (profile.consentedOnly) state.grantConsent(customer.id, samAppId, profile.consentedOnly);
    else if (!profile.noConsent) state.setConsent(customer.id, samAppId, true);
  });

  // Every tenant has service principals for Microsoft's own APIs (state.hasServicePrincipal); the partner
  // tenant's are listed by Graph, because admin-consent grants point at them.
  for (const resource of KNOWN_RESOURCES) {
    state.servicePrincipals.push({ id: prng.guid(), appId: resource.appId, displayName: resource.displayName, tenantId: partnerId });
  }

  return { user, password, totpSecret, samAppId, samAppSecret };
}
