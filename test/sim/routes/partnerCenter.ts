/**
 * Partner Center REST API: customers with continuation paging, one customer by id, and application
 * consents. Sources per behaviour: test/sim/README.md "Sources".
 */
import type { JWTPayload } from 'jose';
import { parseScopeList } from '../applicationConsents';
import { partnerCenterErrorBody } from '../errors';
import { JsonError, bearerToken, json, sendJson, type RequestContext, type Route } from '../http';
import { knownResourceByAppId, type Customer } from '../state';

const PARTNER_CENTER = 'https://api.partnercenter.microsoft.com';
const MAX_PAGE = 500;
/**
 * "Beginning April 1, 2026 all App+User usage of Partner Center APIs will enforce the usage of MFA"
 * (https://learn.microsoft.com/partner-center/developer/partner-center-authentication), judged on the sim clock.
 */
const MFA_ENFORCED_FROM_MS = Date.UTC(2026, 3, 1);

/**
 * App+user tokens must be for Partner Center, from the partner tenant, and (from 2026-04-01) carry
 * the MFA claim: `mfa` in `amr` (https://learn.microsoft.com/powershell/partnercenter/test-partner-security-requirements).
 */
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
  if (!amr.includes('mfa') && ctx.sim.clock.nowMs() >= MFA_ENFORCED_FROM_MS) {
    // HTTP 401 with error code 900421: partner blogs quoting Microsoft's announcement (no Learn page
    // gives the code); the body's shape is Partner Center's usual error shape, an assumption.
    throw new JsonError(401, {
      code: 900421,
      description: 'Multi-factor authentication (MFA) is required for app+user calls to Partner Center APIs: the access token has no MFA claim.',
      errorName: 'Unauthorized',
      isRetryable: false,
    });
  }
  return claims;
}

function listedCustomers(ctx: RequestContext): Customer[] {
  return ctx.sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship);
}

/**
 * A customer as the list returns it: id, companyProfile, relationshipToPartner, links, attributes
 * and nothing else; no allowDelegatedAccess (https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers).
 */
function customerListItem(c: Customer) {
  return {
    id: c.id,
    companyProfile: {
      tenantId: c.id,
      domain: c.domain,
      companyName: c.displayName,
      links: { self: { uri: `/customers/${c.id}/profiles/company`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    links: { self: { uri: `/customers/${c.id}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Customer' },
  };
}

/** One customer by id, which does say whether DAP is allowed (https://learn.microsoft.com/partner-center/developer/get-a-customer-by-id). */
function customerById(c: Customer) {
  const { id, companyProfile, relationshipToPartner, links, attributes } = customerListItem(c);
  return { id, commerceId: c.id, companyProfile, relationshipToPartner, allowDelegatedAccess: c.relationship === 'DAP', links, attributes };
}

interface Cursor {
  o: number;
  s: number;
}

/**
 * The page a request asks for. The next page is `seekOperation=Next` plus the `MS-ContinuationToken`
 * header, as the Partner Center .NET SDK sends it (PartnerSdkConfiguration.json "GetCustomers";
 * CustomerCollectionOperations.QueryAsync). Assumption: without seekOperation the header is ignored
 * and the first page comes again, so a client that forgets it loops.
 */
function requestedPage(ctx: RequestContext): Cursor {
  const requested = Number(ctx.url.searchParams.get('size') ?? MAX_PAGE);
  const size = Number.isFinite(requested) && requested > 0 ? Math.min(Math.floor(requested), MAX_PAGE) : MAX_PAGE;
  const seek = ctx.url.searchParams.get('seekOperation');
  if (seek === null) return { o: 0, s: size };
  // The SDK: "Next is only supported"; and a seek query needs its token.
  if (seek.toLowerCase() !== 'next') throw new JsonError(400, partnerCenterErrorBody(400, `seekOperation '${seek}' is not supported; only Next is.`));
  const continuation = ctx.req.headers['ms-continuationtoken'];
  if (typeof continuation !== 'string' || !continuation) {
    throw new JsonError(400, partnerCenterErrorBody(400, 'seekOperation=Next needs the MS-ContinuationToken header.'));
  }
  try {
    const cursor = JSON.parse(Buffer.from(continuation, 'base64url').toString('utf8')) as Cursor;
    if (!Number.isInteger(cursor.o) || !Number.isInteger(cursor.s) || cursor.o < 0 || cursor.s < 1) throw new Error('bad cursor');
    return cursor;
  } catch {
    throw new JsonError(400, partnerCenterErrorBody(400, 'The continuation token is invalid.'));
  }
}

async function listCustomers(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const { o: offset, s: pageSize } = requestedPage(ctx);
  const all = listedCustomers(ctx);
  const items = all.slice(offset, offset + pageSize).map(customerListItem);
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
      uri: `/customers?size=${pageSize}&seekOperation=Next`,
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
  sendJson(ctx.res, 200, customerById(findListedCustomer(ctx)));
}

interface ConsentBody {
  applicationId?: string;
  displayName?: string;
  applicationGrants?: Array<{ enterpriseApplicationId?: string; scope?: string }>;
}

/**
 * POST /v1/customers/{id}/applicationconsents (https://learn.microsoft.com/partner-center/developer/control-panel-vendor-apis):
 * consents the app for each grant's resource with its comma-separated scopes. A consent that
 * already exists is refused whatever scopes either one has: "Permission entry already exists."
 * (the message CIPP's Set-CIPPCPVConsent.ps1 catches; HTTP 409 is an assumption).
 */
async function addConsent(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const customer = findListedCustomer(ctx);
  const body = json<ConsentBody>(ctx);
  if (!body.applicationId || !Array.isArray(body.applicationGrants) || body.applicationGrants.length === 0) {
    throw new JsonError(400, partnerCenterErrorBody(400, 'applicationId and at least one applicationGrants entry are required.'));
  }
  const grants = body.applicationGrants.map((grant) => {
    const resource = grant.enterpriseApplicationId ? knownResourceByAppId(grant.enterpriseApplicationId) : undefined;
    const scopes = typeof grant.scope === 'string' ? parseScopeList(grant.scope) : [];
    if (!resource || scopes.length === 0) {
      throw new JsonError(400, partnerCenterErrorBody(400, `Each grant needs the enterpriseApplicationId of a Microsoft API and a comma-separated scope (got '${grant.enterpriseApplicationId}').`));
    }
    return { enterpriseApplicationId: resource.appId, scopes };
  });
  if (!ctx.sim.state.findApp(body.applicationId)) {
    throw new JsonError(400, partnerCenterErrorBody(400, `Application ${body.applicationId} was not found.`));
  }
  if (ctx.sim.state.isConsented(customer.id, body.applicationId)) {
    throw new JsonError(409, partnerCenterErrorBody(409, 'Permission entry already exists.'));
  }
  ctx.sim.state.grantConsent(customer.id, body.applicationId, grants.map((grant) => grant.enterpriseApplicationId));
  ctx.sim.state.applicationConsents.record(customer.id, body.applicationId, grants);
  sendJson(ctx.res, 201, {
    applicationId: body.applicationId,
    displayName: body.displayName ?? null,
    applicationGrants: grants.map((grant) => ({ enterpriseApplicationId: grant.enterpriseApplicationId, scope: grant.scopes.join(',') })),
    attributes: { objectType: 'ApplicationConsent' },
  });
}

/** DELETE …/applicationconsents/{appId}: the consent and its grants go (documented 200; 404 when there is none is an assumption). */
async function removeConsent(ctx: RequestContext): Promise<void> {
  await authenticate(ctx);
  const customer = findListedCustomer(ctx);
  if (!ctx.sim.state.isConsented(customer.id, ctx.params.appId)) {
    throw new JsonError(404, partnerCenterErrorBody(404, `No consent for application ${ctx.params.appId}.`));
  }
  ctx.sim.state.setConsent(customer.id, ctx.params.appId, false);
  ctx.sim.state.applicationConsents.forget(customer.id, ctx.params.appId);
  ctx.res.writeHead(200, { 'content-length': 0 }).end();
}

export function partnerCenterRoutes(): Route[] {
  return [
    { method: 'GET', path: '/partnercenter/v1/customers', name: 'partnercenter customers', handler: listCustomers },
    { method: 'GET', path: '/partnercenter/v1/customers/:id', name: 'partnercenter customer', handler: getCustomer },
    { method: 'POST', path: '/partnercenter/v1/customers/:id/applicationconsents', name: 'partnercenter applicationconsents', handler: addConsent },
    { method: 'DELETE', path: '/partnercenter/v1/customers/:id/applicationconsents/:appId', name: 'partnercenter applicationconsents', handler: removeConsent },
  ];
}
