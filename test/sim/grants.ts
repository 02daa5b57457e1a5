/** Token-endpoint rules shared by the v1 and v2 endpoints: scopes, tenant access, refresh-token lifetimes and issuance. */
import { createHash, randomInt } from 'node:crypto';
import { aadIso } from './clock';
import { checkCustomerPolicy } from './customerConditionalAccess';
import { AadError, aad } from './errors';
import type { SimContext } from './http';
import { revokedBefore } from './revocation';
import { KNOWN_RESOURCES, requestedResourceAppIds, sha256, type AppRegistration, type ClientType, type RefreshTokenRecord, type SimUser, type Tenant } from './state';
import { clientInfo, newRefreshToken } from './tokens';

const DAY_MS = 24 * 3600 * 1000;
const RT_INACTIVITY_MS = 90 * DAY_MS;
const SPA_RT_LIFETIME_MS = DAY_MS;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface ScopeRequest {
  /** Resource URI exactly as requested (the access token's aud). */
  resource: string;
  /** The resource's app id (what requiredResourceAccess, service principals and grants name). */
  resourceAppId: string;
  /** Delegated permissions granted on the resource. */
  permissions: string[];
  oidc: Set<string>;
  /** The non-OIDC scopes as requested (e.g. "https://graph.microsoft.com/.default"). */
  requested: string[];
}

function knownResource(uri: string) {
  const normalized = uri.replace(/\/+$/, '').toLowerCase();
  return KNOWN_RESOURCES.find((r) => r.uri === normalized);
}

/** Resolves the v2 `scope` (or v1 `resource`) parameter to one resource and its permissions. */
export function resolveScopes(scope: string | null, resourceParam: string | null, tenantName: string): ScopeRequest {
  const parts = (scope ?? '').split(/\s+/).filter(Boolean);
  const oidc = new Set(parts.filter((s) => OIDC_SCOPES.has(s.toLowerCase())).map((s) => s.toLowerCase()));
  const requested = parts.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (resourceParam) {
    const known = knownResource(resourceParam);
    if (!known) throw aad.resourceNotFound(resourceParam, tenantName);
    return { resource: resourceParam, resourceAppId: known.appId, permissions: known.scopes, oidc, requested: [] };
  }
  if (requested.length === 0) {
    return { resource: 'https://graph.microsoft.com', resourceAppId: knownResource('https://graph.microsoft.com')!.appId, permissions: ['User.Read'], oidc, requested: [] };
  }
  let resource: string | undefined;
  const permissions: string[] = [];
  let isDefault = false;
  for (const item of requested) {
    const slash = item.lastIndexOf('/');
    const itemResource = slash > 0 ? item.slice(0, slash) : 'https://graph.microsoft.com';
    const permission = slash > 0 ? item.slice(slash + 1) : item;
    if (!/^https?:\/\//i.test(itemResource) && !/^[0-9a-f-]{36}$/i.test(itemResource)) throw aad.invalidScope(item);
    if (resource !== undefined && resource.replace(/\/+$/, '').toLowerCase() !== itemResource.replace(/\/+$/, '').toLowerCase()) {
      throw aad.multipleResources();
    }
    resource = itemResource;
    if (permission === '.default') isDefault = true;
    else permissions.push(permission);
  }
  const known = knownResource(resource!);
  if (!known) throw aad.resourceNotFound(resource!, tenantName);
  return { resource: resource!, resourceAppId: known.appId, permissions: isDefault ? known.scopes : permissions, oidc, requested };
}

/** Resolves the tenant segment of a URL. `common`/`organizations` become the user's home tenant later. */
export function resolveTenantSegment(sim: SimContext, segment: string): Tenant | 'multi' {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return 'multi';
  const tenant = sim.state.findTenant(lower);
  if (!tenant) throw aad.tenantNotFound(segment);
  return tenant;
}

export function findClientApp(sim: SimContext, clientId: string | null, tenant: Tenant | 'multi'): AppRegistration {
  if (!clientId) throw aad.missingParameter('client_id');
  const app = sim.state.findApp(clientId);
  if (!app) throw aad.appNotFound(clientId, tenant === 'multi' ? sim.state.partner.domain : tenant.domain);
  return app;
}

/**
 * Whether a token for this resource may be issued in this tenant, checked as Entra does
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): a customer tenant
 * only through DAP or unexpired GDAP (50020); the resource's service principal must exist there
 * (500011); the app must list the resource in its requiredResourceAccess (650057); and the app
 * must be consented in that tenant for that very resource (65001): a Graph grant does not cover
 * Exchange. Microsoft's first-party clients are pre-authorized and consented everywhere. Last, a
 * customer's own Conditional Access may refuse the partner there (`authMs`: when the user signed in).
 */
export function checkTenantAccess(sim: SimContext, user: SimUser, tenant: Tenant, app: AppRegistration, scopes: ScopeRequest, authMs: number): void {
  const crossTenant = tenant.id !== user.tenantId;
  if (crossTenant) {
    const customer = sim.state.customersById.get(tenant.id);
    const partnerOwnsUser = user.tenantId === sim.state.partner.id;
    if (!customer || !partnerOwnsUser || !sim.state.hasDelegatedAccess(customer, sim.clock.nowMs())) {
      throw aad.notInTenant(user.upn, user.tenantId, tenant.displayName, app.appId, app.displayName);
    }
  }
  if (!sim.state.hasServicePrincipal(tenant.id, scopes.resourceAppId)) throw aad.resourceNotFound(scopes.resource, tenant.displayName);
  if (!app.firstParty) {
    const registered = requestedResourceAppIds(app);
    if (!registered.includes(scopes.resourceAppId)) throw aad.resourceNotRequested(app, scopes.resource, scopes.resourceAppId, registered);
    if (!sim.state.isConsented(tenant.id, app.appId, scopes.resourceAppId)) throw aad.consentRequired(app.appId, app.displayName);
  }
  // Assumption: Conditional Access is judged last, when the token would otherwise be issued.
  if (crossTenant) checkCustomerPolicy(sim, tenant, authMs);
}

/** Applies the refresh token lifetime rules; returns the stored record when the token may be redeemed. */
export function checkRefreshToken(sim: SimContext, token: string, clientId: string): { record: RefreshTokenRecord; user: SimUser } {
  const record = sim.state.refreshTokens.get(sha256(token));
  if (!record) throw aad.malformed();
  if (record.clientId !== clientId.toLowerCase()) throw aad.invalidGrant();
  const now = sim.clock.nowMs();
  // "Additional refresh tokens acquired using the initial refresh token carry over that expiration time"
  // (https://learn.microsoft.com/entra/identity-platform/refresh-tokens).
  if (record.spaExpiresMs !== undefined && now > record.spaExpiresMs) throw aad.rtSpaExpired(aadIso(record.firstIssuedMs ?? record.issuedMs));
  if (now > record.issuedMs + RT_INACTIVITY_MS) throw aad.rtInactive(aadIso(record.issuedMs));
  const user = sim.state.users.get(record.userOid);
  if (!user) throw aad.invalidGrant();
  const validFrom = revokedBefore(user, record);
  if (validFrom !== undefined && record.authMs <= validFrom) throw aad.revoked(aadIso(record.authMs), aadIso(validFrom));
  const frequency = sim.state.controls.signInFrequencySeconds;
  if (frequency !== null && now - record.authMs > frequency * 1000) throw aad.signInFrequency(aadIso(record.authMs), frequency);
  return { record, user };
}

export interface IssueRequest {
  user: SimUser;
  tenant: Tenant;
  app: AppRegistration;
  scopes: ScopeRequest;
  mfa: boolean;
  authMs: number;
  /** The client type the refresh token remembers (public, confidential or spa). */
  clientType: ClientType;
  /** The client proved itself with a secret (appidacr 1). */
  confidential: boolean;
  /** A rotation: the token being redeemed, whose spa expiry carries over. */
  rotated?: RefreshTokenRecord;
  nonce?: string;
  /** Refresh grants always return a new refresh token; others only when offline_access was asked for. */
  alwaysRefresh: boolean;
  clientInfoRequested: boolean;
  v1: boolean;
}

export async function issueTokens(sim: SimContext, req: IssueRequest): Promise<Record<string, unknown>> {
  const nowSeconds = sim.clock.nowSeconds();
  const lifetime = randomInt(3600, 5401);
  const mint = {
    user: req.user,
    tenant: req.tenant,
    clientId: req.app.appId,
    appName: req.app.displayName,
    resource: req.scopes.resource,
    scopes: req.scopes.permissions,
    mfa: req.mfa,
    authMs: req.authMs,
    confidential: req.confidential,
    lifetimeSeconds: lifetime,
    nowSeconds,
  };
  const accessToken = await sim.tokens.accessToken(mint);
  const wantRefresh = req.v1 || req.alwaysRefresh || req.scopes.oidc.has('offline_access');
  let refreshToken: string | undefined;
  const spa = req.clientType === 'spa';
  if (wantRefresh) {
    refreshToken = newRefreshToken();
    const issuedMs = sim.clock.nowMs();
    const firstIssuedMs = req.rotated?.firstIssuedMs ?? issuedMs;
    sim.state.refreshTokens.set(sha256(refreshToken), {
      hash: sha256(refreshToken),
      userOid: req.user.oid,
      clientId: req.app.appId,
      issuedMs,
      authMs: req.authMs,
      mfa: req.mfa,
      clientType: req.clientType,
      ...(spa ? { firstIssuedMs, spaExpiresMs: req.rotated?.spaExpiresMs ?? issuedMs + SPA_RT_LIFETIME_MS } : {}),
    });
  }
  const idToken = req.scopes.oidc.has('openid') ? await sim.tokens.idToken({ ...mint, nonce: req.nonce }) : undefined;
  const resourceBase = req.scopes.resource.replace(/\/+$/, '');

  const body: Record<string, unknown> = { token_type: 'Bearer' };
  if (req.v1) {
    Object.assign(body, {
      scope: req.scopes.permissions.join(' '),
      expires_in: String(lifetime),
      ext_expires_in: String(lifetime),
      expires_on: String(nowSeconds + lifetime),
      not_before: String(nowSeconds),
      resource: req.scopes.resource,
      access_token: accessToken,
    });
  } else {
    const granted = req.scopes.permissions.map((p) => `${resourceBase}/${p}`);
    const defaults = req.scopes.requested.filter((s) => s.endsWith('/.default'));
    const oidc = [...req.scopes.oidc].filter((s) => s !== 'offline_access' || refreshToken);
    Object.assign(body, {
      scope: [...granted, ...defaults, ...oidc].join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
    });
  }
  if (refreshToken) body.refresh_token = refreshToken;
  if (spa && refreshToken) {
    const spaExpiresMs = req.rotated?.spaExpiresMs ?? sim.clock.nowMs() + SPA_RT_LIFETIME_MS;
    body.refresh_token_expires_in = Math.max(0, Math.floor((spaExpiresMs - sim.clock.nowMs()) / 1000));
  }
  if (idToken) body.id_token = idToken;
  if (req.clientInfoRequested) body.client_info = clientInfo(req.user.oid, req.user.tenantId);
  return body;
}

export function verifyPkce(verifier: string | null, challenge: string, method: string): void {
  if (!challenge) return;
  if (!verifier) throw aad.pkceMismatch();
  const computed = method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  if (computed !== challenge) throw aad.pkceMismatch();
}

export { AadError };
