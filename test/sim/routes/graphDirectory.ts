/**
 * Microsoft Graph's `GET /users` (https://learn.microsoft.com/graph/api/user-list): in a customer
 * tenant a partner user is not a member ("Guest users cannot call this API"), so what they may read
 * comes from the Entra roles DAP or GDAP gives them there (directoryRoles.ts). Without one of them
 * Graph answers 403 Authorization_RequestDenied, "Insufficient privileges to complete the operation."
 * (the body as reported in microsoftgraph/nodejs-connect-rest-sample#69 and
 * Azure-Samples/ms-identity-python-daemon#8).
 */
import { holdsAnyRole } from '../directoryRoles';
import { ENTRA_ROLE_IDS } from '../entraRoles';
import { sendJson, type RequestContext, type Route } from '../http';
import { authenticate, graphError, page } from './graph';

/**
 * Assumption: the roles that read a tenant's users (Microsoft's per-API role lists were not read in
 * full); other admin roles, Exchange Administrator among them, are refused here.
 */
const USER_READING_ROLES = [
  'Global Administrator',
  'Global Reader',
  'Directory Readers',
  'Directory Writers',
  'User Administrator',
  'Helpdesk Administrator',
  'Privileged Role Administrator',
].map((name) => ENTRA_ROLE_IDS[name]!);

async function listUsers(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const tenantId = String(claims.tid);
  const { state } = ctx.sim;
  if (!holdsAnyRole(state, String(claims.oid), tenantId, USER_READING_ROLES, ctx.sim.clock.nowMs())) {
    throw graphError(ctx, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  const tenant = state.findTenant(tenantId)!;
  const users =
    tenant.id === state.partner.id
      ? [...state.users.values()].filter((user) => user.tenantId === tenant.id).map((user) => ({ id: user.oid, displayName: user.displayName, userPrincipalName: user.upn }))
      : [{ id: `${tenant.id.slice(0, 24)}00000000001`, displayName: `${tenant.displayName} admin`, userPrincipalName: `admin@${tenant.domain}` }];
  sendJson(ctx.res, 200, page(ctx, users, 'users', 100, 999));
}

export function graphDirectoryRoutes(): Route[] {
  return [{ method: 'GET', path: '/graph/v1.0/users', name: 'graph users', handler: listUsers }];
}
