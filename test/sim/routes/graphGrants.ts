/**
 * Microsoft Graph v1.0 `oauth2PermissionGrants` (https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant):
 * one delegated grant per client + resource, `resourceId` the resource's service principal and
 * `scope` space-separated. Grants are the simulator's consent state (state.ts), per resource, so
 * what Graph lists is what the token endpoint honours.
 */
import { randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { graphErrorBody } from '../errors';
import { JsonError, json, sendJson, type RequestContext, type Route } from '../http';
import { KNOWN_RESOURCES, grantKey, type PermissionGrant, type ServicePrincipal } from '../state';
import { authenticate, graphError } from './graph';
import { visible } from './graphApps';

interface GrantInTenant {
  grant: PermissionGrant;
  clientAppId: string;
  resourceAppId: string;
}

function servicePrincipalById(ctx: RequestContext, claims: JWTPayload, id: string | undefined): ServicePrincipal | undefined {
  return ctx.sim.state.servicePrincipals.find((sp) => sp.tenantId === claims.tid && sp.id === id?.toLowerCase());
}

/** The resource a grant's resourceId names: a listed service principal, or one of Microsoft's resources present in the tenant. */
function resourceAppIdOf(ctx: RequestContext, claims: JWTPayload, resourceId: string | undefined): string | undefined {
  const listed = servicePrincipalById(ctx, claims, resourceId);
  if (listed) return listed.appId;
  const tenantId = String(claims.tid);
  const state = ctx.sim.state;
  return KNOWN_RESOURCES.find(
    (resource) => state.hasServicePrincipal(tenantId, resource.appId) && state.resourceServicePrincipalId(tenantId, resource.appId) === resourceId?.toLowerCase(),
  )?.appId;
}

/** Every grant in the caller's tenant whose client has a service principal there. */
function grantsInTenant(ctx: RequestContext, claims: JWTPayload): GrantInTenant[] {
  const tenantId = String(claims.tid);
  const state = ctx.sim.state;
  return state.servicePrincipals
    .filter((sp) => sp.tenantId === tenantId)
    .flatMap((sp) => state.permissionGrantsOf(tenantId, sp.appId, sp.id).map(({ grant, resourceAppId }) => ({ grant, clientAppId: sp.appId, resourceAppId })));
}

function findGrant(ctx: RequestContext, claims: JWTPayload): GrantInTenant {
  const found = grantsInTenant(ctx, claims).find(({ grant }) => grant.id === ctx.params.id && visible(ctx, grant.id));
  if (!found) throw graphError(ctx, 404, 'Request_ResourceNotFound', `Resource '${ctx.params.id}' does not exist or one of its queried reference-property objects are not present.`);
  return found;
}

/** GET /oauth2PermissionGrants?$filter=clientId eq '{servicePrincipalId}': the client's grants, one per resource. */
async function listPermissionGrants(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const filter = /^\s*clientId\s+eq\s+'([^']*)'\s*$/i.exec(ctx.url.searchParams.get('$filter') ?? '');
  if (!filter) throw graphError(ctx, 400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property 'clientId' of resource 'OAuth2PermissionGrant'.`);
  const clientId = (filter[1] ?? '').toLowerCase();
  const grants = grantsInTenant(ctx, claims)
    .map(({ grant }) => grant)
    .filter((grant) => grant.clientId === clientId && visible(ctx, grant.id) && visible(ctx, clientId));
  sendJson(ctx.res, 200, { '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#oauth2PermissionGrants`, value: grants });
}

/**
 * A principal created seconds ago is not found yet: Graph answers 404 Directory_ObjectNotFound
 * (seen in public pipeline code that retries it; the wording is an assumption).
 */
function notReplicated(ctx: RequestContext, id: string): JsonError {
  return new JsonError(404, graphErrorBody('Directory_ObjectNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, ctx.correlationId, ctx.sim.clock.now()));
}

interface GrantBody {
  clientId?: string;
  consentType?: string;
  resourceId?: string;
  scope?: string;
  principalId?: string;
}

async function createPermissionGrant(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const body = json<GrantBody>(ctx);
  const tenantId = String(claims.tid);
  const state = ctx.sim.state;
  const client = servicePrincipalById(ctx, claims, body.clientId);
  if (!client) throw graphError(ctx, 400, 'Request_BadRequest', `Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.`);
  if (!visible(ctx, client.id)) throw notReplicated(ctx, client.id);
  const resourceAppId = resourceAppIdOf(ctx, claims, body.resourceId);
  if (!resourceAppId) throw graphError(ctx, 400, 'Request_BadRequest', `Invalid value specified for property 'resourceId' of resource 'OAuth2PermissionGrant'.`);
  const resourceSp = servicePrincipalById(ctx, claims, body.resourceId);
  if (resourceSp && !visible(ctx, resourceSp.id)) throw notReplicated(ctx, resourceSp.id);
  const consentType = body.consentType ?? '';
  if (consentType !== 'AllPrincipals' && !(consentType === 'Principal' && body.principalId)) {
    throw graphError(ctx, 400, 'Request_BadRequest', "Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.");
  }
  // One grant per client and resource: a second POST, even one retried after a lost answer, is
  // refused with "Permission entry already exists." (CIPP-API Set-CIPPCPVConsent.ps1 catches it).
  if (state.isConsented(tenantId, client.appId, resourceAppId)) throw graphError(ctx, 400, 'Request_BadRequest', 'Permission entry already exists.');
  const id = randomBytes(24).toString('base64url');
  const scope = typeof body.scope === 'string' ? body.scope.trim() : '';
  state.grantConsent(tenantId, client.appId, [resourceAppId]);
  state.grantDetails.set(grantKey(tenantId, client.appId, resourceAppId), { id, scope, consentType, principalId: body.principalId ?? null });
  state.markCreated(id, ctx.sim.clock.nowMs());
  sendJson(ctx.res, 201, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#oauth2PermissionGrants/$entity`,
    id, clientId: client.id, consentType, principalId: body.principalId ?? null, resourceId: state.resourceServicePrincipalId(tenantId, resourceAppId), scope,
  });
}

/** PATCH /oauth2PermissionGrants/{id} {scope}: the grant's permissions replaced. */
async function updatePermissionGrant(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const { grant, clientAppId, resourceAppId } = findGrant(ctx, claims);
  const { scope } = json<{ scope?: string }>(ctx);
  if (typeof scope !== 'string') throw graphError(ctx, 400, 'Request_BadRequest', "Property 'scope' is required.");
  ctx.sim.state.grantDetails.set(grantKey(String(claims.tid), clientAppId, resourceAppId), { id: grant.id, scope: scope.trim(), consentType: grant.consentType, principalId: grant.principalId });
  ctx.res.writeHead(204).end();
}

/** DELETE /oauth2PermissionGrants/{id}: the app is no longer consented for that resource. */
async function deletePermissionGrant(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const { clientAppId, resourceAppId } = findGrant(ctx, claims);
  ctx.sim.state.revokeConsent(String(claims.tid), clientAppId, resourceAppId);
  ctx.res.writeHead(204).end();
}

export function graphGrantRoutes(): Route[] {
  const path = '/graph/v1.0/oauth2PermissionGrants';
  return [
    { method: 'GET', path, name: 'graph oauth2PermissionGrants', handler: listPermissionGrants },
    { method: 'POST', path, name: 'graph oauth2PermissionGrants', handler: createPermissionGrant },
    { method: 'PATCH', path: `${path}/:id`, name: 'graph oauth2PermissionGrant', handler: updatePermissionGrant },
    { method: 'DELETE', path: `${path}/:id`, name: 'graph oauth2PermissionGrant', handler: deletePermissionGrant },
  ];
}
