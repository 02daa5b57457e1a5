/** Everything the simulated cloud knows. Secrets (refresh tokens, client secrets) are kept only as SHA-256 hashes. */
import { createHash } from 'node:crypto';
import { KeyVaultState } from './keyVaultState';
import { SubscriptionState } from './subscriptions';

export interface Tenant {
  id: string;
  domain: string;
  displayName: string;
  kind: 'partner' | 'customer';
}

export interface Customer extends Tenant {
  kind: 'customer';
  relationship: 'DAP' | 'GDAP';
  /** GDAP relationship, when relationship is GDAP. */
  gdap?: { id: string; displayName: string; createdMs: number; endMs: number; durationDays: number };
  /** Partner Center lists DAP customers and GDAP customers that also have a reseller relationship. */
  resellerRelationship: boolean;
  /** Microsoft resource app ids whose service principal this tenant lacks (e.g. no Exchange Online). */
  withoutServices?: string[];
}

export interface SimUser {
  oid: string;
  upn: string;
  displayName: string;
  givenName: string;
  surname: string;
  tenantId: string;
  passwordHash: string;
  totpSecret: string;
  /** Tokens from sign-ins before this moment (sim ms) are revoked (AADSTS50173). */
  tokensValidFromMs?: number;
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string;
  secretHash: string;
  startDateTime: string;
  endDateTime: string;
}

export interface AppRegistration {
  id: string;
  appId: string;
  displayName: string;
  ownerTenantId: string | null;
  signInAudience: string;
  publicClientRedirectUris: string[];
  spaRedirectUris: string[];
  webRedirectUris: string[];
  isFallbackPublicClient: boolean;
  requiredResourceAccess: unknown[];
  passwordCredentials: PasswordCredential[];
  createdDateTime: string;
  firstParty: boolean;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  tenantId: string;
}

export interface RefreshTokenRecord {
  hash: string;
  userOid: string;
  clientId: string;
  issuedMs: number;
  /** When the user originally signed in; sign-in frequency and revocation are judged from this. */
  authMs: number;
  mfa: boolean;
  spa: boolean;
}

export interface AuthCodeRecord {
  hash: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  scope: string;
  tenant: string;
  nonce?: string;
  userOid: string;
  authMs: number;
  mfa: boolean;
  spa: boolean;
  expiresMs: number;
  used: boolean;
}

export interface DeviceCodeRecord {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  tenant: string;
  issuedMs: number;
  expiresMs: number;
  interval: number;
  lastPollRealMs?: number;
  status: 'pending' | 'approved' | 'denied' | 'redeemed';
  userOid?: string;
  authMs?: number;
  mfa?: boolean;
}

export interface Fault {
  path: string;
  status?: number;
  retryAfter?: number;
  count: number;
  reset?: boolean;
  hang?: boolean;
  latencyMs?: number;
}

export interface SimControls {
  faults: Fault[];
  latency: Array<{ ms: number; path?: string }>;
  signInFrequencySeconds: number | null;
  mfaRequired: boolean;
}

export const FIRST_PARTY_APPS: ReadonlyArray<{ appId: string; displayName: string }> = [
  { appId: 'a0c73c16-a7e3-4564-9a95-2bdf47383716', displayName: 'Microsoft Exchange REST API Based Powershell' },
  { appId: '1950a258-227b-4e31-a9cf-717495945953', displayName: 'Microsoft Azure PowerShell' },
];

/**
 * Microsoft's APIs a `{resource}/.default` scope may name: the resource URI (an access token's
 * aud), the resource app's id (what `requiredResourceAccess`, service principals and consent grants
 * name), and the delegated permissions the simulator grants on it. App ids are Microsoft's own
 * first-party ids (https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in).
 */
export interface KnownResource {
  uri: string;
  appId: string;
  displayName: string;
  scopes: string[];
}

export const KNOWN_RESOURCES: readonly KnownResource[] = [
  { uri: 'https://management.azure.com', appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', displayName: 'Windows Azure Service Management API', scopes: ['user_impersonation'] },
  {
    uri: 'https://graph.microsoft.com',
    appId: '00000003-0000-0000-c000-000000000000',
    displayName: 'Microsoft Graph',
    scopes: ['Application.ReadWrite.All', 'DelegatedAdminRelationship.Read.All', 'Directory.AccessAsUser.All', 'User.Read'],
  },
  { uri: 'https://outlook.office365.com', appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online', scopes: ['Exchange.Manage'] },
  { uri: 'https://api.partnercenter.microsoft.com', appId: 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd', displayName: 'Microsoft Partner Center', scopes: ['user_impersonation'] },
  { uri: 'https://graph.windows.net', appId: '00000002-0000-0000-c000-000000000000', displayName: 'Windows Azure Active Directory', scopes: ['Directory.AccessAsUser.All'] },
  { uri: 'https://vault.azure.net', appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', displayName: 'Azure Key Vault', scopes: ['user_impersonation'] },
];

export function knownResourceByAppId(appId: string): KnownResource | undefined {
  return KNOWN_RESOURCES.find((resource) => resource.appId === appId.toLowerCase());
}

/** The resource app ids an app registration asks permissions on (its requiredResourceAccess). */
export function requestedResourceAppIds(app: AppRegistration): string[] {
  return (app.requiredResourceAccess as Array<{ resourceAppId?: string }>).flatMap((entry) => (entry.resourceAppId ? [entry.resourceAppId.toLowerCase()] : []));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function defaultControls(): SimControls {
  return { faults: [], latency: [], signInFrequencySeconds: null, mfaRequired: true };
}

export class SimState {
  partner!: Tenant;
  customers: Customer[] = [];
  customersById = new Map<string, Customer>();
  users = new Map<string, SimUser>();
  apps = new Map<string, AppRegistration>();
  servicePrincipals: ServicePrincipal[] = [];
  /**
   * tenantId -> client appId -> the resource app ids it is consented for there. Consent is per
   * resource: an app consented for Graph but not Exchange gets AADSTS65001 for Exchange only.
   * First-party apps (Azure PowerShell, Exchange Online PowerShell) are consented everywhere.
   */
  consents = new Map<string, Map<string, Set<string>>>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  authCodes = new Map<string, AuthCodeRecord>();
  deviceCodes = new Map<string, DeviceCodeRecord>();
  controls: SimControls = defaultControls();
  /** Azure Key Vault's data plane and Azure Resource Manager's subscriptions (keyVaultState.ts, subscriptions.ts). */
  keyVaults = new KeyVaultState();
  subscriptions = new SubscriptionState();
  stats = new Map<string, number>();

  /** Finds a tenant by GUID or verified domain. */
  findTenant(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase();
    if (this.partner.id === key || this.partner.domain === key) return this.partner;
    return this.customersById.get(key) ?? this.customers.find((c) => c.domain === key);
  }

  findUser(upn: string): SimUser | undefined {
    const key = upn.toLowerCase();
    for (const user of this.users.values()) if (user.upn.toLowerCase() === key) return user;
    return undefined;
  }

  findApp(appId: string): AppRegistration | undefined {
    for (const app of this.apps.values()) if (app.appId === appId.toLowerCase()) return app;
    return undefined;
  }

  /** Consented in the tenant: for `resourceAppId`, or (without one) for any resource at all. */
  isConsented(tenantId: string, appId: string, resourceAppId?: string): boolean {
    if (this.findApp(appId)?.firstParty) return true;
    const resources = this.consents.get(tenantId)?.get(appId.toLowerCase());
    if (!resources) return false;
    return resourceAppId ? resources.has(resourceAppId.toLowerCase()) : resources.size > 0;
  }

  /** The resources the app is consented for in the tenant. */
  consentedResources(tenantId: string, appId: string): string[] {
    return [...(this.consents.get(tenantId)?.get(appId.toLowerCase()) ?? [])];
  }

  /** Consents the app in the tenant for these resources, besides any it already has. */
  grantConsent(tenantId: string, appId: string, resourceAppIds: readonly string[]): void {
    let byApp = this.consents.get(tenantId);
    if (!byApp) this.consents.set(tenantId, (byApp = new Map()));
    let resources = byApp.get(appId.toLowerCase());
    if (!resources) byApp.set(appId.toLowerCase(), (resources = new Set()));
    for (const resourceAppId of resourceAppIds) resources.add(resourceAppId.toLowerCase());
  }

  /**
   * All or nothing: consented for every resource the app asks permissions on (its
   * requiredResourceAccess; Partner Center and Graph when it asks none), or for none.
   */
  setConsent(tenantId: string, appId: string, consented: boolean): void {
    if (!consented) {
      this.consents.get(tenantId)?.delete(appId.toLowerCase());
      return;
    }
    const app = this.findApp(appId);
    const requested = app ? requestedResourceAppIds(app) : [];
    this.grantConsent(tenantId, appId, requested.length ? requested : KNOWN_RESOURCES.map((resource) => resource.appId));
  }

  /**
   * Whether a resource's service principal exists in the tenant: Microsoft's own resources exist in
   * every tenant unless a customer was seeded without that service (AADSTS500011 there).
   */
  hasServicePrincipal(tenantId: string, appId: string): boolean {
    const lower = appId.toLowerCase();
    if (this.servicePrincipals.some((sp) => sp.tenantId === tenantId && sp.appId === lower)) return true;
    if (!knownResourceByAppId(lower)) return false;
    return !this.customersById.get(tenantId)?.withoutServices?.includes(lower);
  }

  /** Active DAP, or a GDAP relationship that has not ended (judged on the sim clock). */
  hasDelegatedAccess(customer: Customer, nowMs: number): boolean {
    if (customer.relationship === 'DAP') return true;
    return !!customer.gdap && customer.gdap.endMs > nowMs;
  }

  countRequest(route: string): void {
    this.stats.set(route, (this.stats.get(route) ?? 0) + 1);
  }
}
