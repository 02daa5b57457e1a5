/** Everything the simulated cloud knows. Secrets (refresh tokens, client secrets) are kept only as SHA-256 hashes. */
import { createHash } from 'node:crypto';

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

/** Resources a `{resource}/.default` scope may name, and the delegated permissions granted on each. */
export const KNOWN_RESOURCES: ReadonlyArray<{ uri: string; scopes: string[] }> = [
  { uri: 'https://management.azure.com', scopes: ['user_impersonation'] },
  {
    uri: 'https://graph.microsoft.com',
    scopes: ['Application.ReadWrite.All', 'DelegatedAdminRelationship.Read.All', 'Directory.AccessAsUser.All', 'User.Read'],
  },
  { uri: 'https://outlook.office365.com', scopes: ['Exchange.Manage'] },
  { uri: 'https://api.partnercenter.microsoft.com', scopes: ['user_impersonation'] },
  { uri: 'https://graph.windows.net', scopes: ['Directory.AccessAsUser.All'] },
  { uri: 'https://vault.azure.net', scopes: ['user_impersonation'] },
];

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
  /** tenantId -> appIds consented in that tenant (first-party apps are always consented). */
  consents = new Map<string, Set<string>>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  authCodes = new Map<string, AuthCodeRecord>();
  deviceCodes = new Map<string, DeviceCodeRecord>();
  controls: SimControls = defaultControls();
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

  isConsented(tenantId: string, appId: string): boolean {
    const app = this.findApp(appId);
    if (app?.firstParty) return true;
    return this.consents.get(tenantId)?.has(appId.toLowerCase()) ?? false;
  }

  setConsent(tenantId: string, appId: string, consented: boolean): void {
    let set = this.consents.get(tenantId);
    if (!set) this.consents.set(tenantId, (set = new Set()));
    if (consented) set.add(appId.toLowerCase());
    else set.delete(appId.toLowerCase());
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
