/** Microsoft Graph v1.0: me, organization, GDAP relationships, and the helpers every Graph route shares. App management: graphApps.ts, graphGrants.ts. */
import type { JWTPayload } from 'jose';
import { graphErrorBody } from '../errors';
import { GDAP_ROLES } from '../seed';
import { JsonError, bearerToken, sendJson, type RequestContext, type Route } from '../http';
import type { Customer } from '../state';

const GRAPH = 'https://graph.microsoft.com';

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

function requirePartnerTenant(ctx: RequestContext, claims: JWTPayload): void {
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

function gdapCustomers(ctx: RequestContext): Customer[] {
  return ctx.sim.state.customers.filter((c) => c.gdap);
}

async function delegatedAdminCustomers(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  const all = gdapCustomers(ctx).map((c) => ({ id: c.id, tenantId: c.id, displayName: c.displayName }));
  sendJson(ctx.res, 200, page(ctx, all, 'tenantRelationships/delegatedAdminCustomers', 100, 300));
}

async function delegatedAdminRelationships(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  const now = ctx.sim.clock.nowMs();
  const all = gdapCustomers(ctx).map((c) => {
    const g = c.gdap!;
    return {
      id: g.id,
      displayName: g.displayName,
      duration: `P${g.durationDays}D`,
      status: g.endMs > now ? 'active' : 'expired',
      autoExtendDuration: 'PT0S',
      createdDateTime: new Date(g.createdMs).toISOString(),
      activatedDateTime: new Date(g.createdMs + 3600_000).toISOString(),
      lastModifiedDateTime: new Date(g.createdMs + 3600_000).toISOString(),
      endDateTime: new Date(g.endMs).toISOString(),
      customer: { tenantId: c.id, displayName: c.displayName },
      accessDetails: { unifiedRoles: GDAP_ROLES.map((roleDefinitionId) => ({ roleDefinitionId })) },
    };
  });
  sendJson(ctx.res, 200, page(ctx, all, 'tenantRelationships/delegatedAdminRelationships', 100, 300));
}

export function graphRoutes(): Route[] {
  return [
    { method: 'GET', path: '/graph/v1.0/me', name: 'graph me', handler: me },
    { method: 'GET', path: '/graph/v1.0/organization', name: 'graph organization', handler: organization },
    { method: 'GET', path: '/graph/v1.0/tenantRelationships/delegatedAdminCustomers', name: 'graph delegatedAdminCustomers', handler: delegatedAdminCustomers },
    { method: 'GET', path: '/graph/v1.0/tenantRelationships/delegatedAdminRelationships', name: 'graph delegatedAdminRelationships', handler: delegatedAdminRelationships },
  ];
}
