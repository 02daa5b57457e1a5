/** Partner Center REST API: customers with continuation paging, and application consents. */
import type { JWTPayload } from 'jose';
import { partnerCenterErrorBody } from '../errors';
import { JsonError, bearerToken, json, sendJson, type RequestContext, type Route } from '../http';
import type { Customer } from '../state';

const PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';
const MAX_PAGE = 500;

/** App+user tokens must be for Partner Center, from the partner tenant, and carry the MFA claim. */
async function authenticate(ctx: RequestContext): Promise<JWTPayload> {
  const token = bearerToken(ctx.req);
  if (!token) throw new JsonError(401, partnerCenterErrorBody(401, 'Authorization header is missing or is not a Bearer token.'));
  let claims: JWTPayload;
  try {
    claims = await ctx.sim.tokens.verify(token, ctx.sim.clock.now());
  } catch {
    throw new JsonError(401, partnerCenterErrorBody(401, 'The access token is invalid or has expired.'));
  }
  if (String(claims.aud).replace(/\/+$/, '') !== PARTNER_CENTER) {
    throw new JsonError(401, partnerCenterErrorBody(401, `The access token audience '${claims.aud}' is not valid for Partner Center.`));
  }
  if (claims.tid !== ctx.sim.state.partner.id) {
    throw new JsonError(403, partnerCenterErrorBody(403, 'The access token was not issued in the partner tenant.'));
  }
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (!amr.includes('mfa')) {
    throw new JsonError(401, {
      code: 900419,
      description: 'The access token does not contain the MFA claim. Multi-factor authentication (MFA) is required when calling Partner Center APIs with app+user credentials.',
      errorName: 'Unauthorized',
      isRetryable: false,
    });
  }
  return claims;
}

function listedCustomers(ctx: RequestContext): Customer[] {
  return ctx.sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship);
}

function customerJson(c: Customer) {
  return {
    id: c.id,
    commerceId: c.id,
    companyProfile: {
      tenantId: c.id,
      domain: c.domain,
      companyName: c.displayName,
      links: { self: { uri: `/customers/${c.id}/profiles/company`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: c.relationship === 'DAP',
    links: { self: { uri: `/customers/${c.id}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Customer' },
  };
}

async function listCustomers(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const requested = Number(ctx.url.searchParams.get('size') ?? MAX_PAGE);
  const size = Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), MAX_PAGE) : MAX_PAGE;
  const continuation = ctx.req.headers['ms-continuationtoken'];
  let offset = 0;
  let pageSize = size;
  if (typeof continuation === 'string' && continuation) {
    try {
      const decoded = JSON.parse(Buffer.from(continuation, 'base64url').toString('utf8')) as { o: number; s: number };
      offset = decoded.o;
      pageSize = decoded.s;
    } catch {
      throw new JsonError(400, partnerCenterErrorBody(400, 'The continuation token is invalid.'));
    }
  }
  const all = listedCustomers(ctx);
  const items = all.slice(offset, offset + pageSize).map(customerJson);
  const body: Record<string, unknown> = {
    totalCount: items.length,
    items,
    links: { self: { uri: `/customers?size=${pageSize}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Collection' },
  };
  if (offset + pageSize < all.length) {
    const token = Buffer.from(JSON.stringify({ o: offset + pageSize, s: pageSize })).toString('base64url');
    body.continuationToken = token;
    (body.links as Record<string, unknown>).next = {
      uri: `/customers?size=${pageSize}`,
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value: token }],
    };
  }
  sendJson(ctx.res, 200, body);
}

function findListedCustomer(ctx: RequestContext): Customer {
  const customer = ctx.sim.state.customersById.get(ctx.params.id.toLowerCase());
  if (!customer || !(customer.relationship === 'DAP' || customer.resellerRelationship)) {
    throw new JsonError(404, partnerCenterErrorBody(600008, `Customer ${ctx.params.id} was not found.`));
  }
  return customer;
}

async function getCustomer(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  sendJson(ctx.res, 200, customerJson(findListedCustomer(ctx)));
}

async function addConsent(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const customer = findListedCustomer(ctx);
  const body = json<{ applicationId?: string; applicationGrants?: Array<{ enterpriseApplicationId?: string; scope?: string }> }>(ctx);
  if (!body.applicationId || !Array.isArray(body.applicationGrants) || body.applicationGrants.length === 0) {
    throw new JsonError(400, partnerCenterErrorBody(400, 'applicationId and at least one applicationGrants entry are required.'));
  }
  if (!ctx.sim.state.findApp(body.applicationId)) {
    throw new JsonError(400, partnerCenterErrorBody(400, `Application ${body.applicationId} was not found.`));
  }
  if (ctx.sim.state.isConsented(customer.id, body.applicationId)) {
    throw new JsonError(409, partnerCenterErrorBody(409, `Permission entry already exists for application ${body.applicationId}.`));
  }
  ctx.sim.state.setConsent(customer.id, body.applicationId, true);
  sendJson(ctx.res, 201, {
    applicationId: body.applicationId,
    applicationGrants: body.applicationGrants,
    attributes: { objectType: 'ApplicationConsent' },
  });
}

async function removeConsent(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const customer = findListedCustomer(ctx);
  if (!ctx.sim.state.isConsented(customer.id, ctx.params.appId)) {
    throw new JsonError(404, partnerCenterErrorBody(404, `No consent for application ${ctx.params.appId}.`));
  }
  ctx.sim.state.setConsent(customer.id, ctx.params.appId, false);
  ctx.res.writeHead(204).end();
}

export function partnerCenterRoutes(): Route[] {
  return [
    { method: 'GET', path: '/partnercenter/v1/customers', name: 'partnercenter customers', handler: listCustomers },
    { method: 'GET', path: '/partnercenter/v1/customers/:id', name: 'partnercenter customer', handler: getCustomer },
    { method: 'POST', path: '/partnercenter/v1/customers/:id/applicationconsents', name: 'partnercenter applicationconsents', handler: addConsent },
    { method: 'DELETE', path: '/partnercenter/v1/customers/:id/applicationconsents/:appId', name: 'partnercenter applicationconsents', handler: removeConsent },
  ];
}
