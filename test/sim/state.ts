/** Everything the simulated cloud knows. Secrets (refresh tokens, client secrets) are kept only as SHA-256 hashes. */
import { createHash } from 'node:crypto';
import { ApplicationConsentLedger } from './applicationConsents';
import type { CustomerPolicy } from './customerConditionalAccess';
import { GdapDirectory } from './gdap';
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
  /** 'DAP': the partner has legacy DAP here (it may have GDAP relationships too, in state.gdap); 'GDAP': no DAP. */
  relationship: 'DAP' | 'GDAP';
  /** Partner Center lists DAP customers and GDAP customers that also have a reseller relationship. */
  resellerRelationship: boolean;
  /** Microsoft resource app ids whose service principal this tenant lacks (e.g. no Exchange Online). */
  withoutServices?: string[];
  /** Azure subscriptions seeded in this tenant (seedAzure.ts); the partner's admin can list them. */
  azureSubscriptions?: number;
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
  /**
   * Per class of Microsoft's revocation table (revocation.ts): tokens and cookies from sign-ins
   * before this moment (sim ms) are revoked (AADSTS50173).
   */
  revokedBefore?: Partial<Record<RevocationClass, number>>;
}

/** The columns of Microsoft's refresh-token revocation table (revocation.ts). */
export type RevocationClass = 'password-cookie' | 'password-token' | 'non-password-cookie' | 'non-password-token' | 'confidential-token';

/**
 * How the token endpoint must see the client, decided by the platform of the redirect the code
 * was issued to ("Mobile and desktop" → public, Web → confidential, spa → spa), or for flows
 * without a redirect (device code) by "Allow public client flows" (isFallbackPublicClient).
 */
export type ClientType = 'public' | 'confidential' | 'spa';

/** The platform a registered redirect URI sits under in the app registration. */
export type RedirectPlatform = 'public' | 'spa' | 'web';

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
  /** Client-chosen alternate key (Graph upsert: PATCH /applications(uniqueName='…')). */
  uniqueName?: string;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  tenantId: string;
}

/** A delegated permission grant as Graph shows it: one per client + resource (+ consent type). */
export interface PermissionGrant {
  id: string;
  /** Object ids of the client's and the resource's service principals in the tenant. */
  clientId: string;
  resourceId: string;
  consentType: string;
  principalId: string | null;
  /** Space-separated delegated permissions. */
  scope: string;
}

export interface RefreshTokenRecord {
  hash: string;
  userOid: string;
  clientId: string;
  issuedMs: number;
  /** When the user originally signed in; sign-in frequency and revocation are judged from this. */
  authMs: number;
  mfa: boolean;
  /** The refresh token remembers its client type; every rotation keeps it. */
  clientType: ClientType;
  /** spa tokens only: the fixed end of the first token's 24 hours, carried over to rotated ones. */
  spaExpiresMs?: number;
  /** spa tokens only: when the first token of the chain was issued (AADSTS700084 names it). */
  firstIssuedMs?: number;
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
  /** The platform of the redirect the code was issued to: it decides the client type at redemption. */
  platform: RedirectPlatform;
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
  /** Run the handler (the write is committed), then answer with the fault instead of its response. */
  afterCommit?: boolean;
  /** Only requests with this method (e.g. POST); any method when absent. */
  method?: string;
}

export interface SimControls {
  faults: Fault[];
  latency: Array<{ ms: number; path?: string }>;
  signInFrequencySeconds: number | null;
  mfaRequired: boolean;
  /** How long (sim ms) a newly created Graph object stays invisible to reads; 0 = at once. */
  replicationDelayMs: number;
  /** A customer tenant's own Conditional Access against the partner's users, by tenant id. */
  customerPolicies: Map<string, CustomerPolicy>;
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

export function grantKey(tenantId: string, clientAppId: string, resourceAppId: string): string {
  return `${tenantId}|${clientAppId.toLowerCase()}|${resourceAppId.toLowerCase()}`;
}

/** A GUID-shaped id that is the same for the same text (ids of objects the sim derives). */
function stableGuid(text: string): string {
  const hex = sha256(text);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function defaultControls(): SimControls {
  return { faults: [], latency: [], signInFrequencySeconds: null, mfaRequired: true, replicationDelayMs: 0, customerPolicies: new Map() };
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
  /** What Partner Center's application consents granted, scope by scope (the consents above say only which resources). */
  applicationConsents = new ApplicationConsentLedger();
  /** GDAP relationships, their access assignments and the partner's security groups. */
  gdap = new GdapDirectory();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  authCodes = new Map<string, AuthCodeRecord>();
  deviceCodes = new Map<string, DeviceCodeRecord>();
  controls: SimControls = defaultControls();
  /** Azure Key Vault's data plane and Azure Resource Manager's subscriptions (keyVaultState.ts, subscriptions.ts). */
  keyVaults = new KeyVaultState();
  subscriptions = new SubscriptionState();
  stats = new Map<string, number>();
  /** Graph-created grants by `${tenantId}|${clientAppId}|${resourceAppId}`: their ids and scopes. */
  grantDetails = new Map<string, { id: string; scope: string; consentType: string; principalId: string | null }>();
  /** When (sim ms) each Graph object (by id or keyId) was created, for the replication delay. */
  createdAtMs = new Map<string, number>();

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

  /** Withdraws the app's consent in the tenant for one resource (a deleted grant). */
  revokeConsent(tenantId: string, appId: string, resourceAppId: string): void {
    this.consents.get(tenantId)?.get(appId.toLowerCase())?.delete(resourceAppId.toLowerCase());
    this.grantDetails.delete(grantKey(tenantId, appId, resourceAppId));
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
      for (const resourceAppId of this.consentedResources(tenantId, appId)) this.revokeConsent(tenantId, appId, resourceAppId);
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

  /**
   * The object id of a resource's service principal in a tenant: the listed one, or (for
   * Microsoft's resources, present in every tenant but listed only in the partner's) a stable id.
   */
  resourceServicePrincipalId(tenantId: string, appId: string): string {
    const lower = appId.toLowerCase();
    const listed = this.servicePrincipals.find((sp) => sp.tenantId === tenantId && sp.appId === lower);
    return listed?.id ?? stableGuid(`${tenantId}|${lower}`);
  }

  /**
   * The app's delegated grants in the tenant, one per consented resource, derived from the consent
   * state so that Graph, the token endpoint and the consent pages never disagree.
   */
  permissionGrantsOf(tenantId: string, clientAppId: string, clientServicePrincipalId: string): Array<{ grant: PermissionGrant; resourceAppId: string }> {
    return this.consentedResources(tenantId, clientAppId).map((resourceAppId) => {
      const details = this.grantDetails.get(grantKey(tenantId, clientAppId, resourceAppId));
      const grant: PermissionGrant = {
        id: details?.id ?? stableGuid(`grant|${tenantId}|${clientAppId}|${resourceAppId}`),
        clientId: clientServicePrincipalId,
        resourceId: this.resourceServicePrincipalId(tenantId, resourceAppId),
        consentType: details?.consentType ?? 'AllPrincipals',
        principalId: details?.principalId ?? null,
        scope: details?.scope ?? knownResourceByAppId(resourceAppId)?.scopes.join(' ') ?? 'user_impersonation',
      };
      return { grant, resourceAppId };
    });
  }

  /** Records a Graph object's creation, for the replication delay. */
  markCreated(objectId: string, nowMs: number): void {
    this.createdAtMs.set(objectId.toLowerCase(), nowMs);
  }

  /** Whether reads see the object yet: created before the replication delay, or not by Graph at all. */
  isReplicated(objectId: string, nowMs: number): boolean {
    const created = this.createdAtMs.get(objectId.toLowerCase());
    return created === undefined || nowMs >= created + this.controls.replicationDelayMs;
  }

  /**
   * DAP, or at least one `active`/`expiring` GDAP relationship whose end date has not passed (judged
   * on the sim clock): the relationships through which admin access flows.
   */
  hasDelegatedAccess(customer: Customer, nowMs: number): boolean {
    if (customer.relationship === 'DAP') return true;
    return this.gdap.hasUsableRelationship(customer.id, nowMs);
  }

  countRequest(route: string): void {
    this.stats.set(route, (this.stats.get(route) ?? 0) + 1);
  }
}
