/** OpenID discovery, instance discovery, signing keys and the v1/v2 token endpoints. */
import { authenticateAs, clientTypeOfPlatform, deviceCodeClientType, type PresentedCredentials } from '../clientAuth';
import { aad } from '../errors';
import {
  checkRefreshToken,
  checkTenantAccess,
  findClientApp,
  issueTokens,
  resolveScopes,
  resolveTenantSegment,
  verifyPkce,
} from '../grants';
import { escapeHtml, form, sendHtml, sendJson, type RequestContext, type Route } from '../http';
import { sha256, type ClientType, type Tenant } from '../state';
import { redeemDeviceCode } from './deviceCode';

/** The tenant a discovery document describes; an unknown tenant is AADSTS90002. */
function tenantForMetadata(ctx: RequestContext): { segment: string; tid: string } {
  let resolved: ReturnType<typeof resolveTenantSegment>;
  try {
    resolved = resolveTenantSegment(ctx.sim, ctx.params.tenant);
  } catch {
    throw aad.tenantNotFound(ctx.params.tenant, 'invalid_tenant');
  }
  if (resolved === 'multi') return { segment: ctx.params.tenant.toLowerCase(), tid: '{tenantid}' };
  return { segment: resolved.id, tid: resolved.id };
}

function openIdConfigurationV2(ctx: RequestContext): void {
  const meta = tenantForMetadata(ctx);
  const base = `${ctx.sim.baseUrl}/${meta.segment}`;
  sendJson(ctx.res, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${ctx.sim.baseUrl}/${meta.tid}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.sim.baseUrl}/graph/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    ...cloudInstanceFields(base),
  });
}

/** The fields both OpenID configurations end with: the tenant's region and the public cloud's hosts. */
function cloudInstanceFields(base: string) {
  return {
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function openIdConfigurationV1(ctx: RequestContext): void {
  const meta = tenantForMetadata(ctx);
  const base = `${ctx.sim.baseUrl}/${meta.segment}`;
  sendJson(ctx.res, 200, {
    token_endpoint: `${base}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${ctx.sim.baseUrl}/common/discovery/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: `https://sts.windows.net/${meta.tid}/`,
    microsoft_multi_refresh_token: true,
    authorization_endpoint: `${base}/oauth2/authorize`,
    device_authorization_endpoint: `${base}/oauth2/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
    check_session_iframe: `${base}/oauth2/checksession`,
    userinfo_endpoint: `${base}/openid/userinfo`,
    ...cloudInstanceFields(base),
  });
}

function instanceDiscovery(ctx: RequestContext): void {
  const host = new URL(ctx.sim.baseUrl).host;
  const authorizationEndpoint = ctx.url.searchParams.get('authorization_endpoint') ?? `${ctx.sim.baseUrl}/common/oauth2/v2.0/authorize`;
  let tenant = 'common';
  try {
    tenant = new URL(authorizationEndpoint).pathname.split('/').filter(Boolean)[0] ?? 'common';
  } catch {
    // Microsoft answers malformed endpoints with the common tenant's document too.
  }
  sendJson(ctx.res, 200, {
    tenant_discovery_endpoint: `${ctx.sim.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

async function keys(ctx: RequestContext): Promise<void> {
  if (ctx.params.tenant) tenantForMetadata(ctx);
  sendJson(ctx.res, 200, await ctx.sim.tokens.jwks());
}

function basicClientSecret(ctx: RequestContext): { clientId?: string; secret?: string } {
  const match = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (!match) return {};
  const [clientId, secret] = Buffer.from(match[1] ?? '', 'base64').toString('utf8').split(':');
  return { clientId: decodeURIComponent(clientId ?? ''), secret: decodeURIComponent(secret ?? '') };
}

async function token(ctx: RequestContext, v1: boolean): Promise<void> {
  const sim = ctx.sim;
  const params = form(ctx);
  const basic = basicClientSecret(ctx);
  const selected = resolveTenantSegment(sim, ctx.params.tenant);
  const grantType = params.get('grant_type');
  if (!grantType) throw aad.missingParameter('grant_type');
  const app = findClientApp(sim, params.get('client_id') ?? basic.clientId ?? null, selected);
  const presented: PresentedCredentials = {
    secret: params.get('client_secret') ?? basic.secret ?? null,
    assertion: params.get('client_assertion'),
    origin: typeof ctx.req.headers.origin === 'string' ? ctx.req.headers.origin : null,
  };
  const authenticate = (clientType: ClientType) => ({ clientType, confidential: authenticateAs(clientType, app, presented, sim.clock.now().toISOString()) });
  const tenantFor = (homeTenantId: string): Tenant =>
    selected === 'multi' ? (sim.state.findTenant(homeTenantId) as Tenant) : selected;
  const scopeOf = (tenant: Tenant, fallbackScope?: string) =>
    resolveScopes(params.get('scope') ?? fallbackScope ?? null, v1 ? params.get('resource') : null, tenant.displayName);
  const common = { app, clientInfoRequested: params.get('client_info') === '1', v1 };

  let body: Record<string, unknown>;
  if (grantType === 'authorization_code') {
    const code = params.get('code');
    if (!code) throw aad.missingParameter('code');
    const record = sim.state.authCodes.get(sha256(code));
    if (!record) throw aad.malformed();
    if (record.clientId !== app.appId) throw aad.invalidGrant();
    // The platform of the redirect the code went to decides the client type.
    const client = authenticate(clientTypeOfPlatform(record.platform));
    if (record.used) throw aad.codeAlreadyRedeemed();
    if (sim.clock.nowMs() > record.expiresMs) throw aad.codeExpired();
    const redirectUri = params.get('redirect_uri');
    if (redirectUri !== record.redirectUri) throw aad.redirectMismatch(redirectUri ?? '', app.appId);
    verifyPkce(params.get('code_verifier'), record.codeChallenge, record.codeChallengeMethod);
    record.used = true;
    const user = sim.state.users.get(record.userOid)!;
    const tenant = record.tenant === 'multi' || selected === 'multi' ? tenantFor(user.tenantId) : selected;
    if (record.tenant !== 'multi' && record.tenant !== tenant.id) throw aad.invalidGrant();
    const scopes = scopeOf(tenant, record.scope);
    checkTenantAccess(sim, user, tenant, app, scopes, record.authMs);
    body = await issueTokens(sim, {
      ...common, ...client, user, tenant, scopes, mfa: record.mfa, authMs: record.authMs,
      nonce: record.nonce, alwaysRefresh: false,
    });
  } else if (grantType === 'refresh_token') {
    const refreshToken = params.get('refresh_token');
    if (!refreshToken) throw aad.missingParameter('refresh_token');
    const { record, user } = checkRefreshToken(sim, refreshToken, app.appId);
    // The refresh token remembers the client type it was issued to (700025 / 7000218 / 9002327 on refresh too).
    const client = authenticate(record.clientType);
    const tenant = tenantFor(user.tenantId);
    const scopes = scopeOf(tenant);
    checkTenantAccess(sim, user, tenant, app, scopes, record.authMs);
    body = await issueTokens(sim, {
      ...common, ...client, user, tenant, scopes, mfa: record.mfa, authMs: record.authMs, rotated: record, alwaysRefresh: true,
    });
  } else if (grantType === 'urn:ietf:params:oauth:grant-type:device_code' || grantType === 'device_code') {
    const deviceCode = params.get('device_code') ?? params.get('code');
    if (!deviceCode) throw aad.missingParameter('device_code');
    // No redirect URI here: "Allow public client flows" decides (7000218 when it is off and no secret comes).
    const client = authenticate(deviceCodeClientType(app));
    const record = redeemDeviceCode(sim, deviceCode, app.appId);
    const user = sim.state.users.get(record.userOid!)!;
    const tenant = record.tenant === 'multi' ? tenantFor(user.tenantId) : sim.state.findTenant(record.tenant)!;
    const scopes = scopeOf(tenant, record.scope);
    checkTenantAccess(sim, user, tenant, app, scopes, record.authMs!);
    body = await issueTokens(sim, {
      ...common, ...client, user, tenant, scopes, mfa: !!record.mfa, authMs: record.authMs!, alwaysRefresh: false,
    });
  } else {
    throw aad.unsupportedGrantType(grantType);
  }
  sendJson(ctx.res, 200, body);
}

function errorPage(ctx: RequestContext): void {
  const code = ctx.url.searchParams.get('code') ?? '';
  sendHtml(ctx.res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AADSTS${escapeHtml(code)}</title></head><body><h1>AADSTS${escapeHtml(code)}</h1><p>Simulated Microsoft identity platform error code.</p></body></html>`);
}

async function userInfo(ctx: RequestContext): Promise<void> {
  const header = /^Bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  try {
    const claims = await ctx.sim.tokens.verify(header?.[1] ?? '', ctx.sim.clock.now());
    sendJson(ctx.res, 200, { sub: claims.sub, name: claims.name, family_name: claims.family_name, given_name: claims.given_name, email: claims.upn });
  } catch {
    sendJson(ctx.res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } });
  }
}

export function identityRoutes(): Route[] {
  return [
    { method: 'GET', path: '/:tenant/v2.0/.well-known/openid-configuration', name: 'openid-configuration v2', handler: openIdConfigurationV2 },
    { method: 'GET', path: '/:tenant/.well-known/openid-configuration', name: 'openid-configuration v1', handler: openIdConfigurationV1 },
    { method: 'GET', path: '/common/discovery/instance', name: 'instance discovery', handler: instanceDiscovery },
    { method: 'GET', path: '/common/discovery/keys', name: 'keys', handler: keys },
    { method: 'GET', path: '/:tenant/discovery/v2.0/keys', name: 'keys', handler: keys },
    { method: 'GET', path: '/:tenant/discovery/keys', name: 'keys', handler: keys },
    { method: 'POST', path: '/:tenant/oauth2/v2.0/token', name: 'token v2', handler: (ctx) => token(ctx, false) },
    { method: 'POST', path: '/:tenant/oauth2/token', name: 'token v1', handler: (ctx) => token(ctx, true) },
    { method: 'GET', path: '/error', name: 'error page', handler: errorPage },
    { method: 'GET', path: '/graph/oidc/userinfo', name: 'userinfo', handler: userInfo },
    { method: 'GET', path: '/:tenant/openid/userinfo', name: 'userinfo', handler: userInfo },
  ];
}
