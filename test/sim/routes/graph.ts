/** Microsoft Graph v1.0: me, organization, applications and service principals (GDAP: gdap.ts). */
import { randomBytes, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { graphErrorBody } from '../errors';
import { JsonError, bearerToken, json, sendJson, type RequestContext, type Route } from '../http';
import { sha256, type AppRegistration } from '../state';

const GRAPH = 'https://graph.microsoft.com';
const DAY_MS = 24 * 3600 * 1000;

export function graphError(ctx: RequestContext, status: number, code: string, message: string): JsonError {
  return new JsonError(status, graphErrorBody(code, message, ctx.correlationId, ctx.sim.clock.now()));
}

export async function authenticate(ctx: RequestContext): Promise<JWTPayload> {
  const token = bearerToken(ctx.req);
  if (!token) throw graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
  let claims: JWTPayload;
  try {
    claims = await ctx.sim.tokens.verify(token, ctx.sim.clock.now());
  } catch {
    throw graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
  }
  if (String(claims.aud).replace(/\/+$/, '') !== GRAPH) throw graphError(ctx, 401, 'InvalidAuthenticationToken', 'Invalid audience.');
  return claims;
}

/** $top/$skiptoken paging with an absolute @odata.nextLink, as Graph returns it. */
export function page<T>(ctx: RequestContext, all: T[], context: string, defaultTop: number, maxTop: number) {
  const q = ctx.url.searchParams;
  const requested = Number(q.get('$top') ?? defaultTop);
  const top = Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), maxTop) : defaultTop;
  const skip = q.get('$skiptoken') ? Number(Buffer.from(q.get('$skiptoken')!, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(skip) || skip < 0) throw graphError(ctx, 400, 'BadRequest', 'Invalid $skiptoken.');
  const body: Record<string, unknown> = { '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#${context}`, value: all.slice(skip, skip + top) };
  if (skip + top < all.length) {
    const skiptoken = Buffer.from(String(skip + top)).toString('base64url');
    const kept = [...q.entries()].filter(([k]) => k !== '$top' && k !== '$skiptoken').map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
    body['@odata.nextLink'] = `${ctx.sim.baseUrl}${ctx.url.pathname}?$top=${top}${kept}&$skiptoken=${skiptoken}`;
  }
  return body;
}

export function requirePartnerTenant(ctx: RequestContext, claims: JWTPayload): void {
  if (claims.tid !== ctx.sim.state.partner.id) throw graphError(ctx, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

async function me(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const user = ctx.sim.state.users.get(String(claims.oid));
  if (!user) throw graphError(ctx, 404, 'Request_ResourceNotFound', 'User not found.');
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#users/$entity`,
    id: user.oid, displayName: user.displayName, givenName: user.givenName, surname: user.surname,
    userPrincipalName: user.upn, mail: user.upn, businessPhones: [], jobTitle: 'Partner administrator', officeLocation: null, preferredLanguage: 'en-US', mobilePhone: null,
  });
}

async function organization(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const tenant = ctx.sim.state.findTenant(String(claims.tid))!;
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#organization`,
    value: [{
      id: tenant.id, displayName: tenant.displayName, tenantType: 'AAD', countryLetterCode: 'SE',
      partnerTenantType: tenant.kind === 'partner' ? 'ResellerPartnerDelegatedAdmin' : null,
      verifiedDomains: [{ name: tenant.domain, type: 'Managed', isDefault: true, isInitial: true, capabilities: 'Email, OfficeCommunicationsOnline' }],
    }],
  });
}

function applicationJson(ctx: RequestContext, app: AppRegistration) {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    createdDateTime: app.createdDateTime,
    signInAudience: app.signInAudience,
    isFallbackPublicClient: app.isFallbackPublicClient,
    publicClient: { redirectUris: app.publicClientRedirectUris },
    spa: { redirectUris: app.spaRedirectUris },
    web: { redirectUris: app.webRedirectUris, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    requiredResourceAccess: app.requiredResourceAccess,
    passwordCredentials: app.passwordCredentials.map((c) => ({
      customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: c.startDateTime,
    })),
    keyCredentials: [],
    publisherDomain: ctx.sim.state.partner.domain,
  };
}

/** Supports the one filter form clients use: appId eq '…'. */
function appIdFilter(ctx: RequestContext): string | undefined {
  const filter = ctx.url.searchParams.get('$filter');
  if (!filter) return undefined;
  const match = /^\s*appId\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (!match) throw graphError(ctx, 400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property 'appId' of resource 'Application'.`);
  return (match[1] ?? '').toLowerCase();
}

function ownApps(ctx: RequestContext, claims: JWTPayload): AppRegistration[] {
  return [...ctx.sim.state.apps.values()].filter((a) => a.ownerTenantId === claims.tid);
}

function findOwnApp(ctx: RequestContext, claims: JWTPayload): AppRegistration {
  const app = ownApps(ctx, claims).find((a) => a.id === ctx.params.id.toLowerCase());
  if (!app) throw graphError(ctx, 404, 'Request_ResourceNotFound', `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`);
  return app;
}

async function listApplications(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const appId = appIdFilter(ctx);
  const all = ownApps(ctx, claims).filter((a) => !appId || a.appId === appId).map((a) => applicationJson(ctx, a));
  sendJson(ctx.res, 200, page(ctx, all, 'applications', 100, 999));
}

async function getApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  sendJson(ctx.res, 200, applicationJson(ctx, findOwnApp(ctx, claims)));
}

interface ApplicationBody {
  displayName?: string;
  signInAudience?: string;
  isFallbackPublicClient?: boolean;
  publicClient?: { redirectUris?: string[] };
  spa?: { redirectUris?: string[] };
  web?: { redirectUris?: string[] };
  requiredResourceAccess?: unknown[];
}

function applyApplicationBody(app: AppRegistration, body: ApplicationBody): void {
  if (body.displayName !== undefined) app.displayName = body.displayName;
  if (body.signInAudience !== undefined) app.signInAudience = body.signInAudience;
  if (body.isFallbackPublicClient !== undefined) app.isFallbackPublicClient = !!body.isFallbackPublicClient;
  if (body.publicClient?.redirectUris) app.publicClientRedirectUris = [...body.publicClient.redirectUris];
  if (body.spa?.redirectUris) app.spaRedirectUris = [...body.spa.redirectUris];
  if (body.web?.redirectUris) app.webRedirectUris = [...body.web.redirectUris];
  if (body.requiredResourceAccess) app.requiredResourceAccess = body.requiredResourceAccess;
}

async function createApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const body = json<ApplicationBody>(ctx);
  if (!body.displayName) throw graphError(ctx, 400, 'Request_BadRequest', "Property 'displayName' is required.");
  const app: AppRegistration = {
    id: randomUUID(), appId: randomUUID(), displayName: body.displayName, ownerTenantId: String(claims.tid),
    signInAudience: 'AzureADMyOrg', publicClientRedirectUris: [], spaRedirectUris: [], webRedirectUris: [],
    isFallbackPublicClient: false, requiredResourceAccess: [], passwordCredentials: [],
    createdDateTime: ctx.sim.clock.now().toISOString(), firstParty: false,
  };
  applyApplicationBody(app, body);
  ctx.sim.state.apps.set(app.id, app);
  sendJson(ctx.res, 201, applicationJson(ctx, app));
}

async function updateApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  applyApplicationBody(findOwnApp(ctx, claims), json<ApplicationBody>(ctx));
  ctx.res.writeHead(204).end();
}

async function addPassword(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const app = findOwnApp(ctx, claims);
  const body = json<{ passwordCredential?: { displayName?: string; endDateTime?: string } }>(ctx);
  const now = ctx.sim.clock.nowMs();
  const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(28).toString('base64url').slice(0, 37)}`;
  const credential = {
    keyId: randomUUID(),
    displayName: body.passwordCredential?.displayName ?? null,
    hint: secretText.slice(0, 3),
    secretHash: sha256(secretText),
    startDateTime: new Date(now).toISOString(),
    endDateTime: body.passwordCredential?.endDateTime ?? new Date(now + 730 * DAY_MS).toISOString(),
  };
  app.passwordCredentials.push(credential);
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#microsoft.graph.passwordCredential`,
    customKeyIdentifier: null, displayName: credential.displayName, endDateTime: credential.endDateTime, hint: credential.hint,
    keyId: credential.keyId, secretText, startDateTime: credential.startDateTime,
  });
}

async function listServicePrincipals(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const appId = appIdFilter(ctx);
  const all = ctx.sim.state.servicePrincipals
    .filter((sp) => sp.tenantId === claims.tid && (!appId || sp.appId === appId))
    .map((sp) => ({ id: sp.id, appId: sp.appId, displayName: sp.displayName, servicePrincipalType: 'Application', accountEnabled: true, appOwnerOrganizationId: ctx.sim.state.partner.id }));
  sendJson(ctx.res, 200, page(ctx, all, 'servicePrincipals', 100, 999));
}

async function createServicePrincipal(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const body = json<{ appId?: string }>(ctx);
  const app = body.appId ? ctx.sim.state.findApp(body.appId) : undefined;
  if (!app) throw graphError(ctx, 400, 'Request_BadRequest', `The appId '${body.appId}' of the service principal does not reference a valid application object.`);
  const existing = ctx.sim.state.servicePrincipals.find((sp) => sp.appId === app.appId && sp.tenantId === claims.tid);
  if (existing) throw graphError(ctx, 409, 'Request_MultipleObjectsWithSameKeyValue', 'The service principal cannot be created because one already exists for this application.');
  const sp = { id: randomUUID(), appId: app.appId, displayName: app.displayName, tenantId: String(claims.tid) };
  ctx.sim.state.servicePrincipals.push(sp);
  sendJson(ctx.res, 201, { id: sp.id, appId: sp.appId, displayName: sp.displayName, servicePrincipalType: 'Application', accountEnabled: true });
}

async function createPermissionGrant(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const body = json<{ clientId?: string; consentType?: string; resourceId?: string; scope?: string; principalId?: string }>(ctx);
  const sp = ctx.sim.state.servicePrincipals.find((s) => s.id === body.clientId?.toLowerCase() && s.tenantId === claims.tid);
  if (!sp) throw graphError(ctx, 400, 'Request_BadRequest', `Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.`);
  ctx.sim.state.setConsent(String(claims.tid), sp.appId, true);
  sendJson(ctx.res, 201, { id: randomBytes(24).toString('base64url'), clientId: sp.id, consentType: body.consentType ?? 'AllPrincipals', principalId: body.principalId ?? null, resourceId: body.resourceId ?? null, scope: body.scope ?? '' });
}

/**
 * GET /oauth2PermissionGrants?$filter=clientId eq '{servicePrincipalId}': the tenant-wide grant of
 * a client app, derived from whether the app is consented in the caller's tenant.
 */
async function listPermissionGrants(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const filter = /^\s*clientId\s+eq\s+'([^']*)'\s*$/i.exec(ctx.url.searchParams.get('$filter') ?? '');
  if (!filter) throw graphError(ctx, 400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property 'clientId' of resource 'OAuth2PermissionGrant'.`);
  const clientId = (filter[1] ?? '').toLowerCase();
  const sp = ctx.sim.state.servicePrincipals.find((s) => s.id === clientId && s.tenantId === claims.tid);
  const grants =
    sp && ctx.sim.state.isConsented(String(claims.tid), sp.appId)
      ? [{ id: `${sp.id}-grant`, clientId: sp.id, consentType: 'AllPrincipals', principalId: null, resourceId: null, scope: 'user_impersonation' }]
      : [];
  sendJson(ctx.res, 200, { '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#oauth2PermissionGrants`, value: grants });
}

export function graphRoutes(): Route[] {
  return [
    { method: 'GET', path: '/graph/v1.0/me', name: 'graph me', handler: me },
    { method: 'GET', path: '/graph/v1.0/organization', name: 'graph organization', handler: organization },
    { method: 'GET', path: '/graph/v1.0/applications', name: 'graph applications', handler: listApplications },
    { method: 'POST', path: '/graph/v1.0/applications', name: 'graph applications', handler: createApplication },
    { method: 'GET', path: '/graph/v1.0/applications/:id', name: 'graph application', handler: getApplication },
    { method: 'PATCH', path: '/graph/v1.0/applications/:id', name: 'graph application', handler: updateApplication },
    { method: 'POST', path: '/graph/v1.0/applications/:id/addPassword', name: 'graph addPassword', handler: addPassword },
    { method: 'GET', path: '/graph/v1.0/servicePrincipals', name: 'graph servicePrincipals', handler: listServicePrincipals },
    { method: 'POST', path: '/graph/v1.0/servicePrincipals', name: 'graph servicePrincipals', handler: createServicePrincipal },
    { method: 'GET', path: '/graph/v1.0/oauth2PermissionGrants', name: 'graph oauth2PermissionGrants', handler: listPermissionGrants },
    { method: 'POST', path: '/graph/v1.0/oauth2PermissionGrants', name: 'graph oauth2PermissionGrants', handler: createPermissionGrant },
  ];
}
