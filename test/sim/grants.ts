/** Token-endpoint rules shared by the v1 and v2 endpoints: scopes, tenant access, refresh-token lifetimes and issuance. */
import { createHash, randomInt } from 'node:crypto';
import { aadIso } from './clock';
import { checkCustomerPolicy } from './customerConditionalAccess';
import { AadError, aad } from './errors';
import type { SimContext } from './http';
import { KNOWN_RESOURCES, sha256, type AppRegistration, type RefreshTokenRecord, type SimUser, type Tenant } from './state';
import { clientInfo, newRefreshToken } from './tokens';

const DAY_MS = 24 * 3600 * 1000;
const RT_INACTIVITY_MS = 90 * DAY_MS;
const SPA_RT_LIFETIME_MS = DAY_MS;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface ScopeRequest {
  /** Resource URI exactly as requested (the access token's aud). */
  resource: string;
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
    return { resource: resourceParam, permissions: known.scopes, oidc, requested: [] };
  }
  if (requested.length === 0) {
    return { resource: 'https://graph.microsoft.com', permissions: ['User.Read'], oidc, requested: [] };
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
  return { resource: resource!, permissions: isDefault ? known.scopes : permissions, oidc, requested };
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

/** Confidential clients must present a valid secret; public clients may present none. */
export function authenticateClient(sim: SimContext, app: AppRegistration, secret: string | null): boolean {
  if (secret === null) return false;
  const nowIso = sim.clock.now().toISOString();
  const hash = sha256(secret);
  const ok = app.passwordCredentials.some((c) => c.secretHash === hash && c.endDateTime > nowIso);
  if (!ok) throw aad.invalidSecret(app.appId);
  return true;
}

/**
 * A partner user may use a customer tenant only through DAP/unexpired GDAP, only for an app consented
 * there, and only as that customer's own Conditional Access allows (`authMs`: when the user signed in).
 */
export function checkTenantAccess(sim: SimContext, user: SimUser, tenant: Tenant, app: AppRegistration, authMs: number): void {
  if (tenant.id === user.tenantId) return;
  const customer = sim.state.customersById.get(tenant.id);
  const partnerOwnsUser = user.tenantId === sim.state.partner.id;
  if (!customer || !partnerOwnsUser || !sim.state.hasDelegatedAccess(customer, sim.clock.nowMs())) {
    throw aad.notInTenant(user.upn, user.tenantId, tenant.displayName, app.appId, app.displayName);
  }
  if (!sim.state.isConsented(tenant.id, app.appId)) throw aad.consentRequired(app.appId, app.displayName);
  // Assumption: Conditional Access is judged last, when the token would otherwise be issued.
  checkCustomerPolicy(sim, tenant, authMs);
}

/** Applies the refresh token lifetime rules; returns the stored record when the token may be redeemed. */
export function checkRefreshToken(sim: SimContext, token: string, clientId: string): { record: RefreshTokenRecord; user: SimUser } {
  const record = sim.state.refreshTokens.get(sha256(token));
  if (!record) throw aad.malformed();
  if (record.clientId !== clientId.toLowerCase()) throw aad.invalidGrant();
  const now = sim.clock.nowMs();
  if (record.spa && now > record.issuedMs + SPA_RT_LIFETIME_MS) throw aad.rtSpaExpired(aadIso(record.issuedMs));
  if (now > record.issuedMs + RT_INACTIVITY_MS) throw aad.rtInactive(aadIso(record.issuedMs));
  const user = sim.state.users.get(record.userOid);
  if (!user) throw aad.invalidGrant();
  if (user.tokensValidFromMs !== undefined && record.authMs <= user.tokensValidFromMs) {
    throw aad.revoked(aadIso(record.authMs), aadIso(user.tokensValidFromMs));
  }
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
  spa: boolean;
  confidential: boolean;
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
  if (wantRefresh) {
    refreshToken = newRefreshToken();
    sim.state.refreshTokens.set(sha256(refreshToken), {
      hash: sha256(refreshToken),
      userOid: req.user.oid,
      clientId: req.app.appId,
      issuedMs: sim.clock.nowMs(),
      authMs: req.authMs,
      mfa: req.mfa,
      spa: req.spa,
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
  if (req.spa && refreshToken) body.refresh_token_expires_in = SPA_RT_LIFETIME_MS / 1000;
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
