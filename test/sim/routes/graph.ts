/** Microsoft Graph v1.0: me, organization, and the helpers every Graph route shares. App management: graphApps.ts, graphGrants.ts; GDAP: gdap.ts. */
import type { JWTPayload } from 'jose';
import { graphErrorBody } from '../errors';
import { JsonError, bearerToken, sendJson, type RequestContext, type Route } from '../http';

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

export function graphRoutes(): Route[] {
  return [
    { method: 'GET', path: '/graph/v1.0/me', name: 'graph me', handler: me },
    { method: 'GET', path: '/graph/v1.0/organization', name: 'graph organization', handler: organization },
  ];
}
